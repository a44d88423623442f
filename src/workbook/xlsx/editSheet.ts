/**
 * Edits a worksheet part in place: the part is split into its top-level elements and its rows, and
 * only what an operation touches is rewritten (a cell, a row's height, the merge list …). Every row,
 * cell and element not touched is written back as the very text it was read from, so a cell edit in
 * a user's sheet changes exactly that cell, and our own sheets keep their page breaks, print setup,
 * protection and validation through any number of later commands.
 */
import type { MergedArea } from '../../core/grid';
import { cellAddress } from '../../core/grid';
import { boxAddress } from '../rangeAddress';
import { escapeXml, findElements, readAttr, setAttr } from './xmlText';

/** CT_Worksheet's child order (ECMA-376 Part 1 §18.3.1.99): new elements go where Excel expects them. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** One top-level element of the worksheet, with the whitespace or comments before it. */
type Child = { name: string; lead: string; xml: string };

/** A row of sheetData: its text as read, parsed into cells only when a cell in it is touched. */
type Row = {
  r: number;
  lead: string;
  /** The start tag (`<row …>` or `<row …/>`). */
  open: string;
  /** The text between start and end tag; null for `<row …/>`. */
  inner: string | null;
  /** Cells by column, with what preceded each, once parsed. */
  cells: Map<number, { lead: string; xml: string }> | null;
  /** Non-cell content after the cells (a row's extLst), once parsed. */
  rest: string;
  /** The end tag as written (`</row>` or `</x:row>`). */
  close: string;
  dirty: boolean;
};

/** A worksheet being edited. Mutable: created at the start of a batch, turned back into text at its end. */
export type SheetEdit = {
  head: string;
  children: Child[];
  tail: string;
  /** Prefix of the main namespace (`''` or `x:`) for elements we write. */
  prefix: string;
  /** sheetData's rows once split (null until a row is touched). */
  rows: Map<number, Row> | null;
  rowOrder: Row[] | null;
  sheetDataOpen: string;
  sheetDataClose: string;
  sheetDataTrail: string;
  /** Extent of the cells we wrote, to widen `<dimension>`. */
  written: MergedArea | null;
};

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Local name of the element whose start tag begins at `i` (at `<`), and its qualified name. */
function nameAt(xml: string, i: number): { qname: string; local: string } {
  let j = i + 1;
  while (j < xml.length && !isSpace(xml.charCodeAt(j)) && xml[j] !== '>' && xml[j] !== '/') j++;
  const qname = xml.slice(i + 1, j);
  const colon = qname.indexOf(':');
  return { qname, local: colon < 0 ? qname : qname.slice(colon + 1) };
}

/** End (exclusive) of the element starting at `i`, counting nested elements of the same name. */
function elementEnd(xml: string, i: number, qname: string): number {
  const tagEnd = xml.indexOf('>', i);
  if (xml.charCodeAt(tagEnd - 1) === 47) return tagEnd + 1;
  const open = `<${qname}`;
  const close = `</${qname}>`;
  let depth = 1;
  let at = tagEnd + 1;
  for (;;) {
    const c = xml.indexOf(close, at);
    if (c < 0) return xml.length;
    let o = xml.indexOf(open, at);
    while (o >= 0 && o < c) {
      const ch = xml.charCodeAt(o + open.length);
      if (isSpace(ch) || ch === 62) {
        const e = xml.indexOf('>', o);
        if (xml.charCodeAt(e - 1) !== 47) depth++;
      }
      o = xml.indexOf(open, o + open.length);
    }
    if (--depth === 0) return c + close.length;
    at = c + close.length;
  }
}

/** Past whitespace, comments and processing instructions from `i`. */
function skipMisc(xml: string, i: number): number {
  for (;;) {
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
    else if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2;
    else return i;
  }
}

/**
 * Splits a worksheet part for editing.
 * @param xml the part's text
 * @example openSheetEdit(xml).children.map((c) => c.name) // ['dimension', 'sheetViews', 'sheetFormatPr', 'sheetData', 'pageMargins']
 */
