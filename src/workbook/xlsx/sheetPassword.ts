/**
 * The OOXML sheet-protection password hash (ECMA-376 agile: SHA-512 over salt ‖ UTF-16LE password,
 * then spinCount rounds of SHA-512(hash ‖ LE32(i))). ExcelJS writes it on protect() but cannot check
 * a password on unprotect(); this lets the adapter refuse a wrong password as Excel would.
 */
import { sha512 } from '@noble/hashes/sha2.js';

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

/**
 * Whether `password` matches a stored SHA-512 sheet protection hash.
 * @example isSheetPasswordCorrect('x', saltB64, hashB64, 1000) // true or false
 */
export function isSheetPasswordCorrect(password: string, saltB64: string, hashB64: string, spinCount: number): boolean {
  let h = sha512(concat(fromBase64(saltB64), utf16le(password)));
  const counter = new Uint8Array(4);
  for (let i = 0; i < spinCount; i++) {
    counter[0] = i & 0xff;
    counter[1] = (i >>> 8) & 0xff;
    counter[2] = (i >>> 16) & 0xff;
    counter[3] = (i >>> 24) & 0xff;
    h = sha512(concat(h, counter));
  }
  return toBase64(h) === hashB64;
}
