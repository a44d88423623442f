/**
 * What a hostile-input run threw at the old reader and writer (96 files), as tests: escaped text in
 * everything we store, stray far-away cells and giant merges, incomplete packages, long sheet
 * names, and files that are not workbooks at all. Each ends in a result or one Chinese line with
 * exit 2: never a crash, a hang, an English warning or a broken log.
 */
import { unzipSync, zipSync } from 'fflate';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { createFakeIo } from '../cli/fakeIo';
import { bookBytes, run as cli } from '../cli/logFixture';
import { exceljsBook, openpyxlStyleBook } from '../fidelity/producerBooks';
import { buildSampleBook, SAMPLE_SHEETS } from '../../src/core/sample';

const CJK = /[\u4e00-\u9fff]/;

function expectOneChineseLine(r: { code: number; err: string }): void {
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(CJK);
  expect(r.err).not.toMatch(/内部错误|TypeError|RangeError|at .*\(/);
}

/** A package with its parts changed: `edit` gets name → bytes and returns the new map. */
function repack(
  bytes: Uint8Array,
  edit: (files: Record<string, Uint8Array>) => Record<string, Uint8Array>,
): Uint8Array {
  return zipSync(edit({ ...unzipSync(bytes) }));
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A one-sheet book whose sheet part is `sheetXml` (and workbook.xml lists `name`). */
function oneSheetBook(sheetXml: string, name = 'Sheet1'): Uint8Array {
  const esc = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return zipSync({
    '[Content_Types].xml': enc.encode(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': enc.encode(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': enc.encode(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': enc.encode(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': enc.encode(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
    ),
  });
}

describe('text that looks like an _xHHHH_ escape', () => {
  const tricky = [
    '_x0041_',
    'a_x000D_b',
    '_x005F_x0041_',
    '控制\u0001字符\u001b',
    'x\r\ny',
    ' 前后空格 ',
    '孤立\ud800代理',
    '制表\t换行\n',
  ];

  it('reads back exactly as written, in a cell and in a sheet name', async () => {
    const book = await openXlsxWorkbook(
      await bookBytes([
        { kind: 'addSheet', sheet: '名_x0041_录' },
        { kind: 'write', sheet: '名_x0041_录', address: 'A1', rows: [tricky] },
      ]),
    );
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['名_x0041_录']);
    const [grid] = await book.readSheets(['名_x0041_录']);
    expect(grid!.values[0]).toEqual(tricky);
  });

  it('keeps the draw log verifiable when names, the operator, a public text and a void reason carry it', async () => {
    const ops = buildSampleBook({ targets: 40 }).ops.map((op) =>
      op.kind === 'write' && op.sheet === '检查对象名录库' && op.rows.length > 5
        ? {
            ...op,
            rows: op.rows.map((r) => r.map((v, c) => (c === 1 && typeof v === 'string' ? `${v}_x0041_` : v))),
          }
        : op,
    );
    const io = createFakeIo({ '/work/b.xlsx': await bookBytes(ops) });
    io.userName = () => '王_x0041_明';
    const commit = await cli(
      io,
      'draw',
      'b.xlsx',
      '--task',
      '2025002/001',
      '--commit',
      '2025-04-01 福彩3D_x0033_ 第2025086期 开奖号码：d d d',
      '-o',
      'c.xlsx',
    );
    expect(commit.code).toBe(0);
    const drawn = await cli(
      io,
      'draw',
      'c.xlsx',
      '--task',
      '2025002/001',
      '--public-text',
      '2025-04-01 福彩3D_x0033_ 第2025086期 开奖号码：3 7 1',
      '-o',
      'd.xlsx',
    );
    expect(drawn.err).toBe('');
    expect(drawn.code).toBe(0);
    expect((await cli(io, 'verify', 'd.xlsx')).code).toBe(0);
    expect(
      (await cli(io, 'void', 'd.xlsx', '--draw', '2', '--reason', '范围写错_x0041_', '-o', 'v.xlsx')).code,
    ).toBe(0);
    const verified = await cli(io, 'verify', 'v.xlsx');
    expect(verified.out).toContain('验证通过');
    expect(verified.code).toBe(0);
    const forms = await cli(io, 'forms', 'd.xlsx', '-o', 'f.xlsx');
    expect(forms.err).toBe('');
    expect(forms.code).toBe(0);
  });
});

describe('far-away cells and giant merged areas', () => {
  it('reads a book with cells at A1 and XFD1048576 as two cells, quickly and in little memory', async () => {
    const book = await openXlsxWorkbook(
      oneSheetBook(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
      ),
    );
    const [grid] = await book.readSheets(['Sheet1']);
    expect(grid!.text[0]).toEqual(['甲']);
    expect(grid!.text.length).toBe(1_048_576);
    expect(grid!.values[1_048_575]![16383]).toBe(1);
    expect(grid!.text.reduce((n, r) => n + r.length, 0)).toBe(16_385);
    const io = createFakeIo({ '/work/b.xlsx': await book.save() });
    expectOneChineseLine(await cli(io, 'validate', 'b.xlsx'));
  });

  it('validates and draws a directory with one stray cell at XFD1', async () => {
    const io = createFakeIo({
      '/work/b.xlsx': await bookBytes([
        ...buildSampleBook({ targets: 3000 }).ops,
        { kind: 'write', sheet: '检查对象名录库', address: 'XFD1', rows: [['x']] },
      ]),
    });
    const v = await cli(io, 'validate', 'b.xlsx', '--json');
    expect([0, 1]).toContain(v.code);
    expect(
      (JSON.parse(v.out) as { tables: { kind: string; rows: number }[] }).tables.find(
        (t) => t.kind === 'targets',
      )?.rows,
    ).toBe(3000);
    expect((await cli(io, 'draw', 'b.xlsx', '--task', '2025002/001')).code).toBe(0);
  });

  it('reads a sheet merged over A1:XFD1048576 as its top-left cell, without hanging', async () => {
    const io = createFakeIo({
      '/work/b.xlsx': await bookBytes([
        ...buildSampleBook({ targets: 40 }).ops,
        { kind: 'addSheet', sheet: '说明' },
        { kind: 'write', sheet: '说明', address: 'A1', rows: [['本表说明'], ['第二行']] },
        { kind: 'merge', sheet: '说明', address: 'A1:XFD1048576' },
      ]),
    });
    const v = await cli(io, 'validate', 'b.xlsx', '--json');
    expect([0, 1]).toContain(v.code);
    const book = await openXlsxWorkbook(io.files.get('/work/b.xlsx')!);
    const [grid] = await book.readSheets(['说明']);
    expect(grid!.text).toEqual([['本表说明']]);
    expect(grid!.merges).toEqual([{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]);
  });

  it('refuses a sheet whose cells would not fit in memory with a Chinese line', async () => {
    const rows = Array.from(
      { length: 400 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="XFD${r + 1}"><v>2</v></c></row>`,
    ).join('');
    const io = createFakeIo({ '/work/b.xlsx': oneSheetBook(rows) });
    const r = await cli(io, 'validate', 'b.xlsx');
    expectOneChineseLine(r);
    expect(r.err).toContain('数据区域过大');
  });
});

describe('packages other producers write', () => {
  it('reads rows and cells without r, inline and rich strings', async () => {
    const book = await openXlsxWorkbook(
      oneSheetBook(
        '<row><c t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh><t>ふ</t></rPh></is></c><c><v>2</v></c></row><row/><row><c r="C3" t="b"><v>1</v></c><c t="str"><v>公式&amp;结果</v></c></row>',
      ),
    );
    const [grid] = await book.readSheets(['Sheet1']);
    expect(grid!.values).toEqual([
      ['富文本', 2, null, null],
      [null, null, null, null],
      [null, null, true, '公式&结果'],
    ]);
  });

  it('reads inline text in any UTF-8 as a UTF-8 decoder does, with escapes undone', async () => {
    const cells: [string, number[]][] = [
      ['two-byte', [...enc.encode('é©')]],
      ['three-byte', [...enc.encode('医院')]],
      ['four-byte', [...enc.encode('𠮷野家😀')]],
      ['byte-order mark first', [...enc.encode('\ufeff甲')]],
      ['entity and escape', [...enc.encode('甲&amp;乙_x0041_')]],
      ['long', [...enc.encode('长'.repeat(300))]],
      ['cut short', [0xe4, 0xb8]],
      ['overlong', [0xc0, 0xaf, 0xe0, 0x80, 0x80]],
      ['surrogate', [0xed, 0xa0, 0x80]],
      ['stray byte', [0x41, 0xff, 0x42]],
    ];
    const parts: number[] = [];
    for (const [, bytes] of cells) parts.push(...enc.encode('<row><c t="inlineStr"><is><t>'), ...bytes, ...enc.encode('</t></is></c></row>'));
    const book = await openXlsxWorkbook(
      repack(oneSheetBook(''), (f) => ({ ...f, 'xl/worksheets/sheet1.xml': Uint8Array.from([...enc.encode('<worksheet><sheetData>'), ...parts, ...enc.encode('</sheetData></worksheet>')]) })),
    );
    const [grid] = await book.readSheets(['Sheet1']);
    const read = Object.fromEntries(cells.map(([what], i) => [what, grid!.text[i]![0]]));
    expect(read).toEqual({
      'two-byte': 'é©',
      'three-byte': '医院',
      'four-byte': '𠮷野家😀',
      'byte-order mark first': '甲',
      'entity and escape': '甲&乙A',
      long: '长'.repeat(300),
      'cut short': '\ufffd',
      overlong: '\ufffd'.repeat(5),
      surrogate: '\ufffd'.repeat(3),
      'stray byte': 'A\ufffdB',
    });
  });

  it('reads short texts that repeat down a column, and different ones with the same hash, each as written', async () => {
    // "Aa" and "BB" (and "AaAa", "BBBB", "AaBB") share a 31-multiplier hash: each must still read as itself.
    const column = ['存续', 'Aa', 'BB', '存续', 'AaAa', 'BBBB', 'AaBB', 'BB', 'Aa', '存续', '注销'];
    const rows = column.map((t) => `<row><c t="inlineStr"><is><t>${t}</t></is></c></row>`).join('');
    const book = await openXlsxWorkbook(
      repack(oneSheetBook(''), (f) => ({ ...f, 'xl/worksheets/sheet1.xml': enc.encode(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) })),
    );
    const [grid] = await book.readSheets(['Sheet1']);
    expect(grid!.text.map((r) => r[0])).toEqual(column);
  });

  it('reads each kind of cell the same whether written compactly or spread over lines', async () => {
    const cells = [
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> 甲 乙 </t></is></c>',
      '<c r="B1" t="inlineStr"><is><t><![CDATA[a<b&c]]></t></is></c>',
      '<c r="C1" t="inlineStr"><is><t>x&amp;y_x0041_</t></is></c>',
      '<c r="D1" t="inlineStr"><is><t></t></is></c>',
      '<c r="E1"><v>12.5</v></c>',
      '<c r="F1" t="b"><v>1</v></c>',
      '<c r="G1" t="str"><f>A1</f><v>公式</v></c>',
      '<c r="H1" t="e"><v>#N/A</v></c>',
      '<c r="I1"><v></v></c>',
      '<c r="J1" t="inlineStr"><is><r><t>富</t></r><r><t>文</t></r></is></c>',
      '<c r="K1" t="d"><v>2024-03-05</v></c>',
      '<c r="L1" t="inlineStr"><v>值</v></c>',
    ];
    const compact = `<row r="1">${cells.join('')}</row>`;
    // A line break and indentation between two tags, except inside a <t> or <v> (that would be text).
    const spread = compact.replace(/>(?=<)/g, (m, at: number) =>
      /<(t|v)( [^>]*)?$/.test(compact.slice(0, at)) || /^<\/(t|v)>/.test(compact.slice(at + 1)) ? m : '>\n  ',
    );
    expect(spread).not.toBe(compact);
    const values = async (xml: string) => {
      const [grid] = await (await openXlsxWorkbook(oneSheetBook(xml))).readSheets(['Sheet1']);
      return grid!.values[0];
    };
    const expected = [' 甲 乙 ', 'a<b&c', 'x&yA', null, 12.5, true, '公式', '#N/A', null, '富文', 45356, '值'];
    expect(await values(compact)).toEqual(expected);
    expect(await values(spread)).toEqual(expected);
  });

  it('places rows by r however it is written, and names an r past the last row', async () => {
    const book = await openXlsxWorkbook(
      oneSheetBook('<row r="2"><c><v>1</v></c></row><row r = \' 4\'><c><v>2</v></c></row><row spans="1:1" r="006"><c><v>3</v></c></row><row><c><v>4</v></c></row>'),
    );
    const [grid] = await book.readSheets(['Sheet1']);
    expect(grid!.origin.row).toBe(1);
    expect(grid!.values.map((r) => r[0])).toEqual([1, null, 2, null, 3, 4]);
    const far = await openXlsxWorkbook(oneSheetBook('<row r="1048577"><c><v>1</v></c></row>'));
    await expect(far.readSheets(['Sheet1'])).rejects.toThrow('工作表“Sheet1”中有无效的行号“1048577”');
  });

  it('reads every sheet of the openpyxl-style book (1904 dates, x: prefix, inline strings) as the ExcelJS book reads', async () => {
    const a = await openXlsxWorkbook(await exceljsBook());
    const b = await openXlsxWorkbook(await openpyxlStyleBook());
    for (const name of Object.values(SAMPLE_SHEETS)) {
      const [ga] = await a.readSheets([name]);
      const [gb] = await b.readSheets([name]);
      expect({ name, values: gb!.values, text: gb!.text }).toEqual({
        name,
        values: ga!.values,
        text: ga!.text,
      });
    }
    // The history's dates are 2024 dates in both, whatever the date system.
    const [history] = await b.readSheets([SAMPLE_SHEETS.history]);
    expect(history!.text.flat().some((t) => /^2024\/\d+\/\d+$/.test(t))).toBe(true);
  });

  it('refuses, in one Chinese line, a book that lists a sheet missing from the package', async () => {
    const broken = repack(await openpyxlStyleBook(), (f) => {
      delete f['xl/worksheets/sheet3.xml'];
      return f;
    });
    const r = await cli(createFakeIo({ '/work/b.xlsx': broken }), 'validate', 'b.xlsx');
    expectOneChineseLine(r);
    expect(r.err).toContain('检查对象名录库');
    expect(r.err).toContain('不完整');
  });

  it('reads a 64-character sheet name without a word on stderr', async () => {
    const long = `抽查事项清单${'（附件）'.repeat(15)}`.slice(0, 64);
    const input = repack(await openpyxlStyleBook(), (f) => ({
      ...f,
      'xl/workbook.xml': enc.encode(
        dec.decode(f['xl/workbook.xml']).replace('name="抽查事项清单"', `name="${long}"`),
      ),
    }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const book = await openXlsxWorkbook(input);
      expect((await book.listSheets())[1]!.name).toBe(long);
      const io = createFakeIo({ '/work/b.xlsx': input });
      const v = await cli(io, 'validate', 'b.xlsx', '--json');
      expect([0, 1]).toContain(v.code);
      expect(v.err).toBe('');
      expect((JSON.parse(v.out) as { tables: { sheet: string }[] }).tables.map((t) => t.sheet)).toContain(
        long,
      );
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('keeps _xlnm._FilterDatabase local to its sheet', async () => {
    const input = await openpyxlStyleBook();
    const io = createFakeIo({ '/work/b.xlsx': input });
    expect((await cli(io, 'draw', 'b.xlsx', '--task', '2025002/001')).code).toBe(0);
    const wb = dec.decode(unzipSync(io.files.get('/work/b.draw.xlsx')!)['xl/workbook.xml']!);
    expect(wb).toMatch(/<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">/);
  });
});

describe('files that are not workbooks', () => {
  const ole = (extra: number[]) =>
    Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...extra]);
  const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['an encrypted workbook', () => ole([0, 0, ...utf16('EncryptionInfo')]), '加密'],
    ['an old .xls', () => ole([0, 0, 0, 0]), '.xls'],
    [
      'an .xlsb',
      () => zipSync({ '[Content_Types].xml': enc.encode('<Types/>'), 'xl/workbook.bin': new Uint8Array(10) }),
      '.xlsb',
    ],
    ['a broken zip', async () => (await openpyxlStyleBook()).slice(0, 5000), '损坏'],
    [
      'a 200 MB sheet',
      async () => {
        // The declared size is what is refused: nothing that large is ever inflated.
        const bytes = Uint8Array.from(await openpyxlStyleBook());
        const view = new DataView(bytes.buffer);
        for (let i = bytes.length - 22; i > 0; i--) {
          if (view.getUint32(i, true) !== 0x02014b50) continue;
          const nameLen = view.getUint16(i + 28, true);
          if (dec.decode(bytes.subarray(i + 46, i + 46 + nameLen)) === 'xl/worksheets/sheet3.xml')
            view.setUint32(i + 24, 200 * 1_048_576, true);
        }
        return bytes;
      },
      '200 MB',
    ],
  ];
  it.each(cases)('answers %s with one Chinese line and exit 2', async (_what, make, says) => {
    const r = await cli(createFakeIo({ '/work/b.xlsx': await make() }), 'validate', 'b.xlsx');
    expectOneChineseLine(r);
    expect(r.err).toContain(says);
  });
});