export function openSheetEdit(xml: string): SheetEdit {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error('not a worksheet part');
  const prefix = root[1] ?? '';
  let i = root.index + root[0].length;
  const head = xml.slice(0, i);
  const children: Child[] = [];
  for (;;) {
    const j = skipMisc(xml, i);
    if (j >= xml.length || xml.startsWith('</', j)) {
      return {
        head,
        children,
        tail: xml.slice(i),
        prefix,
        rows: null,
        rowOrder: null,
        sheetDataOpen: '',
        sheetDataClose: '',
        sheetDataTrail: '',
        written: null,
      };
    }
    const { qname, local } = nameAt(xml, j);
    const end = elementEnd(xml, j, qname);
    children.push({ name: local, lead: xml.slice(i, j), xml: xml.slice(j, end) });
    i = end;
  }
}

/** Adds the main-namespace prefix to the unprefixed elements of generated XML. */
function prefixed(edit: SheetEdit, xml: string): string {
  return edit.prefix ? xml.replace(/<(\/?)(?![\w.-]+:)([A-Za-z_])/g, `<$1${edit.prefix}$2`) : xml;
}

/** The child element named `name`, if any. */
export function childOf(edit: SheetEdit, name: string): string | undefined {
  return edit.children.find((c) => c.name === name)?.xml;
}

/**
 * Sets (or with null removes) the top-level element `name`; `xml` is unprefixed and gets the
 * part's prefix. A new element goes where CT_Worksheet puts it.
 */
export function setChild(edit: SheetEdit, name: string, xml: string | null): void {
  const at = edit.children.findIndex((c) => c.name === name);
  if (xml === null) {
    if (at >= 0) edit.children.splice(at, 1);
    return;
  }
  const text = prefixed(edit, xml);
  if (at >= 0) {
    edit.children[at] = { ...edit.children[at]!, xml: text };
    return;
  }
  const order = WORKSHEET_ORDER.indexOf(name);
  let pos = edit.children.findIndex((c) => {
    const o = WORKSHEET_ORDER.indexOf(c.name);
    return o > order;
  });
  if (pos < 0) pos = edit.children.length;
  edit.children.splice(pos, 0, { name, lead: '', xml: text });
}

/** Sets an already prefixed element (the user's own text, edited) without re-prefixing. */
function replaceChildText(edit: SheetEdit, name: string, text: string): void {
  const at = edit.children.findIndex((c) => c.name === name);
  if (at >= 0) edit.children[at] = { ...edit.children[at]!, xml: text };
}

function splitRows(edit: SheetEdit): Map<number, Row> {
  if (edit.rows) return edit.rows;
  const rows = new Map<number, Row>();
  const order: Row[] = [];
  let child = edit.children.find((c) => c.name === 'sheetData');
  if (!child) {
    setChild(edit, 'sheetData', '<sheetData/>');
    child = edit.children.find((c) => c.name === 'sheetData')!;
  }
  const xml = child.xml;
  const openEnd = xml.indexOf('>') + 1;
  const selfClosing = xml.charCodeAt(openEnd - 2) === 47;
  const qname = nameAt(xml, 0).qname;
  edit.sheetDataOpen = selfClosing ? `${xml.slice(0, openEnd - 2).trimEnd()}>` : xml.slice(0, openEnd);
  edit.sheetDataClose = `</${qname}>`;
  const bodyEnd = selfClosing ? openEnd : xml.length - edit.sheetDataClose.length;
  let i = selfClosing ? openEnd : openEnd;
  let prev = -1;
  for (;;) {
    const j = skipMisc(xml, i);
    if (j >= bodyEnd || !xml.startsWith('<', j) || xml.startsWith('</', j)) {
      edit.sheetDataTrail = xml.slice(i, bodyEnd);
      break;
    }
    const { qname: rq } = nameAt(xml, j);
    const tagEnd = xml.indexOf('>', j);
    const open = xml.slice(j, tagEnd + 1);
    const rAttr = readAttr(open, 'r');
    const r = rAttr !== undefined ? Number(rAttr) - 1 : prev + 1;
    let row: Row;
    if (open.endsWith('/>')) {
      row = { r, lead: xml.slice(i, j), open, inner: null, cells: null, rest: '', close: '', dirty: false };
      i = tagEnd + 1;
    } else {
      const close = `</${rq}>`;
      const c = xml.indexOf(close, tagEnd + 1);
      row = {
        r,
        lead: xml.slice(i, j),
        open,
        inner: xml.slice(tagEnd + 1, c),
        cells: null,
        rest: '',
        close,
        dirty: false,
      };
      i = c + close.length;
    }
    prev = r;
    if (!rows.has(r)) rows.set(r, row);
    order.push(row);
  }
  edit.rows = rows;
  edit.rowOrder = order;
  return rows;
}

