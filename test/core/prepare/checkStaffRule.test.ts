import { checkStaffRule } from '../../../src/core/prepare/checkStaffRule';
import type { DrawInputs } from '../../../src/core/draw';
import { runDraw, sha256Hex } from '../../../src/core/draw';
import { vectorsV2 } from '../draw/vectors';

type Team = DrawInputs['team'];

function inputs(team: Partial<Team>, candidates: string[] = ['t1', 't2']): Pick<DrawInputs, 'strata' | 'team'> {
  return {
    strata: [{ name: 'A', basisPoints: 10000, candidates }],
    team: {
      size: 2,
      departments: [{ name: '医疗保障局', min: 1 }],
      maxPerInspector: 0,
      inspectors: [
        { id: 'Y1', department: '医疗保障局', staff: true },
        { id: 'Y2', department: '医疗保障局', staff: true },
        { id: 'Y3', department: '医疗保障局', staff: false },
      ],
      exclusions: [],
      minStaff: 2,
      ...team,
    },
  };
}

describe('checkStaffRule', () => {
  it('says nothing under ssj-draw/1 or when every target keeps enough staff', () => {
    expect(checkStaffRule(inputs({ minStaff: undefined }))).toEqual([]);
    expect(checkStaffRule(inputs({}))).toEqual([]);
  });

  it('names the targets whose staff, after 回避, are fewer than minStaff', () => {
    const warnings = checkStaffRule(inputs({ exclusions: [{ target: 't2', inspector: 'Y2' }] }), { t2: '舞钢市康泰药房' });
    expect(warnings).toEqual([
      {
        kind: 'target',
        minStaff: 2,
        targets: [{ target: 't2', staff: 1 }],
        message:
          '每个检查组至少要有 2 名局部门工作人员，但以下检查对象排除回避等人员后可用的局部门工作人员不足：舞钢市康泰药房（1 名）。若抽中这些对象，抽取将失败：请补充人员或核对回避设置。',
      },
    ]);
  });

  it('warns when a department phase may have to take more staff than the department has', () => {
    const team: Partial<Team> = {
      departments: [
        { name: '医疗保障局', min: 1 },
        { name: '市场监督管理局', min: 1 },
      ],
      inspectors: [
        { id: 'S1', department: '市场监督管理局', staff: false },
        { id: 'Y1', department: '医疗保障局', staff: true },
        { id: 'Y2', department: '医疗保障局', staff: true },
      ],
    };
    expect(checkStaffRule(inputs(team))).toEqual([
      expect.objectContaining({ kind: 'department', department: '市场监督管理局', mayNeed: 1, staff: 0 }),
    ]);
  });

  it('warns before exactly the vector draws that fail for too few staff', () => {
    for (const vector of vectorsV2.failures.filter((f) => f.failure === 'too-few-staff')) {
      expect(checkStaffRule(vector.inputs).length).toBeGreaterThan(0);
    }
    for (const vector of vectorsV2.draws) {
      expect(checkStaffRule(vector.inputs)).toEqual([]);
    }
  });

  it('is right about a draw that then fails', () => {
    const prepared = inputs({ exclusions: [{ target: 't1', inspector: 'Y2' }] }, ['t1']);
    expect(checkStaffRule(prepared)).not.toEqual([]);
    const outcome = runDraw({
      protocol: 'ssj-draw/2',
      task: { planNo: '', taskNo: '', planName: '', taskName: '' },
      seed: { source: 'local', hex: sha256Hex('x') },
      ...prepared,
    });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'too-few-staff' } });
  });
});
