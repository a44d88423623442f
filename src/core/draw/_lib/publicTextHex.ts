import { sha256Hex } from '../canonicalJson';

/**
 * ssj-draw/1 §3: SHA-256 of the public text after NFC and trimming (private; see
 * derivePublicSeedHex, kept here so that validation can use it without an import cycle).
 *
 * @param text - the public text
 * @returns 64 lowercase hex characters
 * @example
 * publicTextHex('  café  ') // '850f7dc43910ff890f8879c0ed26fe697c93a067ad93a7d50f466a7028a9bf4e'
 */
export function publicTextHex(text: string): string {
  return sha256Hex(text.normalize('NFC').trim());
}