function rowFor(edit: SheetEdit, r: number): Row {
  const rows = splitRows(edit);
  let row = rows.get(r);
  if (!row) {
    row = {
      r,
      lead: '',
      open: `<${edit.prefix}row r="${r + 1}">`,
      inner: '',
      cells: new Map(),
      rest: '',
      close: `</${edit.prefix}row>`,
      dirty: true,
    };
    rows.set(r, row);
    edit.rowOrder!.push(row);
  }
  return row;
}

function cellsOf(row: Row): Map<number, { lead: string; xml: string }> {
  if (row.cells) return row.cells;
  const cells = new Map<number, { lead: string; xml: string }>();
  const xml = row.inner ?? '';
  let i = 0;
  let col = -1;
  for (;;) {
    const j = skipMisc(xml, i);
    if (j >= xml.length || !xml.startsWith('<', j)) {
      row.rest = xml.slice(i);
      break;
    }
    const { qname, local } = nameAt(xml, j);
    if (local !== 'c') {
      row.rest = xml.slice(i);
      break;
    }
    const end = elementEnd(xml, j, qname);
    const tag = xml.slice(j, xml.indexOf('>', j) + 1);
    const ref = readAttr(tag, 'r');
    col = ref !== undefined ? columnOf(ref) : col + 1;
    cells.set(col, { lead: xml.slice(i, j), xml: xml.slice(j, end) });
    i = end;
  }
  row.cells = cells;
  return cells;
}

function columnOf(ref: string): number {
  let col = 0;
  for (const ch of ref.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (ch !== '$') break;
  }
  return col - 1;
}

/** The XML of cell (r, c) as it is now (read or written in this batch), or undefined. */
export function cellXmlAt(edit: SheetEdit, r: number, c: number): string | undefined {
  const row = splitRows(edit).get(r);
  return row ? cellsOf(row).get(c)?.xml : undefined;
}

/** The format index `s` of a cell's XML (0 when absent). */
export function styleOfCell(xml: string | undefined): number {
  if (!xml) return 0;
  const tag = xml.slice(0, xml.indexOf('>') + 1);
  return Number(readAttr(tag, 's') ?? 0) || 0;
}

/**
 * Puts the cell (r, c): `xml` is the whole unprefixed `<c r="…" …>…</c>`, or null to remove it.
 * Other cells of the row keep their text.
 */
export function putCell(edit: SheetEdit, r: number, c: number, xml: string | null): void {
  const row = rowFor(edit, r);
  const cells = cellsOf(row);
  if (xml === null) {
    if (cells.delete(c)) row.dirty = true;
    return;
  }
  const prev = cells.get(c);
  cells.set(c, { lead: prev?.lead ?? '', xml: prefixed(edit, xml) });
  row.dirty = true;
  const w = edit.written;
  edit.written = w
    ? {
        top: Math.min(w.top, r),
        left: Math.min(w.left, c),
        bottom: Math.max(w.bottom, r),
        right: Math.max(w.right, c),
      }
    : { top: r, left: c, bottom: r, right: c };
}

/** Sets a row's height in points (a row is created when there is none). */
export function setRowHeight(edit: SheetEdit, r: number, points: number): void {
  const row = rowFor(edit, r);
  row.open = setAttr(setAttr(row.open, 'ht', String(points)), 'customHeight', '1');
  row.dirty = true;
}

