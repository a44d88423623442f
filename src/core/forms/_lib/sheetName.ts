/** Excel's sheet name rules: at most 31 characters, none of `\ / ? * [ ] :`, no leading/trailing `'`. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * Makes any text usable inside a sheet name: forbidden characters become `_`, spaces go.
 * @param s any text
 * @returns the text without `\ / ? * [ ] :`, white space or edge apostrophes
 * @example cleanSheetNamePart('舞钢/市 医院') // '舞钢_市医院'
 */
export function cleanSheetNamePart(s: string): string {
  return s
    .replace(FORBIDDEN, '_')
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
