export { validateWorkbook, isOwnSheet } from './validateWorkbook';
export type { TableSummary, ValidationReport } from './validateWorkbook';
