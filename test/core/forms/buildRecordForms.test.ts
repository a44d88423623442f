import {
  buildRecordFormModel,
  buildRecordFormsOps,
  MAX_SHEETS_PER_TARGET,
  RECORD_FORM_NOTES,
  recordFormStartRows,
  recordFormsSheetName,
  targetSheetName,
} from '../../../src/core/forms';
import { parseCellAddress } from '../../../src/core/grid';
import { RESULT_CODES } from '../../../src/core/rules';
import type { CellInput, WorkbookOp } from '../../../src/core/workbookOps';
import type { ResultEntry } from '../../../src/core/draw/types';
import { makeContext, makeRecord, MATTER_SJ, MATTER_YB, SJ, YB } from './formFixture';

/** 附件2's 说明, copied from seeds/003 (Wugang 2024). */
const SEED_NOTES =
  '说明：（1）检查结果栏填写相应编号：1.未发现问题2.未按规定公示应当公示的信息3.公示信息隐瞒真实情况弄虚作假4.通过登记的住所（经营场所）无法取得联系5.发现问题已责令整改6.不配合检查情节严重7.未发现本次抽查涉及的经营活动8.发现问题待后续处理9.合格10.不合格。（2）备注栏可填写检查过程中责令停止违法与督促整改等相关情况。（3）检查对象为非市场主体时，相关数据项可根据工作实际作相应调整。';

/** The cells the ops write, by A1 address, per sheet. */
function cellsOf(ops: readonly WorkbookOp[]): Map<string, Map<string, CellInput>> {
  const out = new Map<string, Map<string, CellInput>>();
  for (const op of ops) {
    if (op.kind !== 'write') continue;
    const start = parseCellAddress(op.address)!;
    const sheet = out.get(op.sheet) ?? new Map<string, CellInput>();
    out.set(op.sheet, sheet);
    op.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.set(`${String.fromCharCode(65 + start.col + c)}${start.row + r + 1}`, v);
      }),
    );
  }
  return out;
}

function pageSetupOf(ops: readonly WorkbookOp[]) {
  const ps = ops.filter((o): o is Extract<WorkbookOp, { kind: 'pageSetup' }> => o.kind === 'pageSetup');
  expect(ps).toHaveLength(1);
  return ps[0]!.setup;
}

describe('RECORD_FORM_NOTES', () => {
  it('is 附件2’s 说明 verbatim, with the ten result codes in order', () => {
    expect(RECORD_FORM_NOTES).toBe(SEED_NOTES);
  });
});

