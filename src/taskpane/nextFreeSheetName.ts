/** The pane's sheet-name helpers live in core (the CLI names new sheets the same way). */
export { hasSheet, nextFreeSheetName } from '../core/sheetNames';
