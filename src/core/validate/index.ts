export { validateWorkbook, isOwnSheet, hasPlanTable } from './validateWorkbook';
export type { TableSummary, ValidateOptions, ValidationReport } from './validateWorkbook';
export { planFixes } from './planFixes';
export type { CellChange } from './planFixes';
export { headerCandidates, findTableAt, readTableChoices, saveTableChoicesOps } from '../tables';
export type { HeaderCandidate, TableChoice } from '../tables';
