/**
 * The .xlsx adapter: a WorkbookPort over an .xlsx (or .xlsm) package held in memory, for the CLI and
 * the browser page. `openXlsxWorkbook` reads bytes, `save()` gives the bytes back; the caller decides
 * where they go (the CLI writes a new file atomically, the page offers a download).
 *
 * Nothing the user owns is re-serialised: parts nobody wrote to are copied as stored, a cell written
 * into a user's sheet changes that cell's XML and nothing else, and the package index only grows
 * (see openPackage.ts and editSheet.ts). No Node or DOM APIs: the same code runs in the CLI, the page
 * and a Web Worker.
 */
import type { CellValue, Grid, MergedArea } from '../../core/grid';
import { cellAddress, parseCellAddress } from '../../core/grid';
import type { CellInput, PageSetup, RangeStyle, WorkbookOp } from '../../core/workbookOps';
import { isOwnSheet } from '../../core/validate';
import type { ApplyOptions, SheetInfo, WorkbookPort } from '../port';
import { WorkbookError } from '../port';
import { checkBatch } from '../checkBatch';
import { conflictError, quoteSheet } from '../_lib/batchErrors';
import { boxAddress } from '../rangeAddress';
import { DAYS_1904, dateToSerial, isDateFormat } from '../_lib/displayText';
import { dateBounds, dateErrorText } from '../_lib/validationText';
import type { SheetEdit } from './editSheet';
import {
  addMerge,
  addRowBreaks,
  addValidation,
  cellXmlAt,
  childOf,
  copyableSheet,
  emptyWorksheet,
  finishSheetEdit,
  isTabSelected,
  openSheetEdit,
  parseBox,
  putCell,
  setChild,
  setColumnWidths,
  setNestedAttr,
  setRowHeight,
  setTabSelected,
  styleOfCell,
} from './editSheet';
import type { DefinedName, SheetRef, XlsxPackage } from './openPackage';
import {
  entryBytes,
  entryText,
  findEntry,
  newPackage,
  openPackage,
  quoteSheetName,
  savePackage,
} from './openPackage';
import type { ZipCodec } from './readZip';
import { isSheetProtected, scanSharedStrings, scanSheet } from './scanSheet';
import { hashSheetPassword, isLegacyPasswordCorrect, isSheetPasswordCorrect } from './sheetPassword';
import { assertLooksLikeXlsx } from './sniffXlsx';
import type { StyleBook } from './styleBook';
import { composeStyle, formatCodeOf, withNumberFormat } from './styleBook';
import { encodeXstring, escapeAttr, escapeXml, readAttr, setAttr } from './xmlText';

export type XlsxWorkbook = WorkbookPort & {
  /** The workbook as .xlsx bytes. */
  save(): Promise<Uint8Array>;
};

export type XlsxOptions = {
  /** A faster zip codec where the host has one (the CLI passes Node's zlib); fflate otherwise. */
  codec?: ZipCodec;
};

const FORMULA_LIKE = /^[=+\-@]/;
/** Lower than Excel's 100 000: protection is a speed bump, the hash chain is the evidence. */
const PROTECT_SPIN_COUNT = 1000;
/** The most grid entries one sheet may read as (ten times the 50,000-row directory of the bench). */
const MAX_GRID_CELLS = 5_000_000;
/** The most cells one style or validation operation may cover (a guard against a runaway address). */
const MAX_OP_CELLS = 2_000_000;
/** Excel's own limits on data validation texts; longer ones make it "repair" the file. */
const MAX_PROMPT = 255;
const MAX_ERROR = 225;

function badAddress(address: string): WorkbookError {
  return new WorkbookError(`单元格地址“${address}”无效。`, 'BAD_ADDRESS');
}

function requireBox(address: string): MergedArea {
  const box = parseBox(address);
  if (!box) throw badAddress(address);
  return box;
}

