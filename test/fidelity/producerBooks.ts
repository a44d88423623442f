/**
 * The same bureau book (the sample: plan table, matters, targets, inspectors, history) as three
 * producers write it, each carrying parts our tool must never touch:
 *
 * - ExcelJS: an image, a note (comment), print titles, a manual page break, a defined name, an
 *   auto filter (`_xlnm._FilterDatabase`).
 * - "openpyxl style", written here by hand the way openpyxl and the Java/.NET generators of
 *   government platforms write: absolute part names in relationships, shared strings with rich text
 *   and phonetic runs, inline strings, cells and rows without `r`, a sheet with an `x:` namespace
 *   prefix, shared formulas with a calculation chain, the 1904 date system, comments (VML), an
 *   image, a chart, an external link, custom document properties, a custom XML part and an unknown
 *   part; `.xlsm` adds a VBA project.
 * - LibreOffice: the openpyxl-style book opened and saved again by `soffice --convert-to xlsx`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { CellValue } from '../../src/core/grid';
import { cellAddress } from '../../src/core/grid';
import { buildSampleBook, SAMPLE_SHEETS } from '../../src/core/sample';
import { createMemoryWorkbook } from '../../src/workbook/memory';

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  ),
);

type Cell = { value: CellValue; format: string };
type SheetData = { name: string; cells: Map<number, Map<number, Cell>>; merges: string[] };

/** The sample book's sheets as plain cells (values and number formats), via the memory adapter. */
export async function sampleSheets(targets = 60): Promise<SheetData[]> {
  const book = createMemoryWorkbook();
  await book.apply(buildSampleBook({ targets }).ops);
  return Object.values(SAMPLE_SHEETS).map((name) => {
    const sheet = book.sheet(name)!;
    const cells = new Map<number, Map<number, Cell>>();
    for (const [k, c] of sheet.cells) {
      if (c.value === null) continue;
      const r = Math.floor(k / 16384);
      const col = k % 16384;
      if (!cells.has(r)) cells.set(r, new Map());
      cells.get(r)!.set(col, { value: c.value, format: c.format ?? 'General' });
    }
    const merges = sheet.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
    return { name, cells, merges };
  });
}

function sortedRows(s: SheetData): [number, [number, Cell][]][] {
  return [...s.cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, row]) => [r, [...row.entries()].sort((a, b) => a[0] - b[0])]);
}

/** The ExcelJS producer. */
export async function exceljsBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ExcelJS';
  const sheets = await sampleSheets();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [r, row] of sortedRows(s)) {
      for (const [c, cell] of row) {
        const x = ws.getCell(r + 1, c + 1);
        x.value = cell.value;
        if (cell.format !== 'General') x.numFmt = cell.format;
      }
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  const plan = wb.getWorksheet(SAMPLE_SHEETS.plan)!;
  plan.pageSetup.printTitlesRow = '3:3';
  plan.getCell('A1').note = '这是用户自己的批注';
  const dir = wb.getWorksheet(SAMPLE_SHEETS.targets)!;
  dir.getRow(20).addPageBreak();
  dir.autoFilter = 'A1:G1';
  const image = wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: 'png' });
  dir.addImage(image, { tl: { col: 9, row: 1 }, ext: { width: 40, height: 40 } });
  wb.definedNames.add(`'${SAMPLE_SHEETS.targets}'!$A$1:$B$2`, '名录区域');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RT = (t: string) => `${NS_R}/${t}`;

