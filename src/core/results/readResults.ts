/**
 * Reads the results entry sheets (检查结果登记表) back: per draw and target the 检查结果 code and
 * meaning, the 检查日期 (ISO), the 后续处置 and the 备注, plus findings that point at the cell to
 * fix. A sheet is tied to its draw by row 2 (log number + chain hash), not by its name.
 */
import type { Finding } from '../findings';
import { sortFindings } from '../findings';
import type { CellValue, Grid } from '../grid';
import { cellAddress } from '../grid';
import { stripSpaces, toHalfWidth } from '../text';
import { PROBLEM_RESULT_CODES, RESULT_CODES, resultMeaning } from '../rules';
import type { DrawItem } from './describeDraw';
import {
  drawDateOf,
  FOLLOW_UP_OPTIONS,
  parseResultsIdentity,
  RESULTS_REGISTER_HEADER,
} from './resultsRegister';
import { isoDateToSerial, parseReportTime, parseResultDate } from './_lib/resultDates';

export type ReadResultsOptions = {
  /** Today as ISO `YYYY-MM-DD`: later 检查日期 are refused. Without it, future dates are not checked. */
  today?: string;
  /**
   * The bureau's time limit for reporting a check's results, in hours after the check (乌鲁木齐 2023:
   * 24). With it, a late or missing 上报时间 is a finding; without it, 上报时间 is read but not checked.
   */
  reportHours?: number;
};

/** What was entered for one drawn target ('' fields while nothing valid was entered). */
export type TargetResult = {
  /** The target's id in the draw record. */
  target: string;
  name: string;
  uscc: string;
  /** `1` … `10`, or '' while pending (or when the cell holds no valid code). */
  code: string;
  /** 附件2's meaning of the code (`未发现问题`), '' while pending. */
  meaning: string;
  /** ISO `YYYY-MM-DD`, '' when empty or not a valid date. */
  date: string;
  /** 上报时间 as `YYYY-MM-DD HH:MM`, '' when empty, not valid, or the sheet has no such column. */
  reportedAt: string;
  /** One of FOLLOW_UP_OPTIONS, or ''. */
  followUp: string;
  note: string;
  /** `sheet!D7`-style place of the 检查结果 cell: sheet '' when the draw has no results sheet. */
  sheet: string;
  cell: string;
};

export type DrawResults = {
  seq: number;
  /** The results sheet read for this draw, '' when it has none. */
  sheet: string;
  isVoided: boolean;
  /** One per drawn target, in draw order (after 递补). */
  targets: TargetResult[];
  /** Targets with a valid 检查结果 code. */
  entered: number;
  pending: number;
};

export type ResultsReading = {
  /** One per draw passed in, in the same order. */
  draws: DrawResults[];
  /** Sorted by sheet and cell. */
  findings: Finding[];
  /** The results sheets found, with the log number each belongs to. */
  sheets: { sheet: string; seq: number }[];
};

/** Columns of a results sheet; `reportedAt` is -1 on sheets made before the column existed. */
type Columns = { name: number; uscc: number; code: number; date: number; reportedAt: number; followUp: number; note: number };

