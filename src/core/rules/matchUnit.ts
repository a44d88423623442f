/**
 * How a 单位 (a bureau: 邢台市医疗保障局) and a 科室 (one of its sections: 基金监管科) are matched
 * between the plan, the settings, the inspector directory and a bureau's own form. A 单位 is the same
 * with or without its 行政区划 prefix (邢台市市场监督管理局 = 市场监督管理局; a joint notice's
 * shorthand 市市场监督管理局 too). A 科室 is matched only as written, after white space and
 * full-width normalisation: 医疗保险基金监管科 is not 基金监管科.
 */
import { stripSpaces, toHalfWidth } from '../text';
import { splitDivisionDepartment, startsWithKnownDepartment } from './_lib/planNameParts';

/**
 * A name as compared: half-width, without any white space or line break (a form's "医疗\n保障局").
 *
 * @param s - a 单位 or 科室 as written
 * @returns the compared form
 * @example normalizeUnitName(' 医疗\n保障局 ') // '医疗保障局'
 */
export function normalizeUnitName(s: string): string {
  return stripSpaces(toHalfWidth(s.normalize('NFC')));
}

/** A single division character a joint notice writes for "this city's" (舞钢市医疗保障局和市市场监督管理局). */
const SHORTHAND_DIVISION = /^[省市县区旗州盟]/;

/**
 * The 单位 without its 行政区划 prefix: what two spellings of one bureau share.
 *
 * @param s - a 单位 as written
 * @returns the department part (the whole normalised name when no division leads)
 * @example unitKey('邢台市市场监督管理局') // '市场监督管理局'
 * @example unitKey('市市场监督管理局') // '市场监督管理局'
 */
export function unitKey(s: string): string {
  const name = normalizeUnitName(s);
  // 市场监督管理局 starts with 市: a known department stem first, then the shorthand, then a division.
  if (startsWithKnownDepartment(name)) return name;
  if (SHORTHAND_DIVISION.test(name) && startsWithKnownDepartment(name.slice(1))) return name.slice(1);
  const { division, department } = splitDivisionDepartment(name);
  return division !== '' && department.length >= 2 ? department : name;
}

/**
 * Splits a 单位 into 行政区划 and 部门.
 *
 * @param s - a 单位 as written
 * @returns division ('' when none leads) and department
 * @example splitUnitName('邢台市医疗保障局') // { division: '邢台市', department: '医疗保障局' }
 */
export function splitUnitName(s: string): { division: string; department: string } {
  const name = normalizeUnitName(s);
  if (startsWithKnownDepartment(name)) return { division: '', department: name };
  return splitDivisionDepartment(name);
}

/**
 * Whether two 单位 names name the same bureau: equal after normalisation, or equal once the
 * 行政区划 prefix is left off either.
 *
 * @param a - a 单位 as written
 * @param b - another
 * @returns true for the same bureau
 * @example isSameUnit('邢台市医疗保障局', '医疗保障局') // true
 * @example isSameUnit('邢台市医疗保障局', '承德县医疗保障局') // false (both name their division)
 */
export function isSameUnit(a: string, b: string): boolean {
  const x = normalizeUnitName(a);
  const y = normalizeUnitName(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const kx = unitKey(x);
  const ky = unitKey(y);
  if (kx !== ky) return false;
  // Two different divisions (承德县 vs 邢台市) are two bureaus; a side without a division, or with
  // the one-character shorthand (市…), names the same one.
  const prefixOf = (full: string, key: string): number => full.length - key.length;
  return prefixOf(x, kx) <= 1 || prefixOf(y, ky) <= 1;
}

/**
 * Whether two 科室 names are the same section: equal after white space and full-width
 * normalisation, nothing looser.
 *
 * @param a - a 科室 as written
 * @param b - another
 * @returns true only for the same name
 * @example isSameSection('基金监管科', '基金监管科 ') // true
 * @example isSameSection('医疗保险基金监管科', '基金监管科') // false
 */
export function isSameSection(a: string, b: string): boolean {
  const x = normalizeUnitName(a);
  return x !== '' && x === normalizeUnitName(b);
}
