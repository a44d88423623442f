/**
 * The clerk's book comes back whole: books from three producers (ExcelJS, openpyxl-style XML,
 * LibreOffice), carrying charts, drawings, images, comments, print titles, page breaks, defined
 * names, custom properties, external links and unknown parts, go through every writing command.
 * Every part the user owns must come back byte for byte (even its compressed bytes: copied, never
 * re-encoded); the package index only grows; LibreOffice must still open and print the result, with
 * one form per A4 page after forms → results → substitute.
 * Needs LibreOffice Calc and poppler: apt-get install -y libreoffice-calc poppler-utils.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { DrawRecord } from '../../src/core/draw';
import { SAMPLE_SHEETS } from '../../src/core/sample';
import { readZip } from '../../src/workbook/xlsx/readZip';
import { createFakeIo, type FakeIo } from '../cli/fakeIo';
import { run as cli } from '../cli/logFixture';
import { cleanUp, run as runTool, toPdf } from '../e2e/libreOffice';
import { exceljsBook, libreOfficeResave, openpyxlStyleBook, USER_EXTRAS } from './producerBooks';

const TASK = '2025002/001';
const INDEX_PARTS = ['[content_types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
const dec = new TextDecoder();

type Parts = Map<string, { raw: Uint8Array; text: Uint8Array }>;

function partsOf(bytes: Uint8Array): Parts {
  const inflated = unzipSync(bytes);
  const out: Parts = new Map();
  for (const e of readZip(bytes, 'x.xlsx'))
    out.set(e.name.toLowerCase(), { raw: e.data, text: inflated[e.name]! });
  return out;
}

/** Sheet name → part name (lower case) of a book, from workbook.xml and its relationships. */
function sheetParts(parts: Parts): Map<string, string> {
  const wb = dec.decode(parts.get('xl/workbook.xml')!.text);
  const rels = dec.decode(parts.get('xl/_rels/workbook.xml.rels')!.text);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) {
    targets.set(
      m[1]!,
      m[2]!
        .replace(/^\//, '')
        .replace(/^(?!xl\/)/, 'xl/')
        .toLowerCase(),
    );
  }
  for (const m of rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) {
    targets.set(
      m[2]!,
      m[1]!
        .replace(/^\//, '')
        .replace(/^(?!xl\/)/, 'xl/')
        .toLowerCase(),
    );
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*?name="([^"]+)"[^>]*?(?:r|\w+):id="([^"]+)"/g)) {
    out.set(m[1]!.replace(/&amp;/g, '&'), targets.get(m[2]!)!);
  }
  return out;
}

