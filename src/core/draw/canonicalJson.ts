import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isWellFormedString } from './_lib/text';

/**
 * Writes the canonical JSON text of a value (ssj-draw/1 §2): RFC 8785 (JCS) restricted to strings,
 * safe integers, booleans, arrays and plain objects. Object keys are sorted by UTF-16 code unit,
 * there is no white space, strings are escaped as `JSON.stringify` escapes them.
 *
 * Anything else (null, undefined, fractions, numbers beyond ±(2^53−1), strings with a lone
 * surrogate, class instances) is a programming error here, because records are validated before
 * they are digested, so it throws a `TypeError` naming the path.
 *
 * @param value - a JSON-like value
 * @returns its canonical text
 * @example
 * canonicalJson({ b: [1, true, 'x'], A: { é: '🙂' } }) // '{"A":{"é":"🙂"},"b":[1,true,"x"]}'
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value, []);
  } catch (error) {
    if (isPathError(error)) throw new TypeError(`canonicalJson: $${error.path}: ${error.problem}`);
    throw error;
  }
}

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of a value's canonical text: how ssj-draw/1 digests
 * records (`inputDigest`, `recordDigest`, the commitment).
 *
 * @param value - a JSON-like value accepted by {@link canonicalJson}
 * @returns 64 lowercase hex characters
 * @example
 * canonicalDigest({ a: 1 }) // '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'
 */
export function canonicalDigest(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of a string.
 *
 * @param text - any well-formed string
 * @returns 64 lowercase hex characters
 * @example
 * sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Raised inside the writer; `path` is the stack of keys and indexes at the time. */
type PathError = { readonly isCanonicalPathError: true; readonly problem: string; readonly path: string };

function isPathError(error: unknown): error is PathError {
  return typeof error === 'object' && error !== null && 'isCanonicalPathError' in error;
}

/** Keys and indexes from the root to the value being written, kept only to name a failure. */
type PathStack = (string | number)[];

function fail(stack: PathStack, problem: string): never {
  const path = stack.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
  const error: PathError = { isCanonicalPathError: true, problem, path };
  throw error;
}

function write(value: unknown, stack: PathStack): string {
  switch (typeof value) {
    case 'string':
      if (!isWellFormedString(value)) fail(stack, 'string with a lone surrogate');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) fail(stack, `not a safe integer: ${String(value)}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return fail(stack, 'null');
      if (Array.isArray(value)) return writeArray(value, stack);
      return writeObject(value, stack);
    default:
      return fail(stack, `unsupported ${typeof value}`);
  }
}

function writeArray(items: readonly unknown[], stack: PathStack): string {
  // Fast path for the long id lists: one native stringify gives the same text for strings.
  // A hole reads as undefined, so it takes the slow path and fails there.
  let allStrings = true;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string') {
      allStrings = false;
      break;
    }
    if (!isWellFormedString(item)) fail([...stack, i], 'string with a lone surrogate');
  }
  if (allStrings) return JSON.stringify(items);
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    stack.push(i);
    if (!(i in items)) fail(stack, 'hole in array');
    parts.push(write(items[i], stack));
    stack.pop();
  }
  return `[${parts.join(',')}]`;
}

function writeObject(value: object, stack: PathStack): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail(stack, 'not a plain object');
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is what RFC 8785 asks for keys.
  const keys = Object.keys(record).sort();
  const parts: string[] = [];
  for (const key of keys) {
    stack.push(key);
    if (!isWellFormedString(key)) fail(stack, 'key with a lone surrogate');
    parts.push(`${JSON.stringify(key)}:${write(record[key], stack)}`);
    stack.pop();
  }
  return `{${parts.join(',')}}`;
}
