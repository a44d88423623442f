/**
 * Cell-by-cell checks of the target and inspector directories: codes and their check characters,
 * codes stored as numbers (already rounded by Excel), duplicates, empty required cells, and
 * inspectors whose department the plan does not name.
 */
import type { Finding } from '../findings';
import type { CalendarDate } from '../ids';
import { checkResidentId, checkUscc, isLikelyMangledNumber, mangledNumberFinding, normalizeCode } from '../ids';
import type { CreditClassSetting } from '../rules';
import { checkCreditClass } from '../rules';
import type { FoundTable, TableRow } from '../tables';
import { fieldAddress } from '../tables';
import { collapseSpaces } from '../text';
import { cellAddress } from '../grid';
import { inDepartment } from '../prepare/prepareDraw';

const t = (row: TableRow, f: string): string => collapseSpaces(row.cells[f]?.text ?? '').trim();

/**
 * Checks the target directory.
 * @param table the targets table
 * @returns findings with sheet and cell
 * @example validateTargets(table).filter(f => f.code === 'USCC_CHECK')
 */
export function validateTargets(table: FoundTable): Finding[] {
  const out: Finding[] = [];
  const at = (row: TableRow, field: string) => ({ sheet: table.sheet, cell: fieldAddress(table, row, field) });
  const byCode = new Map<string, TableRow>();
  const byName = new Map<string, TableRow[]>();
  for (const row of table.rows) {
    const name = t(row, 'name');
    if (!name) {
      out.push({ severity: 'error', code: 'TARGET_NAME_EMPTY', ...at(row, 'name'), message: '检查对象名称为空：请填写名称，或删除此行。' });
      continue;
    }
    if ('uscc' in table.columns) {
      const cell = row.cells.uscc;
      const shown = t(row, 'uscc');
      if (cell && isLikelyMangledNumber(cell.value, shown)) {
        out.push({ ...mangledNumberFinding('统一社会信用代码'), ...at(row, 'uscc') });
      } else if (shown) {
        const r = checkUscc(shown);
        if (!r.ok) out.push({ severity: r.severity, code: r.code, message: `${name}：${r.message}`, ...(r.suggestion ? { suggestion: r.suggestion } : {}), ...at(row, 'uscc') });
        const code = r.value;
        const prev = byCode.get(code);
        if (prev) out.push({ severity: 'error', code: 'TARGET_DUPLICATE_CODE', ...at(row, 'uscc'), message: `统一社会信用代码 ${code} 重复（与 ${fieldAddress(table, prev, 'uscc')} 相同）：同一对象只应出现一次。` });
        else byCode.set(code, row);
      } else if (!/村卫生室|卫生室/.test(name) && !/村卫生室/.test(t(row, 'type'))) {
        out.push({ severity: 'warning', code: 'TARGET_USCC_MISSING', ...at(row, 'uscc'), message: `${name} 没有统一社会信用代码：市场主体请补填；非市场主体（如村卫生室）可留空。` });
      }
    }
    // Keyed by the name alone (no joined key string per row); rows of one name are compared by address.
    const address = t(row, 'address');
    const sameName = byName.get(name);
    const prev = sameName?.find((r) => t(r, 'address') === address);
    if (prev) out.push({ severity: 'warning', code: 'TARGET_DUPLICATE_NAME', ...at(row, 'name'), message: `“${name}”（同一地址）重复出现（与 ${fieldAddress(table, prev, 'name')} 相同）：请确认是否重复录入。` });
    else if (sameName) sameName.push(row);
    else byName.set(name, [row]);
  }
  return out;
}

/**
 * Checks the target directory's 信用等级 cells against the bureau's credit classes (settings).
 * @param table the targets table
 * @param classes the bureau's classes; empty (no settings) checks nothing
 * @returns `CREDIT_CLASS_NOT_IN_SETTINGS` warnings with sheet and cell
 * @example validateCreditClasses(table, [{ label: '低', cls: 'A' }])[0]?.cell // 'H7'
 */
