/**
 * Request/response size estimates. Excel on the web rejects a `sync()` whose request or response
 * exceeds 5 MB (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`), so the
 * adapter splits big reads and writes into row chunks that stay under a 4 MiB budget, leaving
 * room for the JSON envelope and for our estimate being low.
 */

/** The Office error codes of a request or response over the limit. */
export const PAYLOAD_ERROR_CODES: ReadonlySet<string> = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** The documented hard limit in Excel on the web. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one request may carry by our estimate. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Estimated response bytes per cell when loading `text`, `values` and `numberFormat`:
 * the raw value and the displayed text are usually the same string (bureau sheets: 18-char
 * credit codes, names and addresses of up to ~20 CJK characters = 60 UTF-8 bytes, short numbers),
 * about 40 bytes each on average, plus `"General"` (9) plus quotes and commas (~6 per array):
 * ~100 bytes. 128 gives 32,768 cells per 4 MiB chunk; a sheet averaging up to ~160 bytes a cell
 * still fits under 5 MB. When a response turns out larger the reader raises its estimate
 * (see `createOfficeWorkbook`), and a rejected read is retried with smaller chunks.
 */
export const READ_BYTES_PER_CELL = 128;

/** Bytes reserved per chunk for its merged-area address (≤ 512 areas × ~24 bytes). */
export const MERGE_RESERVE_BYTES = 16 * 1024;

/** Rough cost of a small command (a style, a column width, a protect). */
export const SMALL_COMMAND_BYTES = 512;

/** UTF-8 length of a string without allocating an encoder buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of a value as JSON, which is how Office ships it. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}
