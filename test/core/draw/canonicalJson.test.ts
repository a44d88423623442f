import { canonicalDigest, canonicalJson, sha256Hex } from '../../../src/core/draw';
import { vectors } from './vectors';

function holey(): number[] {
  const items: number[] = [];
  items[0] = 1;
  items[2] = 3;
  return items;
}

describe('canonicalJson', () => {
  it.each(vectors.primitives.canonical.map((v, i) => [i, v] as const))(
    'writes canonical vector %i byte for byte',
    (_, vector) => {
      expect(canonicalJson(vector.value)).toBe(vector.text);
      expect(sha256Hex(vector.text)).toBe(vector.sha256);
      expect(canonicalDigest(vector.value)).toBe(vector.sha256);
    },
  );

  it('sorts keys by UTF-16 code unit, not by code point', () => {
    // U+FF3A (Ｚ) is one unit 0xFF3A; U+20BB7 (𠮷) starts with 0xD842, so it sorts first here.
    expect(canonicalJson({ Ｚ: 1, '𠮷': 2, a: 3 })).toBe('{"a":3,"𠮷":2,"Ｚ":1}');
  });

  it('escapes strings as JSON.stringify does and keeps non-ASCII as is', () => {
    expect(canonicalJson(['\u0000\u001f', 'tab\t', '\\', '"', '/', '\u2028', '医保'])).toBe(
      '["\\u0000\\u001f","tab\\t","\\\\","\\"","/","\u2028","医保"]',
    );
  });

  it('writes integers without exponent or fraction, and -0 as 0', () => {
    expect(canonicalJson([0, -0, 10000, -7, Number.MAX_SAFE_INTEGER])).toBe(
      '[0,0,10000,-7,9007199254740991]',
    );
  });

  it('writes nested empty containers and booleans', () => {
    expect(canonicalJson({ b: [], a: {}, c: [true, false] })).toBe('{"a":{},"b":[],"c":[true,false]}');
  });

  it.each([
    ['a fraction', { a: [1, 1.5] }, '$.a[1]'],
    ['an unsafe integer', { big: 2 ** 60 }, '$.big'],
    ['NaN', [Number.NaN], '$[0]'],
    ['null', { x: null }, '$.x'],
    ['undefined', { x: undefined }, '$.x'],
    ['a lone surrogate in a string', { s: ['ok', '\ud800'] }, '$.s[1]'],
    ['a lone surrogate in a key', { ['\udc00']: 1 }, '$.\udc00'],
    ['a class instance', { d: new Date(0) }, '$.d'],
    ['an array hole', { h: holey() }, '$.h[1]'],
  ])('rejects %s, naming the path', (_, value, path) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(() => canonicalJson(value)).toThrow(path);
  });

  it('accepts a correctly paired astral character', () => {
    expect(canonicalJson('🙂𠮷')).toBe('"🙂𠮷"');
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of a string', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