/** The state of one `apply`: a draft package and the sheets being edited. */
type Batch = {
  pkg: XlsxPackage;
  edits: Map<SheetRef, SheetEdit>;
  /** Cell format index cache: `${s}|${style key}` → new index. */
  styleCache: Map<string, number>;
  /** Formula cells overwritten: the calculation chain must go. */
  overwroteFormula: boolean;
};

function sharedStringsOf(pkg: XlsxPackage, cache: { sst?: readonly string[] }): readonly string[] {
  if (cache.sst) return cache.sst;
  const entry = pkg.sharedStringsPart ? findEntry(pkg, pkg.sharedStringsPart) : undefined;
  cache.sst = entry ? scanSharedStrings(entryText(pkg, entry)) : [];
  return cache.sst;
}

/** Written sheets as UTF-8, per SheetRef (a ref's text never changes: a later batch makes a new ref). */
const writtenBytes = new WeakMap<SheetRef, Uint8Array>();

/**
 * The sheet's current content as UTF-8 bytes, for reading (the scanner works on bytes). A written
 * sheet is encoded once, not for every listSheets, read and batch check.
 */
function sheetBytes(pkg: XlsxPackage, ref: SheetRef): Uint8Array {
  if (ref.xml !== undefined) {
    let bytes = writtenBytes.get(ref);
    if (!bytes) {
      bytes = new TextEncoder().encode(ref.xml);
      writtenBytes.set(ref, bytes);
    }
    return bytes;
  }
  const entry = findEntry(pkg, ref.part);
  if (!entry) throw new WorkbookError(`工作表${quoteSheet(ref.name)}的内容不在文件中。`, 'MISSING_PART');
  return entryBytes(pkg, entry);
}

/** The sheet's current text (written in an earlier batch, or as read). */
function sheetText(pkg: XlsxPackage, ref: SheetRef): string {
  if (ref.xml !== undefined) return ref.xml;
  const entry = findEntry(pkg, ref.part);
  if (!entry) throw new WorkbookError(`工作表${quoteSheet(ref.name)}的内容不在文件中。`, 'MISSING_PART');
  return entryText(pkg, entry);
}

function findSheet(pkg: XlsxPackage, name: string): SheetRef | undefined {
  return (
    pkg.sheets.find((s) => s.name === name) ??
    pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
  );
}

function needSheet(pkg: XlsxPackage, name: string): SheetRef {
  const s = findSheet(pkg, name);
  if (!s) throw new WorkbookError(`工作表${quoteSheet(name)}不存在，未做任何修改。`, 'NO_SUCH_SHEET');
  return s;
}

function editOf(batch: Batch, ref: SheetRef): SheetEdit {
  let edit = batch.edits.get(ref);
  if (!edit) {
    if (ref.kind !== 'worksheet')
      throw new WorkbookError(`${quoteSheet(ref.name)}是图表工作表，不能写入单元格。`, 'NOT_A_WORKSHEET');
    edit = openSheetEdit(sheetText(batch.pkg, ref));
    batch.edits.set(ref, edit);
  }
  return edit;
}

function isProtectedNow(batch: Batch, ref: SheetRef): boolean {
  const edit = batch.edits.get(ref);
  if (edit) {
    const p = childOf(edit, 'sheetProtection');
    return p ? isSheetProtected(`<sheetData/>${p}`) : false;
  }
  return ref.kind === 'worksheet' && isSheetProtected(sheetBytes(batch.pkg, ref));
}

/** The sheet to write cells into: refused when protected, as Excel would. */
function writable(batch: Batch, name: string): { ref: SheetRef; edit: SheetEdit } {
  const ref = needSheet(batch.pkg, name);
  if (isProtectedNow(batch, ref)) {
    throw new WorkbookError(
      `工作表${quoteSheet(ref.name)}受保护，不能修改。请先撤销工作表保护，未做任何修改。`,
      'SHEET_PROTECTED',
    );
  }
  return { ref, edit: editOf(batch, ref) };
}

