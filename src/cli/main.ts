/** Process entry of the bundled CLI. */
import { createNodeIo } from './nodeIo';
import { runCli } from './runCli';

runCli(process.argv.slice(2), createNodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`内部错误：${String(e)}\n`);
    process.exitCode = 2;
  },
);
