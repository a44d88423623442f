/** The tamper-evident draw log: rows, stored data, chain check and full verification. */
export {
  appendLogEntry,
  chunkText,
  computeEntryHash,
  DATA_SHEET,
  formatLogTime,
  GENESIS_HASH,
  LOG_COLUMNS,
  LOG_LAYOUT,
  LOG_SHEET,
  serializeLogData,
} from './drawLog';
export type { LogData, LogEntry, LogEvent } from './drawLog';
export { appendLogOps, chainHead, readLogState } from './logSheet';
export type { LogRow, LogState } from './logSheet';
export { checkChain } from './checkChain';
export type { DrawContext, InspectorInfo, TargetInfo } from './drawContext';
export {
  findResultSheet,
  RESULT_DIGEST_PREFIX,
  resultInfoLine,
  seedSourceLabel,
  verifyLog,
} from './verifyLog';
export type { LogVerification, VerifyLogOptions } from './verifyLog';
