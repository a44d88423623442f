export { createXlsxWorkbook, openXlsxWorkbook } from './createXlsxWorkbook';
export type { XlsxOptions, XlsxWorkbook } from './createXlsxWorkbook';
export type { ZipCodec } from './readZip';
export { formatCellText, dateToSerial, serialToDate } from '../_lib/displayText';
