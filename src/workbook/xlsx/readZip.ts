/**
 * The zip container of an .xlsx, read from its central directory (PKWARE APPNOTE 6.3, §4.3): every
 * entry's name and compressed bytes, untouched. Only the parts we read are inflated (fflate); the
 * others are copied to the saved book as they were, so a user's charts, images and macros are never
 * decompressed, let alone re-encoded.
 */
import { deflateSync, inflateSync } from 'fflate';
import { WorkbookError } from '../port';

/**
 * Raw deflate both ways. fflate by default (the same in the page, a worker and Node); the CLI
 * passes Node's zlib, about three times faster, without this folder touching a Node API.
 */
export type ZipCodec = {
  /** Inflates raw deflate data; `limit` is the most bytes wanted (more may be cut off or refused). */
  inflateRaw(data: Uint8Array, limit: number): Uint8Array;
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
};

/** The portable codec (fflate). */
export const FFLATE_CODEC: ZipCodec = {
  // fflate stops at the end of a given buffer, so a lying size can neither make it grow nor pass.
  inflateRaw: (data, limit) => inflateSync(data, { out: new Uint8Array(limit) }),
  deflateRaw: (data, level) =>
    deflateSync(data, { level: Math.min(9, Math.max(0, level)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }),
};

/** One file in the zip, with its compressed bytes as stored. */
export type ZipEntry = {
  /** The name as stored (an OPC part name without the leading `/`). */
  name: string;
  /** 0 stored, 8 deflate; other methods are refused when the entry is read. */
  method: number;
  crc: number;
  /** Uncompressed size as declared by the central directory. */
  size: number;
  /** The compressed bytes (a view into the file). */
  data: Uint8Array;
  /** MS-DOS time and date, kept when the entry is copied. */
  time: number;
  date: number;
  /** General purpose flags; bit 0 (encrypted) is refused. */
  flags: number;
  /** Version made by, external attributes: kept when copied. */
  madeBy: number;
  externalAttrs: number;
};

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(fileName: string, why: string): WorkbookError {
  return new WorkbookError(
    `文件 ${fileName} 已损坏或不是有效的 .xlsx 工作簿，无法读取（${why}）。请在 Excel 或 WPS 中打开并另存后再试。`,
    'CORRUPT',
  );
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8');
const cp437ish = new TextDecoder('latin1');

/**
 * Lists the entries of a zip file from its central directory.
 * @param bytes the whole file
 * @param fileName for messages
 * @returns the entries in central-directory order
 * @example readZip(bytes, 'x.xlsx').map((e) => e.name) // ['[Content_Types].xml', '_rels/.rels', …]
 */
export function readZip(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = view.byteLength >= 22 ? findEndOfCentralDirectory(view) : -1;
  if (eocd < 0) throw corrupt(fileName, '找不到 zip 目录，文件可能不完整');
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (dirOffset === 0xffffffff || count === 0xffff) {
    // ZIP64: the locator sits just before the classic record.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== EOCD64_LOCATOR) throw corrupt(fileName, 'ZIP64 目录缺失');
    const at = Number(view.getBigUint64(loc + 8, true));
    if (at + 56 > view.byteLength || view.getUint32(at, true) !== EOCD64)
      throw corrupt(fileName, 'ZIP64 目录损坏');
    count = Number(view.getBigUint64(at + 32, true));
    dirSize = Number(view.getBigUint64(at + 40, true));
    dirOffset = Number(view.getBigUint64(at + 48, true));
  }
  if (dirOffset + dirSize > view.byteLength) throw corrupt(fileName, 'zip 目录超出文件末尾，文件可能被截断');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL)
      throw corrupt(fileName, 'zip 目录项损坏');
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let csize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    let local = view.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: UTF-8 names. Others are CP437 by the spec; every producer we know writes ASCII there.
    const name = (flags & 0x800 ? utf8 : cp437ish).decode(nameBytes);
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (csize === 0xffffffff) {
          csize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (local === 0xffffffff) local = Number(view.getBigUint64(q, true));
      }
      x += 4 + len;
    }
    p = extraEnd + commentLen;
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL)
      throw corrupt(fileName, `“${name}”的数据头损坏`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + csize > view.byteLength) throw corrupt(fileName, `“${name}”超出文件末尾，文件可能被截断`);
    entries.push({
      name,
      method,
      crc,
      size,
      data: bytes.subarray(start, start + csize),
      time,
      date,
      flags,
      madeBy,
      externalAttrs,
    });
  }
  return entries;
}

/**
 * The uncompressed bytes of an entry, refusing more than `limit` bytes (a zip bomb or a sheet too
 * large to handle in a browser tab).
 * @param entry from readZip
 * @param limit the most bytes accepted
 * @param fileName for messages
 * @param codec the inflater (fflate unless the caller has a faster one)
 * @example new TextDecoder().decode(inflateEntry(entry, 1 << 20, 'x.xlsx'))
 */
export function inflateEntry(
  entry: ZipEntry,
  limit: number,
  fileName: string,
  codec: ZipCodec = FFLATE_CODEC,
): Uint8Array {
  if (entry.flags & 1) {
    throw new WorkbookError(
      `文件 ${fileName} 的内容已加密，无法读取：请在 Excel 中取消加密后另存再试。`,
      'ENCRYPTED',
    );
  }
  if (entry.size > limit) throw tooLarge(entry.name, entry.size, limit, fileName);
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw corrupt(fileName, `“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  let out: Uint8Array;
  try {
    // One byte more than declared: data longer than its declared size shows as a length mismatch.
    out = codec.inflateRaw(entry.data, entry.size + 1);
  } catch (e) {
    throw corrupt(fileName, `“${entry.name}”解压失败：${e instanceof Error ? e.message : String(e)}`);
  }
  if (out.length !== entry.size) throw corrupt(fileName, `“${entry.name}”的长度与目录不符`);
  return out;
}

function tooLarge(name: string, size: number, limit: number, fileName: string): WorkbookError {
  const mb = (n: number) => `${Math.round(n / 1_048_576)} MB`;
  return new WorkbookError(
    `文件 ${fileName} 中的“${name}”解压后有 ${mb(size)}，超过本工具能处理的 ${mb(limit)}：请把数据拆到几个工作簿中，或删除不需要的行和列后再试。`,
    'TOO_LARGE',
  );
}
