/**
 * The .xlsx package (ECMA-376 Part 2, OPC) as the adapter sees it: the zip entries as stored, the
 * workbook's sheet list, defined names, date system and active tab, and the styles. Saving writes
 * every entry nobody changed as the very bytes it was read from (still compressed); the package
 * index parts (content types, workbook.xml and its relationships, styles) only grow: what was in
 * them is kept as written, and our additions are inserted.
 */
import type { SheetVisibility } from '../../core/workbookOps';
import { WorkbookError } from '../port';
import type { ZipCodec, ZipEntry } from './readZip';
import { FFLATE_CODEC, inflateEntry, readZip } from './readZip';
import type { StyleBook } from './styleBook';
import { emptyStyleBook, hasStyleChanges, readStyleBook, serializeStyles } from './styleBook';
import type { ZipOutput } from './writeZip';
import { writeZip } from './writeZip';
import {
  decodeXml,
  decodeXstring,
  encodeXstring,
  escapeXml,
  findElement,
  findElements,
  readAttr,
  readAttrs,
  setAttr,
} from './xmlText';
import type { XmlElement } from './xmlText';

/** The most bytes one part may inflate to (a sheet of ~400,000 rows). */
export const MAX_PART_BYTES = 160 * 1_048_576;

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** A sheet of the workbook (a tab). */
export type SheetRef = {
  name: string;
  sheetId: number;
  rid: string;
  state: SheetVisibility;
  /** Worksheets hold cells; chart sheets and others are listed but neither read nor written. */
  kind: 'worksheet' | 'other';
  /** Its part's entry name in the zip. */
  part: string;
  /** Its text when changed or new; undefined while it is the original entry, untouched. */
  xml?: string;
  /** The `<sheet>` element as read from workbook.xml (absent for sheets we add). */
  original?: { tag: string; start: number; end: number };
};

/** A defined name; `sheet` is set for names local to a sheet (`localSheetId`). */
export type DefinedName = {
  name: string;
  sheet: SheetRef | null;
  value: string;
  /** The element as read (absent for names we add); `changed` when our value replaces it. */
  original?: { xml: string; start: number; end: number };
  changed: boolean;
  /** Its sheet was deleted: the name goes too. */
  removed?: boolean;
};

/** Everything the adapter keeps about a package. Treated as immutable: edits make a new one. */
export type XlsxPackage = {
  fileName: string;
  entries: readonly ZipEntry[];
  /** Lower-case entry name → entry (OPC part names are case-insensitive). */
  byName: ReadonlyMap<string, ZipEntry>;
  contentTypes: string;
  workbookPart: string;
  workbookXml: string;
  workbookRelsPart: string;
  workbookRelsXml: string;
  /** Prefix bound to the relationships namespace in workbook.xml ('' when none is declared). */
  relPrefix: string;
  sheets: readonly SheetRef[];
  /** Original sheets deleted since reading. */
  removed: readonly SheetRef[];
  names: readonly DefinedName[];
  /** The sheet shown when the book opens. */
  active: SheetRef | null;
  date1904: boolean;
  styles: StyleBook;
  stylesPart: string | null;
  sharedStringsPart: string | null;
  /** Entries to drop on save (lower-case), e.g. a calculation chain made stale by our writes. */
  dropped: ReadonlySet<string>;
  /** Decoded text of entries, shared by every version of the package (entries never change). */
  textCache: Map<string, string>;
  codec: ZipCodec;
};

const utf8 = new TextDecoder('utf-8');

function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return utf8.decode(bytes);
}

const bytesCache = new WeakMap<ZipEntry, Uint8Array>();

/** The text of an entry (cached); a part already inflated as bytes is decoded, not inflated again. */
export function entryText(
  pkg: Pick<XlsxPackage, 'fileName' | 'textCache' | 'codec'>,
  entry: ZipEntry,
): string {
  const key = entry.name.toLowerCase();
  let text = pkg.textCache.get(key);
  if (text === undefined) {
    const bytes = bytesCache.get(entry);
    text = bytes
      ? utf8.decode(bytes)
      : decodePart(inflateEntry(entry, MAX_PART_BYTES, pkg.fileName, pkg.codec));
    pkg.textCache.set(key, text);
  }
  return text;
}

