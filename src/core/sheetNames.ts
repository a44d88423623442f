/**
 * Excel's sheet-name rules in one place: which names are valid, how any text becomes part of a name,
 * and how a new sheet gets a free name (Excel compares names without case, at most 31 characters).
 * Core builds names with these; the adapters check names with {@link isValidSheetName}.
 */

/** Excel allows at most 31 characters in a sheet name. */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/;
const FORBIDDEN_ALL = /[\\/?*[\]:]/g;

/**
 * Whether Excel accepts the name for a sheet: 1–31 characters, none of `\ / ? * [ ] :`, no
 * apostrophe at either end, and not `History` (reserved by Excel in any case).
 * @example isValidSheetName('抽取结果-2025002-001') // true
 * @example isValidSheetName('a/b') // false
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    Array.from(name).length <= MAX_SHEET_NAME &&
    !FORBIDDEN.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

/**
 * Why a name is not a valid sheet name, as one Chinese sentence ('' when it is valid).
 * @example sheetNameProblem('a:b') // '工作表名称“a:b”无效：…'
 */
export function sheetNameProblem(name: string): string {
  if (isValidSheetName(name)) return '';
  return `工作表名称“${name}”无效：应为 1 到 31 个字符，不能含 \\ / ? * [ ] :，不能以英文单引号开头或结尾，也不能是 History。`;
}

/**
 * Makes any text usable inside a sheet name: forbidden characters become `_`, spaces go.
 * @param s any text
 * @returns the text without `\ / ? * [ ] :`, white space or edge apostrophes
 * @example cleanSheetNamePart('舞钢/市 医院') // '舞钢_市医院'
 */
export function cleanSheetNamePart(s: string): string {
  return s
    .replace(FORBIDDEN_ALL, '_')
    .replace(/\s+/g, '')
    .replace(/^'+|'+$/g, '');
}

/**
 * Cuts a sheet name to 31 code points (not UTF-16 units: a name never ends in half a character).
 * @param name a cleaned sheet name
 * @returns at most 31 characters, no trailing apostrophe
 * @example fitSheetName('记录表-001-' + '医'.repeat(40)).length // 31
 */
export function fitSheetName(name: string): string {
  const chars = Array.from(name);
  const cut = chars.length > MAX_SHEET_NAME ? chars.slice(0, MAX_SHEET_NAME).join('') : name;
  return cut.replace(/'+$/, '');
}

/**
 * A sheet name that is not taken yet: `base`, else `base (2)`, `base (3)` … (Excel compares names
 * without case and allows 31 characters).
 * @param base the wanted name
 * @param existing the workbook's sheet names
 * @returns the first free name
 * @example nextFreeSheetName('校验结果', ['校验结果']) // '校验结果 (2)'
 */
export function nextFreeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return fitSheetName(base);
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${Array.from(base).slice(0, MAX_SHEET_NAME - suffix.length).join('')}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Whether the workbook already has a sheet of that name (Excel ignores case).
 * @example hasSheet('结果公示', ['结果公示']) // true
 */
export function hasSheet(name: string, existing: readonly string[]): boolean {
  return existing.some((n) => n.toLowerCase() === name.toLowerCase());
}