function setStyles(batch: Batch, styles: StyleBook): void {
  batch.pkg = { ...batch.pkg, styles };
}

/** A cell format index derived from `s`, computed once per batch for each (s, key). */
function cachedStyle(
  batch: Batch,
  s: number,
  key: string,
  make: (book: StyleBook) => { book: StyleBook; index: number },
): number {
  const k = `${s}|${key}`;
  let index = batch.styleCache.get(k);
  if (index === undefined) {
    const r = make(batch.pkg.styles);
    setStyles(batch, r.book);
    index = r.index;
    batch.styleCache.set(k, index);
  }
  return index;
}

function styled(batch: Batch, s: number, style: RangeStyle, key: string): number {
  return cachedStyle(batch, s, key, (book) => composeStyle(book, s, style));
}

function withFormat(batch: Batch, s: number, code: string): number {
  return cachedStyle(batch, s, `fmt:${code}`, (book) => withNumberFormat(book, s, code));
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** A whole `<c>` element for a value; null when the cell should not exist. */
function cellXml(ref: string, s: number, value: CellValue): string | null {
  const sAttr = s ? ` s="${s}"` : '';
  if (value === null || value === '') return s ? `<c r="${ref}"${sAttr}/>` : null;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? `<c r="${ref}"${sAttr}><v>${numberText(value)}</v></c>`
      : cellXml(ref, s, String(value));
  if (typeof value === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = escapeXml(encodeXstring(value));
  const space = /^[\s]|[\s]$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** Refuses to overwrite the first cell of a shared formula (its other cells would lose their formula). */
function checkOverwrite(batch: Batch, sheet: string, address: string, old: string | undefined): void {
  if (!old || !old.includes('<')) return;
  const f = /<(?:[\w.-]+:)?f\b[^>]*>/.exec(old);
  if (!f) return;
  batch.overwroteFormula = true;
  if (readAttr(f[0], 't') === 'shared' && readAttr(f[0], 'ref') !== undefined) {
    const ref = readAttr(f[0], 'ref')!;
    if (ref.includes(':')) {
      throw new WorkbookError(
        `工作表${quoteSheet(sheet)}的 ${address} 是共享公式（${ref}）的起始单元格，改写它会破坏其他单元格的公式，未做任何修改：请先在 Excel 中处理该公式。`,
        'SHARED_FORMULA',
      );
    }
  }
}

function writeCells(batch: Batch, op: Extract<WorkbookOp, { kind: 'write' }>): void {
  const { ref, edit } = writable(batch, op.sheet);
  const start = parseCellAddress(op.address);
  if (!start) throw badAddress(op.address);
  const textCols = new Set(op.textColumns ?? []);
  op.rows.forEach((rowValues, i) => {
    rowValues.forEach((input: CellInput, j) => {
      const r = start.row + i;
      const c = start.col + j;
      if (r > 1048575 || c > 16383) throw badAddress(op.address);
      const isObj = input !== null && typeof input === 'object';
      let value: CellValue = isObj ? input.value : input;
      let format = isObj ? input.format : undefined;
      const asText = textCols.has(j);
      if (typeof value === 'string' && (asText || FORMULA_LIKE.test(value))) format = '@';
      else if (asText && value !== null) format = '@';
      if (asText && typeof value === 'number') value = String(value);
      const old = cellXmlAt(edit, r, c);
      const address = cellAddress(r, c);
      checkOverwrite(batch, ref.name, address, old);
      let s = styleOfCell(old);
      if (format) s = withFormat(batch, s, format);
      if (typeof value === 'number' && batch.pkg.date1904 && isDateFormat(formatCodeOf(batch.pkg.styles, s)))
        value -= DAYS_1904;
      putCell(edit, r, c, cellXml(address, s, value));
    });
  });
}

function eachCellOf(box: MergedArea, fn: (r: number, c: number) => void): void {
  if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_OP_CELLS) {
    throw new WorkbookError('内部错误：一次设置的单元格区域过大。', 'RANGE_TOO_LARGE');
  }
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) fn(r, c);
}

function styleCells(batch: Batch, op: Extract<WorkbookOp, { kind: 'style' }>): void {
  const { edit } = writable(batch, op.sheet);
  const box = requireBox(op.address);
  const key = JSON.stringify(op.style);
  eachCellOf(box, (r, c) => {
    const old = cellXmlAt(edit, r, c);
    const s = styled(batch, styleOfCell(old), op.style, key);
    if (old) {
      const tagEnd = old.indexOf('>') + 1;
      const tag = old.slice(0, tagEnd);
      const selfClosing = tag.endsWith('/>');
      const next = setAttr(tag, 's', s ? String(s) : undefined);
      putCell(
        edit,
        r,
        c,
        `${next}${selfClosing ? '' : old.slice(tagEnd)}`
          .replace(/^<[\w.-]+:/, '<')
          .replace(/<\/[\w.-]+:c>$/, '</c>'),
      );
    } else if (s) putCell(edit, r, c, `<c r="${cellAddress(r, c)}" s="${s}"/>`);
  });
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function validationXml(attrs: Record<string, string | undefined>, sqref: string, formulas: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(encodeXstring(v!))}"`)
    .join('');
  const f = formulas.map((x, i) => `<formula${i + 1}>${escapeXml(x)}</formula${i + 1}>`).join('');
  return `<dataValidation${a} sqref="${sqref}">${f}</dataValidation>`;
}

function promptAttrs(prompt: string | undefined): Record<string, string | undefined> {
  return prompt ? { showInputMessage: '1', prompt: clip(prompt, MAX_PROMPT) } : {};
}

const DATE_OPERATORS = {
  between: 'between',
  atMost: 'lessThanOrEqual',
  atLeast: 'greaterThanOrEqual',
} as const;

function isoToSerial(iso: string, date1904: boolean): number {
  const serial = dateToSerial(new Date(`${iso}T00:00:00Z`));
  return date1904 ? serial - DAYS_1904 : serial;
}

/** Sets a defined name local to `ref` (print area, print titles), replacing one already there. */
function setLocalName(batch: Batch, ref: SheetRef, name: string, value: string): void {
  const names = batch.pkg.names.map((n) => n);
  const at = names.findIndex(
    (n) => n.name.toLowerCase() === name.toLowerCase() && n.sheet?.name === ref.name,
  );
  const next: DefinedName =
    at >= 0 ? { ...names[at]!, value, changed: true } : { name, sheet: ref, value, changed: true };
  if (at >= 0) names[at] = next;
  else names.push(next);
  batch.pkg = { ...batch.pkg, names };
}

function applyPageSetup(batch: Batch, ref: SheetRef, setup: PageSetup): void {
  const edit = editOf(batch, ref);
  const current = childOf(edit, 'pageSetup');
  let tag = current ? current.replace(/^<[\w.-]+:/, '<').replace(/>\s*<\/[\w.-:]+>$/, '/>') : '<pageSetup/>';
  tag = setAttr(setAttr(tag, 'paperSize', '9'), 'orientation', setup.orientation);
  if (setup.fitToOnePageWide) {
    tag = setAttr(setAttr(tag, 'fitToWidth', '1'), 'fitToHeight', '0');
    setNestedAttr(edit, 'sheetPr', 'pageSetUpPr', 'fitToPage', '1');
  }
  setChild(edit, 'pageSetup', tag);
  if (setup.margins) {
    const m = setup.margins;
    setChild(
      edit,
      'pageMargins',
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`,
    );
  } else if (!childOf(edit, 'pageMargins')) {
    setChild(
      edit,
      'pageMargins',
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
  }
  if (setup.rowBreaks?.length) addRowBreaks(edit, setup.rowBreaks);
  const q = quoteSheetName(ref.name);
  if (setup.printArea) {
    const box = requireBox(setup.printArea);
    setLocalName(
      batch,
      ref,
      '_xlnm.Print_Area',
      `${q}!$${cellAddress(box.top, box.left).replace(/(\d+)$/, '$$$1')}:$${cellAddress(box.bottom, box.right).replace(/(\d+)$/, '$$$1')}`,
    );
  }
  if (setup.printTitleRows) {
    const m = /^\$?(\d+):\$?(\d+)$/.exec(setup.printTitleRows.trim());
    if (!m) throw badAddress(setup.printTitleRows);
    setLocalName(batch, ref, '_xlnm.Print_Titles', `${q}!$${m[1]}:$${m[2]}`);
  }
}

function protect(batch: Batch, op: Extract<WorkbookOp, { kind: 'protect' }>): void {
  const ref = needSheet(batch.pkg, op.sheet);
  if (isProtectedNow(batch, ref)) return;
  const edit = editOf(batch, ref);
  let tag = '<sheetProtection sheet="1" objects="1" scenarios="1"/>';
  if (op.password) {
    const salt = new Uint8Array(16);
    crypto.getRandomValues(salt);
    const h = hashSheetPassword(op.password, salt, PROTECT_SPIN_COUNT);
    tag = `<sheetProtection algorithmName="SHA-512" hashValue="${h.hashValue}" saltValue="${h.saltValue}" spinCount="${PROTECT_SPIN_COUNT}" sheet="1" objects="1" scenarios="1"/>`;
  }
  setChild(edit, 'sheetProtection', tag);
}

function unprotect(batch: Batch, op: Extract<WorkbookOp, { kind: 'unprotect' }>): void {
  const ref = needSheet(batch.pkg, op.sheet);
  if (!isProtectedNow(batch, ref)) return;
  const edit = editOf(batch, ref);
  const tag = childOf(edit, 'sheetProtection') ?? '';
  const password = op.password ?? '';
  const hash = readAttr(tag, 'hashValue');
  const salt = readAttr(tag, 'saltValue');
  const legacy = readAttr(tag, 'password');
  let ok = true;
  if (hash !== undefined && salt !== undefined) {
    ok = isSheetPasswordCorrect(
      password,
      salt,
      hash,
      Number(readAttr(tag, 'spinCount') ?? 100000),
      readAttr(tag, 'algorithmName') ?? 'SHA-512',
    );
  } else if (legacy !== undefined) ok = isLegacyPasswordCorrect(password, legacy);
  if (!ok) throw new WorkbookError(`工作表${quoteSheet(op.sheet)}的保护密码不正确。`, 'WRONG_PASSWORD');
  setChild(edit, 'sheetProtection', null);
}

/** A sheet this batch adds: it gets its part, relationship and sheet id when the package is saved. */
function newSheetRef(name: string, state: SheetRef['state'], xml: string): SheetRef {
  return { name, sheetId: 0, rid: '', state, kind: 'worksheet', part: '', xml };
}

function replaceSheet(batch: Batch, from: SheetRef, to: SheetRef): void {
  const edit = batch.edits.get(from);
  const pkg = batch.pkg;
  batch.pkg = {
    ...pkg,
    sheets: pkg.sheets.map((s) => (s === from ? to : s)),
    names: pkg.names.map((n) => (n.sheet === from ? { ...n, sheet: to } : n)),
    active: pkg.active === from ? to : pkg.active,
  };
  if (edit) {
    batch.edits.delete(from);
    batch.edits.set(to, edit);
  }
}

/**
 * Makes `target` the tab the book opens on. A sheet can only be shown by selecting its tab; the tab
 * selected until now must lose its selection, or Excel would open the two as a group. When that tab
 * is a user's sheet we would otherwise not write, the book keeps opening where the user left it:
 * their sheet is not rewritten for a tab selection.
 */
function activate(batch: Batch, target: SheetRef): void {
  const pkg = batch.pkg;
  const current = pkg.active;
  if (current === target) return;
  if (current && current.kind === 'worksheet' && isTabSelected(sheetBytes(pkg, current))) {
    if (!isRewritable(batch, current)) return;
    setTabSelected(editOf(batch, current), false);
  }
  if (target.kind === 'worksheet') setTabSelected(editOf(batch, target), true);
  batch.pkg = { ...batch.pkg, active: target };
}

/** Whether we may rewrite a sheet's part: one of ours, or one this session already writes. */
function isRewritable(batch: Batch, ref: SheetRef): boolean {
  return batch.edits.has(ref) || ref.xml !== undefined || !ref.original || isOwnSheet(ref.name);
}

/** Applies one op that `checkBatch` accepted (names, existence, visibility and dates are checked there). */
function applyOne(batch: Batch, op: WorkbookOp): void {
  switch (op.kind) {
    case 'addSheet': {
      const ref = newSheetRef(op.sheet, op.visibility ?? 'visible', emptyWorksheet());
      batch.pkg = { ...batch.pkg, sheets: [...batch.pkg.sheets, ref], active: batch.pkg.active ?? ref };
      return;
    }
    case 'copySheet': {
      const src = needSheet(batch.pkg, op.source);
      if (src.kind !== 'worksheet')
        throw new WorkbookError(`${quoteSheet(src.name)}是图表工作表，不能复制为表格。`, 'NOT_A_WORKSHEET');
      const edit = batch.edits.get(src);
      const text = edit ? finishSheetEdit(edit) : sheetText(batch.pkg, src);
      const ref = newSheetRef(op.sheet, 'visible', copyableSheet(text));
      batch.pkg = { ...batch.pkg, sheets: [...batch.pkg.sheets, ref] };
      return;
    }
    case 'renameSheet': {
      const ref = needSheet(batch.pkg, op.sheet);
      const renamed: SheetRef = { ...ref, name: op.to };
      replaceSheet(batch, ref, renamed);
      // Its print area and titles name it: they follow.
      const from = quoteSheetName(ref.name);
      const to = quoteSheetName(op.to);
      batch.pkg = {
        ...batch.pkg,
        names: batch.pkg.names.map((n) =>
          n.sheet === renamed && n.value.includes(from)
            ? { ...n, value: n.value.split(from).join(to), changed: true }
            : n,
        ),
      };
      return;
    }
    case 'deleteSheet': {
      const ref = needSheet(batch.pkg, op.sheet);
      const pkg = batch.pkg;
      const sheets = pkg.sheets.filter((s) => s !== ref);
      const active = pkg.active === ref ? (sheets.find((s) => s.state === 'visible') ?? null) : pkg.active;
      // Its local names (print area, titles) go with it, even if a new sheet takes its name.
      const names = pkg.names.map((n) => (n.sheet === ref ? { ...n, removed: true } : n));
      batch.pkg = {
        ...pkg,
        sheets,
        active,
        names,
        removed: ref.original ? [...pkg.removed, ref] : pkg.removed,
      };
      batch.edits.delete(ref);
      return;
    }
    case 'write':
      writeCells(batch, op);
      return;
    case 'style':
      styleCells(batch, op);
      return;
    case 'merge':
      addMerge(writable(batch, op.sheet).edit, requireBox(op.address));
      return;
    case 'columnWidths':
      setColumnWidths(writable(batch, op.sheet).edit, op.widths);
      return;
    case 'rowHeights': {
      const { edit } = writable(batch, op.sheet);
      op.heights.forEach((h, i) => setRowHeight(edit, op.fromRow + i - 1, h));
      return;
    }
    case 'listValidation': {
      const { edit } = writable(batch, op.sheet);
      const list = op.items.join(',');
      const xml = validationXml(
        {
          type: 'list',
          allowBlank: '1',
          showErrorMessage: '1',
          errorTitle: '输入无效',
          error: clip(`请从下拉列表中选择：${list}`, MAX_ERROR),
          ...promptAttrs(op.prompt),
        },
        boxAddress(requireBox(op.address)),
        [`"${op.items.map((x) => x.replace(/"/g, '""')).join(',')}"`],
      );
      addValidation(edit, xml);
      return;
    }
    case 'dateValidation': {
      const { edit } = writable(batch, op.sheet);
      const { operator, dates } = dateBounds(op.min, op.max);
      const xml = validationXml(
        {
          type: 'date',
          operator: DATE_OPERATORS[operator],
          allowBlank: '1',
          showErrorMessage: '1',
          errorTitle: '日期无效',
          error: clip(dateErrorText(op.min, op.max), MAX_ERROR),
          ...promptAttrs(op.prompt),
        },
        boxAddress(requireBox(op.address)),
        dates.map((iso) => String(isoToSerial(iso, batch.pkg.date1904))),
      );
      addValidation(edit, xml);
      return;
    }
    case 'pageSetup':
      applyPageSetup(batch, needSheet(batch.pkg, op.sheet), op.setup);
      return;
    case 'protect':
      protect(batch, op);
      return;
    case 'unprotect':
      unprotect(batch, op);
      return;
    case 'setVisibility': {
      const ref = needSheet(batch.pkg, op.sheet);
      replaceSheet(batch, ref, { ...ref, state: op.visibility });
      return;
    }
    case 'activate': {
      activate(batch, needSheet(batch.pkg, op.sheet));
      return;
    }
    case 'expectValue':
      return; // checked before the batch starts
  }
}

