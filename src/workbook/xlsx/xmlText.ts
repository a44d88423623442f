/**
 * The little XML the package needs: attribute lists, entity decoding, escaping, and the `_xHHHH_`
 * escape of ECMA-376 Part 1 §22.9.2.19 (ST_Xstring) that every string in a cell, shared string or
 * defined name uses for characters XML cannot carry.
 */

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

function decodeEntity(_m: string, e: string): string {
  switch (e) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * Decodes XML character and entity references.
 * @example decodeXml('a &amp; b&#x4E2D;') // 'a & b中'
 */
export function decodeXml(s: string): string {
  return s.includes('&') ? s.replace(ENTITY, decodeEntity) : s;
}

/**
 * Escapes text for an element's content or a double-quoted attribute.
 * @example escapeXml('<a & "b">') // '&lt;a &amp; &quot;b&quot;&gt;'
 */
export function escapeXml(s: string): string {
  return /[&<>"\r]/.test(s)
    ? s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\r/g, '&#13;')
    : s;
}

/**
 * Escapes text for a double-quoted attribute, keeping line breaks and tabs (which an XML parser
 * would otherwise turn into spaces).
 * @example escapeAttr('a\nb') // 'a&#10;b'
 */
export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Undoes `_xHHHH_` escapes (after entity decoding), as Excel does on reading.
 * @example decodeXstring('a_x000D_b') // 'a\rb'
 */
export function decodeXstring(s: string): string {
  return s.includes('_x')
    ? s.replace(XSTRING_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

/**
 * Makes any JS string storable in an ST_Xstring: a literal `_xHHHH_` gets its `_` escaped as
 * `_x005F_`, and characters XML 1.0 cannot hold (C0 controls but tab and LF; lone surrogates;
 * U+FFFE, U+FFFF) become `_xHHHH_`, as does CR (a parser would turn CR LF into LF), as Excel does. Reading it back with {@link decodeXstring} gives `s` again.
 * Not XML-escaped: pass the result to {@link escapeXml}.
 * @example encodeXstring('_x0041_\u0001') // '_x005F_x0041__x0001_'
 */
export function encodeXstring(s: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
  if (!/_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(i, i + 7))) {
      out += '_x005F_';
    } else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    ) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else if (
      (c < 0x20 && c !== 9 && c !== 10) ||
      (c >= 0xd800 && c <= 0xdfff) ||
      c === 0xfffe ||
      c === 0xffff
    ) {
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    } else {
      out += s[i]!;
    }
  }
  return out;
}

/**
 * The attributes of a start tag as a map of qualified name → decoded value.
 * @param tag the text from `<` to `>` (or just the attribute part)
 * @example readAttrs('<c r="A1" t="s">').get('t') // 's'
 */
export function readAttrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** The value of one attribute in a start tag, decoded; undefined when absent. */
export function readAttr(tag: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/**
 * A start tag with one attribute set (added at the end, or replaced in place), or removed when
 * `value` is undefined. Everything else in the tag stays as written.
 * @example setAttr('<row r="3">', 'ht', '30') // '<row r="3" ht="30">'
 */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`(\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (re.test(tag))
    return value === undefined
      ? tag.replace(re, '')
      : tag.replace(re, () => ` ${name}="${escapeAttr(value)}"`);
  if (value === undefined) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(tag[at - 1]!)) at--;
  return `${tag.slice(0, at)} ${name}="${escapeAttr(value)}"${tag.slice(at)}`;
}

/** A found element: its start tag, where it starts and ends (after its end tag), and its inner XML. */
export type XmlElement = {
  start: number;
  end: number;
  tag: string;
  inner: string;
  qname: string;
  selfClosing: boolean;
};

/**
 * Finds the next element with local name `name` at or after `from`, whatever its namespace prefix,
 * with its extent (nested elements of the same name are counted). Comments and CDATA are skipped.
 * @example findElement('<a><x:b k="1">t</x:b></a>', 'b', 0)?.inner // 't'
 */
export function findElement(xml: string, name: string, from = 0): XmlElement | null {
  return findFrom(xml, elementPattern(name), from, xml.includes('<!--'));
}

/** All elements with local name `name` inside `xml` (not nested in each other), in order. */
export function findElements(xml: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const re = elementPattern(name);
  const hasComments = xml.includes('<!--');
  let at = 0;
  for (;;) {
    const e = findFrom(xml, re, at, hasComments);
    if (!e) return out;
    out.push(e);
    at = e.end;
  }
}

function elementPattern(name: string): RegExp {
  return new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${name})(?=[\\s/>])`, 'g');
}

function findFrom(xml: string, re: RegExp, from: number, hasComments: boolean): XmlElement | null {
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const start = m.index;
    if (hasComments && isInsideComment(xml, start)) continue;
    const qname = m[1]!;
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd < 0) return null;
    const tag = xml.slice(start, tagEnd + 1);
    if (tag.endsWith('/>')) return { start, end: tagEnd + 1, tag, inner: '', qname, selfClosing: true };
    const close = findClose(xml, qname, tagEnd + 1);
    if (close < 0) return null;
    return {
      start,
      end: close + qname.length + 3,
      tag,
      inner: xml.slice(tagEnd + 1, close),
      qname,
      selfClosing: false,
    };
  }
  return null;
}

function isInsideComment(xml: string, at: number): boolean {
  const open = xml.lastIndexOf('<!--', at);
  return open >= 0 && xml.indexOf('-->', open) > at;
}

/** Position of the `</qname>` closing the element whose content starts at `from`. */
function findClose(xml: string, qname: string, from: number): number {
  const open = `<${qname}`;
  const close = `</${qname}>`;
  let depth = 1;
  let at = from;
  for (;;) {
    const c = xml.indexOf(close, at);
    if (c < 0) return -1;
    let o = xml.indexOf(open, at);
    while (o >= 0 && o < c) {
      const next = xml.charCodeAt(o + open.length);
      // `<row` must not count `<rowBreaks`, nor a self-closing `<row …/>`: only a real start tag nests.
      if (next === 32 || next === 62 || next === 9 || next === 10 || next === 13) {
        const tagEnd = xml.indexOf('>', o);
        if (xml.charCodeAt(tagEnd - 1) !== 47) depth++;
      }
      o = xml.indexOf(open, o + open.length);
    }
    depth--;
    if (depth === 0) return c;
    at = c + close.length;
  }
}