const isDate = (f: string) => /y|d/.test(f.replace(/"[^"]*"/g, ''));

/** Parts the openpyxl-style book carries that our tool must copy untouched, by name. */
export const USER_EXTRAS = [
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
  'xl/drawings/drawing1.xml',
  'xl/drawings/drawing2.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
  'xl/drawings/_rels/drawing2.xml.rels',
  'xl/media/image1.png',
  'xl/charts/chart1.xml',
  'xl/externalLinks/externalLink1.xml',
  'xl/externalLinks/_rels/externalLink1.xml.rels',
  'xl/calcChain.xml',
  'docProps/custom.xml',
  'customXml/item1.xml',
  'xl/ssjUnknown/blob.bin',
  'xl/theme/theme1.xml',
];

/**
 * The openpyxl-style producer.
 * @param macro write an .xlsm (macro-enabled main part and a VBA project)
 */
export async function openpyxlStyleBook(macro = false): Promise<Uint8Array> {
  const sheets = await sampleSheets();
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const formats = new Map<string, number>([['General', 0]]);
  const numFmts: string[] = [];
  const xfOf = (format: string): number => {
    let xf = formats.get(format);
    if (xf === undefined) {
      const builtin: Record<string, number> = { '@': 49, '0%': 9 };
      let id = builtin[format];
      if (id === undefined) {
        id = 164 + numFmts.length;
        numFmts.push(`<numFmt numFmtId="${id}" formatCode="${esc(format)}"/>`);
      }
      xf = formats.size;
      formats.set(format, xf);
      xfIds.push(id);
    }
    return xf;
  };
  const xfIds: number[] = [0];
  const str = (s: string): number => {
    let i = sstIndex.get(s);
    if (i === undefined) {
      i = sst.length;
      sst.push(s);
      sstIndex.set(s, i);
    }
    return i;
  };

  const sheetXml = (s: SheetData, index: number): string => {
    // Sheet 5 (history) is written with an `x:` prefix, as the .NET Open XML SDK does.
    const p = index === 4 ? 'x:' : '';
    const rowsXml: string[] = [];
    for (const [r, row] of sortedRows(s)) {
      const cells: string[] = [];
      let prev = -2;
      for (const [c, cell] of row) {
        // Sheet 2 (matters) leaves out `r` where a cell follows its neighbour, as some generators do.
        const ref = index === 1 && c === prev + 1 ? '' : ` r="${cellAddress(r, c)}"`;
        prev = c;
        const sAttr = cell.format !== 'General' ? ` s="${xfOf(cell.format)}"` : '';
        let v = cell.value;
        if (typeof v === 'number' && isDate(cell.format)) v -= 1462;
        if (typeof v === 'string') {
          // Sheet 2 keeps its text inline; the others use the shared strings table.
          if (index === 1)
            cells.push(
              `<${p}c${ref}${sAttr} t="inlineStr"><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`,
            );
          else cells.push(`<${p}c${ref}${sAttr} t="s"><${p}v>${str(v)}</${p}v></${p}c>`);
        } else if (typeof v === 'boolean')
          cells.push(`<${p}c${ref}${sAttr} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`);
        else if (typeof v === 'number') cells.push(`<${p}c${ref}${sAttr}><${p}v>${v}</${p}v></${p}c>`);
      }
      // Sheet 2 also leaves out the rows' `r` (each row follows the previous one there).
      const rowRef = index === 1 ? '' : ` r="${r + 1}"`;
      rowsXml.push(`<${p}row${rowRef}>${cells.join('')}</${p}row>`);
    }
    if (index === 1) {
      // Without `r`, rows must be consecutive: fill the gaps with empty rows.
      const out: string[] = [];
      let next = 0;
      for (const [k, [r]] of sortedRows(s).entries()) {
        while (next < r) {
          out.push(`<${p}row/>`);
          next++;
        }
        out.push(rowsXml[k]!);
        next = r + 1;
      }
      rowsXml.splice(0, rowsXml.length, ...out);
    }
    const merges = s.merges.length
      ? `<${p}mergeCells count="${s.merges.length}">${s.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>`
      : '';
    const extra: Record<number, { beforeMerge?: string; afterSetup?: string; tail?: string }> = {
      0: { tail: `<legacyDrawing r:id="rId1"/>` },
      2: {
        beforeMerge: '<autoFilter ref="A1:G1"/>',
        afterSetup:
          '<rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"/></rowBreaks>',
        tail: '<drawing r:id="rId1"/>',
      },
    };
    const e = extra[index] ?? {};
    const ns = p ? `xmlns:x="${NS}"` : `xmlns="${NS}"`;
    return (
      `${DECL}<${p}worksheet ${ns} xmlns:r="${NS_R}"><${p}sheetViews><${p}sheetView ${index === 0 ? 'tabSelected="1" ' : ''}workbookViewId="0"/></${p}sheetViews>` +
      `<${p}sheetFormatPr defaultRowHeight="15"/><${p}sheetData>${rowsXml.join('')}</${p}sheetData>${e.beforeMerge ?? ''}${merges}` +
      `<${p}pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>${e.afterSetup ?? ''}${e.tail ?? ''}</${p}worksheet>`
    );
  };
  const userSheets = sheets.map((s, i) => sheetXml(s, i));
  // A sheet of the user's own with shared formulas, an external reference and a chart.
  const chartSheet =
    `${DECL}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${str('月份')}</v></c><c r="B1" t="s"><v>${str('检查户数')}</v></c><c r="C1" t="s"><v>${str('外部')}</v></c></row>` +
    `<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c><c r="C2"><f>[1]Sheet1!A1</f><v>7</v></c></row>` +
    `<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>` +
    `<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>6</v></c></row>` +
    `</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><drawing r:id="rId1"/></worksheet>`;
  // Rich text with a phonetic run, as Japanese and some Chinese generators write it.
  const sstXml =
    `${DECL}<sst xmlns="${NS}" count="${sst.length + 1}" uniqueCount="${sst.length + 1}">` +
    sst
      .map((s, i) =>
        i === 0
          ? `<si><r><rPr><b/></rPr><t>${esc(s.slice(0, 2))}</t></r><r><t>${esc(s.slice(2))}</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>`
          : `<si><t xml:space="preserve">${esc(s)}</t></si>`,
      )
      .join('') +
    `<si><t>未用</t></si></sst>`;
  const stylesXml =
    `${DECL}<styleSheet xmlns="${NS}">${numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : ''}` +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfIds.length}">${xfIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const names = [...sheets.map((s) => s.name), '统计图'];
  const workbookXml =
    `${DECL}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><workbookPr date1904="1"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets><externalReferences><externalReference r:id="rId12"/></externalReferences><definedNames>` +
    `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'${SAMPLE_SHEETS.targets}'!$A$1:$G$1</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${SAMPLE_SHEETS.plan}'!$3:$3</definedName>` +
    `<definedName name="本局名称">"邢台市医疗保障局"</definedName></definedNames><calcPr calcId="191029"/></workbook>`;
  const wbRels =
    `${DECL}<Relationships xmlns="${NS_PR}">` +
    names
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${RT('worksheet')}" Target="/xl/worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId8" Type="${RT('styles')}" Target="/xl/styles.xml"/>` +
    `<Relationship Id="rId9" Type="${RT('sharedStrings')}" Target="/xl/sharedStrings.xml"/>` +
    `<Relationship Id="rId10" Type="${RT('theme')}" Target="/xl/theme/theme1.xml"/>` +
    `<Relationship Id="rId11" Type="${RT('calcChain')}" Target="/xl/calcChain.xml"/>` +
    `<Relationship Id="rId12" Type="${RT('externalLink')}" Target="/xl/externalLinks/externalLink1.xml"/>` +
    `<Relationship Id="rId13" Type="http://example.com/relationships/ssjUnknown" Target="/xl/ssjUnknown/blob.bin"/>` +
    (macro
      ? `<Relationship Id="rId14" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="/xl/vbaProject.bin"/>`
      : '') +
    `</Relationships>`;
  const sheetRels = (target: string, type: string, extra = '') =>
    `${DECL}<Relationships xmlns="${NS_PR}"><Relationship Id="rId1" Type="${RT(type)}" Target="${target}"/>${extra}</Relationships>`;
  const anchor = (inner: string) =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
  const drawing = (inner: string) =>
    `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">${anchor(inner)}</xdr:wsDr>`;
  const pic = `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="图片 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;
  const frame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  const chart =
    `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'统计图'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
      (macro ? `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` : '') +
      `<Override PartName="/xl/workbook.xml" ContentType="${macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/>` +
      names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
      `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>` +
      `<Override PartName="/xl/ssjUnknown/blob.bin" ContentType="application/vnd.example.ssj-unknown"/>` +
      `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
    '_rels/.rels':
      `${DECL}<Relationships xmlns="${NS_PR}"><Relationship Id="rId1" Type="${RT('officeDocument')}" Target="/xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${RT('extended-properties')}" Target="/docProps/app.xml"/>` +
      `<Relationship Id="rId4" Type="${RT('custom-properties')}" Target="/docProps/custom.xml"/></Relationships>`,
    'docProps/core.xml': `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>openpyxl</dc:creator></cp:coreProperties>`,
    'docProps/app.xml': `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
    'docProps/custom.xml':
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>`,
    'customXml/item1.xml': `${DECL}<ssj:meta xmlns:ssj="http://example.com/ssj">平台导出</ssj:meta>`,
    'customXml/itemProps1.xml': `${DECL}<ds:datastoreItem ds:itemID="{6F1B2A1C-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`,
    'customXml/_rels/item1.xml.rels': `${DECL}<Relationships xmlns="${NS_PR}"><Relationship Id="rId1" Type="${RT('customXmlProps')}" Target="itemProps1.xml"/></Relationships>`,
    'xl/workbook.xml': workbookXml,
    'xl/_rels/workbook.xml.rels': wbRels,
    'xl/styles.xml': stylesXml,
    'xl/sharedStrings.xml': sstXml,
    'xl/theme/theme1.xml': `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`,
    'xl/calcChain.xml': `${DECL}<calcChain xmlns="${NS}"><c r="B2" i="6"/><c r="C2"/><c r="B3"/><c r="B4"/></calcChain>`,
    'xl/comments1.xml': `${DECL}<comments xmlns="${NS}"><authors><author>科员</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>这是用户自己的批注</t></r></text></comment></commentList></comments>`,
    'xl/drawings/vmlDrawing1.vml':
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59pt;margin-top:1pt;width:96pt;height:55pt;z-index:1;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
    'xl/drawings/drawing1.xml': drawing(pic),
    'xl/drawings/drawing2.xml': drawing(frame),
    'xl/drawings/_rels/drawing1.xml.rels': sheetRels('/xl/media/image1.png', 'image'),
    'xl/drawings/_rels/drawing2.xml.rels': sheetRels('/xl/charts/chart1.xml', 'chart'),
    'xl/charts/chart1.xml': chart,
    'xl/media/image1.png': PNG,
    'xl/externalLinks/externalLink1.xml': `${DECL}<externalLink xmlns="${NS}" xmlns:r="${NS_R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    'xl/externalLinks/_rels/externalLink1.xml.rels': `${DECL}<Relationships xmlns="${NS_PR}"><Relationship Id="rId1" Type="${RT('externalLinkPath')}" Target="file:///C:/%E7%BB%9F%E8%AE%A1/%E4%B8%8A%E5%B9%B4.xlsx" TargetMode="External"/></Relationships>`,
    'xl/ssjUnknown/blob.bin': Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256),
    'xl/worksheets/_rels/sheet1.xml.rels': `${DECL}<Relationships xmlns="${NS_PR}"><Relationship Id="rId1" Type="${RT('vmlDrawing')}" Target="/xl/drawings/vmlDrawing1.vml"/><Relationship Id="rId2" Type="${RT('comments')}" Target="/xl/comments1.xml"/></Relationships>`,
    'xl/worksheets/_rels/sheet3.xml.rels': sheetRels('/xl/drawings/drawing1.xml', 'drawing'),
    'xl/worksheets/_rels/sheet6.xml.rels': sheetRels('/xl/drawings/drawing2.xml', 'drawing'),
  };
  userSheets.forEach((x, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = x));
  files['xl/worksheets/sheet6.xml'] = chartSheet;
  if (macro) files['xl/vbaProject.bin'] = Uint8Array.from({ length: 512 }, (_, i) => (i * 11 + 3) % 256);
  const enc = new TextEncoder();
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v])),
    { level: 6 },
  );
}

/** The openpyxl-style book after LibreOffice opened and saved it. */
export function libreOfficeResave(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssj-lo-resave-'));
  try {
    const input = path.join(dir, 'in', 'book.xlsx');
    spawnSync('mkdir', ['-p', path.dirname(input)]);
    writeFileSync(input, bytes);
    const out = path.join(dir, 'out');
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        input,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (r.status !== 0) throw new Error(`LibreOffice 另存失败：${r.stderr}`);
    return new Uint8Array(readFileSync(path.join(out, 'book.xlsx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
