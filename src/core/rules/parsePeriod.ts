import type { CellValue } from '../grid';
import { stripSpaces, toHalfWidth } from '../text';
import { excelSerialToYearMonth } from './_lib/excelSerial';
import { parseChineseNumber } from './_lib/parseChineseNumber';
import { toRuleResult, type RuleFinding, type RuleResult } from './ruleFinding';

/**
 * 抽查时间 as months of one year. `year` is absent when neither the cell nor the plan gives one.
 * `months` lists the months when the cell names single months (`2025年6、9月`), not a range; then
 * `startMonth` and `endMonth` are the first and the last of them.
 */
export type Period = { year?: number; startMonth: number; endMonth: number; months?: number[] };

/** Excel serials of 2000-01-01 and 2100-01-01: a number in between is taken as a date cell. */
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73051;

const SIDE = '(?:(\\d{4})(年|[./-]))?(\\d{1,2})(月(?:\\d{1,2}[日号])?)?';
const RANGE = new RegExp(`^${SIDE}(?:[~-]${SIDE})?$`);
const YEAR_PREFIX = '(?:(\\d{4})年?度?)?';
/** Single months listed: `6、9月`, `6月、9月`, `3、6和9月` (after the year). */
const MONTH_LIST = /^(?:(\d{4})年)?((?:\d{1,2}月?[、,和及])+\d{1,2})月$/;
const EXAMPLES = '如“2022年6-11月”“2025年3月至10月”“2024年6月”';

/** Vague periods people write instead of months, with the months they stand for. */
const VAGUE: readonly { pattern: RegExp; months: [number, number]; what: string }[] = [
  {
    pattern: new RegExp(
      `^${YEAR_PREFIX}(?:上半年、?下半年|上、下半年|上下半年|上半年和下半年|全年|全年度)?$`,
    ),
    months: [1, 12],
    what: '全年',
  },
  { pattern: new RegExp(`^${YEAR_PREFIX}上半年$`), months: [1, 6], what: '上半年' },
  { pattern: new RegExp(`^${YEAR_PREFIX}下半年$`), months: [7, 12], what: '下半年' },
  ...[1, 2, 3, 4].map((q) => ({
    pattern: new RegExp(`^${YEAR_PREFIX}第?[${'一二三四'.charAt(q - 1)}${q}]季度?$`),
    months: [q * 3 - 2, q * 3] as [number, number],
    what: `第${'一二三四'.charAt(q - 1)}季度`,
  })),
  ...[1, 2, 3, 4].map((q) => ({
    pattern: new RegExp(`^${YEAR_PREFIX}Q${q}$`, 'i'),
    months: [q * 3 - 2, q * 3] as [number, number],
    what: `第${'一二三四'.charAt(q - 1)}季度`,
  })),
];

/**
 * The standard text of a period: `2022年6-11月`, `2024年6月`, or without the year.
 *
 * @param period - the months and, when known, the year
 * @returns the text to write in the 抽查时间 cell
 * @example formatPeriod({ year: 2022, startMonth: 6, endMonth: 11 }) // '2022年6-11月'
 */
export function formatPeriod(period: Period): string {
  const months =
    period.months !== undefined && period.months.length > 1
      ? `${period.months.join('、')}月`
      : period.startMonth === period.endMonth
        ? `${period.startMonth}月`
        : `${period.startMonth}-${period.endMonth}月`;
  return `${period.year !== undefined ? `${period.year}年` : ''}${months}`;
}

