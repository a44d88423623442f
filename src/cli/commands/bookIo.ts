/** Opening input books and writing output books, the same way for every command. */
import type { CliIo } from '../cliIo';
import { UsageError } from '../cliIo';
import type { Grid } from '../../core/grid';
import { loadXlsxAdapter } from '../../workbook';
import type { XlsxWorkbook as XlsxWorkbookHandle } from '../../workbook';
import { nodeZipCodec } from '../nodeIo';

/** The bytes each opened book was read from: an in-place save refuses if the file changed since. */
const readBytes = new WeakMap<XlsxWorkbookHandle, Uint8Array>();

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
  const book = await openXlsxWorkbook(bytes, name, { codec: nodeZipCodec });
  readBytes.set(book, bytes);
  return book;
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
 * else `<name>.<command>.xlsx` beside the input. An existing output is replaced only with `--force`.
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
  return saveBook(io, book, input, out, { inPlace, force: Boolean(values.force) });
}

/**
 * Saves the book to OUT atomically. Refuses to write over the input unless --in-place (symlinks and
 * hard links count as the input), and over any other existing file unless --force; an in-place save
 * refuses when the input changed since it was read.
 */
export async function saveBook(io: CliIo, book: XlsxWorkbookHandle, input: string, out: string, mode: { inPlace: boolean; force?: boolean }): Promise<string> {
  const target = io.resolve(out);
  const isInput = await io.sameFile(target, io.resolve(input));
  if (isInput && !mode.inPlace) throw new UsageError('输出文件与输入文件相同：如确需覆盖原文件，请加 --in-place。');
  const bytes = await book.save();
  const read = readBytes.get(book);
  await io.writeFileAtomic(target, bytes, isInput ? { overwrite: true, ...(read ? { unchangedSince: read } : {}) } : { overwrite: Boolean(mode.force) });
  return target;
}
