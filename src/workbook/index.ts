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

/** The .xlsx adapter, loaded on demand so that the task pane's first bundle stays small. */
export function loadXlsxAdapter(): Promise<typeof import('./xlsx')> {
  return import(/* webpackChunkName: "xlsx" */ './xlsx');
}
export type { XlsxOptions, XlsxWorkbook, ZipCodec } from './xlsx';
export { createOfficeWorkbook, detectCapabilities } from './office';
export { createMemoryWorkbook } from './memory';
export { readBookState, readLogBookState } from './readBookState';
export type { BookState, LogBook, StateReader } from './readBookState';
