/**
 * Writes a zip file from entries that are either copied as stored (their compressed bytes, CRC and
 * sizes unchanged) or new (deflated here with fflate). Local headers carry the sizes, so no data
 * descriptors are needed; ZIP64 is not written (a book over 4 GB is refused long before).
 */
import type { ZipCodec, ZipEntry } from './readZip';
import { FFLATE_CODEC } from './readZip';

/** A part to write: an entry read from the input (copied as is) or new bytes. */
export type ZipOutput = { kind: 'copy'; entry: ZipEntry } | { kind: 'new'; name: string; bytes: Uint8Array };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/**
 * CRC-32 (ISO 3309, as zip uses it).
 * @example crc32(new TextEncoder().encode('123456789')) // 0xcbf43926
 */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An entry ready to write: its name as UTF-8 bytes. */
type Prepared = Omit<ZipEntry, 'name'> & { name: Uint8Array };

/**
 * The fields a local header and its central-directory record share, in the same order (from
 * "version needed" to the name length): at +4 in the local header, at +6 in the central one.
 */
function setSharedFields(view: DataView, at: number, p: Prepared): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, p.flags, true);
  view.setUint16(at + 4, p.method, true);
  view.setUint16(at + 6, p.time, true);
  view.setUint16(at + 8, p.date, true);
  view.setUint32(at + 10, p.crc, true);
  view.setUint32(at + 14, p.data.length, true);
  view.setUint32(at + 18, p.size, true);
  view.setUint16(at + 22, p.name.length, true);
}

function dosTimeDate(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * Packs entries into zip bytes, in the order given.
 * @param outputs copied entries and new parts
 * @param now the time stamped on new parts
 * @param level deflate level for new parts (1–9)
 * @param codec the deflater (fflate unless the caller has a faster one)
 * @example writeZip([{ kind: 'new', name: 'a.xml', bytes }], new Date())
 */
export function writeZip(
  outputs: readonly ZipOutput[],
  now: Date,
  level = 6,
  codec: ZipCodec = FFLATE_CODEC,
): Uint8Array {
  const enc = new TextEncoder();
  const stamp = dosTimeDate(now);
  const prepared: Prepared[] = outputs.map((o) => {
    if (o.kind === 'copy') {
      const e = o.entry;
      // Bit 3 (sizes in a trailing descriptor) is cleared: the local header written here has them.
      return { ...e, name: enc.encode(e.name), flags: (e.flags & ~0x8) | 0x800 };
    }
    const data = o.bytes.length > 0 ? codec.deflateRaw(o.bytes, level) : o.bytes;
    return {
      name: enc.encode(o.name),
      method: o.bytes.length > 0 ? 8 : 0,
      crc: crc32(o.bytes),
      size: o.bytes.length,
      data,
      ...stamp,
      flags: 0x800,
      madeBy: 20,
      externalAttrs: 0,
    };
  });
  let total = 22;
  for (const p of prepared) total += 30 + p.name.length + p.data.length + 46 + p.name.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    setSharedFields(view, at + 4, p);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const dirStart = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, p.madeBy, true);
    setSharedFields(view, at + 6, p);
    view.setUint32(at + 38, p.externalAttrs, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - dirStart, true);
  view.setUint32(at + 16, dirStart, true);
  return out;
}
