/**
 * Splits the 行政区划 + 部门 part of a plan name. Private helper of parsePlanName, kept apart
 * because department names start with characters that also end division names
 * (`邢台市市场监督管理局`: the division is `邢台市`, not `邢台市市`).
 */

/** Longest first, so that `自治州` wins over `州`. */
const DIVISION_SUFFIXES = [
  '特别行政区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '林区',
  '特区',
  '省',
  '市',
  '县',
  '区',
  '旗',
  '州',
  '盟',
];

/** How departments end. `分局` ends in `局` too. */
const DEPARTMENT_END = /(?:局|中心|委员会|委|厅|办公室)/g;

/** Beginnings of the department names bureaus actually use, to find where the division stops. */
const KNOWN_DEPARTMENT_STEMS = [
  '医疗保障',
  '医保',
  '市场监督管理',
  '市场监管',
  '卫生健康',
  '卫健',
  '人力资源和社会保障',
  '人社',
  '社会保险',
  '财政',
  '税务',
  '公安',
  '药品监督管理',
  '民政',
  '审计',
  '发展和改革',
  '行政审批',
];

/** True when `s` begins with the stem of a department name bureaus use (`市场监督管理局`). */
export function startsWithKnownDepartment(s: string): boolean {
  return KNOWN_DEPARTMENT_STEMS.some((stem) => s.startsWith(stem));
}

/** True when `s` is one or more divisions (`承德县`, `河北省承德市承德县`). */
export function isDivision(s: string): boolean {
  return s.length >= 2 && DIVISION_SUFFIXES.some((suffix) => s.endsWith(suffix) && s.length > suffix.length);
}

/** Index just past the last department ending in `s`, or -1. */
export function lastDepartmentEnd(s: string): number {
  let end = -1;
  for (const m of s.matchAll(DEPARTMENT_END)) end = (m.index ?? 0) + m[0].length;
  return end;
}

/**
 * Splits `邢台市医疗保障局桥东分局` into division and department. `division` is '' when none leads.
 * Prefers the division the caller expects, then a known department stem, then the longest division
 * that leaves a department of at least two characters before its ending.
 */
export function splitDivisionDepartment(
  s: string,
  expectedDivision?: string,
): { division: string; department: string } {
  if (expectedDivision && s.startsWith(expectedDivision) && s.length > expectedDivision.length) {
    return { division: expectedDivision, department: s.slice(expectedDivision.length) };
  }
  let best = -1;
  for (const stem of KNOWN_DEPARTMENT_STEMS) {
    for (let i = s.indexOf(stem, 1); i > 0; i = s.indexOf(stem, i + 1)) {
      if (isDivision(s.slice(0, i)) && (best < 0 || i < best)) best = i;
    }
  }
  if (best < 0) {
    for (let i = s.length - 3; i >= 2; i -= 1) {
      if (isDivision(s.slice(0, i))) {
        best = i;
        break;
      }
    }
  }
  return best < 0
    ? { division: '', department: s }
    : { division: s.slice(0, best), department: s.slice(best) };
}

/** The longest division that starts `s` (the expected one first), or '' — for names without a department. */
export function leadingDivision(s: string, expectedDivision?: string): string {
  if (expectedDivision && s.startsWith(expectedDivision)) return expectedDivision;
  for (let i = s.length; i >= 2; i -= 1) {
    if (isDivision(s.slice(0, i))) return s.slice(0, i);
  }
  return '';
}
