/**
 * Free sheet names, the way Excel compares them (without case, at most 31 characters). Shared by
 * the task pane and the CLI so that both name a new sheet the same way.
 */

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
  if (!taken.has(base.toLowerCase())) return base.slice(0, 31);
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
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