/** Elements (start tag to end, or self-closing) of a given local name, as written. */
function elements(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`, 'g');
  return xml.match(re) ?? [];
}

/**
 * Every part of `input` is in `output` as it was (raw compressed bytes too), except the package
 * index, which may only grow, and the parts of sheets named in `rewritten`.
 */
function expectUserPartsKept(input: Uint8Array, output: Uint8Array, rewritten: readonly string[] = []): void {
  const a = partsOf(input);
  const b = partsOf(output);
  const sheets = sheetParts(a);
  const skip = new Set(rewritten.map((s) => sheets.get(s)!));
  for (const [name, part] of a) {
    if (INDEX_PARTS.includes(name) || skip.has(name)) continue;
    const kept = b.get(name);
    expect({ name, present: kept !== undefined }).toEqual({ name, present: true });
    expect({ name, same: Buffer.from(kept!.text).equals(Buffer.from(part.text)) }).toEqual({
      name,
      same: true,
    });
    expect({ name, copied: Buffer.from(kept!.raw).equals(Buffer.from(part.raw)) }).toEqual({
      name,
      copied: true,
    });
  }
  const text = (p: Parts, n: string) => dec.decode(p.get(n)?.text ?? new Uint8Array());
  // The index only grows: every element that was there is still there, as written.
  const grows: [string, string[]][] = [
    ['[content_types].xml', ['Default', 'Override']],
    ['xl/_rels/workbook.xml.rels', ['Relationship']],
    ['xl/workbook.xml', ['sheet', 'definedName', 'externalReferences', 'workbookPr', 'calcPr']],
  ];
  for (const [part, names] of grows) {
    for (const n of names)
      for (const el of elements(text(a, part), n))
        expect({ part, el, kept: text(b, part).includes(el) }).toEqual({ part, el, kept: true });
  }
  // Styles: the user's items keep their indexes and their text.
  for (const [coll, item] of [
    ['numFmts', 'numFmt'],
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
    ['cellXfs', 'xf'],
    ['cellStyleXfs', 'xf'],
    ['dxfs', 'dxf'],
  ] as const) {
    const before = elements(elements(text(a, 'xl/styles.xml'), coll)[0] ?? '', item);
    const after = elements(elements(text(b, 'xl/styles.xml'), coll)[0] ?? '', item);
    expect({ coll, kept: after.slice(0, before.length) }).toEqual({ coll, kept: before });
  }
}

const producers: [string, () => Promise<Uint8Array>, string][] = [
  ['ExcelJS', exceljsBook, 'xlsx'],
  ['openpyxl-style XML', () => openpyxlStyleBook(), 'xlsx'],
  ['openpyxl-style XML with macros', () => openpyxlStyleBook(true), 'xlsm'],
  ['LibreOffice', async () => libreOfficeResave(await openpyxlStyleBook()), 'xlsx'],
];

/** The first producer's draw: every other producer's book must draw exactly the same. */
let firstRecord: DrawRecord | null = null;

describe.each(producers)('a book written by %s', (producer, build, ext) => {
  let io: FakeIo;
  let input: Uint8Array;
  let record: DrawRecord;
  let tmp = '';
  const file = (n: string) => `/work/${n}.${ext}`;

  beforeAll(async () => {
    input = await build();
    io = createFakeIo({ [file('b')]: input });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-fidelity-'));
  }, 180_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    cleanUp();
  });

  it('validates and draws like the same book from any other producer', async () => {
    const v = await cli(io, 'validate', `b.${ext}`, '--json');
    expect(v.err).toBe('');
    const report = JSON.parse(v.out) as { tables: { kind: string; rows: number }[] };
    expect(report.tables.map((t) => t.kind)).toEqual(['plan', 'matters', 'targets', 'inspectors', 'history']);
    const d = await cli(io, 'draw', `b.${ext}`, '--task', TASK, '--json', '-o', `d.${ext}`);
    expect(d.err).toBe('');
    expect(d.code).toBe(0);
    record = (JSON.parse(d.out) as { record: DrawRecord }).record;
    expect(record.result.length).toBeGreaterThan(0);
    // Same data, same seed: the same record, whatever wrote the file (shared or inline strings,
    // rows without r, the 1904 date system of the openpyxl-style book, LibreOffice's rewrite).
    firstRecord ??= record;
    expect(record).toEqual(firstRecord);
    const output = io.files.get(file('d'))!;
    expectUserPartsKept(input, output);
    if (producer.startsWith('openpyxl')) {
      // The book really carries the chart, image, comments, links and unknown parts checked above.
      const parts = partsOf(output);
      for (const name of [...USER_EXTRAS, ...(ext === 'xlsm' ? ['xl/vbaProject.bin'] : [])])
        expect({ name, kept: parts.has(name.toLowerCase()) }).toEqual({ name, kept: true });
    }
  });

  it('keeps every user part through forms, results, substitute, publish and void', async () => {
    expect((await cli(io, 'forms', `d.${ext}`, '-o', `f.${ext}`)).code).toBe(0);
    expectUserPartsKept(input, io.files.get(file('f'))!);
    expect((await cli(io, 'results', `f.${ext}`, '-o', `r.${ext}`)).code).toBe(0);
    expectUserPartsKept(input, io.files.get(file('r'))!);
    const first = record.result[0]!;
    const s = await cli(
      io,
      'substitute',
      `r.${ext}`,
      '--draw',
      '1',
      '--target',
      first.target,
      '--out',
      first.leader,
      '--reason',
      '因病无法参加',
      '-o',
      `s.${ext}`,
    );
    expect(s.err).toBe('');
    expect(s.code).toBe(0);
    expectUserPartsKept(input, io.files.get(file('s'))!);
    expect([0, 1]).toContain((await cli(io, 'publish', `s.${ext}`, '-o', `p.${ext}`)).code);
    expectUserPartsKept(input, io.files.get(file('p'))!);
    expect(
      (await cli(io, 'void', `p.${ext}`, '--draw', '1', '--reason', '抽取范围填写错误', '-o', `v.${ext}`))
        .code,
    ).toBe(0);
    expectUserPartsKept(input, io.files.get(file('v'))!);
    expect((await cli(io, 'verify', `v.${ext}`)).code).toBe(0);
  });

  it('changes exactly the fixed cells of the user sheet on fix', async () => {
    const f = await cli(io, 'fix', `b.${ext}`, '--code', 'PLAN_NAME_EXTRA_TEXT', '-o', `x.${ext}`);
    expect(f.code).toBe(0);
    const fixed = [...f.out.matchAll(/年度抽查计划!([A-Z]+\d+)：/g)].map((m) => m[1]!);
    expect(fixed.length).toBeGreaterThan(0);
    const output = io.files.get(file('x'))!;
    expectUserPartsKept(input, output, [SAMPLE_SHEETS.plan]);
    const part = sheetParts(partsOf(input)).get(SAMPLE_SHEETS.plan)!;
    const before = dec.decode(partsOf(input).get(part)!.text);
    const after = dec.decode(partsOf(output).get(part)!.text);
    // Remove the fixed cells from both: what is left must be the same text.
    const without = (xml: string) =>
      fixed.reduce(
        (x, ref) => x.replace(new RegExp(`<(\\w+:)?c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</(\\w+:)?c>)`), ''),
        xml,
      );
    expect(without(after)).toBe(without(before));
    expect(after).not.toBe(before);
  });

  it('still opens in LibreOffice and prints one form per A4 page after forms → results → substitute', () => {
    // LibreOffice goes by the content; the .xlsx name is what toPdf expects.
    const xlsx = path.join(tmp, 's.xlsx');
    writeFileSync(xlsx, io.files.get(file('s'))!);
    const pdf = toPdf(xlsx);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(runTool('pdfinfo', [pdf]))![1]);
    let forms = 0;
    for (let p = 1; p <= pages; p++) {
      const text = runTool('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).replace(/\s+/g, '');
      if (!text.includes('部门联合抽查检查情况记录表')) continue;
      forms++;
      expect(text.match(/部门联合抽查检查情况记录表/g)).toHaveLength(1);
    }
    expect(forms).toBe(record.result.length);
  }, 180_000);
});
