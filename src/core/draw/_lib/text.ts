/** String checks shared by the draw modules (private). */

type MaybeWellFormed = { isWellFormed?: () => boolean };

const loneSurrogate = /\p{Surrogate}/u;

/**
 * True when `s` has no lone surrogate (so that it has a UTF-8 form). Uses
 * `String.prototype.isWellFormed` where the engine has it.
 *
 * @param s - any string
 * @returns whether it is well-formed UTF-16
 * @example
 * isWellFormedString('𠮷') // true; isWellFormedString('\ud842') // false
 */
export function isWellFormedString(s: string): boolean {
  const native = (s as unknown as MaybeWellFormed).isWellFormed;
  return native === undefined ? !loneSurrogate.test(s) : native.call(s);
}

/** Printable ASCII without space and "/": such an id is non-empty, trimmed, NFC and well formed. */
const plainId = /^[\x21-\x2e\x30-\x7e]+$/;

/**
 * True when `s` is a plain ASCII id (printable, no space, no "/"), so that the slower checks
 * (NFC, trim, well-formedness) can be skipped.
 *
 * @param s - any string
 * @returns whether it is a plain id
 * @example
 * isPlainId('91130500000000022X') // true; isPlainId('A/B') // false
 */
export function isPlainId(s: string): boolean {
  return plainId.test(s);
}

/**
 * Quotes a value for a message.
 *
 * @param s - the value
 * @returns it in double quotes
 * @example
 * quote('b') // '"b"'
 */
export function quote(s: string): string {
  return `"${s}"`;
}
