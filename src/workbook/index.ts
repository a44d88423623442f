export type {
  ApplyOptions,
  CellInput,
  PageSetup,
  RangeStyle,
  SheetInfo,
  SheetVisibility,
  WorkbookOp,
  WorkbookPort,
} from './port';
export { WorkbookError } from './port';
