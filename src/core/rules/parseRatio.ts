import type { CellValue } from '../grid';
import { stripSpaces, toHalfWidth } from '../text';
import { scaleDecimal, scaleNumber, type ScaledInt } from './_lib/decimal';
import { classKey } from './_lib/classKey';
import { parseChineseNumber } from './_lib/parseChineseNumber';
import { toRuleResult, type RuleFinding, type RuleResult } from './ruleFinding';

/** One credit class of a by-class ratio: `低(A、1%)` is `{ label: '低', cls: 'A', basisPoints: 100 }`. */
export type RatioClass = {
  /** The risk wording before the class, when written (`低`, `中高`). */
  label?: string;
  /** The class as the target directory's 信用等级 column should hold it (`A`); the label when no letter is written. */
  cls: string;
  basisPoints: number;
};

/** 抽查比例 in basis points (500 = 5 %): one ratio, or one per credit class. */
export type Ratio = { kind: 'plain'; basisPoints: number } | { kind: 'byClass'; classes: RatioClass[] };

const MAX_BP = 10000;
const EXAMPLES = '如“5%”，或按信用等级“低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)”';

/**
 * A ratio in basis points as a percentage text, without floating point.
 *
 * @param basisPoints - an integer, 500 for 5 %
 * @returns `5%`, `12.5%`, `0.05%`
 * @example formatBasisPoints(1250) // '12.5%'
 */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const frac = String(Math.abs(basisPoints % 100))
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

