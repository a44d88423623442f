import type { StateReader, WorkbookPort } from '../workbook';

/**
 * The same workbook, calling `onChange` after every write that went through. The page uses it to
 * know that the in-memory copy holds work (a draw, a log row, forms) that exists nowhere else until
 * it is downloaded. A failed write leaves the book as it was (the port's rule), so it is not a change.
 * A port that reads its own state (the page's worker validates where the book lives) keeps doing so.
 * @example const port = trackChanges(book, () => setHasUnsavedChanges(true));
 */
export function trackChanges(
  port: WorkbookPort & Partial<StateReader>,
  onChange: () => void,
): WorkbookPort & Partial<StateReader> {
  const tracked: WorkbookPort = {
    listSheets: () => port.listSheets(),
    readSheets: (names) => port.readSheets(names),
    apply: async (ops, options) => {
      await port.apply(ops, options);
      if (ops.length > 0) onChange();
    },
    select: (sheet, address) => port.select(sheet, address),
  };
  const { readBookState } = port;
  return readBookState ? { ...tracked, readBookState: (options) => readBookState.call(port, options) } : tracked;
}
