export { runCli, COMMANDS } from './runCli';
export { createNodeIo } from './nodeIo';
export type { CliIo } from './cliIo';
