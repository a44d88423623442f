/** Opening input books and writing output books, the same way for every command. */
import type { CliIo } from '../cliIo';
import { UsageError } from '../cliIo';
import type { Grid } from '../../core/grid';
import { loadXlsxAdapter } from '../../workbook';
import type { XlsxWorkbook as XlsxWorkbookHandle } from '../../workbook';
import { nodeZipCodec } from '../nodeIo';

/** Opens BOOK (exit 2 with a Chinese reason when it is missing or not an .xlsx). */
export async function openBook(io: CliIo, path: string | undefined): Promise<XlsxWorkbookHandle> {
  if (!path) throw new UsageError('缺少工作簿文件参数。用法见 shuangsuiji --help。');
  if (!/\.xlsx$/i.test(path)) {
    if (/\.(xls|et|csv|wps|ods)$/i.test(path)) throw new UsageError(`${path} 不是 .xlsx 文件：请在 Excel 或 WPS 中“另存为 .xlsx”后再试。`);
    if (/\.xlsb$/i.test(path)) throw new UsageError(`${path} 是 Excel 二进制工作簿（.xlsb），无法读取：请在 Excel 中“另存为 Excel 工作簿（*.xlsx）”后再试。`);
  }
  const bytes = await io.readFile(io.resolve(path));
  const { openXlsxWorkbook } = await loadXlsxAdapter();
  const name = path.split(/[\\/]/).pop() ?? path;
  return openXlsxWorkbook(bytes, name, { codec: nodeZipCodec });
}

/** Reads every sheet's used range, in tab order. */
export async function readAllSheets(book: XlsxWorkbookHandle): Promise<Grid[]> {
  const sheets = await book.listSheets();
  return book.readSheets(sheets.map((s) => s.name));
}

/** `<dir>/<name>.<command>.xlsx` beside the input, per cli.md (`.xlsm` for a macro-enabled book, which Excel refuses under `.xlsx`). */
export function defaultOutputPath(input: string, command: string): string {
  if (/\.xlsm$/i.test(input)) return input.replace(/\.xlsm$/i, `.${command}.xlsm`);
  return input.replace(/(\.xlsx)?$/i, `.${command}.xlsx`);
}

/**
 * Saves the book where the options say (cli.md): the input itself with `--in-place`, else `-o OUT`,
 * else `<name>.<command>.xlsx` beside the input.
 */
export async function saveOutput(
  io: CliIo,
  book: XlsxWorkbookHandle,
  input: string,
  values: Record<string, string | boolean | undefined>,
  command: string,
): Promise<string> {
  const inPlace = Boolean(values['in-place']);
  const out = inPlace ? input : ((values.output as string | undefined) ?? defaultOutputPath(input, command));
  return saveBook(io, book, input, out, inPlace);
}

/** Saves the book to OUT atomically; refuses to overwrite the input unless --in-place. */
export async function saveBook(io: CliIo, book: XlsxWorkbookHandle, input: string, out: string, inPlace: boolean): Promise<string> {
  const target = io.resolve(out);
  if (target === io.resolve(input) && !inPlace) {
    throw new UsageError('输出文件与输入文件相同：如确需覆盖原文件，请加 --in-place。');
  }
  await io.writeFileAtomic(target, await book.save());
  return target;
}