describe('buildRecordFormModel', () => {
  const record = makeRecord();
  const context = makeContext();

  it('fills every field from the record and context for a 2-department team', () => {
    const form = buildRecordFormModel(record, context, record.result[0]!);
    expect(form.title).toBe('部门联合抽查检查情况记录表');
    expect(form.serial).toBe(1);
    expect(form.total).toBe(3);
    expect(form.reference).toBe(
      '抽查任务：2024年舞钢市第一批“双随机”联合抽查（2024001-001）    第 1 户／共 3 户',
    );
    expect(form.inspectorGroups).toEqual([
      {
        department: YB,
        departments: [YB],
        unit: '舞钢市医疗保障局',
        inspectors: [
          { id: 'YB001', name: '王建国', idNumber: 'YB001', idKind: '执法证号', isLeader: true },
          { id: 'YB002', name: '李海燕', idNumber: 'YB002', idKind: '执法证号', isLeader: false },
        ],
        rows: 2,
      },
      {
        department: SJ,
        departments: [SJ],
        unit: '舞钢市市场监督管理局',
        inspectors: [
          { id: 'SJ001', name: '刘丽娜', idNumber: 'SJ001', idKind: '执法证号', isLeader: false },
          { id: 'SJ002', name: '陈伟', idNumber: 'SJ002', idKind: '执法证号', isLeader: false },
        ],
        rows: 2,
      },
    ]);
    expect(form.target).toEqual({
      id: 'T1',
      name: '舞钢市人民医院',
      uscc: '12410481417551234X',
      address: '舞钢市垭口街道寺坡路中段88号',
      legalRep: '赵明',
    });
    expect(form.checks).toEqual([
      { department: YB, unit: '舞钢市医疗保障局', matter: MATTER_YB, result: '' },
      { department: SJ, unit: '舞钢市市场监督管理局', matter: MATTER_SJ, result: '' },
    ]);
    expect(form.remarks).toBe('');
    expect(form.signatures.map((s) => s.label)).toEqual([
      '被检查对象\n（签字/盖章）',
      '执法检查人员\n（签字/盖章）',
    ]);
    expect(form.signatures.every((s) => /^年\s+月\s+日$/.test(s.dateText))).toBe(true);
    expect(form.notes).toBe(SEED_NOTES);
  });

  it('gives a blank code for a 村卫生室 without error', () => {
    const form = buildRecordFormModel(record, context, record.result[2]!);
    expect(form.target.name).toBe('尚店镇王庄村卫生室');
    expect(form.target.uscc).toBe('');
    expect(form.target.legalRep).toBe('孙平');
  });

  it('falls back to the 身份证号 when a person has no badge, and leaves it blank when neither is known', () => {
    const noBadge = { ...context.inspectors['SJ002']!, badgeNo: '', residentId: '410481198001011234' };
    const ctx = makeContext({ inspectors: { ...context.inspectors, SJ002: noBadge } });
    const form = buildRecordFormModel(record, ctx, record.result[0]!);
    expect(form.inspectorGroups[1]!.inspectors[1]).toMatchObject({
      idNumber: '410481198001011234',
      idKind: '身份证号',
    });
    const other = buildRecordFormModel(record, context, record.result[1]!);
    expect(other.inspectorGroups[1]!.inspectors[0]).toMatchObject({ name: '杨静', idNumber: '', idKind: '' });
  });

  it('keeps the record department order whatever the member order', () => {
    const entry: ResultEntry = {
      target: 'T1',
      stratum: '全部',
      leader: 'YB001',
      members: ['YB001', 'SJ001', 'YB002'],
    };
    const form = buildRecordFormModel(makeRecord([entry]), context, entry);
    expect(form.inspectorGroups.map((g) => g.department)).toEqual([YB, SJ]);
    expect(form.inspectorGroups.map((g) => g.inspectors.map((p) => p.name))).toEqual([
      ['王建国', '李海燕'],
      ['刘丽娜'],
    ]);
  });

  it('shows ids when the context lacks a target or inspector, and an empty matter when none is known', () => {
    const entry: ResultEntry = { target: 'T9', stratum: '全部', leader: 'YB001', members: ['YB001', 'X1'] };
    const form = buildRecordFormModel(makeRecord([entry]), makeContext({ matters: [] }), entry);
    expect(form.target).toEqual({ id: 'T9', name: 'T9', uscc: '', address: '', legalRep: '' });
    expect(form.checks.map((c) => c.matter)).toEqual(['', '']);
    expect(form.inspectorGroups.flatMap((g) => g.inspectors.map((p) => p.name))).toEqual(['王建国', 'X1']);
  });

  it('does not mutate the record or the context', () => {
    const r = makeRecord();
    const c = makeContext();
    const before = JSON.stringify([r, c]);
    buildRecordFormModel(r, c, r.result[0]!);
    buildRecordFormsOps(r, c);
    expect(JSON.stringify([r, c])).toBe(before);
  });
});

