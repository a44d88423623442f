import type { WorkbookPort } from '../workbook';

/**
 * The same workbook, calling `onChange` after every write that went through. The page uses it to
 * know that the in-memory copy holds work (a draw, a log row, forms) that exists nowhere else until
 * it is downloaded. A failed write leaves the book as it was (the port's rule), so it is not a change.
 * @example const port = trackChanges(book, () => setHasUnsavedChanges(true));
 */
export function trackChanges(port: WorkbookPort, onChange: () => void): WorkbookPort {
  return {
    listSheets: () => port.listSheets(),
    readSheets: (names) => port.readSheets(names),
    apply: async (ops, options) => {
      await port.apply(ops, options);
      if (ops.length > 0) onChange();
    },
    select: (sheet, address) => port.select(sheet, address),
  };
}