export function validateCreditClasses(table: FoundTable, classes: readonly CreditClassSetting[]): Finding[] {
  if (!('creditClass' in table.columns) || classes.length === 0) return [];
  const out: Finding[] = [];
  for (const row of table.rows) {
    const value = row.cells.creditClass?.text ?? '';
    for (const f of checkCreditClass(value, classes)) out.push({ ...f, sheet: table.sheet, cell: fieldAddress(table, row, 'creditClass') });
  }
  return out;
}

/**
 * A table read as the inspector directory without a 执法证号 column: often not a directory at all (a
 * 工资表 has 姓名 and 部门 too). Says what was read, so that the user can mark the sheet as no table.
 */
function badgeColumnMissing(table: FoundTable): Finding {
  const headers = Object.values(table.headers).join('、');
  return {
    severity: 'warning',
    code: 'INSPECTOR_BADGE_COLUMN_MISSING',
    sheet: table.sheet,
    cell: cellAddress(table.headerRow - 1, Math.min(...Object.values(table.columns))),
    message:
      `工作表“${table.sheet}”第 ${table.headerRow} 行的表头（${headers}）被当作执法检查人员名录库读取，但没有“执法证号”列：` +
      '无执法证的人员不能参加执法检查。若这张表不是人员名录（如工资表），请在读取校验中把它标为“不是表格”；若是，请补上执法证号列。',
  };
}

/**
 * Checks the inspector directory.
 * @param table the inspectors table
 * @param planDepartments departments/sections the plan names (发起科室, 联合科室); empty skips that check
 * @param today for the 身份证号 birth-date check
 * @returns findings with sheet and cell
 * @example validateInspectors(table, ['基金监管科'], { year: 2025, month: 3, day: 1 })
 */
export function validateInspectors(table: FoundTable, planDepartments: readonly string[], today?: CalendarDate): Finding[] {
  const out: Finding[] = [];
  const at = (row: TableRow, field: string) => ({ sheet: table.sheet, cell: fieldAddress(table, row, field) });
  const badges = new Map<string, string>();
  if (!('badgeNo' in table.columns)) out.push(badgeColumnMissing(table));
  for (const row of table.rows) {
    const name = t(row, 'name');
    if (!name) continue;
    if ('badgeNo' in table.columns) {
      const cell = row.cells.badgeNo;
      const badge = normalizeCode(t(row, 'badgeNo'));
      if (cell && isLikelyMangledNumber(cell.value, t(row, 'badgeNo'))) out.push({ ...mangledNumberFinding('执法证号'), ...at(row, 'badgeNo') });
      else if (!badge) out.push({ severity: 'error', code: 'BADGE_EMPTY', ...at(row, 'badgeNo'), message: `${name} 没有执法证号：无执法证的人员不能参加执法检查，请补填或移出名录库。` });
      else {
        const prev = badges.get(badge);
        if (prev) out.push({ severity: 'error', code: 'BADGE_DUPLICATE', ...at(row, 'badgeNo'), message: `执法证号 ${badge} 重复（与 ${prev} 相同）：每人执法证号应唯一。` });
        else badges.set(badge, at(row, 'badgeNo').cell);
      }
    }
    const rid = t(row, 'residentId');
    if (rid) {
      const cell = row.cells.residentId;
      if (cell && isLikelyMangledNumber(cell.value, rid)) out.push({ ...mangledNumberFinding('身份证号'), ...at(row, 'residentId') });
      else {
        const r = checkResidentId(rid, today);
        if (!r.ok) out.push({ severity: r.severity, code: r.code, message: `${name}：${r.message}`, ...(r.suggestion ? { suggestion: r.suggestion } : {}), ...at(row, 'residentId') });
      }
    }
    if (planDepartments.length && ('department' in table.columns || 'section' in table.columns)) {
      const where = [t(row, 'department'), t(row, 'section')].filter(Boolean);
      const person = { department: t(row, 'department'), section: t(row, 'section') };
      const belongs = planDepartments.some((d) => inDepartment(person, d));
      if (!belongs && where.length) {
        out.push({
          severity: 'warning',
          code: 'INSPECTOR_DEPT_NOT_IN_PLAN',
          ...at(row, 'department' in table.columns ? 'department' : 'section'),
          message: `${name} 所属“${where.join(' ')}”不是计划表中任何任务的发起科室或联合科室：此人不会被抽到。`,
        });
      }
    }
  }
  return out;
}
