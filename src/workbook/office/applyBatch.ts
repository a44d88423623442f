/**
 * `apply` on Office.js, in phases:
 * 1. preconditions and the shared `checkBatch` (`preflight`): a batch that cannot succeed is
 *    refused before anything changes;
 * 2. the cells the batch will overwrite in existing sheets are read (to put them back after a
 *    failure), and the protected sheets it unprotects are unprotected first, on their own — a
 *    password the add-in does not know is found before anything is written;
 * 3. the writes, in as few payload-bounded syncs as possible;
 * 4. the cells the batch expected (`expectValue`, the log's chain head) and then overwrote are read
 *    again: a co-author who wrote there meanwhile is reported, not silently overwritten.
 * A failure in 2 or 3 is undone in a fresh `Excel.run` (`restoreAfterFailure`).
 */
import type { CellValue } from '../../core/grid';
import { quoteSheet } from '../_lib/batchErrors';
import type { CheckedOp } from '../checkBatch';
import { writtenBox } from '../checkBatch';
import { WorkbookError } from '../port';
import type { ApplyOptions, WorkbookOp } from '../port';
import type { RangeBox } from '../rangeAddress';
import type { OfficeHost } from './officeHost';
import { officeCode } from './officeHost';
import { preflight } from './preflight';
import type { Preflight } from './preflight';
import { SMALL_COMMAND_BYTES } from './payload';
import { queueOp, rowsWritten } from './queueOp';
import type { SheetProxies } from './queueOp';
import type { RequestWriter } from './requestWriter';
import { createRequestWriter } from './requestWriter';
import type { RestoreOutcome, RestorePlan } from './restoreAfterFailure';
import { restoreAfterFailure } from './restoreAfterFailure';
import { readSnapshots } from './snapshots';

type Phase = 'check' | 'unprotect' | 'write' | 'verify';

/** Error codes Excel gives an `unprotect` with a wrong or missing password. */
const PASSWORD_ERROR_CODES: ReadonlySet<string> = new Set(['InvalidArgument', 'AccessDenied', 'InvalidOperation']);

/**
 * The unprotect ops that can run before everything else: the first op of the batch to name its
 * sheet (an `expectValue` aside), on a sheet that is protected now.
 */
function unprotectFirst(checked: readonly CheckedOp[]): Set<CheckedOp> {
  const seen = new Set<string>();
  const out = new Set<CheckedOp>();
  for (const c of checked) {
    const { op } = c;
    if (!('sheet' in op) || op.kind === 'expectValue') continue;
    const name = op.sheet.toLowerCase();
    if (op.kind === 'unprotect' && !c.skip && !seen.has(name)) out.add(c);
    seen.add(name);
    if (op.kind === 'copySheet') seen.add(op.source.toLowerCase());
  }
  return out;
}

/**
 * Phase 2: reads what did not fit sync 1 of the cells about to be overwritten, then unprotects the
 * sheets that can be unprotected first, in a sync of their own.
 */
async function prepareWrites(context: Excel.RequestContext, pre: Preflight, first: Set<CheckedOp>, budget: number, plan: RestorePlan): Promise<void> {
  const existed = new Set(pre.start.map((s) => s.name.toLowerCase()));
  plan.snapshots.push(...pre.snapshots.filter((s) => existed.has(s.sheet.toLowerCase())));
  const later = pre.laterSnapshots.filter((s) => existed.has(s.sheet.toLowerCase()));
  if (later.length > 0) plan.snapshots.push(...(await readSnapshots(context, (n) => pre.proxies.get(n.toLowerCase())!, later, budget)));
  for (const c of first) {
    if (c.op.kind !== 'unprotect') continue;
    const protection = pre.proxies.get(c.op.sheet.toLowerCase())!.protection;
    if (c.op.password !== undefined) protection.unprotect(c.op.password);
    else protection.unprotect();
  }
  if (first.size > 0) await context.sync();
}

/** The value the batch last wrote into a cell, or undefined when it did not write there. */
function writtenValue(checked: readonly CheckedOp[], sheet: string, row: number, col: number): CellValue | undefined {
  let out: CellValue | undefined;
  for (const { op, box, skip } of checked) {
    if (skip || op.kind !== 'write' || op.sheet.toLowerCase() !== sheet.toLowerCase() || !box) continue;
    const b: RangeBox = writtenBox(op, box);
    if (row < b.top || row > b.bottom || col < b.left || col > b.right) continue;
    const input = op.rows[row - b.top]?.[col - b.left];
    if (input === undefined) continue;
    const value = input !== null && typeof input === 'object' ? input.value : input;
    out = op.textColumns?.includes(col - b.left) && value !== null ? String(value) : value;
  }
  return out;
}

/**
 * Phase 4: the expected cells the batch overwrote must hold what it wrote. Excel has no
 * compare-and-swap: a co-author's write between our check and our write would otherwise go unseen.
 */
