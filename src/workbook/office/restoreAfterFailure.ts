/**
 * After a failed batch, puts the workbook back as it was, in a fresh `Excel.run` (the failed one's
 * proxies are dead, and its queue may hold commands that would fail again). Sheets are known by
 * `Worksheet.id`, which survives a rename, so what happened before the failure need not be
 * guessed from names. In order:
 * 1. the sheets the batch added are deleted (VeryHidden ones made Hidden first: Excel refuses to
 *    delete them), after showing again the sheets that were visible, since Excel keeps one visible;
 * 2. sheets that existed keep their names back — including the ones the batch was about to delete,
 *    which it only renames and hides until its last sync;
 * 3. visibility as it was; 4. the cells the batch overwrote in them;
 * 5. protection as it was — a sheet the batch unprotected is protected again with its own options.
 * Each step runs on its own, so that one failing step does not stop the others; what could not be
 * put back is returned, in Chinese, for the user.
 */
import { quoteSheet } from '../_lib/batchErrors';
import type { OfficeHost } from './officeHost';
import { toExcelVisibility, toVisibility } from './officeHost';
import type { SheetAtStart } from './preflight';
import { PROTECT_OPTIONS } from './queueFormats';
import { createRequestWriter } from './requestWriter';
import type { Snapshot } from './snapshots';
import { restoreJob } from './snapshots';

/** What the failed batch knew about the workbook and about itself. */
export type RestorePlan = {
  /** The sheets before the batch (null: the batch failed before it read them; nothing to do). */
  start: SheetAtStart[] | null;
  /** Names under which the batch adds sheets (copies and renames of them included). */
  added: string[];
  /** Sheets the batch copies (Excel names a copy `源 (2)` until it is renamed). */
  copySources: string[];
  /** The password each sheet's unprotect / protect op gave, by lower-case name. */
  passwords: Map<string, string | undefined>;
  /** Cells the batch overwrites in existing sheets, as they were. */
  snapshots: Snapshot[];
  /** Whether writing had begun (before that, no cell needs putting back). */
  hasWritten: boolean;
};

export type RestoreOutcome = {
  /** What could not be put back, one Chinese phrase each (empty: the workbook is as it was). */
  problems: string[];
  /** Lower-case names (as before the batch) of the sheets that were protected when the restore began. */
  protectedAtFailure: Set<string>;
};

type NowSheet = { ws: Excel.Worksheet; id: string; name: string; visibility: string; isProtected: boolean };

async function step(problems: string[], problem: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch {
    problems.push(problem);
  }
}

function protectWith(ws: Excel.Worksheet, options: Excel.WorksheetProtectionOptions | undefined, password: string | undefined): void {
  if (password !== undefined) ws.protection.protect(options ?? PROTECT_OPTIONS, password);
  else ws.protection.protect(options ?? PROTECT_OPTIONS);
}

function unprotectWith(ws: Excel.Worksheet, password: string | undefined): void {
  if (password !== undefined) ws.protection.unprotect(password);
  else ws.protection.unprotect();
}

/** Whether a sheet that did not exist before is one this batch made (not a co-author's). */
function isFromBatch(plan: RestorePlan, name: string): boolean {
  const lower = name.toLowerCase();
  if (plan.added.some((n) => n.toLowerCase() === lower)) return true;
  return plan.copySources.some((src) => new RegExp(`^${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`, 'i').test(name));
}

/**
 * Restores what it can.
 * @param host Excel.run
 * @param plan what the batch knew
 * @param budget estimated bytes per request (cell restores can be large)
 * @returns what could not be restored, and which sheets were protected at the failure
 * @example const { problems } = await restoreAfterFailure(host, plan, 4 << 20);
 */