/**
 * The bytes of an entry as UTF-8 (cached): what the sheet scanner reads, without making a 30 MB
 * string first. A part written in UTF-16 is converted.
 */
export function entryBytes(
  pkg: Pick<XlsxPackage, 'fileName' | 'textCache' | 'codec'>,
  entry: ZipEntry,
): Uint8Array {
  let bytes = bytesCache.get(entry);
  if (!bytes) {
    bytes = inflateEntry(entry, MAX_PART_BYTES, pkg.fileName, pkg.codec);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      bytes = new TextEncoder().encode(decodePart(bytes));
    }
    bytesCache.set(entry, bytes);
  }
  return bytes;
}

/** The entry for a part name, whatever its case or percent-encoding. */
export function findEntry(pkg: Pick<XlsxPackage, 'byName'>, part: string): ZipEntry | undefined {
  const name = part.replace(/^\//, '');
  return pkg.byName.get(name.toLowerCase()) ?? pkg.byName.get(safeDecode(name).toLowerCase());
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The `_rels/….rels` part of a part. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

type Rel = { id: string; type: string; target: string; external: boolean };

function readRels(xml: string, sourcePart: string): Rel[] {
  return findElements(xml, 'Relationship').map((e) => {
    const a = readAttrs(e.tag);
    const external = a.get('TargetMode') === 'External';
    const target = a.get('Target') ?? '';
    return {
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target: external ? target : resolveTarget(sourcePart, target),
      external,
    };
  });
}

function notAWorkbook(fileName: string, why: string, code = 'NOT_XLSX'): WorkbookError {
  return new WorkbookError(`文件 ${fileName} ${why}`, code);
}

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
}

/**
 * Reads an .xlsx/.xlsm package: the zip directory, the workbook's sheet list and the styles. Sheets
 * are not inflated here; that happens when they are read.
 * @param bytes the file
 * @param fileName for messages
 * @param codec the zip codec (fflate unless the caller has a faster one)
 * @example openPackage(bytes, '计划表.xlsx').sheets.map((s) => s.name) // ['计划', '名录']
 */
export function openPackage(
  bytes: Uint8Array,
  fileName: string,
  codec: ZipCodec = FFLATE_CODEC,
): XlsxPackage {
  const entries = readZip(bytes, fileName);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e);
  const pkgBase = { fileName, byName, textCache: new Map<string, string>(), codec };
  const text = (part: string): string | null => {
    const e = findEntry(pkgBase, part);
    return e ? entryText(pkgBase, e) : null;
  };
  const contentTypes = text('[Content_Types].xml');
  if (contentTypes === null) {
    if (byName.has('content.xml') || byName.has('mimetype')) {
      throw notAWorkbook(
        fileName,
        '是 OpenDocument 表格（.ods），不是 .xlsx：请在 WPS 或 Excel 中“另存为 Excel 工作簿（*.xlsx）”后再试。',
      );
    }
    throw notAWorkbook(
      fileName,
      '是 zip 压缩包，但不是 Excel 工作簿（缺少 [Content_Types].xml）：请选择 .xlsx 文件。',
    );
  }
  const rootRels = readRels(text('_rels/.rels') ?? '', '');
  const main = rootRels.find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  const workbookPart =
    main?.target ??
    (findEntry(pkgBase, 'xl/workbook.xml')
      ? 'xl/workbook.xml'
      : findEntry(pkgBase, 'xl/workbook.bin')
        ? 'xl/workbook.bin'
        : '');
  if (/\.bin$/i.test(workbookPart) || /sheet\.binary\.macroEnabled\.main/.test(contentTypes)) {
    throw notAWorkbook(
      fileName,
      '是 Excel 二进制工作簿（.xlsb），无法读取：请在 Excel 中“另存为 Excel 工作簿（*.xlsx）”后再试。',
      'XLSB_FORMAT',
    );
  }
  const workbookEntry = workbookPart ? findEntry(pkgBase, workbookPart) : undefined;
  if (!workbookEntry) {
    if (findEntry(pkgBase, 'word/document.xml') || findEntry(pkgBase, 'ppt/presentation.xml')) {
      throw notAWorkbook(fileName, '是 Word 或 PowerPoint 文档，不是 Excel 工作簿：请选择 .xlsx 文件。');
    }
    throw new WorkbookError(
      `文件 ${fileName} 已损坏或不是有效的 .xlsx 工作簿，无法读取（缺少工作簿部件 ${workbookPart || 'xl/workbook.xml'}）。请在 Excel 或 WPS 中打开并另存后再试。`,
      'CORRUPT',
    );
  }
  const wbPart = workbookEntry.name;
  const workbookXml = text(wbPart)!;
  const workbookRelsPart = relsPartOf(wbPart);
  const workbookRelsXml = text(workbookRelsPart) ?? '';
  const rels = readRels(workbookRelsXml, wbPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const root = /<([A-Za-z_][\w.-]*:)?workbook\b[^>]*>/.exec(workbookXml);
  if (!root)
    throw new WorkbookError(
      `文件 ${fileName} 已损坏或不是有效的 .xlsx 工作簿，无法读取（工作簿部件不是 SpreadsheetML）。请在 Excel 或 WPS 中打开并另存后再试。`,
      'CORRUPT',
    );
  const relPrefix =
    /xmlns:([\w.-]+)\s*=\s*"(?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships)"/.exec(
      root[0],
    )?.[1] ?? '';

  const sheets: SheetRef[] = [];
  const sheetsEl = findElement(workbookXml, 'sheets');
  const innerStart = sheetsEl ? sheetsEl.start + sheetsEl.tag.length : 0;
  for (const el of sheetsEl ? findElements(sheetsEl.inner, 'sheet') : []) {
    const attrs = readAttrs(el.tag);
    const rid =
      [...attrs.entries()].find(
        ([k]) => k === `${relPrefix}:id` || (relPrefix === '' && /:id$/.test(k)),
      )?.[1] ??
      [...attrs.entries()].find(([k]) => /:id$/.test(k))?.[1] ??
      '';
    const name = decodeXstring(attrs.get('name') ?? '');
    const rel = relById.get(rid);
    const entry = rel && !rel.external ? findEntry(pkgBase, rel.target) : undefined;
    if (!entry) {
      throw new WorkbookError(
        `文件 ${fileName} 不完整：工作表“${name}”列在工作簿中，但它的内容（${rel?.target ?? rid}）不在文件里。为免丢失该表（可能含抽取记录），本工具不处理此文件：请用备份文件，或在 Excel 中打开修复后另存再试。`,
        'MISSING_PART',
      );
    }
    sheets.push({
      name,
      sheetId: Number(attrs.get('sheetId')) || 0,
      rid,
      state: visibilityOf(attrs.get('state')),
      kind: rel!.type.endsWith('/worksheet') ? 'worksheet' : 'other',
      part: entry.name,
      original: { tag: el.tag, start: innerStart + el.start, end: innerStart + el.end },
    });
  }

  const names: DefinedName[] = [];
  const namesEl = findElement(workbookXml, 'definedNames');
  if (namesEl) {
    const base = namesEl.start + namesEl.tag.length;
    for (const el of findElements(namesEl.inner, 'definedName')) {
      const local = readAttr(el.tag, 'localSheetId');
      names.push({
        name: readAttr(el.tag, 'name') ?? '',
        sheet: local !== undefined ? (sheets[Number(local)] ?? null) : null,
        value: decodeXstring(decodeXml(el.inner)),
        original: { xml: namesEl.inner.slice(el.start, el.end), start: base + el.start, end: base + el.end },
        changed: false,
      });
    }
  }
  const view = findElement(workbookXml, 'workbookView');
  const activeIndex = Number(view ? (readAttr(view.tag, 'activeTab') ?? 0) : 0) || 0;
  const pr = findElement(workbookXml, 'workbookPr');
  const d1904 = pr ? readAttr(pr.tag, 'date1904') : undefined;
  const stylesRel = rels.find((r) => r.type.endsWith('/styles') && !r.external);
  const stylesEntry = stylesRel ? findEntry(pkgBase, stylesRel.target) : undefined;
  const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings') && !r.external);
  const sstEntry = sstRel ? findEntry(pkgBase, sstRel.target) : undefined;
  const pkg: XlsxPackage = {
    fileName,
    entries,
    byName,
    contentTypes,
    workbookPart: wbPart,
    workbookXml,
    workbookRelsPart,
    workbookRelsXml,
    relPrefix,
    sheets,
    removed: [],
    names,
    active: sheets[activeIndex] ?? sheets[0] ?? null,
    date1904: d1904 === '1' || d1904 === 'true',
    styles: emptyStyleBook(),
    stylesPart: stylesEntry?.name ?? null,
    sharedStringsPart: sstEntry?.name ?? null,
    dropped: new Set(),
    textCache: pkgBase.textCache,
    codec,
  };
  return { ...pkg, styles: stylesEntry ? readStyleBook(entryText(pkg, stylesEntry)) : emptyStyleBook() };
}

/** A package with no sheets yet, for `createXlsxWorkbook`. */
export function newPackage(codec: ZipCodec = FFLATE_CODEC): XlsxPackage {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/core.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      '<dc:creator>双随机抽查助手</dc:creator></cp:coreProperties>',
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>双随机抽查助手</Application></Properties>',
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>',
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': serializeStyles(emptyStyleBook()),
  };
  const enc = new TextEncoder();
  const bytes = writeZip(
    Object.entries(files).map(([name, text]) => ({ kind: 'new' as const, name, bytes: enc.encode(text) })),
    new Date(Date.UTC(2026, 0, 1)),
  );
  return openPackage(bytes, '新工作簿', codec);
}