function rowText(row: Row): string {
  if (!row.dirty) return `${row.lead}${row.open}${row.inner ?? ''}${row.close}`;
  const cells = row.cells ?? new Map<number, { lead: string; xml: string }>();
  const cols = [...cells.keys()].sort((a, b) => a - b);
  let open = row.open;
  if (cols.length > 0 && readAttr(open, 'spans') !== undefined) {
    // spans is only a hint, but it must cover the row's cells.
    const [lo, hi] = (readAttr(open, 'spans') ?? '').split(':').map(Number);
    const first = cols[0]! + 1;
    const last = cols[cols.length - 1]! + 1;
    if (!(lo! <= first && hi! >= last))
      open = setAttr(open, 'spans', `${Math.min(lo || first, first)}:${Math.max(hi || last, last)}`);
  }
  const body = cols.map((c) => `${cells.get(c)!.lead}${cells.get(c)!.xml}`).join('') + row.rest;
  if (body === '') return `${row.lead}${open.endsWith('/>') ? open : `${open.slice(0, -1)}/>`}`;
  const start = open.endsWith('/>') ? `${open.slice(0, -2).trimEnd()}>` : open;
  const close = row.close || `</${nameAt(start, 0).qname}>`;
  return `${row.lead}${start}${body}${close}`;
}

function isAscending(rows: Row[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i]!.r <= rows[i - 1]!.r) return false;
  return true;
}

/**
 * The worksheet as text again.
 * @example finishSheetEdit(edit) // '<?xml …<worksheet …>…</worksheet>'
 */
export function finishSheetEdit(edit: SheetEdit): string {
  if (edit.rows && edit.rowOrder) {
    let order = edit.rowOrder.filter((r) => edit.rows!.get(r.r) === r);
    // Rows must be in ascending order; new rows are placed by number (a stable sort keeps the rest).
    if (!isAscending(order)) order = [...order].sort((a, b) => a.r - b.r);
    const body = order.map(rowText).join('');
    const empty = body === '' && edit.sheetDataTrail.trim() === '';
    const xml = empty
      ? `${edit.sheetDataOpen.slice(0, -1)}/>`
      : `${edit.sheetDataOpen}${body}${edit.sheetDataTrail}${edit.sheetDataClose}`;
    replaceChildText(edit, 'sheetData', xml);
  }
  if (edit.written) widenDimension(edit, edit.written);
  return `${edit.head}${edit.children.map((c) => `${c.lead}${c.xml}`).join('')}${edit.tail}`;
}

/** Widens `<dimension>` over what was written; a sheet without one (it is optional) gets none. */
function widenDimension(edit: SheetEdit, box: MergedArea): void {
  const dim = childOf(edit, 'dimension');
  const ref = dim ? readAttr(dim, 'ref') : undefined;
  if (!dim || ref === undefined) return;
  let b = box;
  const [a, z] = ref.split(':');
  const p = parseBox(`${a}:${z ?? a}`);
  if (p) {
    if (p.top <= b.top && p.left <= b.left && p.bottom >= b.bottom && p.right >= b.right) return;
    // `A1` alone is what producers write for an empty sheet: it is not an extent to keep.
    if (!(ref === 'A1' && !z)) {
      b = {
        top: Math.min(p.top, b.top),
        left: Math.min(p.left, b.left),
        bottom: Math.max(p.bottom, b.bottom),
        right: Math.max(p.right, b.right),
      };
    }
  }
  replaceChildText(edit, 'dimension', setAttr(dim, 'ref', boxAddress(b)));
}

/** `A1:C3` as a 0-based box, or null. */
export function parseBox(ref: string): MergedArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return null;
  const a = { col: columnOf(m[1]!), row: Number(m[2]) - 1 };
  const b = m[3] ? { col: columnOf(m[3]), row: Number(m[4]) - 1 } : a;
  if (a.row < 0 || b.row < 0 || a.col > 16383 || b.col > 16383 || a.row > 1048575 || b.row > 1048575)
    return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** The `name` items of a list element such as `<mergeCells>`, each as written. */
function listItems(list: string | undefined, name: string): string[] {
  return list ? findElements(list, name).map((e) => list.slice(e.start, e.end)) : [];
}

/**
 * Sets the items of the list element `name` (`mergeCells`, `cols`, `rowBreaks`) and its count
 * attributes: the element as written keeps its own start tag, a new one goes where CT_Worksheet
 * puts it.
 */
