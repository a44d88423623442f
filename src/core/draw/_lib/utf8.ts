/**
 * UTF-8 encoding with one shared encoder (private). noble's utf8ToBytes makes an encoder and a
 * copy per call, which adds up over the hundred thousand stream labels of a large draw.
 */
const encoder = new TextEncoder();

/**
 * UTF-8 bytes of a string.
 *
 * @param text - a well-formed string
 * @returns its UTF-8 bytes
 * @example
 * encodeUtf8('é') // Uint8Array [0xc3, 0xa9]
 */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Writes the UTF-8 bytes of `text` into `target`, which must be exactly `utf8Length(text)` long;
 * throws otherwise (a lone surrogate would be written as U+FFFD and change the length).
 *
 * @param text - a well-formed string
 * @param target - where the bytes go (this is the one function here that fills its argument)
 * @returns nothing
 * @example
 * encodeUtf8Into('医', buffer.subarray(32, 35))
 */
export function encodeUtf8Into(text: string, target: Uint8Array): void {
  const { written } = encoder.encodeInto(text, target);
  if (written !== target.length)
    throw new RangeError('encodeUtf8Into: the text has a lone surrogate or the target has the wrong length');
}

/**
 * Number of UTF-8 bytes of a well-formed string, without encoding it.
 *
 * @param text - a well-formed string
 * @returns its UTF-8 length
 * @example
 * utf8Length('team/医') // 8
 */
export function utf8Length(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) {
      // 2 bytes below U+0800, else 3; a surrogate pair is 4 bytes for 2 units (2 + 2 below).
      length += unit < 0x800 ? 1 : unit >= 0xd800 && unit <= 0xdfff ? 1 : 2;
    }
  }
  return length;
}
