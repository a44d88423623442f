/**
 * Checks credit classes (信用等级) against the set the bureau keeps in its settings
 * (`低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)`): a target whose class is spelled another way,
 * or a ratio naming a class the bureau does not have, draws nobody or leaves someone out.
 */
import { normalizeCode } from '../text';
import { classKey } from './_lib/classKey';
import type { RatioClass } from './parseRatio';
import type { RuleFinding } from './ruleFinding';

/** One class of the bureau's set: the letter (`A`) and its risk wording (`低`). */
export type CreditClassSetting = { label: string; cls: string };

/** A class as the draw reads a directory cell: full-width, spaces and case normalised, a trailing 级/类 dropped. */
function canonical(s: string): string {
  return normalizeCode(s).replace(/[级类]$/, '');
}

/**
 * The bureau's set as written in messages: `低(A)、中(B)、中高(C)、高(D)`.
 * @param classes - the bureau's classes
 * @returns one text, the classes joined by `、`
 * @example formatCreditClasses([{ label: '低', cls: 'A' }]) // '低(A)'
 */
export function formatCreditClasses(classes: readonly CreditClassSetting[]): string {
  return classes.map((c) => (c.label && c.label !== c.cls ? `${c.label}(${c.cls})` : c.cls)).join('、');
}

/** The one class a value loosely names (`低风险` → 低, `A等级` → A, `低(A)` → A), with the form to write; null when none or several. */
function obviousMatch(value: string, classes: readonly CreditClassSetting[]): string | null {
  const keys = new Set(
    [value, ...value.split(/[()（）[\]【】、,，/／\s]+/)].map(classKey).filter((k) => k !== ''),
  );
  const hits = new Map<CreditClassSetting, string>();
  for (const c of classes) {
    if (keys.has(classKey(c.cls))) hits.set(c, c.cls);
    else if (c.label && keys.has(classKey(c.label))) hits.set(c, c.label);
  }
  return hits.size === 1 ? [...hits.values()][0]! : null;
}

/**
 * Checks one 信用等级 cell of the target directory against the bureau's classes. The value is
 * read as the draw reads it (full-width `Ａ`, spaces, `a`, `A级`, `A类` are `A`) and must then be
 * a class letter or a label of the set, exactly as the set writes it.
 *
 * @param value - the cell text; empty is not checked here
 * @param classes - the bureau's classes (settings); empty means no set is configured
 * @returns one `CREDIT_CLASS_NOT_IN_SETTINGS` warning, with the class to write as suggestion when one is obvious; or nothing
 * @example checkCreditClass('低风险', [{ label: '低', cls: 'A' }])[0]?.suggestion // '低'
 * @example checkCreditClass('Ａ', [{ label: '低', cls: 'A' }]) // []
 */
export function checkCreditClass(value: string, classes: readonly CreditClassSetting[]): RuleFinding[] {
  const v = canonical(value);
  if (v === '' || classes.length === 0) return [];
  const accepted = new Set(
    classes.flatMap((c) => [canonical(c.cls), canonical(c.label)]).filter((k) => k !== ''),
  );
  if (accepted.has(v)) return [];
  const suggestion = obviousMatch(value, classes);
  const shown = value.trim();
  return [
    {
      severity: 'warning',
      code: 'CREDIT_CLASS_NOT_IN_SETTINGS',
      message:
        `信用等级“${shown}”不在本局设置的信用等级中（设置为：${formatCreditClasses(classes)}）；按信用等级抽取时，这个对象可能抽不到` +
        (suggestion !== null
          ? `。请改为“${suggestion}”`
          : '。请改为设置中的等级；如本局确有此等级，请先在设置中添加'),
      ...(suggestion !== null ? { suggestion } : {}),
    },
  ];
}

/**
 * Checks the classes of a by-class 抽查比例 against the bureau's set: a class letter the set does
 * not have (or, without a letter, a label it does not have) names targets the directory is not
 * meant to hold. Labels are compared loosely (`低风险` is `低`).
 *
 * @param ratioClasses - the classes from `parseRatio`
 * @param classes - the bureau's classes (settings); empty means no set is configured
 * @returns `RATIO_CLASS_NOT_IN_SETTINGS` warnings, one per class outside the set
 * @example checkRatioClassesInSettings([{ label: '很高', cls: 'E', basisPoints: 3000 }], [{ label: '低', cls: 'A' }])[0]?.code
 * // 'RATIO_CLASS_NOT_IN_SETTINGS'
 */
export function checkRatioClassesInSettings(
  ratioClasses: readonly RatioClass[],
  classes: readonly CreditClassSetting[],
): RuleFinding[] {
  if (classes.length === 0) return [];
  const letters = new Set(classes.map((c) => classKey(c.cls)));
  const labels = new Set(classes.map((c) => classKey(c.label)).filter((k) => k !== ''));
  const out: RuleFinding[] = [];
  for (const rc of ratioClasses) {
    const hasLetter = /^[A-Z]$/.test(rc.cls);
    const known = hasLetter
      ? letters.has(rc.cls)
      : labels.has(classKey(rc.cls)) || letters.has(classKey(rc.cls));
    if (known) continue;
    const name = rc.label && rc.label !== rc.cls ? `“${rc.cls}”（${rc.label}）` : `“${rc.cls}”`;
    out.push({
      severity: 'warning',
      code: 'RATIO_CLASS_NOT_IN_SETTINGS',
      message: `抽查比例中的信用等级${name}不在本局设置的信用等级中（设置为：${formatCreditClasses(classes)}）；名录库按设置标注等级，按此等级抽不到对象。请核对等级，或先在设置中添加该等级`,
    });
  }
  return out;
}