/** Ends a batch: edited sheets become text again; a hidden active tab moves to a visible sheet. */
function finishBatch(batch: Batch): XlsxPackage {
  let pkg = batch.pkg;
  if (pkg.active && pkg.active.state !== 'visible') {
    const visible = pkg.sheets.find((s) => s.state === 'visible');
    // A hidden active tab makes Excel repair the file and LibreOffice show, and print, that sheet.
    if (visible) {
      if (visible.kind === 'worksheet' && isRewritable(batch, visible))
        setTabSelected(editOf(batch, visible), true);
      pkg = { ...batch.pkg, active: visible };
    }
  }
  const replaced = new Map<SheetRef, SheetRef>();
  for (const [ref, edit] of batch.edits) replaced.set(ref, { ...ref, xml: finishSheetEdit(edit) });
  if (replaced.size === 0 && !batch.overwroteFormula) return pkg;
  const swap = (s: SheetRef | null) => (s ? (replaced.get(s) ?? s) : s);
  const dropped = new Set(pkg.dropped);
  if (batch.overwroteFormula) {
    // Excel repairs a book whose calculation chain names a cell that no longer has a formula; it
    // rebuilds the chain itself when the part is absent.
    for (const e of pkg.entries) if (/(^|\/)calcChain\.xml$/i.test(e.name)) dropped.add(e.name.toLowerCase());
  }
  return {
    ...pkg,
    sheets: pkg.sheets.map((s) => swap(s)!),
    names: pkg.names.map((n) => (n.sheet ? { ...n, sheet: swap(n.sheet) } : n)),
    active: swap(pkg.active),
    dropped,
  };
}