/** Where a sheet's results table is: header row (0-based sheet row) and columns (0-based). */
function findHeader(grid: Grid): { row: number; cols: Columns } | null {
  const want: Record<keyof Columns, string> = {
    name: RESULTS_REGISTER_HEADER[1],
    uscc: RESULTS_REGISTER_HEADER[2],
    code: '检查结果',
    date: RESULTS_REGISTER_HEADER[4],
    reportedAt: RESULTS_REGISTER_HEADER[5],
    followUp: RESULTS_REGISTER_HEADER[6],
    note: RESULTS_REGISTER_HEADER[7],
  };
  for (let r = 0; r < Math.min(grid.text.length, 15); r++) {
    const line = (grid.text[r] ?? []).map((t) => stripSpaces(toHalfWidth(t)));
    const at = (label: string) => line.findIndex((t) => t === label || (label === '检查结果' && t.startsWith('检查结果')));
    const cols = Object.fromEntries(Object.entries(want).map(([k, label]) => [k, at(label)])) as Columns;
    if (cols.name >= 0 && cols.code >= 0) {
      if (Object.entries(cols).some(([k, c]) => c < 0 && k !== 'reportedAt')) return null;
      const shift = grid.origin.col;
      return {
        row: grid.origin.row + r,
        cols: {
          name: cols.name + shift,
          uscc: cols.uscc + shift,
          code: cols.code + shift,
          date: cols.date + shift,
          reportedAt: cols.reportedAt < 0 ? -1 : cols.reportedAt + shift,
          followUp: cols.followUp + shift,
          note: cols.note + shift,
        },
      };
    }
  }
  return null;
}

function cellOf(grid: Grid, row: number, col: number): { text: string; value: CellValue; format: string | undefined } {
  const r = row - grid.origin.row;
  const c = col - grid.origin.col;
  return { text: grid.text[r]?.[c] ?? '', value: grid.values[r]?.[c] ?? null, format: grid.formats?.[r]?.[c] };
}

/** The identity line in the first rows, if the sheet is a results sheet. */
function identityOf(grid: Grid): { seq: number; hash: string } | null {
  for (let r = 0; r < Math.min(grid.text.length, 4); r++) {
    for (const t of grid.text[r] ?? []) {
      const id = parseResultsIdentity(t);
      if (id) return id;
    }
  }
  return null;
}

const norm = (s: string): string => stripSpaces(toHalfWidth(s.normalize('NFKC')));

/** A typed 检查结果: `1`, `１`, `1.0`, `1.未发现问题`, or the meaning itself. */
function parseCode(value: CellValue, text: string): { code: string } | { invalid: string } | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 10 ? { code: String(value) } : { invalid: text || String(value) };
  const s = norm(text);
  if (s === '') return null;
  const plain = /^0*(\d{1,2})$/.exec(s);
  if (plain) {
    const n = Number(plain[1]);
    return n >= 1 && n <= 10 ? { code: String(n) } : { invalid: text.trim() };
  }
  const withMeaning = /^0*(\d{1,2})[.、:：]?(.+)$/.exec(s);
  if (withMeaning && norm(resultMeaning(String(Number(withMeaning[1])))) === withMeaning[2]) return { code: String(Number(withMeaning[1])) };
  const byMeaning = RESULT_CODES.find((c) => norm(c.meaning) === s);
  if (byMeaning) return { code: byMeaning.code };
  return { invalid: text.trim() };
}

/** Close misspellings of the 后续处置 options, for the suggestion. */
const FOLLOW_UP_ALIASES: Record<string, string> = {
  无: '无需后续处置',
  无需处置: '无需后续处置',
  不需处置: '无需后续处置',
  无需处理: '无需后续处置',
  责令整改: '责令改正',
  限期整改: '责令改正',
  限期改正: '责令改正',
  移交: '移送',
  移送处理: '移送',
  抄送: '抄告',
};

const CODE_LIST = RESULT_CODES.map((c) => `${c.code}.${c.meaning}`).join(' ');

/**
 * Reads every results sheet of the workbook for the given draws.
 * @param grids the workbook's sheets (tab order); sheets without an identity line are ignored
 * @param draws the log's draws (readLogEvents(log).draws), voided ones included
 * @param options `today` (ISO) for the future-date check
 * @returns per draw the results and counts, and the findings
 * @example readResults(book.grids, book.events.draws, { today: '2025-06-30' }).draws[0]?.entered // 11
 */