async function verifyExpectations(context: Excel.RequestContext, pre: Preflight): Promise<void> {
  const reads = pre.checked.flatMap(({ op, box }) => {
    if (op.kind !== 'expectValue' || !box) return [];
    const wrote = writtenValue(pre.checked, op.sheet, box.top, box.left);
    if (wrote === undefined) return [];
    const range = pre.proxies.get(op.sheet.toLowerCase())?.getRange(op.address).load('values');
    return range ? [{ op, wrote, range }] : [];
  });
  if (reads.length === 0) return;
  try {
    await context.sync();
  } catch (e) {
    throw new WorkbookError(
      `本次内容已写入，但随后未能再次读取工作表${quoteSheet(reads[0]!.op.sheet)}的 ${reads[0]!.op.address}，无法确认没有他人同时写入` +
        `（技术信息：${e instanceof Error ? e.message : String(e)}）。请重新读取后在“抽取记录”中点“验证”。`,
      'WRITTEN_UNCHECKED',
    );
  }
  for (const { op, wrote, range } of reads) {
    const now = range.values[0]?.[0] ?? '';
    if (String(now) !== String(wrote ?? '')) {
      throw new WorkbookError(
        `本次内容已写入，但随后读到工作表${quoteSheet(op.sheet)}的 ${op.address} 已不是本次写入的内容：可能有他人同时操作，两次写入发生了冲突。` +
          `请所有人暂停操作，重新读取后在“抽取记录”中点“验证”，按提示处理。`,
        'CONFLICT_AFTER_WRITE',
      );
    }
  }
}

function passwordError(sheet: string, visibility: string | undefined, hadPassword: boolean): WorkbookError {
  const what = hadPassword ? '所给的保护密码不正确' : '设有保护密码，本助手不知道这个密码';
  const todo =
    visibility === 'veryHidden'
      ? '该表对用户隐藏，无法在 Excel 界面中撤销保护：请用设置该密码时的方式（如命令行 shuangsuiji 的 --password 选项）提供同一密码。'
      : '请在 Excel 中打开该表，点“审阅 → 撤销工作表保护”并输入密码，然后重试；完成后本助手会按自己的设置重新保护该表。';
  return new WorkbookError(`工作表${quoteSheet(sheet)}${what}，无法撤销保护，未做任何修改。${todo}`, 'SHEET_PASSWORD');
}

/**
 * The op target of a batch, which keeps track of which sheets existed before it (by their names
 * now) so that deleting one of them is deferred to the batch's last sync: until then the sheet is
 * only renamed and hidden, and a failure can give it back.
 */
function createOpTarget(writer: RequestWriter, sheets: SheetProxies, worksheets: Excel.WorksheetCollection, pre: Preflight, plan: RestorePlan) {
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

/** The error the user sees after a failure and the restore. */
function explain(e: unknown, phase: Phase, outcome: RestoreOutcome, pre: Preflight | null, first: Set<CheckedOp>): unknown {
  const code = officeCode(e);
  if (phase === 'unprotect' && pre && code !== undefined && PASSWORD_ERROR_CODES.has(code)) {
    const culprit = [...first].find((c) => 'sheet' in c.op && outcome.protectedAtFailure.has(c.op.sheet.toLowerCase()));
    if (culprit && culprit.op.kind === 'unprotect' && outcome.problems.length === 0) {
      return passwordError(culprit.op.sheet, culprit.before?.visibility, culprit.op.password !== undefined);
    }
  }
  if (outcome.problems.length === 0) return e;
  const original = e instanceof WorkbookError ? e.message.replace(/[。.]\s*$/, '') : `Excel 没有完成这项操作（技术信息：${e instanceof Error ? e.message : String(e)}）`;
  return new WorkbookError(
    `${original}。本次修改未能全部撤销：${outcome.problems.join('；')}。请检查这些工作表，必要时从备份恢复。`,
    'ROLLBACK_INCOMPLETE',
  );
}

/**
 * Applies a batch through Office.js.
 * @param host Excel.run and the capabilities
 * @param ops the batch
 * @param budget estimated bytes per request
 * @param options progress and cancel callbacks
 * @example await applyBatch(host, [{ kind: 'addSheet', sheet: '抽取结果' }], 4 << 20, {});
 */
export async function applyBatch(host: OfficeHost, ops: WorkbookOp[], budget: number, options: ApplyOptions): Promise<void> {
  if (ops.length === 0) return;
  const caps = host.capabilities();
  const plan: RestorePlan = {
    start: null,
    added: ops.flatMap((op) => (op.kind === 'addSheet' || op.kind === 'copySheet' ? [op.sheet] : [])),
    copySources: ops.flatMap((op) => (op.kind === 'copySheet' ? [op.source] : [])),
    passwords: new Map(ops.flatMap((op) => (op.kind === 'unprotect' || op.kind === 'protect' ? [[op.sheet.toLowerCase(), op.password] as const] : []))),
    snapshots: [],
    hasWritten: false,
  };
  let phase: Phase = 'check';
  let pre: Preflight | null = null;
  let first = new Set<CheckedOp>();
  try {
    await host.withContext(async (context) => {
      pre = await preflight(host, context, ops, caps, budget);
      const { checked, proxies } = pre;
      first = unprotectFirst(checked);
      phase = 'unprotect';
      plan.start = pre.start;
      await prepareWrites(context, pre, first, budget, plan);
      phase = 'write';
      plan.hasWritten = true;
      const writer = createRequestWriter(context, budget, checked.reduce((n, c) => n + rowsWritten(c), 0), options);
      const target = createOpTarget(writer, proxies, context.workbook.worksheets, pre, plan);
      for (const c of checked) {
        if (!first.has(c)) await queueOp(target, c);
        target.track(c);
      }
      await target.finishDeletes();
      await writer.finish();
      phase = 'verify';
      await verifyExpectations(context, pre);
    });
  } catch (e) {
    // Nothing changed before the writes; a clash after them is reported, not undone (the
    // co-author's write would be undone with ours).
    if (phase === 'check' || phase === 'verify') throw e;
    const outcome = await restoreAfterFailure(host, plan, budget);
    throw explain(e, phase, outcome, pre, first);
  }
}
