/**
 * The OOXML sheet-protection password hash (ECMA-376 agile: SHA-512 over salt ‖ UTF-16LE password,
 * then spinCount rounds of SHA-512(hash ‖ LE32(i))): written on protect, checked on unprotect so that
 * a wrong password is refused as Excel would.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

type Hash = (data: Uint8Array) => Uint8Array;
const ALGORITHMS: Record<string, Hash> = {
  'SHA-512': sha512,
  'SHA-384': sha384,
  'SHA-256': sha256,
  'SHA-1': sha1,
};

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

function spin(hash: Hash, password: string, salt: Uint8Array, spinCount: number): Uint8Array {
  let h = hash(concat(salt, utf16le(password)));
  const counter = new Uint8Array(4);
  for (let i = 0; i < spinCount; i++) {
    counter[0] = i & 0xff;
    counter[1] = (i >>> 8) & 0xff;
    counter[2] = (i >>> 16) & 0xff;
    counter[3] = (i >>> 24) & 0xff;
    h = hash(concat(h, counter));
  }
  return h;
}

/**
 * Whether `password` matches a stored sheet protection hash (SHA-512 unless `algorithm` names
 * another of SHA-1/256/384); false for an algorithm we do not know.
 * @example isSheetPasswordCorrect('x', saltB64, hashB64, 1000) // true or false
 */
export function isSheetPasswordCorrect(
  password: string,
  saltB64: string,
  hashB64: string,
  spinCount: number,
  algorithm = 'SHA-512',
): boolean {
  const hash = ALGORITHMS[algorithm.toUpperCase()];
  if (!hash) return false;
  return toBase64(spin(hash, password, fromBase64(saltB64), spinCount)) === hashB64;
}

/**
 * The SHA-512 protection hash of `password` with `salt`, as `<sheetProtection>` stores it.
 * @example hashSheetPassword('x', salt, 1000) // { saltValue: '…', hashValue: '…' }
 */
export function hashSheetPassword(
  password: string,
  salt: Uint8Array,
  spinCount: number,
): { saltValue: string; hashValue: string } {
  return { saltValue: toBase64(salt), hashValue: toBase64(spin(sha512, password, salt, spinCount)) };
}

/**
 * Whether `password` matches the legacy 16-bit `password="CE4B"` hash (ECMA-376 Part 4 §14.7.1)
 * that LibreOffice and old Excel versions write.
 * @example isLegacyPasswordCorrect('', 'CE4B') // true
 */
export function isLegacyPasswordCorrect(password: string, stored: string): boolean {
  let hash = 0;
  for (let i = password.length - 1; i >= 0; i--) {
    hash = ((hash >> 14) & 1) | ((hash << 1) & 0x7fff);
    hash ^= password.charCodeAt(i);
  }
  hash = ((hash >> 14) & 1) | ((hash << 1) & 0x7fff);
  hash ^= password.length;
  hash ^= 0xce4b;
  return hash === parseInt(stored, 16);
}