export function readResults(grids: readonly Grid[], draws: readonly DrawItem[], options: ReadResultsOptions = {}): ResultsReading {
  const findings: Finding[] = [];
  const bySeq = new Map(draws.map((d) => [d.seq, d]));
  const read = new Map<number, DrawResults>();
  const sheets: { sheet: string; seq: number }[] = [];

  for (const grid of grids) {
    const id = identityOf(grid);
    if (!id) continue;
    const sheet = grid.sheet;
    const draw = bySeq.get(id.seq);
    if (!draw || draw.entry.hash.toLowerCase() !== id.hash) {
      findings.push({
        severity: 'error',
        code: 'RESULTS_DRAW_UNKNOWN',
        sheet,
        cell: 'A2',
        message: draw
          ? `登记表记载的链摘要与抽取记录第 ${id.seq} 条不符：这张表不是为该次抽取生成的，或抽取记录被改动过。请运行“验证抽取记录”，再为该次抽取重新新建结果登记表并把结果抄过去。`
          : `登记表记载的是抽取记录第 ${id.seq} 条，但抽取记录中没有这次抽取：这张表来自别的工作簿，或第 2 行被改动过。其中的结果不会计入公示和年度统计。`,
      });
      continue;
    }
    sheets.push({ sheet, seq: draw.seq });
    const earlier = read.get(draw.seq);
    if (earlier) {
      findings.push({
        severity: 'warning',
        code: 'RESULTS_SHEET_DUPLICATE',
        sheet,
        cell: 'A2',
        message: `抽取记录第 ${draw.seq} 条已有结果登记表“${earlier.sheet}”，本表不计入公示和年度统计：请把结果填在“${earlier.sheet}”中，再删除本表。`,
      });
      continue;
    }
    if (draw.voided) {
      findings.push({
        severity: 'warning',
        code: 'RESULTS_DRAW_VOIDED',
        sheet,
        cell: 'A2',
        message: `抽取记录第 ${draw.seq} 条已于第 ${draw.voided.seq} 条作废${draw.voided.reason ? `（${draw.voided.reason}）` : ''}，本表的结果不计入公示和年度统计：请为重新抽取的那次新建结果登记表。`,
      });
      read.set(draw.seq, { ...pendingResults(draw), sheet });
      continue;
    }
    const header = findHeader(grid);
    if (!header) {
      findings.push({
        severity: 'error',
        code: 'RESULTS_HEADER_MISSING',
        sheet,
        cell: 'A4',
        message: `找不到表头（应有 ${RESULTS_REGISTER_HEADER.join('、')} 各列）：表头被改动或删除，本表的结果无法读取。请恢复表头，或重新新建结果登记表后把结果抄过去。`,
      });
      read.set(draw.seq, { ...pendingResults(draw), sheet });
      continue;
    }
    read.set(draw.seq, readSheet(grid, draw, header, findings, options));
  }

  const out = draws.map((d) => read.get(d.seq) ?? pendingResults(d));
  return { draws: out, findings: sortFindings(findings, grids.map((g) => g.sheet)), sheets };
}

function pendingResults(draw: DrawItem): DrawResults {
  const targets = draw.teams.map((e) => {
    const t = draw.context.targets[e.target];
    return { target: e.target, name: t?.name ?? e.target, uscc: t?.uscc ?? '', code: '', meaning: '', date: '', reportedAt: '', followUp: '', note: '', sheet: '', cell: '' };
  });
  return { seq: draw.seq, sheet: '', isVoided: Boolean(draw.voided), targets, entered: 0, pending: targets.length };
}

type AddFinding = (severity: Finding['severity'], code: string, cell: string, message: string, suggestion?: string) => void;

/**
 * 上报时间: read it, and with the bureau's time limit, say when a result was reported late or not
 * at all. The check is dated, not timed, so the limit runs from the end of the check day (the most
 * lenient reading: a check at 23:59 reported 24 hours later is on time).
 */