function writeList(
  edit: SheetEdit,
  name: string,
  items: readonly string[],
  counts: Record<string, number> = {},
): void {
  const current = childOf(edit, name);
  const body = items.join('');
  if (current) {
    let open = current.slice(0, current.indexOf('>') + 1).replace(/\s*\/>$/, '>');
    for (const [attr, n] of Object.entries(counts)) open = setAttr(open, attr, String(n));
    replaceChildText(edit, name, `${open}${body}</${nameAt(open, 0).qname}>`);
  } else {
    const attrs = Object.entries(counts)
      .map(([attr, n]) => ` ${attr}="${n}"`)
      .join('');
    setChild(edit, name, `<${name}${attrs}>${body.replace(/<(\/?)[\w.-]+:/g, '<$1')}</${name}>`);
  }
}

function boxText(b: MergedArea): string {
  return `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`;
}

function overlaps(a: MergedArea, b: MergedArea): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Adds a merged area; areas it overlaps are dropped (Excel refuses overlapping merges). */
export function addMerge(edit: SheetEdit, box: MergedArea): void {
  const items = listItems(childOf(edit, 'mergeCells'), 'mergeCell').filter((x) => {
    const b = parseBox(readAttr(x, 'ref') ?? '');
    return !(b && overlaps(b, box));
  });
  items.push(prefixed(edit, `<mergeCell ref="${boxText(box)}"/>`));
  writeList(edit, 'mergeCells', items, { count: items.length });
}

/** Sets the widths (characters) of columns A, B, … ; other columns' definitions stay. */
export function setColumnWidths(edit: SheetEdit, widths: readonly number[]): void {
  type Col = { min: number; max: number; tag: string };
  const cols: Col[] = [];
  for (const tag of listItems(childOf(edit, 'cols'), 'col')) {
    const min = Number(readAttr(tag, 'min'));
    const max = Number(readAttr(tag, 'max'));
    if (Number.isInteger(min) && Number.isInteger(max)) cols.push({ min, max, tag });
  }
  const n = widths.length;
  const out: Col[] = [];
  // Keep the parts of existing definitions outside 1..n, split where needed.
  for (const c of cols) {
    if (c.max <= n) continue;
    out.push(c.min > n ? c : { min: n + 1, max: c.max, tag: setAttr(c.tag, 'min', String(n + 1)) });
  }
  const inside = (i: number) => cols.find((c) => c.min <= i + 1 && c.max >= i + 1);
  widths.forEach((w, i) => {
    const base = inside(i)?.tag ?? prefixed(edit, '<col/>');
    let tag = setAttr(setAttr(base, 'min', String(i + 1)), 'max', String(i + 1));
    tag = setAttr(setAttr(tag, 'width', String(w)), 'customWidth', '1');
    out.push({ min: i + 1, max: i + 1, tag });
  });
  out.sort((a, b) => a.min - b.min);
  writeList(
    edit,
    'cols',
    out.map((c) => c.tag),
  );
}

/** Appends a data validation (unprefixed `<dataValidation …>…</dataValidation>`); the user's stay. */
export function addValidation(edit: SheetEdit, xml: string): void {
  const current = childOf(edit, 'dataValidations');
  const item = prefixed(edit, xml);
  if (!current) {
    setChild(edit, 'dataValidations', `<dataValidations count="1">${xml}</dataValidations>`);
    return;
  }
  const count = (current.match(/<(?:[\w.-]+:)?dataValidation[\s>]/g) ?? []).length + 1;
  const selfClosing = /^<[^>]*\/>$/.test(current);
  const open = setAttr(
    current.slice(0, current.indexOf('>') + 1).replace(/\s*\/>$/, '>'),
    'count',
    String(count),
  );
  const qname = nameAt(open, 0).qname;
  const inner = selfClosing
    ? ''
    : current.slice(current.indexOf('>') + 1, current.lastIndexOf(`</${qname}>`));
  replaceChildText(edit, 'dataValidations', `${open}${inner}${item}</${qname}>`);
}