describe('buildRecordFormsOps', () => {
  const record = makeRecord();
  const context = makeContext();

  it('writes one sheet named 记录表-<计划编号>-<任务编号>, A4 portrait, fit to one page wide', () => {
    const ops = buildRecordFormsOps(record, context);
    expect(ops[0]).toEqual({ kind: 'addSheet', sheet: '记录表-2024001-001' });
    expect(recordFormsSheetName(record)).toBe('记录表-2024001-001');
    const setup = pageSetupOf(ops);
    expect(setup).toMatchObject({ orientation: 'portrait', paper: 'A4', fitToOnePageWide: true });
    expect(setup.printTitleRows).toBeUndefined();
    expect(setup.margins).toEqual({ top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 });
    expect(ops.filter((o) => o.kind === 'columnWidths')).toHaveLength(1);
  });

  it('ends a page after each form and sets the print area over all of them', () => {
    const ops = buildRecordFormsOps(record, context);
    const tops = recordFormStartRows(record, context);
    expect(tops).toHaveLength(3);
    const heights = ops.filter(
      (o): o is Extract<WorkbookOp, { kind: 'rowHeights' }> => o.kind === 'rowHeights',
    );
    expect(heights.map((h) => h.fromRow)).toEqual(tops);
    const last = heights[2]!.fromRow + heights[2]!.heights.length - 1;
    const setup = pageSetupOf(ops);
    expect(setup.rowBreaks).toEqual([tops[1]! - 1, tops[2]! - 1]);
    expect(setup.printArea).toBe(`A1:F${last}`);
    // Each form's rows follow on from the previous one, and the title opens every form.
    const cells = cellsOf(ops).get('记录表-2024001-001')!;
    for (const t of tops) expect(cells.get(`A${t}`)).toBe('部门联合抽查检查情况记录表');
  });

  it('sizes each form to at most one A4 page (842 pt less 0.5 in margins)', () => {
    const big: ResultEntry = {
      target: 'T2',
      stratum: '全部',
      leader: 'YB001',
      members: ['YB001', 'YB002', 'YB003', 'SJ001', 'SJ002', '姓名:杨静@市场监督管理局'],
    };
    const ops = buildRecordFormsOps(makeRecord([...record.result, big]), context);
    for (const h of ops.filter(
      (o): o is Extract<WorkbookOp, { kind: 'rowHeights' }> => o.kind === 'rowHeights',
    )) {
      expect(h.heights.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(842 - 72);
      expect(h.heights.every((x) => x > 0)).toBe(true);
    }
  });

  it('puts a list validation with codes 1–10 and their meanings on each 检查结果 cell', () => {
    const ops = buildRecordFormsOps(record, context);
    const cells = cellsOf(ops).get('记录表-2024001-001')!;
    const lists = ops.filter(
      (o): o is Extract<WorkbookOp, { kind: 'listValidation' }> => o.kind === 'listValidation',
    );
    expect(lists).toHaveLength(3 * 2);
    for (const l of lists) {
      expect(l.items).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      for (const c of RESULT_CODES) expect(l.prompt).toContain(`${c.code} ${c.meaning}`);
      expect(l.prompt!.length).toBeLessThanOrEqual(255); // Excel's limit for an input message
      const row = parseCellAddress(l.address)!.row + 1;
      expect(l.address).toBe(`F${row}`);
      expect(cells.get(`F${row}`)).toBeUndefined(); // left blank for the inspectors
      expect([MATTER_YB, MATTER_SJ]).toContain(cells.get(`C${row}`));
    }
  });

  it('writes the model: target, codes, inspectors with the leader marked, matters and the 说明', () => {
    const cells = [...cellsOf(buildRecordFormsOps(record, context)).get('记录表-2024001-001')!.values()];
    for (const text of [
      '舞钢市人民医院',
      '12410481417551234X',
      '舞钢市垭口街道寺坡路中段88号',
      '赵明',
      '王建国（组长）',
      '李海燕',
      'SJ002',
      MATTER_SJ,
      SEED_NOTES,
    ]) {
      expect(cells).toContain(text);
    }
    const plain = [
      ...cellsOf(buildRecordFormsOps(record, context, { markLeader: false }))
        .get('记录表-2024001-001')!
        .values(),
    ];
    expect(plain).toContain('王建国');
    expect(plain).not.toContain('王建国（组长）');
  });

  it.each([
    ['one-sheet', 1],
    ['one-sheet', 2],
    ['sheet-per-target', 1],
    ['sheet-per-target', 2],
  ] as const)('gives in batches (%s, %i at a time) exactly the ops of one full call', (layout, size) => {
    const full = buildRecordFormsOps(record, context, { layout });
    const batches: WorkbookOp[] = [];
    for (let start = 0; start < record.result.length; start += size) {
      batches.push(...buildRecordFormsOps(record, context, { layout, startIndex: start, count: size }));
    }
    expect(batches).toEqual(full);
    expect(buildRecordFormsOps(record, context, { layout, startIndex: 3, count: 5 })).toEqual([]);
  });

  it('returns nothing for a draw without targets', () => {
    expect(buildRecordFormsOps(makeRecord([]), context)).toEqual([]);
  });

  it('never writes a formula: text from the context that looks like one stays a plain string', () => {
    const evil = makeContext({
      targets: {
        ...context.targets,
        T1: {
          name: '=HYPERLINK("http://x","y")',
          uscc: '+12410481',
          type: '',
          creditClass: '',
          address: '-1+2',
          legalRep: '@SUM(A1)',
        },
      },
      matters: [{ department: YB, matter: '=1+1' }],
    });
    const ops = buildRecordFormsOps(record, evil);
    const written = ops.flatMap((o) => (o.kind === 'write' ? o.rows.flat() : []));
    expect(written.every((v) => v === null || typeof v === 'string' || typeof v === 'number')).toBe(true);
    for (const s of ['=HYPERLINK("http://x","y")', '+12410481', '-1+2', '@SUM(A1)', '=1+1'])
      expect(written).toContain(s);
  });

  it('refers only to sheets it adds', () => {
    for (const layout of ['one-sheet', 'sheet-per-target'] as const) {
      const ops = buildRecordFormsOps(record, context, { layout });
      const added = new Set(ops.filter((o) => o.kind === 'addSheet').map((o) => o.sheet));
      for (const o of ops) expect(added.has(o.sheet)).toBe(true);
    }
  });

  it('names the per-target sheets 记录表-<序号>-<name>, at most 31 characters and without \\ / ? * [ ] :', () => {
    const ctx = makeContext({
      targets: { ...context.targets, T1: { ...context.targets['T1']!, name: '舞钢/市[人民]医院:急诊*部?' } },
    });
    const ops = buildRecordFormsOps(record, ctx, { layout: 'sheet-per-target' });
    const names = ops.filter((o) => o.kind === 'addSheet').map((o) => o.sheet);
    expect(names[0]).toBe('记录表-001-舞钢_市_人民_医院_急诊_部_');
    expect(names[1]!.startsWith('记录表-002-舞钢市仁济堂')).toBe(true);
    for (const n of names) {
      expect(Array.from(n).length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(new Set(names).size).toBe(3);
    expect(targetSheetName(12, '')).toBe('记录表-012');
    for (const n of names) expect(pageSetupOf(ops.filter((o) => o.sheet === n)).rowBreaks).toBeUndefined();
  });

  it(`refuses sheet-per-target above ${MAX_SHEETS_PER_TARGET} targets`, () => {
    const many = Array.from({ length: MAX_SHEETS_PER_TARGET + 1 }, (_, i): ResultEntry => ({
      target: `T${i}`,
      stratum: '全部',
      leader: 'YB001',
      members: ['YB001', 'SJ001'],
    }));
    expect(() => buildRecordFormsOps(makeRecord(many), context, { layout: 'sheet-per-target' })).toThrow(
      RangeError,
    );
    expect(buildRecordFormsOps(makeRecord(many), context).filter((o) => o.kind === 'addSheet')).toHaveLength(
      1,
    );
  });

  it('uses the given sheet name', () => {
    const ops = buildRecordFormsOps(record, context, { sheetName: '一户一表' });
    expect(new Set(ops.map((o) => o.sheet))).toEqual(new Set(['一户一表']));
  });
});

describe('buildRecordFormModel: 单位 and 检查单位 print the 单位, not the 科室', () => {
  /** Xingtai's task: 发起科室 基金管理科, 联合科室 医疗保险基金监管科, both of 邢台市医疗保障局, with 市场监督管理局. */
  function xingtai() {
    const inspectors = {
      A1: { name: '王一', badgeNo: 'A1', unit: '邢台市医疗保障局', section: '基金管理科', teamDepartment: '基金管理科' },
      B1: { name: '周杰', badgeNo: 'B1', unit: '邢台市医疗保障局', section: '医疗保险基金监管科', teamDepartment: '医疗保险基金监管科' },
      S1: { name: '刘丽娜', badgeNo: 'S1', unit: '邢台市市场监督管理局', section: '药品股', teamDepartment: '市场监督管理局' },
    };
    const context = makeContext({
      inspectors,
      matters: [
        { department: '基金管理科', matter: '甲事项' },
        { department: '医疗保险基金监管科', matter: '乙事项' },
        { department: '市场监督管理局', matter: '丙事项' },
      ],
    });
    const base = makeRecord([{ target: 'T1', stratum: '全部', leader: 'A1', members: ['A1', 'B1', 'S1'] }]);
    const record = {
      ...base,
      team: { ...base.team, departments: [{ name: '基金管理科', min: 1 }, { name: '医疗保险基金监管科', min: 1 }, { name: '市场监督管理局', min: 1 }] },
    };
    return { record, context };
  }

  it('shows 邢台市医疗保障局 for people drawn for its 科室, one 单位 row for two 科室 of it', () => {
    const { record, context } = xingtai();
    const form = buildRecordFormModel(record, context, record.result[0]!);
    expect(form.inspectorGroups.map((g) => [g.unit, g.departments, g.inspectors.map((p) => p.name)])).toEqual([
      ['邢台市医疗保障局', ['基金管理科', '医疗保险基金监管科'], ['王一', '周杰']],
      ['邢台市市场监督管理局', ['市场监督管理局'], ['刘丽娜']],
    ]);
    expect(form.checks.map((c) => [c.unit, c.matter])).toEqual([
      ['邢台市医疗保障局', '甲事项；乙事项'],
      ['邢台市市场监督管理局', '丙事项'],
    ]);
  });

  it('prints the 单位 cell broken after the 行政区划', () => {
    const { record, context } = xingtai();
    const cells = cellsOf(buildRecordFormsOps(record, context));
    const texts = [...(cells.values().next().value as Map<string, CellInput>).values()].map(String);
    expect(texts).toContain('邢台市\n医疗保障局');
    expect(texts).not.toContain('基金管理科');
  });
});