function checkReportTime(
  result: TargetResult,
  raw: { text: string; value: CellValue },
  cell: string,
  who: string,
  add: AddFinding,
  options: ReadResultsOptions,
): void {
  const parsed = parseReportTime(raw.value, raw.text);
  if (parsed.ok === false) {
    add('error', 'RESULTS_REPORT_TIME_INVALID', cell, `${who}的上报时间“${parsed.shown}”不是有效时间：请写作 2025-06-03 16:30。`);
    return;
  }
  if (parsed.ok === true) result.reportedAt = parsed.iso;
  const hours = options.reportHours;
  if (hours === undefined || !result.code || !result.date) return;
  const checkDay = isoDateToSerial(result.date) * 1440;
  const deadline = checkDay + 1440 + hours * 60;
  if (parsed.ok === 'empty') {
    add('warning', 'RESULTS_REPORT_MISSING', cell, `${who}已有检查结果（检查日期 ${result.date}），但上报时间为空：本局要求检查后 ${hours} 小时内上报，请补填实际上报时间。`);
  } else if (parsed.minutes > deadline) {
    add(
      'warning',
      'RESULTS_REPORT_LATE',
      cell,
      `${who}于 ${result.date} 检查，${parsed.iso} 才上报，超过本局要求的检查后 ${hours} 小时：请在备注中说明原因。`,
    );
  } else if (parsed.minutes < checkDay) {
    add('error', 'RESULTS_REPORT_BEFORE_CHECK', cell, `${who}的上报时间 ${parsed.iso} 早于检查日期 ${result.date}：请核对日期。`);
  }
}

