/**
 * The workflows after validation, assembled once for the CLI, the task pane and the page: read a
 * book's state, plan and make a draw (local or public seed, with commitment), 递补 and 作废, record
 * forms, results registers, 公示 and yearly figures. Each turns the book as read plus the clerk's
 * input into a plain outcome and the workbook operations that record it; the rooms apply the
 * operations and show the outcome.
 */
export { appendBlocker, appendEvent, describeAppendBlocker, logBlocker } from './appendEvent';
export type { AppendBlocker, EventFields, EventMeta } from './appendEvent';
export { gridOf, readBookStateFrom, readLogBook, sheetNamesOf } from './bookState';
export type { BookState, LogBook, SheetSummary } from './bookState';
export { dateToSerialDay } from './dates';
export {
  commitDraw,
  DEFAULT_BUREAU_DEPARTMENT,
  describeReplacement,
  describeStaffRule,
  drawSettingsFor,
  findTask,
  listDrawWarnings,
  minStaffSourceOf,
  makeDraw,
  planDraw,
  splitMatters,
} from './drawTask';
export type {
  CommitOutcome,
  DrawBlocker,
  DrawChecks,
  DrawOptions,
  DrawOutcome,
  DrawPlan,
  DrawReady,
  MinStaffSource,
  PlanRefusal,
  SeedChoice,
  StratumPlan,
  UnseededInputs,
} from './drawTask';
export { formsIdentityText, formsSheetsOf, staleFormsOps } from './formsIdentity';
export type { FormsSheet } from './formsIdentity';
export { publicationCsv, publicationOps, readPublication } from './publication';
export type { PublicationPlan } from './publication';
export { chooseDraw, planRecordForms, sheetsAddedBy } from './recordForms';
export type { RecordFormsPlan, RecordFormsRequest } from './recordForms';
export { planResultsRegisters } from './resultsRegisters';
export type { ResultsRegistersPlan } from './resultsRegisters';
export {
  drawForAppend,
  resolveInspector,
  resolveTarget,
  substituteInspector,
  voidDraw,
} from './substituteInspector';
export type { AppendRefusal, SubstitutionAsk, SubstitutionOutcome, VoidOutcome } from './substituteInspector';
export { announcementProblem, listCommitmentNotice, publicTextProblem } from './announcement';
export { firstLogError, unverifiedRefusal, VERIFY_ADVICE, verifyBook } from './verifyBook';
export { listNoTaskReasons } from './listNoTaskReasons';
