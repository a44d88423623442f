/**
 * Where a batch's ops go on Office.js: the request writer and the worksheet proxies, plus which
 * sheets existed before the batch (followed through renames). Deleting one of those is deferred
 * to the batch's last commands — until then the sheet is only renamed and hidden — so that a
 * failure before the end can still give it back (`restoreAfterFailure`).
 */
import type { CheckedOp } from '../checkBatch';
import { SMALL_COMMAND_BYTES } from './payload';
import type { Preflight } from './preflight';
import type { OpTarget, SheetProxies } from './queueOp';
import type { RequestWriter } from './requestWriter';
import type { RestorePlan } from './restoreAfterFailure';

/** The op target plus what `applyBatch` calls around the ops. */
export type BatchTarget = OpTarget & {
  /** Follows the op just queued (renames). */
  track(checked: CheckedOp): void;
  /** Queues the deferred deletes, as the last commands of the batch. */
  finishDeletes(): Promise<void>;
};

/**
 * The op target of a batch, which keeps track of which sheets existed before it (by their names
 * now) so that deleting one of them is deferred to the batch's last sync: until then the sheet is
 * only renamed and hidden, and a failure can give it back.
 */
export function createOpTarget(
  writer: RequestWriter,
  sheets: SheetProxies,
  worksheets: Excel.WorksheetCollection,
  pre: Preflight,
  plan: RestorePlan,
): BatchTarget {
  /** Lower-case current name → the name the sheet had before the batch (sheets it added: absent). */
  const original = new Map(pre.start.map((s) => [s.name.toLowerCase(), s.name]));
  const taken = new Set([...pre.start.map((s) => s.name.toLowerCase()), ...plan.added.map((n) => n.toLowerCase())]);
  const deletes: (() => Excel.Worksheet)[] = [];
  const trashName = (): string => {
    for (let i = 1; ; i++) {
      const name = `_ssj_删除中_${i}`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  return {
    writer,
    sheets,
    worksheets,
    existedBefore: (name: string) => original.has(name.toLowerCase()),
    deleteExisting: async (name: string, ws: () => Excel.Worksheet): Promise<void> => {
      const trash = trashName();
      // The proxy is taken once: a sheet the batch adds under the freed name later must not be
      // mistaken for this one when the command is issued again.
      let doomed: Excel.Worksheet | null = null;
      await writer.command(SMALL_COMMAND_BYTES, () => {
        doomed ??= ws();
        doomed.name = trash;
        // Hidden, not VeryHidden: Excel refuses to delete a VeryHidden sheet.
        doomed.visibility = 'Hidden';
      });
      original.delete(name.toLowerCase());
      deletes.push(() => doomed!);
    },
    /** Follows renames: of a sheet that existed (still one), or of one the batch added (a new name to undo). */
    track: ({ op, skip }: CheckedOp): void => {
      if (skip || op.kind !== 'renameSheet') return;
      const from = original.get(op.sheet.toLowerCase());
      if (from === undefined) {
        plan.added.push(op.to);
        return;
      }
      original.delete(op.sheet.toLowerCase());
      original.set(op.to.toLowerCase(), from);
    },
    /** The deferred deletes, as the last commands of the batch. */
    finishDeletes: async (): Promise<void> => {
      for (const ws of deletes) await writer.command(SMALL_COMMAND_BYTES, () => ws().delete());
    },
  };
}