/** Sets an attribute on the first element `name` inside the top-level child `parent` (created when missing). */
export function setNestedAttr(
  edit: SheetEdit,
  parent: string,
  name: string,
  attr: string,
  value: string | undefined,
): void {
  const current = childOf(edit, parent);
  if (!current) {
    if (value === undefined) return;
    setChild(edit, parent, `<${parent}><${name} ${attr}="${escapeXml(value)}"/></${parent}>`);
    return;
  }
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>`);
  const m = re.exec(current);
  if (m) {
    const tag = setAttr(m[0], attr, value);
    replaceChildText(edit, parent, current.slice(0, m.index) + tag + current.slice(m.index + m[0].length));
    return;
  }
  if (value === undefined) return;
  const add = prefixed(edit, `<${name} ${attr}="${escapeXml(value)}"/>`);
  if (/^<[^>]*\/>$/.test(current)) {
    const open = current.replace(/\s*\/>$/, '>');
    replaceChildText(edit, parent, `${open}${add}</${nameAt(open, 0).qname}>`);
  } else {
    const close = current.lastIndexOf('</');
    replaceChildText(edit, parent, current.slice(0, close) + add + current.slice(close));
  }
}

/** Adds manual row breaks after the given 1-based rows (those already there stay). */
export function addRowBreaks(edit: SheetEdit, rows: readonly number[]): void {
  const ids = new Map<number, string>();
  for (const tag of listItems(childOf(edit, 'rowBreaks'), 'brk')) ids.set(Number(readAttr(tag, 'id')), tag);
  // `id` is the 0-based index of the first row of the new page, i.e. the 1-based row the page ends after.
  for (const r of rows) if (!ids.has(r)) ids.set(r, prefixed(edit, `<brk id="${r}" max="16383" man="1"/>`));
  const sorted = [...ids.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const manual = sorted.filter((x) => /\bman\s*=\s*"(1|true)"/.test(x)).length;
  writeList(edit, 'rowBreaks', sorted, { count: sorted.length, manualBreakCount: manual });
}

/** Sets or clears `tabSelected` on the sheet's first view. */
export function setTabSelected(edit: SheetEdit, selected: boolean): void {
  const views = childOf(edit, 'sheetViews');
  if (!views) {
    if (selected)
      setChild(
        edit,
        'sheetViews',
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>',
      );
    return;
  }
  setNestedAttr(edit, 'sheetViews', 'sheetView', 'tabSelected', selected ? '1' : undefined);
}

/** Whether the sheet's first view is selected. */
export function isTabSelected(xml: string | Uint8Array): boolean {
  // The view comes first in the part: its first few kilobytes are enough.
  const head = typeof xml === 'string' ? xml.slice(0, 8192) : new TextDecoder().decode(xml.subarray(0, 8192));
  const m = /<(?:[\w.-]+:)?sheetView\b[^>]*>/.exec(head);
  const v = m ? readAttr(m[0], 'tabSelected') : undefined;
  return v === '1' || v === 'true';
}

/**
 * A copy of a worksheet for a new sheet: everything that points to other parts through the sheet's
 * relationships (drawings, comments, tables, hyperlinks, printer settings) is left out, as are its
 * protection and selection; cells, styles, merges, widths, heights, validation and page setup stay.
 */
export function copyableSheet(xml: string): string {
  const edit = openSheetEdit(xml);
  // Every element from drawing on refers to parts through the sheet's relationships (not copied).
  const fromDrawing = WORKSHEET_ORDER.slice(
    WORKSHEET_ORDER.indexOf('drawing'),
    WORKSHEET_ORDER.indexOf('extLst'),
  );
  const relational = [
    ...fromDrawing,
    'hyperlinks',
    'sheetProtection',
    'protectedRanges',
    'AlternateContent',
    'customSheetViews',
  ];
  edit.children = edit.children.filter((c) => !relational.includes(c.name));
  const setup = childOf(edit, 'pageSetup');
  if (setup) replaceChildText(edit, 'pageSetup', setup.replace(/\s[\w.-]+:id\s*=\s*"[^"]*"/, ''));
  setTabSelected(edit, false);
  return finishSheetEdit(edit);
}

/** A new, empty worksheet part. */
export function emptyWorksheet(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}
