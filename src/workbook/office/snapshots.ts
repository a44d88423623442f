/**
 * What a batch is about to overwrite in sheets that already exist, read before the first write so
 * that a failed batch can put it back (Office.js has no transactions): the cells' values, formulas
 * and number formats. And how to write cells back so that Excel stores them exactly as they were.
 */
import type { CellValue } from '../../core/grid';
import { writtenBox } from '../checkBatch';
import type { WorkbookOp } from '../port';
import { boxAddress, parseRangeAddress } from '../rangeAddress';
import type { RangeBox } from '../rangeAddress';
import { officeCode } from './officeHost';
import { PAYLOAD_ERROR_CODES, READ_BYTES_PER_CELL } from './payload';
import type { MatrixJob } from './writeRows';
import { keepAsText } from './writeRows';

/** A range as it was before the batch. */
export type Snapshot = {
  sheet: string;
  box: RangeBox;
  values: CellValue[][];
  formulas: CellValue[][];
  formats: string[][];
};

/** A snapshot being loaded: the range proxy until its sync has gone through. */
export type PendingSnapshot = { sheet: string; box: RangeBox; range: Excel.Range };

/** The range of sheet cells an op changes (values or number formats), if any. */
function changedBox(op: WorkbookOp): RangeBox | null {
  const isChange = op.kind === 'write' || op.kind === 'merge' || (op.kind === 'style' && op.style.numberFormat !== undefined);
  const box = isChange ? parseRangeAddress(op.address) : null;
  if (!box) return null;
  // Merging keeps only the top-left value: the others are lost with it.
  return op.kind === 'write' ? writtenBox(op, box) : box;
}

/**
 * The ranges to read before writing: every cell a non-skipped op changes in a sheet the batch did
 * not create itself (a sheet the batch adds is simply deleted again). Whether the sheet existed is
 * known only after the first sync, so this is what to read if it did.
 * @param ops the batch (skipped ops included: what is skipped is known only after the check)
 * @returns sheet and box per range, in op order
 * @example snapshotTargets([{ kind: 'write', sheet: '抽取记录', address: 'A5', rows: [['x']] }]) // [{ sheet: '抽取记录', box: A5 }]
 */
export function snapshotTargets(ops: readonly WorkbookOp[]): { sheet: string; box: RangeBox }[] {
  const created = new Set<string>();
  const out: { sheet: string; box: RangeBox }[] = [];
  for (const op of ops) {
    if (op.kind === 'deleteSheet' || op.kind === 'addSheet' || op.kind === 'copySheet') created.add(op.sheet.toLowerCase());
    if (!('sheet' in op) || created.has(op.sheet.toLowerCase())) continue;
    const box = changedBox(op);
    if (box) out.push({ sheet: op.sheet, box });
  }
  return out;
}

/** Estimated response bytes of reading a box's values, formulas and formats. */
export function snapshotBytes(box: RangeBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1) * READ_BYTES_PER_CELL;
}

/**
 * The targets cut into row chunks of at most `budget` estimated bytes each (at least one row).
 * @example splitByRows([{ sheet: 'S', box: A1:C10000 }], 4 << 20).length // 1
 */
export function splitByRows(targets: readonly { sheet: string; box: RangeBox }[], budget: number): { sheet: string; box: RangeBox }[] {
  return targets.flatMap(({ sheet, box }) => {
    const width = box.right - box.left + 1;
    const rows = Math.max(1, Math.floor(budget / (width * READ_BYTES_PER_CELL)));
    const out: { sheet: string; box: RangeBox }[] = [];
    for (let top = box.top; top <= box.bottom; top += rows) out.push({ sheet, box: { ...box, top, bottom: Math.min(box.bottom, top + rows - 1) } });
    return out;
  });
}

/** Queues the read of one range (delivered by the next successful sync). */
export function queueSnapshot(ws: Excel.Worksheet, sheet: string, box: RangeBox): PendingSnapshot {
  const range = ws.getRange(boxAddress(box));
  range.load('values,formulas,numberFormat');
  return { sheet, box, range };
}

/** Reads the targets in syncs of at most `budget` estimated bytes, halving them when Excel refuses one as too large. */
export async function readSnapshots(
  context: Excel.RequestContext,
  sheet: (name: string) => Excel.Worksheet,
  targets: readonly { sheet: string; box: RangeBox }[],
  budget: number,
): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  let chunkBudget = budget;
  let todo = splitByRows(targets, chunkBudget);
  for (let retries = 0; todo.length > 0; ) {
    const batch: PendingSnapshot[] = [];
    let bytes = 0;
    while (todo.length > 0 && (batch.length === 0 || bytes + snapshotBytes(todo[0]!.box) <= chunkBudget)) {
      const t = todo.shift()!;
      batch.push(queueSnapshot(sheet(t.sheet), t.sheet, t.box));
      bytes += snapshotBytes(t.box);
    }
    try {
      await context.sync();
    } catch (e) {
      const code = officeCode(e);
      if (code === undefined || !PAYLOAD_ERROR_CODES.has(code) || retries >= 4) throw e;
      retries++;
      chunkBudget = Math.max(1, Math.floor(chunkBudget / 2));
      todo = splitByRows([...batch.map((b) => ({ sheet: b.sheet, box: b.box })), ...todo], chunkBudget);
      continue;
    }
    out.push(...batch.map(takeSnapshot));
  }
  return out;
}

/** The loaded snapshot (after its sync). */
export function takeSnapshot(p: PendingSnapshot): Snapshot {
  return {
    sheet: p.sheet,
    box: p.box,
    values: p.range.values as CellValue[][],
    formulas: p.range.formulas as CellValue[][],
    formats: p.range.numberFormat as string[][],
  };
}

/**
 * The matrix that writes a snapshot back: formats first, then for each cell its formula, its
 * text (kept as text), or its number or boolean; an empty cell is cleared.
 * @example restoreJob(snapshot).values?.(0) // ['序号', "'2025001", '=A1+1']
 */
export function restoreJob(s: Snapshot): MatrixJob {
  const width = s.box.right - s.box.left + 1;
  return {
    sheet: s.sheet,
    top: s.box.top,
    left: s.box.left,
    width,
    rowCount: s.box.bottom - s.box.top + 1,
    formats: (i) => s.formats[i] ?? [],
    values: (i) =>
      (s.values[i] ?? []).map((v, c) => {
        const f = s.formulas[i]?.[c];
        // `formulas` gives a formula where there is one, else the constant: a formula's value differs.
        if (typeof f === 'string' && f.startsWith('=') && f !== v) return f;
        if (typeof v === 'string' && v !== '' && s.formats[i]?.[c] !== '@') return keepAsText(v);
        return v;
      }),
  };
}
