/**
 * The workbook's styles part (xl/styles.xml) as far as we need it: each cell format's number format
 * for reading, and new cell formats for what we write. The part only grows: new fonts, fills,
 * borders, number formats and cell formats are appended after the user's, whose indexes and XML
 * stay as they were, so every cell of the user's sheets keeps its look.
 */
import type { RangeStyle } from '../../core/workbookOps';
import { escapeXml, findElement, findElements, readAttr, setAttr } from './xmlText';

/** Number formats Excel does not store in the file (ECMA-376 Part 1 §18.8.30), zh-CN where it differs. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Built-in ids we reuse when writing, so a new `@` or `0%` cell needs no custom format. */
const BUILTIN_IDS = new Map<string, number>([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['@', 49],
]);

type Collection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs';

/** CT_Stylesheet's child order, for collections a minimal styles part lacks. */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

export type StyleBook = {
  /** The part as read ('' when the book has none). */
  readonly xml: string;
  /** Namespace prefix of the main namespace in this part (`''` or `x:`). */
  readonly prefix: string;
  /** numFmtId → format code for custom formats (read and added). */
  readonly numFmts: ReadonlyMap<number, string>;
  /** Per cell format index: its numFmtId. */
  readonly xfNumFmt: readonly number[];
  /** Raw XML of the user's items, by index (parsed when first needed for writing). */
  readonly original: Readonly<Record<Exclude<Collection, 'numFmts'>, readonly string[]>> | null;
  /** What we appended, in order. */
  readonly added: Readonly<Record<Collection, readonly string[]>>;
};

/** An empty collection set. */
const NOTHING_ADDED: StyleBook['added'] = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };

/**
 * Reads the styles part (or a book without one).
 * @param xml the part's text, '' when absent
 * @example readStyleBook(xml).xfNumFmt[3] // 14
 */
export function readStyleBook(xml: string): StyleBook {
  const prefix = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(xml)?.[1] ?? '';
  const numFmts = new Map<number, string>();
  const numFmtsEl = findElement(xml, 'numFmts');
  if (numFmtsEl) {
    for (const f of findElements(numFmtsEl.inner, 'numFmt')) {
      const id = Number(readAttr(f.tag, 'numFmtId'));
      const code = readAttr(f.tag, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) numFmts.set(id, code);
    }
  }
  const xfNumFmt: number[] = [];
  const xfs = findElement(xml, 'cellXfs');
  if (xfs)
    for (const xf of findElements(xfs.inner, 'xf'))
      xfNumFmt.push(Number(readAttr(xf.tag, 'numFmtId') ?? 0) || 0);
  return { xml, prefix, numFmts, xfNumFmt, original: null, added: NOTHING_ADDED };
}

/**
 * The number format code of cell format `s` ('General' when unknown).
 * @example formatCodeOf(book, 3) // 'yyyy"年"m"月"'
 */
export function formatCodeOf(book: StyleBook, s: number): string {
  const id = book.xfNumFmt[s] ?? 0;
  return book.numFmts.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
}

function withOriginal(book: StyleBook): StyleBook & { original: NonNullable<StyleBook['original']> } {
  if (book.original) return book as StyleBook & { original: NonNullable<StyleBook['original']> };
  const items = (coll: string, item: string): string[] => {
    const el = findElement(book.xml, coll);
    return el ? findElements(el.inner, item).map((e) => el.inner.slice(e.start, e.end)) : [];
  };
  let fills = items('fills', 'fill');
  // Excel reserves fills 0 and 1 (none, gray125); a minimal part may lack them.
  if (fills.length < 2)
    fills = [
      `<fill><patternFill patternType="none"/></fill>`,
      `<fill><patternFill patternType="gray125"/></fill>`,
    ]
      .slice(0, 2)
      .map((f, i) => fills[i] ?? f);
  return {
    ...book,
    original: {
      fonts: items('fonts', 'font'),
      fills,
      borders: items('borders', 'border'),
      cellXfs: items('cellXfs', 'xf'),
    },
  };
}

/** Index of `xml` in a collection (original, then added), adding it when new. */
function intern(
  book: StyleBook & { original: NonNullable<StyleBook['original']> },
  coll: Exclude<Collection, 'numFmts'>,
  xml: string,
): { book: typeof book; index: number } {
  const orig = book.original[coll];
  const o = orig.indexOf(xml);
  if (o >= 0) return { book, index: o };
  const a = book.added[coll].indexOf(xml);
  if (a >= 0) return { book, index: orig.length + a };
  return {
    book: { ...book, added: { ...book.added, [coll]: [...book.added[coll], xml] } },
    index: orig.length + book.added[coll].length,
  };
}