function gridContext(pkg: XlsxPackage, cache: { sst?: readonly string[] }) {
  const styles = pkg.styles;
  return {
    sharedStrings: () => sharedStringsOf(pkg, cache),
    formatOf: (s: number) => formatCodeOf(styles, s),
    date1904: pkg.date1904,
    maxCells: MAX_GRID_CELLS,
  };
}

function readGrid(pkg: XlsxPackage, ref: SheetRef, cache: { sst?: readonly string[] }): Grid {
  if (ref.kind !== 'worksheet')
    return { sheet: ref.name, origin: { row: 0, col: 0 }, text: [], values: [], formats: [], merges: [] };
  return scanSheet(sheetBytes(pkg, ref), ref.name, gridContext(pkg, cache));
}

/** The sheets as `listSheets` gives them and `checkBatch` checks them. */
function sheetInfos(pkg: XlsxPackage): SheetInfo[] {
  return pkg.sheets.map((s) => ({
    name: s.name,
    visibility: s.state,
    isProtected: s.kind === 'worksheet' && isSheetProtected(sheetBytes(pkg, s)),
  }));
}

function wrap(initial: XlsxPackage): XlsxWorkbook {
  let pkg = initial;
  const sst: { sst?: readonly string[] } = {};
  return {
    async listSheets(): Promise<SheetInfo[]> {
      return asCorrupt(pkg.fileName, () => sheetInfos(pkg));
    },
    async readSheets(names: string[]): Promise<Grid[]> {
      return asCorrupt(pkg.fileName, () => names.map((n) => readGrid(pkg, needSheet(pkg, n), sst)));
    },
    async apply(ops: WorkbookOp[], options?: ApplyOptions): Promise<void> {
      // Preconditions first, against the book as it was read, so that a refused batch changes nothing.
      const grids = new Map<SheetRef, Grid>();
      for (const op of ops) {
        if (op.kind !== 'expectValue') continue;
        const ref = needSheet(pkg, op.sheet);
        const at = parseCellAddress(op.address);
        if (!at) throw badAddress(op.address);
        let grid = grids.get(ref);
        if (!grid) {
          grid = readGrid(pkg, ref, sst);
          grids.set(ref, grid);
        }
        const shown = grid.text[at.row - grid.origin.row]?.[at.col - grid.origin.col] ?? '';
        if (shown !== op.value) {
          throw conflictError(op.sheet, op.address);
        }
      }
      // The shared check of every op (src/workbook/checkBatch.ts), as in the other adapters.
      checkBatch(ops, sheetInfos(pkg));
      const batch: Batch = { pkg, edits: new Map(), styleCache: new Map(), overwroteFormula: false };
      for (let i = 0; i < ops.length; i++) {
        if (options?.isCancelled?.()) throw new WorkbookError('操作已取消，工作簿未改动。', 'CANCELLED');
        applyOne(batch, ops[i]!);
        options?.onProgress?.(i + 1, ops.length);
      }
      // Only now does the book change: a failed or cancelled batch leaves it as it was.
      pkg = finishBatch(batch);
    },
    async select(): Promise<void> {
      // No UI behind a file.
    },
    async save(): Promise<Uint8Array> {
      return savePackage(pkg, new Date());
    },
  };
}

