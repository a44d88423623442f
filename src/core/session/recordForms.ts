/**
 * Record forms (一户一表) for a logged draw, as one workflow for the CLI and the task pane: built from
 * the stored record and context only — never from today's directories — with the teams as 递补 left
 * them. Generating the forms of a draw again replaces its earlier forms in place (same sheet names):
 * the new ones are written under temporary names and take the old names only in the last batch,
 * so a cancelled or failed run leaves the earlier forms as they were.
 */
import type { RecordFormsLayout } from '../forms';
import {
  buildRecordFormsOps,
  fillTemplate,
  recordFormsSheetName,
  targetSheetName,
  templateValuesFor,
} from '../forms';
import type { Grid } from '../grid';
import type { StoredDraw } from '../log';
import { fitSheetName, hasSheet, nextFreeSheetName } from '../sheetNames';
import type { WorkbookOp } from '../workbookOps';
import type { LogBook } from './bookState';
import { gridOf, sheetNamesOf } from './bookState';
import { formsIdentityOps, formsSheetsOf } from './formsIdentity';
import { firstLogError, unverifiedRefusal, VERIFY_ADVICE } from './verifyBook';

/** Columns of the built-in form (A–F). */
const BUILT_IN_WIDTH = 6;
const TEMP_PREFIX = '_ssj_新记录表_';

export type RecordFormsRequest = {
  /** The draw's log number; default the last draw that stands. */
  seq?: number;
  /** The bureau's own template sheet, filled by placeholders and labels (one copy per target). */
  template?: string;
  layout?: RecordFormsLayout;
  /** Targets per batch (the pane writes in batches with progress); default all in one. */
  batchSize?: number;
};

export type RecordFormsPlan = {
  draw: StoredDraw;
  /** The sheets the forms end up on. */
  sheets: string[];
  forms: number;
  /** This draw's earlier forms sheets that the new ones replace (same names). */
  replaces: string[];
  /** The operations, in batches to apply in order; the last one completes the forms. */
  batches: WorkbookOp[][];
};

/**
 * The draw a forms request is about: the given seq, else the last draw that stands (else the last).
 * @example chooseDraw(book.events.draws, undefined)?.seq // 5
 */
export function chooseDraw(draws: readonly StoredDraw[], seq: number | undefined): StoredDraw | null {
  if (seq !== undefined) return draws.find((d) => d.seq === seq) ?? null;
  return [...draws].reverse().find((d) => !d.voided) ?? draws[draws.length - 1] ?? null;
}

function templateWidth(grid: Grid): number {
  return grid.origin.col + grid.text.reduce((w, row) => Math.max(w, row.length), 0);
}

/** Final sheet names, in target order for one-per-target layouts. */
function finalNames(
  draw: StoredDraw,
  request: RecordFormsRequest,
  existing: readonly string[],
  replaced: readonly string[],
): string[] {
  const freeFor = (wanted: string, taken: string[]) => {
    const name = replaced.includes(wanted) ? wanted : nextFreeSheetName(wanted, taken);
    taken.push(name);
    return name;
  };
  const taken = existing.filter((n) => !replaced.includes(n));
  if (!request.template && (request.layout ?? 'one-sheet') === 'one-sheet') {
    const base = recordFormsSheetName({ ...draw.record, result: draw.teams });
    if (replaced.length === 1) return [replaced[0]!];
    // A re-drawn task's forms sit beside the voided draw's: name them by log number, as result sheets are.
    return [freeFor(hasSheet(base, taken) ? fitSheetName(`${base}-${draw.seq}`) : base, taken)];
  }
  return draw.teams.map((e, i) =>
    freeFor(targetSheetName(i + 1, draw.context.targets[e.target]?.name ?? e.target), taken),
  );
}

function renameSheets(ops: readonly WorkbookOp[], map: ReadonlyMap<string, string>): WorkbookOp[] {
  if (map.size === 0) return [...ops];
  return ops.map((op) => ({ ...op, sheet: map.get(op.sheet) ?? op.sheet }) as WorkbookOp);
}

/**
 * Plans the forms of a draw: the built-in 附件2 layout (one sheet, a page per target, or a sheet
 * per target), or copies of the bureau's own template sheet. Earlier forms of the same draw are
 * replaced in place.
 * @param book the book as read
 * @param request which draw, which layout or template, batch size
 * @returns the plan, or a Chinese sentence saying why not
 * @example planRecordForms(book, {}).plan?.sheets // ['记录表-2025002-001']
 */
