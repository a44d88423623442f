/** The Office adapter on the counting fake (fakeExcel.ts), as the add-in would use it in Excel. */
import { createOfficeWorkbook } from '../../src/workbook/office';
import type { OfficeWorkbookOptions } from '../../src/workbook/office';
import { FakeExcel } from './fakeExcel';
import type { FakeExcelOptions } from './fakeExcel';

/** A fresh fake Excel and the Office adapter's port on it; `options` go to both. */
export function officeOnFake(options: FakeExcelOptions & OfficeWorkbookOptions = {}) {
  const fake = new FakeExcel(options);
  const book = createOfficeWorkbook(fake.excelRun, fake.requirements, options);
  return { fake, book };
}