function readSheet(grid: Grid, draw: DrawItem, header: { row: number; cols: Columns }, findings: Finding[], options: ReadResultsOptions): DrawResults {
  const sheet = grid.sheet;
  const drawDate = drawDateOf(draw);
  const base = pendingResults(draw);
  const targets: TargetResult[] = [];
  const add = (severity: Finding['severity'], code: string, cell: string, message: string, suggestion?: string) =>
    findings.push({ severity, code, sheet, cell, message, ...(suggestion !== undefined ? { suggestion } : {}) });

  base.targets.forEach((expected, i) => {
    const row = header.row + 1 + i;
    const at = (col: number) => cellAddress(row, col);
    const get = (col: number) => cellOf(grid, row, col);
    const codeCell = at(header.cols.code);
    const result: TargetResult = { ...expected, sheet, cell: codeCell };
    const name = get(header.cols.name).text;
    const uscc = get(header.cols.uscc).text;
    const who = `第 ${i + 1} 个检查对象“${expected.name}”`;
    if (norm(name) !== norm(expected.name)) {
      add(
        'error',
        'RESULTS_ROW_MISMATCH',
        at(header.cols.name),
        name.trim()
          ? `这一行应为${who}，实为“${name.trim()}”：行的顺序被调整或名称被改动，本行结果不会计入。请撤销排序或改动，恢复为抽取时的顺序和名称。`
          : `这一行应为${who}，该格为空：行被删除或清空，本行结果不会计入。请撤销删除，恢复为抽取时的顺序和名称。`,
        expected.name,
      );
      targets.push({ ...expected, sheet, cell: codeCell });
      return;
    }
    if (norm(uscc) !== norm(expected.uscc)) {
      add(
        'error',
        'RESULTS_ROW_MISMATCH',
        at(header.cols.uscc),
        `${who}的统一社会信用代码应为“${expected.uscc || '（空）'}”，实为“${uscc.trim() || '（空）'}”：该格被改动，本行结果不会计入。请改回抽取时的代码（如代码确有错误，请先修正名录库，结果登记表以抽取记录为准）。`,
        expected.uscc,
      );
      targets.push({ ...expected, sheet, cell: codeCell });
      return;
    }

    const codeRaw = get(header.cols.code);
    const dateRaw = get(header.cols.date);
    const followRaw = get(header.cols.followUp);
    result.note = get(header.cols.note).text.trim();

    const parsedCode = parseCode(codeRaw.value, codeRaw.text);
    if (parsedCode && 'code' in parsedCode) {
      result.code = parsedCode.code;
      result.meaning = resultMeaning(parsedCode.code);
    } else if (parsedCode) {
      add('error', 'RESULTS_CODE_INVALID', codeCell, `${who}的检查结果“${parsedCode.invalid}”不是有效编号：请填 1–10 中的一个（${CODE_LIST}）。`);
    }

    const parsedDate = parseResultDate(dateRaw.value, dateRaw.text, dateRaw.format);
    const dateCell = at(header.cols.date);
    if (parsedDate.ok === true) {
      if (options.today && parsedDate.iso > options.today) {
        add('error', 'RESULTS_DATE_FUTURE', dateCell, `${who}的检查日期 ${parsedDate.iso} 晚于今天（${options.today}）：请填写实际检查的日期。`);
      } else if (drawDate && parsedDate.iso < drawDate) {
        add('error', 'RESULTS_DATE_BEFORE_DRAW', dateCell, `${who}的检查日期 ${parsedDate.iso} 早于抽取日期 ${drawDate}：检查应在抽取之后进行，请核对日期。`);
      } else result.date = parsedDate.iso;
    } else if (parsedDate.ok === false) {
      add('error', 'RESULTS_DATE_INVALID', dateCell, `${who}的检查日期“${parsedDate.shown}”不是有效日期：请写作 2025-06-03 或 2025年6月3日。`);
    }

    const followText = stripSpaces(toHalfWidth(followRaw.text));
    const followCell = at(header.cols.followUp);
    if (followText !== '') {
      if ((FOLLOW_UP_OPTIONS as readonly string[]).includes(followText)) result.followUp = followText;
      else {
        const alias = FOLLOW_UP_ALIASES[followText];
        add(
          'error',
          'RESULTS_FOLLOW_UP_INVALID',
          followCell,
          `${who}的后续处置“${followRaw.text.trim()}”不在可选项中：请从下拉列表选择 ${FOLLOW_UP_OPTIONS.join('、')}${alias ? `（这里应是“${alias}”）` : ''}。`,
          alias,
        );
      }
    }

    if (header.cols.reportedAt >= 0) checkReportTime(result, get(header.cols.reportedAt), at(header.cols.reportedAt), who, add, options);

    if (!result.code && parsedCode === null && (parsedDate.ok !== 'empty' || followText !== '')) {
      add('warning', 'RESULTS_CODE_MISSING', codeCell, `${who}已填检查日期或后续处置，但检查结果为空：请填写检查结果编号（1–10），否则该对象仍算“待录入”。`);
    }
    if (result.code) {
      if (parsedDate.ok === 'empty') add('warning', 'RESULTS_DATE_MISSING', dateCell, `${who}已有检查结果，但检查日期为空：公示需要检查日期，请补填。`);
      const isProblem = PROBLEM_RESULT_CODES.includes(result.code);
      if (isProblem && (followText === '' || result.followUp === '无需后续处置')) {
        add(
          'warning',
          'RESULTS_FOLLOW_UP_MISSING',
          followCell,
          `${who}的检查结果为 ${result.code}（${result.meaning}），属于发现问题，后续处置却${followText === '' ? '为空' : '是“无需后续处置”'}：请选择责令改正、移送或抄告，实现监管闭环。`,
        );
      }
      if ((result.code === '1' || result.code === '9') && result.followUp === '移送') {
        add('warning', 'RESULTS_FOLLOW_UP_UNEXPECTED', followCell, `${who}的检查结果为 ${result.code}（${result.meaning}），后续处置却是“移送”：请核对检查结果或后续处置。`);
      }
    }
    targets.push(result);
  });
  const entered = targets.filter((t) => t.code !== '').length;
  return { seq: draw.seq, sheet, isVoided: false, targets, entered, pending: targets.length - entered };
}