function itemAt(
  book: StyleBook & { original: NonNullable<StyleBook['original']> },
  coll: Exclude<Collection, 'numFmts'>,
  i: number,
): string | undefined {
  const orig = book.original[coll];
  return i < orig.length ? orig[i] : book.added[coll][i - orig.length];
}

/** A font element with bold / name / size set, everything else of the base font kept. */
function composeFont(base: string | undefined, style: RangeStyle): string {
  let inner = base
    ? /^<[^>]*\/>$/.test(base)
      ? ''
      : base.replace(/^<[^>]*>/, '').replace(/<\/[^>]*>$/, '')
    : '<sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/>';
  const drop = (name: string) => {
    inner = inner.replace(new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?/>`, 'g'), '');
  };
  if (style.bold !== undefined) {
    drop('b');
    if (style.bold) inner = `<b/>${inner}`;
  }
  if (style.fontSize) {
    drop('sz');
    inner = inner.replace(
      /(<(?:\w+:)?(?:color|name|family|charset|scheme)[\s/>])/,
      `<sz val="${style.fontSize}"/>$1`,
    );
    if (!inner.includes(`<sz val="${style.fontSize}"/>`)) inner += `<sz val="${style.fontSize}"/>`;
  }
  if (style.fontName) {
    drop('name');
    // A theme scheme makes Excel show the theme's font instead of the name.
    drop('scheme');
    inner = inner.replace(
      /(<(?:\w+:)?(?:family|charset)[\s/>])/,
      `<name val="${escapeXml(style.fontName)}"/>$1`,
    );
    if (!inner.includes(`<name val="${escapeXml(style.fontName)}"/>`))
      inner += `<name val="${escapeXml(style.fontName)}"/>`;
  }
  return `<font>${inner}</font>`;
}

function numFmtId(book: StyleBook, code: string): { book: StyleBook; id: number } {
  const builtin = BUILTIN_IDS.get(code);
  if (builtin !== undefined) return { book, id: builtin };
  for (const [id, c] of book.numFmts) if (c === code) return { book, id };
  let next = 164;
  for (const id of book.numFmts.keys()) next = Math.max(next, id + 1);
  const numFmts = new Map(book.numFmts);
  numFmts.set(next, code);
  const xml = `<numFmt numFmtId="${next}" formatCode="${escapeXml(code)}"/>`;
  return {
    book: { ...book, numFmts, added: { ...book.added, numFmts: [...book.added.numFmts, xml] } },
    id: next,
  };
}

/**
 * The cell format index for cell format `s` with `style` applied on top (a new format appended when
 * no existing one matches). The book is not changed; the returned one holds what was added.
 * @param book the styles
 * @param s the cell's current format index (0 for a new cell)
 * @param style what to change
 * @returns the new book and the index to give the cell
 * @example composeStyle(book, 0, { bold: true }).index // e.g. 7
 */
export function composeStyle(
  book: StyleBook,
  s: number,
  style: RangeStyle,
): { book: StyleBook; index: number } {
  let b = withOriginal(book);
  const baseXf =
    itemAt(b, 'cellXfs', s) ??
    itemAt(b, 'cellXfs', 0) ??
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  let tag = /^<[^>]*>/.exec(baseXf)![0];
  const selfClosing = tag.endsWith('/>');
  let inner = selfClosing ? '' : baseXf.slice(tag.length).replace(/<\/[^>]*>$/, '');
  if (selfClosing) tag = `${tag.slice(0, -2).trimEnd()}>`;
  const set = (name: string, value: string | undefined) => {
    tag = setAttr(tag, name, value);
  };
  if (style.bold !== undefined || style.fontName || style.fontSize) {
    const base = itemAt(b, 'fonts', Number(readAttr(tag, 'fontId') ?? 0));
    const r = intern(b, 'fonts', composeFont(base, style));
    b = r.book;
    set('fontId', String(r.index));
    set('applyFont', '1');
  }
  if (style.fill) {
    const rgb = `FF${style.fill.replace('#', '').toUpperCase()}`;
    const r = intern(
      b,
      'fills',
      `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
    b = r.book;
    set('fillId', String(r.index));
    set('applyFill', '1');
  }
  if (style.border) {
    const side = (n: string) => `<${n} style="thin"><color indexed="64"/></${n}>`;
    const r = intern(
      b,
      'borders',
      `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`,
    );
    b = r.book;
    set('borderId', String(r.index));
    set('applyBorder', '1');
  }
  if (style.numberFormat) {
    const r = numFmtId(b, style.numberFormat);
    b = r.book as typeof b;
    set('numFmtId', String(r.id));
    set('applyNumberFormat', '1');
  }
  if (style.wrap !== undefined || style.horizontal || style.vertical) {
    const al = /<(?:\w+:)?alignment\b[^>]*\/?>(?:<\/(?:\w+:)?alignment>)?/.exec(inner);
    let alTag = al ? al[0].replace(/<\/(?:\w+:)?alignment>$/, '') : '<alignment/>';
    if (!alTag.endsWith('/>')) alTag = `${alTag.slice(0, -1)}/>`;
    if (style.horizontal) alTag = setAttr(alTag, 'horizontal', style.horizontal);
    if (style.vertical)
      alTag = setAttr(alTag, 'vertical', style.vertical === 'middle' ? 'center' : style.vertical);
    if (style.wrap !== undefined) alTag = setAttr(alTag, 'wrapText', style.wrap ? '1' : undefined);
    inner = al ? inner.replace(al[0], alTag) : `${alTag}${inner}`;
    set('applyAlignment', '1');
  }
  const xf = `${tag}${inner}</xf>`.replace(/^<(\w+:)?xf/, '<xf');
  const r = intern(b, 'cellXfs', xf);
  const xfNumFmt =
    r.index < b.xfNumFmt.length ? b.xfNumFmt : [...b.xfNumFmt, Number(readAttr(tag, 'numFmtId') ?? 0) || 0];
  return { book: { ...r.book, xfNumFmt }, index: r.index };
}

/** The cell format index of `s` with its number format set to `code`. */
export function withNumberFormat(
  book: StyleBook,
  s: number,
  code: string,
): { book: StyleBook; index: number } {
  if (formatCodeOf(book, s) === code) return { book, index: s };
  return composeStyle(book, s, { numberFormat: code });
}

/** Whether anything was appended since the part was read. */
export function hasStyleChanges(book: StyleBook): boolean {
  const a = book.added;
  return a.numFmts.length + a.fonts.length + a.fills.length + a.borders.length + a.cellXfs.length > 0;
}

const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A styles part for a book that has none (or a new book). */
export function emptyStyleBook(): StyleBook {
  return readStyleBook(EMPTY_STYLESHEET);
}

/**
 * The styles part with what was appended: each collection's new items after the old ones and its
 * `count` updated; nothing else in the part changes.
 * @example serializeStyles(book) // '<?xml …<cellXfs count="9">…</cellXfs>…'
 */
export function serializeStyles(book: StyleBook): string {
  let xml = book.xml;
  const p = book.prefix;
  const items: Record<Collection, string> = {
    numFmts: 'numFmt',
    fonts: 'font',
    fills: 'fill',
    borders: 'border',
    cellXfs: 'xf',
  };
  for (const coll of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const) {
    const added = book.added[coll];
    const filler =
      coll === 'fills' && book.original ? book.original.fills.slice(countOf(xml, 'fills', 'fill')) : [];
    if (added.length === 0 && filler.length === 0) continue;
    const withPrefix = [...filler, ...added]
      .map((x) => (p ? x.replace(/<(\/?)(?!\w+:)(\w)/g, `<$1${p}$2`) : x))
      .join('');
    const el = findElement(xml, coll);
    if (el) {
      const count = findElements(el.inner, items[coll]).length + filler.length + added.length;
      const open = setAttr(
        el.selfClosing ? `${el.tag.slice(0, -2).trimEnd()}>` : el.tag,
        'count',
        String(count),
      );
      xml = `${xml.slice(0, el.start)}${open}${el.inner}${withPrefix}</${el.qname}>${xml.slice(el.end)}`;
    } else {
      const at = insertionPoint(xml, coll);
      xml = `${xml.slice(0, at)}<${p}${coll} count="${filler.length + added.length}">${withPrefix}</${p}${coll}>${xml.slice(at)}`;
    }
  }
  return xml;
}

function countOf(xml: string, coll: string, item: string): number {
  const el = findElement(xml, coll);
  return el ? findElements(el.inner, item).length : 0;
}

/** Where a missing collection goes: after the last present one that precedes it in CT_Stylesheet. */
function insertionPoint(xml: string, coll: Collection): number {
  const idx = STYLESHEET_ORDER.indexOf(coll);
  for (let i = idx - 1; i >= 0; i--) {
    const el = findElement(xml, STYLESHEET_ORDER[i]!);
    if (el) return el.end;
  }
  const root = /<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml)!;
  return root.index + root[0].length;
}
