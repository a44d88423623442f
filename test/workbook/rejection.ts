import { WorkbookError } from '../../src/workbook/port';

/** The WorkbookError a promise rejects with; fails the test if it resolves or throws something else. */
export async function rejection(p: Promise<unknown>): Promise<WorkbookError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
  throw new Error('expected a WorkbookError');
}