export async function restoreAfterFailure(host: OfficeHost, plan: RestorePlan, budget: number): Promise<RestoreOutcome> {
  const problems: string[] = [];
  const protectedAtFailure = new Set<string>();
  const start = plan.start;
  if (!start) return { problems, protectedAtFailure };
  try {
    await host.withContext(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/id,items/name,items/visibility,items/protection/protected');
      await context.sync();
      const now = new Map<string, NowSheet>(
        worksheets.items.map((ws) => [ws.id, { ws, id: ws.id, name: ws.name, visibility: ws.visibility, isProtected: ws.protection.protected }]),
      );
      const startById = new Map(start.map((s) => [s.id, s]));
      for (const s of now.values()) {
        const was = startById.get(s.id);
        if (was && s.isProtected) protectedAtFailure.add(was.name.toLowerCase());
      }
      const password = (s: SheetAtStart) => plan.passwords.get(s.name.toLowerCase());
      const kept = start.flatMap((s) => {
        const n = now.get(s.id);
        return n ? [{ s, n }] : [];
      });
      for (const s of start) if (!now.has(s.id)) problems.push(`已删除的工作表${quoteSheet(s.name)}无法恢复`);

      const doomed = [...now.values()].filter((n) => !startById.has(n.id) && isFromBatch(plan, n.name));
      if (doomed.length > 0) {
        const shown = kept.filter(({ s, n }) => s.visibility === 'visible' && n.visibility !== 'Visible');
        await step(problems, `本次新建的工作表${doomed.map((n) => quoteSheet(n.name)).join('、')}未能删除`, async () => {
          for (const { n } of shown) n.ws.visibility = 'Visible';
          for (const n of doomed) {
            // "If the worksheet's visibility is set to VeryHidden, the delete operation will fail."
            if (n.visibility === 'VeryHidden') n.ws.visibility = 'Hidden';
            n.ws.delete();
          }
          await context.sync();
          for (const { n } of shown) n.visibility = 'Visible';
        });
      }

      const renamed = kept.filter(({ s, n }) => s.name !== n.name);
      if (renamed.length > 0) {
        await step(problems, `工作表${renamed.map(({ s }) => quoteSheet(s.name)).join('、')}的名称未能恢复`, async () => {
          // Through unique names first: two sheets may have swapped names.
          renamed.forEach(({ n }, i) => (n.ws.name = `_ssj_恢复中_${i + 1}`));
          for (const { s, n } of renamed) n.ws.name = s.name;
          await context.sync();
        });
      }

      const hidden = kept.filter(({ s, n }) => toVisibility(n.visibility) !== s.visibility);
      if (hidden.length > 0) {
        await step(problems, `工作表${hidden.map(({ s }) => quoteSheet(s.name)).join('、')}的显示或隐藏未能恢复`, async () => {
          for (const { s, n } of hidden) n.ws.visibility = toExcelVisibility(s.visibility);
          await context.sync();
        });
      }

      const byName = new Map(kept.map(({ s, n }) => [s.name.toLowerCase(), { s, n }]));
      const snapshots = plan.hasWritten ? plan.snapshots.filter((x) => byName.has(x.sheet.toLowerCase())) : [];
      if (snapshots.length > 0) {
        const sheets = [...new Set(snapshots.map((x) => x.sheet.toLowerCase()))].map((k) => byName.get(k)!);
        await step(problems, `工作表${sheets.map(({ s }) => quoteSheet(s.name)).join('、')}中被改写的单元格未能恢复`, async () => {
          const unprotected = sheets.filter(({ n }) => n.isProtected);
          for (const { s, n } of unprotected) unprotectWith(n.ws, password(s));
          const writer = createRequestWriter(context, budget, 0, {});
          for (const snap of snapshots) await writer.queueMatrix(() => byName.get(snap.sheet.toLowerCase())!.n.ws, restoreJob(snap));
          await writer.finish();
          for (const { n } of unprotected) n.isProtected = false;
        });
      }

      const protection = kept.filter(({ s, n }) => n.isProtected !== s.isProtected);
      if (protection.length > 0) {
        await step(problems, `工作表${protection.map(({ s }) => quoteSheet(s.name)).join('、')}的保护未能恢复`, async () => {
          for (const { s, n } of protection) {
            if (s.isProtected) protectWith(n.ws, s.options, password(s));
            else unprotectWith(n.ws, password(s));
          }
          await context.sync();
        });
      }
    });
  } catch {
    problems.push('无法连接工作簿以撤销本次修改');
  }
  return { problems, protectedAtFailure };
}