function err(code: string, message: string, suggestion?: string): RuleFinding {
  return { severity: 'error', code, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/** Chinese month numerals (`六月至十一月`) to digits; null when none were there. */
function arabicMonths(s: string): string | null {
  let changed = false;
  const out = s.replace(/([〇一二三四五六七八九十]{1,3})(?=月)/g, (all, cn: string) => {
    const n = parseChineseNumber(cn);
    if (n === null) return all;
    changed = true;
    return String(n);
  });
  return changed ? out : null;
}

/** Checks months, order, year agreement; returns the period and findings. */
function judge(
  shown: string,
  y1: number | undefined,
  y2: number | undefined,
  start: number,
  end: number,
  planYear: number | undefined,
  extra: readonly RuleFinding[],
): RuleResult<Period> {
  const findings: RuleFinding[] = [...extra];
  const written = y1 ?? y2;
  if (start < 1 || start > 12 || end < 1 || end > 12) {
    const bad = start < 1 || start > 12 ? start : end;
    findings.push(
      err('PERIOD_MONTH_OUT_OF_RANGE', `抽查时间“${shown}”中的月份${bad}不存在，月份只能是1-12，请改正`),
    );
    return toRuleResult<Period>(undefined, findings);
  }
  if (y1 !== undefined && y2 !== undefined && y1 !== y2) {
    findings.push(
      err(
        'PERIOD_CROSSES_YEAR',
        `抽查时间“${shown}”跨了年度（${y1}年到${y2}年）；年度抽查计划的时间应在同一年内，请改为本年度内的月份，跨年的部分列入下一年度计划`,
      ),
    );
    return toRuleResult<Period>(undefined, findings);
  }
  const year = written ?? planYear;
  if (start > end) {
    findings.push(
      err(
        'PERIOD_START_AFTER_END',
        `抽查时间“${shown}”的开始月份${start}晚于结束月份${end}；请把先开始的月份写在前面`,
        formatPeriod({ ...(year !== undefined ? { year } : {}), startMonth: end, endMonth: start }),
      ),
    );
    return toRuleResult<Period>(undefined, findings);
  }
  const fixed = formatPeriod({
    ...(planYear !== undefined ? { year: planYear } : {}),
    startMonth: start,
    endMonth: end,
  });
  if (written !== undefined && planYear !== undefined && written !== planYear) {
    findings.push(
      err(
        'PERIOD_YEAR_MISMATCH',
        `抽查时间“${shown}”的年度${written}与抽查计划的年度${planYear}不一致，请核对`,
        fixed,
      ),
    );
  }
  if (written === undefined && planYear !== undefined) {
    findings.push({
      severity: 'warning',
      code: 'PERIOD_YEAR_MISSING',
      message: `抽查时间“${shown}”没有写年度，按计划年度${planYear}年理解；建议写作“${fixed}”`,
      suggestion: fixed,
    });
  }
  return toRuleResult<Period>(
    { ...(year !== undefined ? { year } : {}), startMonth: start, endMonth: end },
    findings,
  );
}

/**
 * A number cell that is not a date: Excel stores a typed `2025.10` as the number 2025.1, the same as
 * a typed `2025.1`, so `.1` cannot be told from October and is never read as January. Other months
 * (`2025.6`) are read, with a warning that the next edit may lose them the same way.
 */
function readNumericCell(shown: string, rawValue: CellValue | undefined, planYear: number | undefined): RuleResult<Period> | null {
  if (typeof rawValue !== 'number' || Number.isInteger(rawValue) || rawValue < 1900 || rawValue >= 2100) return null;
  const [yearText, fraction = ''] = String(rawValue).split('.');
  const year = Number(yearText);
  if (fraction === '1') {
    return toRuleResult<Period>(undefined, [
      err(
        'PERIOD_AMBIGUOUS_NUMBER',
        `抽查时间“${shown}”是数字单元格：Excel 把输入的“${year}.10”和“${year}.1”都存成 ${year}.1，看不出是1月还是10月；` +
          `请把单元格设为文本，按实际写作“${year}年10月”或“${year}年1月”`,
      ),
    ]);
  }
  const month = Number(fraction);
  if (!/^\d{1,2}$/.test(fraction) || month < 1 || month > 12) return null;
  const fixed = formatPeriod({ year, startMonth: month, endMonth: month });
  const warning: RuleFinding = {
    severity: 'warning',
    code: 'PERIOD_NUMBER_CELL',
    message: `抽查时间“${shown}”是数字单元格，按${fixed}理解；数字单元格会把“${year}.10”存成“${year}.1”，请写作“${fixed}”`,
    suggestion: fixed,
  };
  return judge(shown, year, undefined, month, month, planYear, [warning]);
}

/** Single months listed (`2025年6、9月`): filled to the month, so accepted as they are. */
function readMonthList(
  shown: string,
  match: RegExpExecArray,
  planYear: number | undefined,
  extra: readonly RuleFinding[],
): RuleResult<Period> {
  const months = (match[2] ?? '').split(/[、,和及]/).map((part) => Number(part.replace('月', '')));
  const bad = months.find((n) => n < 1 || n > 12);
  if (bad !== undefined) {
    return toRuleResult<Period>(undefined, [
      ...extra,
      err('PERIOD_MONTH_OUT_OF_RANGE', `抽查时间“${shown}”中的月份${bad}不存在，月份只能是1-12，请改正`),
    ]);
  }
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const year = match[1] !== undefined ? Number(match[1]) : undefined;
  const judged = judge(shown, year, undefined, sorted[0] ?? 1, sorted[sorted.length - 1] ?? 12, planYear, extra);
  // judge words its suggestions as a range; a list keeps its months.
  const yearPart = planYear !== undefined ? { year: planYear } : {};
  const first = sorted[0] ?? 1;
  const last = sorted[sorted.length - 1] ?? 12;
  const asRange = formatPeriod({ ...yearPart, startMonth: first, endMonth: last });
  const asList = formatPeriod({ ...yearPart, startMonth: first, endMonth: last, months: sorted });
  const findings = judged.findings.map((f) =>
    f.suggestion !== undefined && !extra.includes(f)
      ? { ...f, message: f.message.replace(`“${asRange}”`, `“${asList}”`), suggestion: asList }
      : f,
  );
  return judged.ok ? { ...judged, findings, value: { ...judged.value, months: sorted } } : { ...judged, findings };
}

/**
 * Reads a 抽查时间, which must name months ("必须填写到月份"): `2022年6-11月`, `2025年3月至10月`,
 * `2024年6月—9月`, `2024.6-2024.9`, `2024-06至2024-09`, `6-11月`, single months `2025年6、9月`,
 * full-width digits and spaces included, or a date cell (its month). A number cell 2025.1 is refused
 * as ambiguous (Excel makes 2025.1 of a typed 2025.10). `2022年`, `全年`, `上半年`, `下半年`, `第二季度` are
 * rejected with the month range as suggestion. When the year is missing and `planYear` is known,
 * the period takes the plan's year, with a warning.
 *
 * @param text - the displayed cell text
 * @param rawValue - the raw cell value: an Excel serial date number is read as its month
 * @param planYear - the plan's year, from the plan number or name
 * @returns the year and months, or findings with codes `PERIOD_…`
 * @example parsePeriod('2022 年 6-11 月') // { ok: true, value: { year: 2022, startMonth: 6, endMonth: 11 }, findings: [] }
 * @example parsePeriod('下半年', null, 2024).findings[0]?.suggestion // '2024年7-12月'
 */
export function parsePeriod(text: string, rawValue?: CellValue, planYear?: number): RuleResult<Period> {
  const shown = text.trim();
  if (typeof rawValue === 'number' && rawValue >= SERIAL_2000 && rawValue < SERIAL_2100) {
    const ym = excelSerialToYearMonth(rawValue);
    if (ym)
      return judge(
        shown || formatPeriod({ year: ym.year, startMonth: ym.month, endMonth: ym.month }),
        ym.year,
        undefined,
        ym.month,
        ym.month,
        planYear,
        [],
      );
  }
  const numeric = readNumericCell(shown, rawValue, planYear);
  if (numeric !== null) return numeric;
  let s = stripSpaces(toHalfWidth(text))
    .replace(/[—–―─~〜至到]+/g, '~')
    .replace(/月份/g, '月')
    .replace(/年度(?=\d)/, '年');
  if (s === '') {
    return toRuleResult<Period>(undefined, [
      err('PERIOD_MISSING', `抽查时间为空；必须填写到月份，${EXAMPLES}`),
    ]);
  }
  const extra: RuleFinding[] = [];
  const arabic = arabicMonths(s);
  if (arabic !== null) s = arabic;

  for (const vague of VAGUE) {
    const m = vague.pattern.exec(s);
    if (!m) continue;
    const year = m[1] !== undefined ? Number(m[1]) : planYear;
    const [startMonth, endMonth] = vague.months;
    const suggestion = formatPeriod({ ...(year !== undefined ? { year } : {}), startMonth, endMonth });
    return toRuleResult<Period>(undefined, [
      err(
        'PERIOD_NOT_MONTHS',
        `抽查时间“${shown}”没有写到月份；必须填写到月份，${vague.what}请写作“${suggestion}”`,
        suggestion,
      ),
    ]);
  }

  const list = MONTH_LIST.exec(s);
  if (list) return readMonthList(shown, list, planYear, extra);

  const m = RANGE.exec(s);
  if (!m) {
    return toRuleResult<Period>(undefined, [
      err('PERIOD_UNRECOGNISED', `抽查时间“${shown}”无法识别；必须填写到月份，${EXAMPLES}`),
    ]);
  }
  const [, y1, sep1, m1, unit1, y2, sep2, m2, unit2] = m;
  const start = Number(m1);
  const end = m2 !== undefined ? Number(m2) : start;
  const year1 = y1 !== undefined ? Number(y1) : undefined;
  const year2 = y2 !== undefined ? Number(y2) : undefined;
  const namesMonth =
    unit1 !== undefined ||
    unit2 !== undefined ||
    (sep1 !== undefined && sep1 !== '年') ||
    (sep2 !== undefined && sep2 !== '年');
  if (!namesMonth) {
    const year = year1 ?? year2 ?? planYear;
    const suggestion =
      start >= 1 && end <= 12 && start <= end
        ? formatPeriod({ ...(year !== undefined ? { year } : {}), startMonth: start, endMonth: end })
        : undefined;
    return toRuleResult<Period>(undefined, [
      err(
        'PERIOD_NOT_MONTHS',
        `抽查时间“${shown}”没有写“月”，看不出是月份；必须填写到月份${suggestion ? `，如“${suggestion}”` : `，${EXAMPLES}`}`,
        suggestion,
      ),
    ]);
  }
  if (arabic !== null) {
    const year = year1 ?? year2 ?? planYear;
    const fixed = formatPeriod({ ...(year !== undefined ? { year } : {}), startMonth: start, endMonth: end });
    extra.push({
      severity: 'warning',
      code: 'PERIOD_CHINESE_NUMERALS',
      message: `抽查时间“${shown}”的月份用了汉字数字，请改用阿拉伯数字，如“${fixed}”`,
      suggestion: fixed,
    });
  }
  return judge(shown, year1, year2, start, end, planYear, extra);
}

/**
 * Checks a 抽查时间. See {@link parsePeriod}.
 *
 * @param text - the displayed cell text
 * @param rawValue - the raw cell value (an Excel serial date is read as its month)
 * @param planYear - the plan's year, which the period must agree with
 * @returns the findings (codes `PERIOD_…`), empty when the period names months of the plan's year
 * @example checkPeriod('2023年6-11月', undefined, 2022)[0]?.code // 'PERIOD_YEAR_MISMATCH'
 */
export function checkPeriod(text: string, rawValue?: CellValue, planYear?: number): RuleFinding[] {
  return parsePeriod(text, rawValue, planYear).findings;
}
