/**
 * The warning ssj-draw/2 §12 asks of the tool before a draw with minStaff > 1. The protocol itself
 * checks nothing beforehand: a draw whose pool runs out of staff fails (too-few-staff) for one seed
 * and not for another. Saying so before 抽取 lets the operator fix the directory or the rule first,
 * instead of logging a failure.
 */
import type { DrawInputs } from '../draw/types';

/** One reason the staff rule may not be met. */
export type StaffRuleWarning =
  | {
      /** Candidate targets for which fewer than minStaff staff are left after exclusions (回避, 连续三次). */
      readonly kind: 'target';
      readonly minStaff: number;
      /** Each such target with the staff left for it, in candidate order. */
      readonly targets: readonly { readonly target: string; readonly staff: number }[];
      readonly message: string;
    }
  | {
      /** A department phase may have to take more staff than the department has. */
      readonly kind: 'department';
      readonly minStaff: number;
      readonly department: string;
      /** The most staff that phase can be made to take (when every earlier pick was not staff). */
      readonly mayNeed: number;
      /** Staff of the department in the record. */
      readonly staff: number;
      readonly message: string;
    };

/**
 * Warns before a draw with minStaff > 1 (ssj-draw/2 §12) when (a) for some candidate target the staff
 * not excluded number fewer than minStaff, or (b) a department's phase could have to take more staff
 * than that department has. Returns nothing for ssj-draw/1 inputs or when neither can happen. The
 * draw cap (maxPerInspector) is left out: what it removes depends on the seed.
 *
 * @param inputs - the prepared inputs (seed not needed)
 * @param names - id → display name, for the messages
 * @returns the warnings, each with a Chinese message
 * @example
 * checkStaffRule(inputs, names)
 * // [{ kind: 'department', department: '市场监督管理局', mayNeed: 1, staff: 0, minStaff: 2,
 * //    message: '每个检查组至少要有 2 名局部门工作人员：抽取市场监督管理局人员时可能须抽 1 名局部门工作人员，但该部门只有 0 名，抽取可能失败。' }]
 */
export function checkStaffRule(
  inputs: Pick<DrawInputs, 'strata' | 'team'>,
  names: Readonly<Record<string, string>> = {},
): StaffRuleWarning[] {
  const { team } = inputs;
  const minStaff = team.minStaff ?? 1;
  if (minStaff <= 1) return [];
  const warnings: StaffRuleWarning[] = [];
  const short = targetsShortOfStaff(inputs, minStaff);
  if (short.length > 0) {
    const shown = short
      .slice(0, 5)
      .map((t) => `${names[t.target] ?? t.target}（${t.staff} 名）`)
      .join('、');
    const more = short.length > 5 ? ` 等 ${short.length} 个` : '';
    warnings.push({
      kind: 'target',
      minStaff,
      targets: short,
      message:
        `每个检查组至少要有 ${minStaff} 名局部门工作人员，但以下检查对象排除回避等人员后可用的局部门工作人员不足：` +
        `${shown}${more}。若抽中这些对象，抽取将失败：请补充人员或核对回避设置。`,
    });
  }
  for (const phase of departmentPhases(team, minStaff)) {
    if (phase.mayNeed <= phase.staff) continue;
    warnings.push({
      kind: 'department',
      minStaff,
      department: phase.department,
      mayNeed: phase.mayNeed,
      staff: phase.staff,
      message:
        `每个检查组至少要有 ${minStaff} 名局部门工作人员：抽取${phase.department}人员时可能须抽 ${phase.mayNeed} 名局部门工作人员，` +
        `但该部门只有 ${phase.staff} 名，抽取可能失败。请补充该部门的局部门工作人员，或调整每组人数、部门最少人数。`,
    });
  }
  return warnings;
}

function targetsShortOfStaff(
  inputs: Pick<DrawInputs, 'strata' | 'team'>,
  minStaff: number,
): { target: string; staff: number }[] {
  const { inspectors, exclusions } = inputs.team;
  const staffIds = new Set(inspectors.filter((p) => p.staff).map((p) => p.id));
  const excludedStaff = new Map<string, number>();
  for (const e of exclusions) {
    if (staffIds.has(e.inspector)) excludedStaff.set(e.target, (excludedStaff.get(e.target) ?? 0) + 1);
  }
  const short: { target: string; staff: number }[] = [];
  for (const stratum of inputs.strata) {
    // A stratum with 0 basis points draws nobody.
    if (stratum.basisPoints === 0) continue;
    for (const target of stratum.candidates) {
      const staff = staffIds.size - (excludedStaff.get(target) ?? 0);
      if (staff < minStaff) short.push({ target, staff });
    }
  }
  return short;
}

/**
 * Each department phase of §6 step 3 with the most staff §12 can make it take. The number chosen
 * before a phase does not depend on the seed (the leader, then each earlier department's need);
 * the staff among them are fewest when every pick not forced to be staff was not staff.
 */
function departmentPhases(
  team: DrawInputs['team'],
  minStaff: number,
): { department: string; mayNeed: number; staff: number }[] {
  const out: { department: string; mayNeed: number; staff: number }[] = [];
  let chosen = 1;
  let fewestStaff = 1;
  team.departments.forEach((d, index) => {
    const n = d.min - (index === 0 ? 1 : 0);
    if (n <= 0) return;
    const r = team.size - chosen;
    const m = Math.max(0, minStaff - fewestStaff - (r - n));
    const staff = team.inspectors.filter((p) => p.department === d.name && p.staff).length;
    if (m > 0) out.push({ department: d.name, mayNeed: m, staff });
    chosen += n;
    fewestStaff += Math.min(m, staff);
  });
  return out;
}
