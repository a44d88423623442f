import { stripSpaces, toHalfWidth } from '../text';
import { NUMBER_PATTERN, parseChineseNumber } from './_lib/parseChineseNumber';
import { toRuleResult, type RuleFinding, type RuleResult } from './ruleFinding';

/** 抽查频次 as inspections per year. */
export type Frequency = { perYear: number };

/** `(pattern, times per year for n)` — n is the number written in the text. */
const RULES: readonly { pattern: RegExp; perYear: (n: number) => number }[] = [
  {
    pattern: new RegExp(`^(?:每年|一年|全年|年度|每年度)(?:度)?(?:抽查|检查)?(?:共)?(${NUMBER_PATTERN})次$`),
    perYear: (n) => n,
  },
  { pattern: new RegExp(`^(${NUMBER_PATTERN})次/年$`), perYear: (n) => n },
  { pattern: new RegExp(`^每半年(?:抽查|检查)?(${NUMBER_PATTERN})次$`), perYear: (n) => 2 * n },
  { pattern: new RegExp(`^每季度?(?:抽查|检查)?(${NUMBER_PATTERN})次$`), perYear: (n) => 4 * n },
  { pattern: new RegExp(`^每(?:个)?月(?:抽查|检查)?(${NUMBER_PATTERN})次$`), perYear: (n) => 12 * n },
  {
    pattern: new RegExp(`^(?:上半年[、,和及]?下半年|上、下半年|上下半年)各(${NUMBER_PATTERN})次$`),
    perYear: (n) => 2 * n,
  },
];

/**
 * Reads a 抽查频次 into inspections per year: `每年2次`, `每年两次`, `上半年、下半年各一次` (2),
 * `每半年一次` (2), `每季度一次` (4), `每月一次` (12). Frequency is advisory, so an unreadable
 * or empty value is a warning, not an error.
 *
 * @param text - the cell text
 * @returns `{ perYear }`, or warnings with codes `FREQUENCY_…`
 * @example parseFrequency('上半年、下半年各一次') // { ok: true, value: { perYear: 2 }, findings: [] }
 */
export function parseFrequency(text: string): RuleResult<Frequency> {
  const s = stripSpaces(toHalfWidth(text));
  if (s === '') {
    return toRuleResult<Frequency>(undefined, [
      {
        severity: 'warning',
        code: 'FREQUENCY_MISSING',
        message: '抽查频次为空；请填写如“每年2次”或“上半年、下半年各一次”',
      },
    ]);
  }
  for (const rule of RULES) {
    const m = rule.pattern.exec(s);
    const n = m ? parseChineseNumber(m[1] ?? '') : null;
    if (n === null) continue;
    const perYear = rule.perYear(n);
    const findings: RuleFinding[] =
      perYear <= 0
        ? [
            {
              severity: 'warning',
              code: 'FREQUENCY_ZERO',
              message: `抽查频次“${text.trim()}”为0次；随机抽查每年至少安排1次，请核对`,
            },
          ]
        : [];
    return toRuleResult({ perYear }, findings);
  }
  return toRuleResult<Frequency>(undefined, [
    {
      severity: 'warning',
      code: 'FREQUENCY_UNRECOGNISED',
      message: `抽查频次“${text.trim()}”无法识别，未计入年度次数；请写作如“每年2次”“每季度一次”或“上半年、下半年各一次”`,
    },
  ]);
}