function err(code: string, message: string, suggestion?: string): RuleFinding {
  return { severity: 'error', code, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

function warn(code: string, message: string, suggestion?: string): RuleFinding {
  return { severity: 'warning', code, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/** Range and precision findings for one ratio. `what` names it in messages (`抽查比例`, `A类的抽查比例`). */
function judgeScaled(scaled: ScaledInt, what: string, shown: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (scaled.rounded) {
    out.push(
      warn(
        'RATIO_PRECISION',
        `${what}“${shown}”超出0.01%的精度，按${formatBasisPoints(scaled.value)}处理`,
        formatBasisPoints(scaled.value),
      ),
    );
  }
  if (scaled.value <= 0)
    out.push(err('RATIO_OUT_OF_RANGE', `${what}“${shown}”必须大于0%；请填写实际抽查的比例，如“5%”`));
  if (scaled.value > MAX_BP)
    out.push(err('RATIO_OUT_OF_RANGE', `${what}“${shown}”超过了100%；比例只能在0%到100%之间`));
  return out;
}

function plain(scaled: ScaledInt, findings: readonly RuleFinding[], shown: string): RuleResult<Ratio> {
  return toRuleResult<Ratio>({ kind: 'plain', basisPoints: scaled.value }, [
    ...findings,
    ...judgeScaled(scaled, '抽查比例', shown),
  ]);
}

/** A number without a percent sign: below 1 is a fraction (0.05 = 5 %), otherwise a percentage. */
function bareNumber(decimal: string, shown: string): RuleResult<Ratio> {
  const asFraction = Number(decimal) < 1;
  const scaled = scaleDecimal(decimal, asFraction ? 4 : 2);
  if (!scaled)
    return toRuleResult<Ratio>(undefined, [
      err('RATIO_UNRECOGNISED', `抽查比例“${shown}”无法识别；${EXAMPLES}`),
    ]);
  const pct = formatBasisPoints(scaled.value);
  const finding = asFraction
    ? warn(
        'RATIO_FRACTION_ASSUMED',
        `抽查比例“${shown}”没有百分号，按小数理解为${pct}；请写作“${pct}”或把单元格设为百分比格式`,
        pct,
      )
    : warn('RATIO_PERCENT_SIGN_MISSING', `抽查比例“${shown}”没有百分号，按${pct}理解；请写作“${pct}”`, pct);
  return plain(scaled, [finding], shown);
}

const NUM = '(\\d+(?:\\.\\d+)?)';
/** `低(A、1%)`, `低风险(A类,1%)`, `(A、1%)`, `低(1%)` */
const CLASS_IN_PARENS = new RegExp(`([\\u4e00-\\u9fa5]*)\\(([A-Z])?(?:类|级)?[、,:;]?${NUM}%\\)`, 'y');
/** `A类1%`, `A 1%`, `A:1%`, `A级:1%` */
const CLASS_LETTER = new RegExp(`([A-Z])(?:类|级)?:?${NUM}%`, 'y');
/** `低风险1%`, `低风险类:1%` */
const CLASS_LABEL = new RegExp(`([\\u4e00-\\u9fa5]+?)(?:类|级)?:?${NUM}%`, 'y');
const SEPARATOR = /[、,;/和及]+/y;

type ClassItem = { label?: string; cls: string; decimal: string; letter: boolean };

/** Reads the by-class form item by item; null when something is left over that is not an item. */
function tokenizeClasses(s: string): { items: ClassItem[]; leftover?: string } {
  const items: ClassItem[] = [];
  let p = 0;
  while (p < s.length) {
    SEPARATOR.lastIndex = p;
    if (SEPARATOR.exec(s)) {
      p = SEPARATOR.lastIndex;
      continue;
    }
    let matched = false;
    for (const re of [CLASS_IN_PARENS, CLASS_LETTER, CLASS_LABEL]) {
      re.lastIndex = p;
      const m = re.exec(s);
      if (!m) continue;
      if (re === CLASS_IN_PARENS) {
        const label = m[1] ?? '';
        const letter = m[2];
        if (!letter && label === '') break;
        items.push({
          ...(label !== '' ? { label } : {}),
          cls: letter ?? label,
          decimal: m[3] ?? '',
          letter: letter !== undefined,
        });
      } else if (re === CLASS_LETTER) {
        items.push({ cls: m[1] ?? '', decimal: m[2] ?? '', letter: true });
      } else {
        items.push({ label: m[1] ?? '', cls: m[1] ?? '', decimal: m[2] ?? '', letter: false });
      }
      p = re.lastIndex;
      matched = true;
      break;
    }
    if (!matched) return { items, leftover: s.slice(p) };
  }
  return { items };
}

function byClass(s: string, shown: string): RuleResult<Ratio> | null {
  const { items, leftover } = tokenizeClasses(s);
  if (items.length === 0 || (items.length === 1 && !items[0]?.letter)) return null;
  if (leftover !== undefined) {
    return toRuleResult<Ratio>(undefined, [
      err(
        'RATIO_UNRECOGNISED',
        `按信用等级的抽查比例“${shown}”中“${leftover}”无法识别；请写作“低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)”这样的形式`,
      ),
    ]);
  }
  const findings: RuleFinding[] = [];
  const classes: RatioClass[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const scaled = scaleDecimal(item.decimal, 2);
    if (!scaled) return null;
    const name = item.label && item.label !== item.cls ? `${item.label}(${item.cls})` : item.cls;
    findings.push(...judgeScaled(scaled, `信用等级${name}的抽查比例`, `${item.decimal}%`));
    if (seen.has(item.cls)) {
      findings.push(
        err('RATIO_CLASS_DUPLICATE', `抽查比例中信用等级“${item.cls}”出现了不止一次；每个等级只写一个比例`),
      );
    }
    seen.add(item.cls);
    classes.push({
      ...(item.label !== undefined ? { label: item.label } : {}),
      cls: item.cls,
      basisPoints: scaled.value,
    });
  }
  return toRuleResult<Ratio>({ kind: 'byClass', classes }, findings);
}

/**
 * Reads a 抽查比例 into basis points (500 = 5 %), never through floating-point arithmetic:
 * `5%`, `5 %`, `５％`, a percent cell holding 0.05, `10` (assumed 10 %, warning), `0.05` without
 * a percent sign (assumed 5 %, warning), or the credit-class form
 * `低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)` (also `A类1%，B类3%` and `A 1%、B 3%`).
 * Each ratio must be in (0, 100 %]. `百分之五` is rejected with `5%` as suggestion.
 *
 * @param text - the displayed cell text
 * @param rawValue - the raw cell value; a number is used exactly as stored (0.07 gives 700)
 * @returns `{ kind: 'plain', basisPoints }` or `{ kind: 'byClass', classes }`, or findings with codes `RATIO_…`
 * @example parseRatio('5%') // { ok: true, value: { kind: 'plain', basisPoints: 500 }, findings: [] }
 * @example parseRatio('7%', 0.07) // { ok: true, value: { kind: 'plain', basisPoints: 700 }, findings: [] }
 * @example parseRatio('低(A、1%)、高(D、20%)').ok // true, classes A = 100 and D = 2000
 */
export function parseRatio(text: string, rawValue?: CellValue): RuleResult<Ratio> {
  const shown = text.trim() || (rawValue === null || rawValue === undefined ? '' : String(rawValue));
  const s = stripSpaces(toHalfWidth(text)).replace(/[﹪]/g, '%').replace(/（/g, '(').replace(/）/g, ')');

  if (typeof rawValue === 'number') {
    if (s.includes('%')) {
      const scaled = scaleNumber(rawValue, 4);
      if (scaled) return plain(scaled, [], shown);
    } else {
      const decimal = String(rawValue);
      if (rawValue >= 0 && /^\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(decimal)) return bareNumber(decimal, shown);
    }
    if (rawValue < 0) {
      return toRuleResult<Ratio>(undefined, [
        err('RATIO_OUT_OF_RANGE', `抽查比例“${shown}”必须大于0%；请填写实际抽查的比例，如“5%”`),
      ]);
    }
  }
  if (s === '') {
    return toRuleResult<Ratio>(undefined, [err('RATIO_MISSING', `抽查比例为空；请填写百分比，${EXAMPLES}`)]);
  }
  const pct = new RegExp(`^${NUM}%$`).exec(s);
  if (pct) {
    const scaled = scaleDecimal(pct[1] ?? '', 2);
    if (scaled) return plain(scaled, [], shown);
  }
  const bare = new RegExp(`^${NUM}$`).exec(s);
  if (bare) return bareNumber(bare[1] ?? '', shown);

  const chinese = /^百分之(.+)$/.exec(s);
  if (chinese) {
    const n = parseChineseNumber(chinese[1] ?? '');
    const suggestion = n !== null ? `${n}%` : undefined;
    return toRuleResult<Ratio>(undefined, [
      err(
        'RATIO_CHINESE_NUMERALS',
        `抽查比例“${shown}”请用阿拉伯数字加百分号填写${suggestion ? `，写作“${suggestion}”` : '，如“5%”'}`,
        suggestion,
      ),
    ]);
  }
  const classes = byClass(s, shown);
  if (classes) return classes;
  return toRuleResult<Ratio>(undefined, [
    err('RATIO_UNRECOGNISED', `抽查比例“${shown}”无法识别；${EXAMPLES}`),
  ]);
}

/**
 * Checks the classes of a by-class ratio against the 信用等级 values in the target directory:
 * a class missing from the directory draws nobody (usually a naming mismatch), and a directory
 * class without a ratio is never drawn. Names are compared loosely (`A`, `A类`, `A级`; `低`, `低风险`),
 * by class letter or by label.
 *
 * @param classes - the classes from {@link parseRatio}
 * @param classesInDirectory - the distinct values of the directory's 信用等级 column
 * @returns warnings with codes `RATIO_CLASS_NOT_IN_DIRECTORY`, `RATIO_CLASS_NOT_COVERED`, `RATIO_DIRECTORY_NO_CLASSES`
 * @example checkRatioClasses([{ label: '低', cls: 'A', basisPoints: 100 }], ['A', 'B'])[0]?.code
 * // 'RATIO_CLASS_NOT_COVERED'
 */
export function checkRatioClasses(
  classes: readonly RatioClass[],
  classesInDirectory: readonly string[],
): RuleFinding[] {
  const directory = [...new Set(classesInDirectory.map((c) => c.trim()).filter((c) => c !== ''))];
  if (directory.length === 0) {
    return [
      warn(
        'RATIO_DIRECTORY_NO_CLASSES',
        '抽查比例按信用等级填写，但检查对象名录库中没有填写信用等级；请在名录库补充“信用等级”列，否则无法按等级抽取',
      ),
    ];
  }
  const keysOf = (c: RatioClass) => [classKey(c.cls), ...(c.label ? [classKey(c.label)] : [])];
  const dirKeys = new Set(directory.map(classKey));
  const findings: RuleFinding[] = [];
  for (const c of classes) {
    if (!keysOf(c).some((k) => dirKeys.has(k))) {
      const name = c.label && c.label !== c.cls ? `“${c.cls}”（${c.label}）` : `“${c.cls}”`;
      findings.push(
        warn(
          'RATIO_CLASS_NOT_IN_DIRECTORY',
          `抽查比例中的信用等级${name}在检查对象名录库的信用等级列中没有（名录库中有：${directory.join('、')}）；按此等级抽不到任何对象，请核对等级名称`,
        ),
      );
    }
  }
  const ratioKeys = new Set(classes.flatMap(keysOf));
  for (const d of directory) {
    if (!ratioKeys.has(classKey(d))) {
      findings.push(
        warn(
          'RATIO_CLASS_NOT_COVERED',
          `检查对象名录库中信用等级为“${d}”的对象在抽查比例中没有对应比例，不会被抽到；如需抽查，请在抽查比例中补上该等级`,
        ),
      );
    }
  }
  return findings;
}
