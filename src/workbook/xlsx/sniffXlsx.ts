/**
 * Tells a real .xlsx from what users rename to .xlsx: an old .xls, a password-encrypted workbook
 * (both are OLE compound files, not zip), a CSV or text file. The messages say what to do.
 */
import { WorkbookError } from '../port';

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (const ch of text) needle.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Throws a Chinese `WorkbookError` unless the bytes look like an .xlsx (zip) file.
 * @param bytes the file content
 * @param fileName shown in the message
 */
export function assertLooksLikeXlsx(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new WorkbookError(`文件 ${fileName} 是空的（0 字节）。`, 'EMPTY_FILE');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isOle) {
    if (hasUtf16(bytes.subarray(0, Math.min(bytes.length, 1 << 20)), 'EncryptionInfo')) {
      throw new WorkbookError(
        `文件 ${fileName} 设置了打开密码（已加密），无法读取：请在 Excel 中“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码后另存再试。`,
        'ENCRYPTED',
      );
    }
    throw new WorkbookError(
      `文件 ${fileName} 是旧版 Excel 97-2003（.xls）格式：请在 Excel 或 WPS 中“另存为 → Excel 工作簿（*.xlsx）”后再试。`,
      'XLS_FORMAT',
    );
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512));
  if (/[,\t]/.test(head) && !head.includes('\u0000')) {
    throw new WorkbookError(
      `文件 ${fileName} 不是 .xlsx 工作簿，看起来是 CSV/文本文件改了扩展名：请在 Excel 或 WPS 中打开后“另存为 .xlsx”。`,
      'NOT_XLSX',
    );
  }
  throw new WorkbookError(
    `文件 ${fileName} 不是 .xlsx 工作簿（无法识别的格式）：请另存为 .xlsx 后再试。`,
    'NOT_XLSX',
  );
}
