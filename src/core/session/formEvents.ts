/**
 * Record forms (一户一表) for a logged draw, built from the stored record and context only — never
 * from today's directories — with the teams as left by any 递补.
 */
import { replaySubstitutions } from '../draw';
import type { DrawRecord } from '../draw';
import { buildRecordFormsOps, fillTemplate, recordFormsSheetName, targetSheetName, templateValuesFor } from '../forms';
import type { RecordFormsLayout } from '../forms';
import type { Grid } from '../grid';
import type { WorkbookOp } from '../workbookOps';
import type { StoredDraw } from './logEvents';

export type FormsPlan = { ops: WorkbookOp[]; sheets: string[]; forms: number };

/** The draw record with its result replaced by the teams after all substitutions. */
export function currentRecord(draw: Pick<StoredDraw, 'record' | 'substitutions'>): DrawRecord {
  if (draw.substitutions.length === 0) return draw.record;
  const replay = replaySubstitutions(draw.record, draw.substitutions);
  return replay.ok ? { ...draw.record, result: replay.result } : draw.record;
}

function freeName(base: string, existing: ReadonlySet<string>): string {
  if (!existing.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!existing.has(name)) return name;
  }
}

/**
 * Operations that write the forms of a draw: the built-in 附件2 layout (one sheet, a page per
 * target), or copies of the bureau's own template sheet filled by placeholders and labels.
 * @param draw the stored draw
 * @param options `template`: the template sheet's grid; `layout` for the built-in form; `existingSheets` to avoid names in use
 * @returns the operations, the sheets they create and the number of forms
 * @example formsPlanFor(draw, { existingSheets: ['计划'] }).sheets // ['记录表-2025002-001']
 */
export function formsPlanFor(
  draw: Pick<StoredDraw, 'record' | 'context' | 'substitutions'>,
  options: { template?: Grid; layout?: RecordFormsLayout; existingSheets: readonly string[] },
): FormsPlan {
  const record = currentRecord(draw);
  const existing = new Set(options.existingSheets);
  if (options.template) {
    const ops: WorkbookOp[] = [];
    const sheets: string[] = [];
    record.result.forEach((entry, i) => {
      const name = freeName(targetSheetName(i + 1, draw.context.targets[entry.target]?.name ?? entry.target), existing);
      existing.add(name);
      sheets.push(name);
      ops.push({ kind: 'copySheet', source: options.template!.sheet, sheet: name });
      for (const w of fillTemplate(options.template!, templateValuesFor(record, draw.context, entry))) {
        ops.push({ kind: 'write', sheet: name, address: w.address, rows: [[w.value]] });
      }
    });
    return { ops, sheets, forms: record.result.length };
  }
  const layout = options.layout ?? 'one-sheet';
  if (layout === 'one-sheet') {
    const sheetName = freeName(recordFormsSheetName(record), existing);
    return { ops: buildRecordFormsOps(record, draw.context, { sheetName, layout }), sheets: [sheetName], forms: record.result.length };
  }
  const ops = buildRecordFormsOps(record, draw.context, { layout });
  const sheets = ops.flatMap((op) => (op.kind === 'addSheet' ? [op.sheet] : []));
  const clash = sheets.find((s) => existing.has(s));
  if (clash) throw new RangeError(`工作表“${clash}”已存在：请先删除或改名旧的记录表后再生成。`);
  return { ops, sheets, forms: record.result.length };
}
