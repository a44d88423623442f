/** The tamper-evident draw log: rows, stored data, the result sheets, chain check and full verification. */
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
  seedSourceLabel,
} from './drawLog';
export type { LogEntry, LogEvent } from './drawLog';
export { LOG_DATA_FORMAT, parseLogData, revealedInputs, serializeLogData } from './logData';
export type { CommitmentData, CommittedInputs, DrawData, FailureData, LogData, ParsedLogData, SubstitutionData, VoidData } from './logData';
export { appendLogOps, chainHead, checkLogLayout, readLogState } from './logSheet';
export type { LogRow, LogState } from './logSheet';
export { pendingCommitment, readLogEvents, taskDrawStatus } from './readLogEvents';
export type { LogEvents, StoredCommitment, StoredDraw } from './readLogEvents';
export { checkChain } from './checkChain';
export { displayNamesOf } from './drawContext';
export type { DrawContext, InspectorInfo, TargetInfo } from './drawContext';
export {
  compareDrawResultSheet,
  DRAW_RESULT_DIGEST_PREFIX,
  DRAW_RESULT_HEADER,
  DRAW_RESULT_LAYOUT,
  DRAW_RESULT_SHEET_PREFIX,
  drawResultInfoLine,
  drawResultRowCells,
  drawResultRowOps,
  drawResultSheetName,
  drawResultSheetOps,
  drawResultTitle,
  findDrawResultSheet,
  isDrawResultSheet,
} from './drawResultSheet';
export type { DrawResultMismatch, ExpectedDrawResult } from './drawResultSheet';
export { FOREIGN_SHEET_MESSAGE, verifyLog } from './verifyLog';
export type { LogVerification, VerifyLogOptions } from './verifyLog';
export { checkPublishedHead, publicCodeOf } from './publishedHead';
export type { PublishedHeadCheck } from './publishedHead';
