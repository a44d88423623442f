/**
 * After a failed batch, puts the workbook back as it was, in a fresh `Excel.run` (the failed one's
 * proxies are dead, and its queue may hold commands that would fail again): visibility, the cells
 * the batch overwrote in existing sheets, the sheets it added removed (VeryHidden ones made Hidden
 * first: Excel refuses to delete them), and protection as it was — a sheet the batch unprotected is
 * protected again with its own options. Each step runs on its own, so that one failing step does
 * not stop the others; what could not be put back is returned, in Chinese, for the user.
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
  /** Names the batch adds or copies to. */
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
  /** Lower-case names of the sheets that were protected when the restore began. */
  protectedAtFailure: Set<string>;
};

type NowSheet = { ws: Excel.Worksheet; name: string; visibility: string; isProtected: boolean };

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
      worksheets.load('items/name,items/visibility,items/protection/protected');
      await context.sync();
      const now = new Map<string, NowSheet>(
        worksheets.items.map((ws) => [ws.name.toLowerCase(), { ws, name: ws.name, visibility: ws.visibility, isProtected: ws.protection.protected }]),
      );
      for (const s of now.values()) if (s.isProtected) protectedAtFailure.add(s.name.toLowerCase());
      const startByName = new Map(start.map((s) => [s.name.toLowerCase(), s]));
      const password = (name: string) => plan.passwords.get(name.toLowerCase());

      for (const s of start) if (!now.has(s.name.toLowerCase())) problems.push(`已删除的工作表${quoteSheet(s.name)}无法恢复`);

      // Visibility first: deleting an added sheet needs another visible sheet.
      const hidden = start.filter((s) => {
        const n = now.get(s.name.toLowerCase());
        return n !== undefined && toVisibility(n.visibility) !== s.visibility;
      });
      if (hidden.length > 0) {
        await step(problems, `工作表${hidden.map((s) => quoteSheet(s.name)).join('、')}的显示或隐藏未能恢复`, async () => {
          for (const s of hidden) now.get(s.name.toLowerCase())!.ws.visibility = toExcelVisibility(s.visibility);
          await context.sync();
        });
      }

      const snapshots = plan.hasWritten ? plan.snapshots.filter((s) => now.has(s.sheet.toLowerCase())) : [];
      if (snapshots.length > 0) {
        const sheets = [...new Set(snapshots.map((s) => s.sheet.toLowerCase()))];
        await step(problems, `工作表${sheets.map((n) => quoteSheet(now.get(n)!.name)).join('、')}中被改写的单元格未能恢复`, async () => {
          const unprotected = sheets.map((n) => now.get(n)!).filter((s) => s.isProtected);
          for (const s of unprotected) unprotectWith(s.ws, password(s.name));
          const writer = createRequestWriter(context, budget, 0, {});
          for (const snap of snapshots) await writer.queueMatrix(() => now.get(snap.sheet.toLowerCase())!.ws, restoreJob(snap));
          await writer.finish();
          for (const s of unprotected) s.isProtected = false;
        });
      }

      const addedNames = new Set(plan.added.map((n) => n.toLowerCase()));
      const copyName = new RegExp(`^(${plan.copySources.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) \\(\\d+\\)$`, 'i');
      const doomed = [...now.values()].filter(
        (s) => !startByName.has(s.name.toLowerCase()) && (addedNames.has(s.name.toLowerCase()) || (plan.copySources.length > 0 && copyName.test(s.name))),
      );
      if (doomed.length > 0) {
        await step(problems, `本次新建的工作表${doomed.map((s) => quoteSheet(s.name)).join('、')}未能删除`, async () => {
          for (const s of doomed) {
            // "If the worksheet's visibility is set to VeryHidden, the delete operation will fail."
            if (s.visibility === 'VeryHidden') s.ws.visibility = 'Hidden';
            s.ws.delete();
          }
          await context.sync();
        });
      }

      const protection = start.flatMap((s) => {
        const n = now.get(s.name.toLowerCase());
        return n && n.isProtected !== s.isProtected ? [{ s, n }] : [];
      });
      if (protection.length > 0) {
        await step(problems, `工作表${protection.map(({ s }) => quoteSheet(s.name)).join('、')}的保护未能恢复`, async () => {
          for (const { s, n } of protection) {
            if (s.isProtected) protectWith(n.ws, s.options, password(s.name));
            else unprotectWith(n.ws, password(s.name));
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
