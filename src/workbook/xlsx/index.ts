export { createXlsxWorkbook, openXlsxWorkbook } from './createXlsxWorkbook';
export type { XlsxWorkbook } from './createXlsxWorkbook';
export { formatCellText, dateToSerial, serialToDate } from '../_lib/displayText';