/**
 * Opens .xlsx (or .xlsm) bytes. Throws a Chinese `WorkbookError` for .xls, .xlsb, encrypted, CSV,
 * broken or incomplete files.
 * @param bytes file content
 * @param fileName for messages
 * @param options a faster zip codec, where the host has one
 * @returns the workbook behind the port, with `save()`
 * @example const book = await openXlsxWorkbook(bytes, '计划表.xlsx'); await book.listSheets();
 */
export async function openXlsxWorkbook(
  bytes: Uint8Array,
  fileName = '工作簿',
  options: XlsxOptions = {},
): Promise<XlsxWorkbook> {
  assertLooksLikeXlsx(bytes, fileName);
  return wrap(asCorrupt(fileName, () => openPackage(bytes, fileName, options.codec)));
}

/** Runs a read of the file's content; anything but our own refusal means the file is damaged. */
function asCorrupt<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new WorkbookError(
      `文件 ${fileName} 已损坏或不是有效的 .xlsx 工作簿，无法读取（${why}）。请在 Excel 或 WPS 中打开并另存后再试。`,
      'CORRUPT',
    );
  }
}

/**
 * A new, empty workbook.
 * @example const book = createXlsxWorkbook(); await book.apply([{ kind: 'addSheet', sheet: '计划表' }]);
 */
export function createXlsxWorkbook(options: XlsxOptions = {}): XlsxWorkbook {
  return wrap(newPackage(options.codec));
}