export function planRecordForms(
  book: LogBook,
  request: RecordFormsRequest,
): { ok: true; plan: RecordFormsPlan } | { ok: false; message: string; isUnverified?: boolean } {
  const draws = book.events.draws;
  if (draws.length === 0) return { ok: false, message: '还没有抽取记录：请先抽取。' };
  const unverified = firstLogError(book);
  if (unverified) return { ok: false, message: unverifiedRefusal(unverified, VERIFY_ADVICE), isUnverified: true };
  const draw = chooseDraw(draws, request.seq);
  if (!draw)
    return {
      ok: false,
      message: `抽取记录第 ${request.seq} 条不是一次抽取（可选：${draws.map((d) => d.seq).join('、')}）。`,
    };
  let template: Grid | null = null;
  if (request.template !== undefined) {
    template = gridOf(book, request.template);
    if (!template)
      return {
        ok: false,
        message: `找不到模板工作表“${request.template}”。可选：${sheetNamesOf(book).join('、')}`,
      };
  }
  const record = { ...draw.record, result: draw.teams };
  const existing = sheetNamesOf(book);
  const replaces = formsSheetsOf(book, draw).map((f) => f.sheet);
  const sheets = finalNames(draw, request, existing, replaces);
  const layout = request.layout ?? 'one-sheet';
  const total = record.result.length;
  const size = Math.max(1, request.batchSize ?? Math.max(1, total));
  // Replacing: write under temporary names first; the last batch deletes the old sheets and renames.
  const temp = new Map<string, string>();
  if (replaces.length) sheets.forEach((s, i) => temp.set(s, `${TEMP_PREFIX}${i + 1}`));
  const width = template ? templateWidth(template) : BUILT_IN_WIDTH;

  // Each target's template fill, made once: checked here, written in the batches below.
  const fills = template
    ? record.result.map((entry) => fillTemplate(template!, templateValuesFor(record, draw.context, entry)))
    : [];
  // A bureau's template must show every drawn inspector: refuse rather than print a form without one.
  if (template) {
    const missing = record.result
      .map((entry, i) => ({ entry, fill: fills[i]! }))
      .filter((x) => x.fill.unplaced.length > 0);
    const first = missing[0];
    if (first) {
      const name = draw.context.targets[first.entry.target]?.name ?? first.entry.target;
      const more = missing.length > 1 ? `（共 ${missing.length} 户的记录表有此问题）` : '';
      return { ok: false, message: `检查对象“${name}”：${first.fill.message}${more}` };
    }
  }
  const batches: WorkbookOp[][] = [];
  try {
    for (let start = 0; start < Math.max(total, 1); start += size) {
      const count = Math.min(size, total - start);
      let ops: WorkbookOp[];
      if (template) {
        ops = fills.slice(start, start + count).flatMap((fill, k): WorkbookOp[] => {
          const name = sheets[start + k]!;
          return [
            { kind: 'copySheet', source: template!.sheet, sheet: name },
            ...fill.writes.map(
              (w): WorkbookOp => ({ kind: 'write', sheet: name, address: w.address, rows: [[w.value]] }),
            ),
          ];
        });
      } else if (layout === 'one-sheet') {
        ops = buildRecordFormsOps(record, draw.context, {
          sheetName: sheets[0]!,
          layout,
          startIndex: start,
          count,
        });
      } else {
        const built = buildRecordFormsOps(record, draw.context, { layout, startIndex: start, count });
        // The layout names its sheets itself; map them onto the free names chosen above.
        const own = new Map(
          record.result.map((e, i) => [
            targetSheetName(i + 1, draw.context.targets[e.target]?.name ?? e.target),
            sheets[i]!,
          ]),
        );
        ops = renameSheets(built, own);
      }
      const withIdentity = ops.flatMap((op) =>
        op.kind === 'addSheet' || op.kind === 'copySheet'
          ? [op, ...formsIdentityOps(op.sheet, width, draw)]
          : [op],
      );
      batches.push(renameSheets(withIdentity, temp));
      if (total === 0) break;
    }
  } catch (e) {
    // The sheet-per-target layout has a limit (MAX_SHEETS_PER_TARGET); it says so in Chinese.
    if (e instanceof RangeError) return { ok: false, message: e.message };
    throw e;
  }
  if (replaces.length) {
    batches[batches.length - 1]!.push(
      ...replaces.map((sheet): WorkbookOp => ({ kind: 'deleteSheet', sheet })),
      ...sheets.map((sheet): WorkbookOp => ({ kind: 'renameSheet', sheet: temp.get(sheet)!, to: sheet })),
    );
  }
  return { ok: true, plan: { draw, sheets, forms: total, replaces, batches } };
}

/**
 * The sheets a list of operations adds (the pane deletes them to cancel a run half-way).
 * @example sheetsAddedBy([{ kind: 'addSheet', sheet: 'a' }]) // ['a']
 */
export function sheetsAddedBy(ops: readonly WorkbookOp[]): string[] {
  return ops.flatMap((op) => (op.kind === 'addSheet' || op.kind === 'copySheet' ? [op.sheet] : []));
}