/** A sheet name as a reference in a formula or defined name: `'它''s 名'`. */
export function quoteSheetName(name: string): string {
  // Quoting is always valid, and spares deciding which names Excel would leave bare.
  return `'${name.replace(/'/g, "''")}'`;
}

function freeName(pkg: XlsxPackage, taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = make(n);
    if (!findEntry(pkg, name) && !taken.has(name.toLowerCase())) return name;
  }
}

/**
 * The package as zip bytes: untouched entries copied as stored, changed and new parts deflated.
 * @param pkg the package
 * @param now stamped on new entries
 * @example const bytes = savePackage(pkg, new Date());
 */
export function savePackage(pkg: XlsxPackage, now: Date): Uint8Array {
  const enc = new TextEncoder();
  const replaced = new Map<string, string>();
  const added: { name: string; text: string }[] = [];
  const taken = new Set<string>();
  const newRels: string[] = [];
  const newOverrides: string[] = [];
  const wbDir = pkg.workbookPart.includes('/')
    ? pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf('/') + 1)
    : '';
  const relIds = new Set(readRels(pkg.workbookRelsXml, pkg.workbookPart).map((r) => r.id));
  const nextRid = () => {
    let n = relIds.size + 1;
    while (relIds.has(`rId${n}`)) n++;
    relIds.add(`rId${n}`);
    return `rId${n}`;
  };
  const relTarget = (part: string) => (part.startsWith(wbDir) ? part.slice(wbDir.length) : `/${part}`);

  // Sheets: new ones get a part, a relationship and a content type; changed ones replace their part.
  const sheets = pkg.sheets.map((s) => ({ ...s }));
  let maxId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId), ...pkg.removed.map((s) => s.sheetId));
  for (const s of sheets) {
    if (s.original) {
      if (s.xml !== undefined) replaced.set(s.part.toLowerCase(), s.xml);
      continue;
    }
    s.part = freeName(pkg, taken, (n) => `${wbDir}worksheets/sheet${n}.xml`);
    taken.add(s.part.toLowerCase());
    s.rid = nextRid();
    s.sheetId = ++maxId;
    added.push({ name: s.part, text: s.xml ?? '' });
    newRels.push(
      `<Relationship Id="${s.rid}" Type="${REL_WORKSHEET}" Target="${escapeXml(relTarget(s.part))}"/>`,
    );
    newOverrides.push(`<Override PartName="/${escapeXml(s.part)}" ContentType="${CT_WORKSHEET}"/>`);
  }
  const dropped = new Set(pkg.dropped);
  const droppedRids = new Set<string>();
  for (const s of pkg.removed) {
    dropped.add(s.part.toLowerCase());
    droppedRids.add(s.rid);
  }

  if (hasStyleChanges(pkg.styles)) {
    const xml = serializeStyles(pkg.styles);
    if (pkg.stylesPart) replaced.set(pkg.stylesPart.toLowerCase(), xml);
    else {
      const part = freeName(pkg, taken, (n) => `${wbDir}styles${n === 1 ? '' : n}.xml`);
      added.push({ name: part, text: xml });
      newRels.push(
        `<Relationship Id="${nextRid()}" Type="${REL_STYLES}" Target="${escapeXml(relTarget(part))}"/>`,
      );
      newOverrides.push(`<Override PartName="/${escapeXml(part)}" ContentType="${CT_STYLES}"/>`);
    }
  }

  const wbXml = workbookText(pkg, sheets);
  if (wbXml !== pkg.workbookXml) replaced.set(pkg.workbookPart.toLowerCase(), wbXml);
  const relsXml = growList(
    removeElements(
      pkg.workbookRelsXml,
      'Relationship',
      (tag) => droppedRids.has(readAttr(tag, 'Id') ?? '') || droppedTarget(pkg, dropped, tag),
    ),
    'Relationships',
    newRels,
  );
  if (relsXml !== pkg.workbookRelsXml) {
    if (findEntry(pkg, pkg.workbookRelsPart)) replaced.set(pkg.workbookRelsPart.toLowerCase(), relsXml);
    else added.push({ name: pkg.workbookRelsPart, text: relsXml });
  }
  const ctXml = growList(
    removeElements(pkg.contentTypes, 'Override', (tag) =>
      dropped.has((readAttr(tag, 'PartName') ?? '').replace(/^\//, '').toLowerCase()),
    ),
    'Types',
    newOverrides,
  );
  if (ctXml !== pkg.contentTypes) replaced.set('[content_types].xml', ctXml);

  const outputs: ZipOutput[] = [];
  for (const e of pkg.entries) {
    const key = e.name.toLowerCase();
    if (dropped.has(key)) continue;
    const text = replaced.get(key);
    outputs.push(
      text !== undefined
        ? { kind: 'new', name: e.name, bytes: enc.encode(utf8Declaration(text)) }
        : { kind: 'copy', entry: e },
    );
  }
  for (const a of added) outputs.push({ kind: 'new', name: a.name, bytes: enc.encode(a.text) });
  // Level 3: a large sheet deflates about twice as fast as at 6, for a few per cent more bytes.
  return writeZip(outputs, now, 3, pkg.codec);
}

/** An edited part is written as UTF-8 whatever it was read as. */
function utf8Declaration(xml: string): string {
  return xml.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])UTF-16(["'])/i, '$1UTF-8$2');
}

function droppedTarget(pkg: XlsxPackage, dropped: ReadonlySet<string>, tag: string): boolean {
  if (readAttr(tag, 'TargetMode') === 'External') return false;
  return dropped.has(resolveTarget(pkg.workbookPart, readAttr(tag, 'Target') ?? '').toLowerCase());
}

/** `xml` with the elements `name` for which `drop` says so removed; everything else as it was. */
function removeElements(xml: string, name: string, drop: (tag: string) => boolean): string {
  const els = findElements(xml, name).filter((e) => drop(e.tag));
  let out = xml;
  for (const e of els.reverse()) out = out.slice(0, e.start) + out.slice(e.end);
  return out;
}

type TextEdit = { start: number; end: number; text: string };

/** The edit that appends `body` to the content of `el`, before its end tag (a self-closing one is expanded). */
function appendInside(el: XmlElement, body: string): TextEdit {
  if (el.selfClosing)
    return { start: el.start, end: el.end, text: `${el.tag.slice(0, -2).trimEnd()}>${body}</${el.qname}>` };
  const close = el.end - (el.qname.length + 3);
  return { start: close, end: close, text: body };
}

/** Appends items before the root's end tag (or expands a self-closing root). */
function growList(xml: string, root: string, items: readonly string[]): string {
  if (items.length === 0) return xml;
  const el = findElement(xml, root);
  if (!el) return xml;
  const prefix = el.qname.includes(':') ? el.qname.slice(0, el.qname.indexOf(':') + 1) : '';
  const body = prefix ? items.map((x) => x.replace(/^<(\w)/, `<${prefix}$1`)).join('') : items.join('');
  const e = appendInside(el, body);
  return `${xml.slice(0, e.start)}${e.text}${xml.slice(e.end)}`;
}

/** workbook.xml with the sheet list, defined names and active tab as they are now. */
function workbookText(pkg: XlsxPackage, sheets: readonly SheetRef[]): string {
  const xml = pkg.workbookXml;
  const mainPrefix = /<([A-Za-z_][\w.-]*:)?workbook\b/.exec(xml)?.[1] ?? '';
  const edits: TextEdit[] = [];
  const indexOf = new Map(sheets.map((s, i) => [s.name, i]));
  const rAttr = pkg.relPrefix ? `${pkg.relPrefix}:id` : 'r:id';
  const rNs = pkg.relPrefix ? '' : ` xmlns:r="${NS_REL}"`;
  // Sheets: removed ones go, a changed state is set on the element as read, new ones are appended.
  for (const s of pkg.removed) edits.push({ start: s.original!.start, end: s.original!.end, text: '' });
  const newTags: string[] = [];
  for (const s of sheets) {
    if (s.original) {
      const was = visibilityOf(readAttr(s.original.tag, 'state'));
      if (was !== s.state)
        edits.push({
          start: s.original.start,
          end: s.original.end,
          text: setAttr(s.original.tag, 'state', s.state === 'visible' ? undefined : s.state),
        });
      continue;
    }
    const state = s.state === 'visible' ? '' : ` state="${s.state}"`;
    newTags.push(
      `<${mainPrefix}sheet${rNs} name="${escapeXml(encodeXstring(s.name))}" sheetId="${s.sheetId}"${state} ${rAttr}="${s.rid}"/>`,
    );
  }
  const sheetsEl = findElement(xml, 'sheets');
  if (sheetsEl && newTags.length) edits.push(appendInside(sheetsEl, newTags.join('')));
  // Defined names: a local name follows its sheet's index; names of removed sheets go.
  const newNames: string[] = [];
  for (const n of pkg.names) {
    const index = n.sheet ? indexOf.get(n.sheet.name) : undefined;
    if (n.removed || (n.sheet && index === undefined)) {
      if (n.original) edits.push({ start: n.original.start, end: n.original.end, text: '' });
      continue;
    }
    if (n.original) {
      const oldIndex = readAttr(n.original.xml, 'localSheetId');
      if (!n.changed && (oldIndex === undefined || Number(oldIndex) === index)) continue;
      let tag = n.original.xml.slice(0, n.original.xml.indexOf('>') + 1);
      if (index !== undefined) tag = setAttr(tag, 'localSheetId', String(index));
      const closeName = /^<([\w.:-]+)/.exec(tag)![1]!;
      edits.push({
        start: n.original.start,
        end: n.original.end,
        text: `${tag.replace(/\/>$/, '>')}${escapeXml(encodeXstring(n.value))}</${closeName}>`,
      });
      continue;
    }
    const local = index !== undefined ? ` localSheetId="${index}"` : '';
    newNames.push(
      `<${mainPrefix}definedName name="${escapeXml(n.name)}"${local}>${escapeXml(encodeXstring(n.value))}</${mainPrefix}definedName>`,
    );
  }
  if (newNames.length) {
    const namesEl = findElement(xml, 'definedNames');
    if (namesEl) edits.push(appendInside(namesEl, newNames.join('')));
    else {
      // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
      const after = ['externalReferences', 'functionGroups', 'sheets']
        .map((n) => findElement(xml, n))
        .find((e) => e !== null);
      const at = after ? after.end : (sheetsEl?.end ?? 0);
      edits.push({
        start: at,
        end: at,
        text: `<${mainPrefix}definedNames>${newNames.join('')}</${mainPrefix}definedNames>`,
      });
    }
  }
  // Active tab, only when it moved.
  const view = findElement(xml, 'workbookView');
  const oldActive = Number(view ? (readAttr(view.tag, 'activeTab') ?? 0) : 0) || 0;
  const active = pkg.active ? (indexOf.get(pkg.active.name) ?? 0) : 0;
  if (view && active !== oldActive)
    edits.push({
      start: view.start,
      end: view.start + view.tag.length,
      text: setAttr(view.tag, 'activeTab', String(active)),
    });
  else if (!view && active !== 0 && sheetsEl) {
    edits.push({
      start: sheetsEl.start,
      end: sheetsEl.start,
      text: `<${mainPrefix}bookViews><${mainPrefix}workbookView activeTab="${active}"/></${mainPrefix}bookViews>`,
    });
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
