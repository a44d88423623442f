/**
 * `apply` on Office.js, in phases:
 * 1. preconditions and the shared `checkBatch` (`preflight`): a batch that cannot succeed is
 *    refused before anything changes;
 * 2. the cells the batch will overwrite in existing sheets are read (to put them back after a
 *    failure), and the protected sheets it unprotects are unprotected first, on their own — a
 *    password the add-in does not know is found before anything is written;
 * 3. the writes, in as few payload-bounded syncs as possible (`requestWriter`, one op at a time by
 *    `queueOp`); a sheet that existed and is deleted is only renamed and hidden until the batch's
 *    last commands (`createOpTarget`), so that a failure can still give it back;
 * 4. the cells the batch expected (`expectValue`, the log's chain head) and then overwrote are read
 *    again: a co-author who wrote there meanwhile is reported, not silently overwritten.
 * A failure in 2 or 3 is undone in a fresh `Excel.run` (`restoreAfterFailure`).
 */
import { quoteSheet } from '../_lib/batchErrors';
import type { CheckedOp } from '../checkBatch';
import { WorkbookError } from '../port';
import type { ApplyOptions, WorkbookOp } from '../port';
import type { OfficeHost } from './officeHost';
import { officeCode } from './officeHost';
import { preflight } from './preflight';
import type { Preflight } from './preflight';
import { queueOp, rowsWritten } from './queueOp';
import { createOpTarget } from './createOpTarget';
import { createRequestWriter } from './requestWriter';
import type { RestoreOutcome, RestorePlan } from './restoreAfterFailure';
import { restoreAfterFailure } from './restoreAfterFailure';
import { verifyExpectations } from './verifyExpectations';
import { readSnapshots } from './snapshots';

type Phase = 'check' | 'snapshot' | 'unprotect' | 'write' | 'verify';

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

/** Phase 2a: the cells about to be overwritten that did not fit the precondition sync. */
async function readLaterSnapshots(context: Excel.RequestContext, pre: Preflight, budget: number, plan: RestorePlan): Promise<void> {
  const existed = new Set(pre.start.map((s) => s.name.toLowerCase()));
  plan.snapshots.push(...pre.snapshots.filter((s) => existed.has(s.sheet.toLowerCase())));
  const later = pre.laterSnapshots.filter((s) => existed.has(s.sheet.toLowerCase()));
  if (later.length > 0) plan.snapshots.push(...(await readSnapshots(context, (n) => pre.proxies.get(n.toLowerCase())!, later, budget)));
}

/** Phase 2b: the sheets that can be unprotected first, in a sync of their own (a wrong password stops here). */
async function unprotectSheetsFirst(context: Excel.RequestContext, pre: Preflight, first: Set<CheckedOp>): Promise<void> {
  for (const c of first) {
    if (c.op.kind !== 'unprotect') continue;
    const protection = pre.proxies.get(c.op.sheet.toLowerCase())!.protection;
    if (c.op.password !== undefined) protection.unprotect(c.op.password);
    else protection.unprotect();
  }
  if (first.size > 0) await context.sync();
}

function passwordError(sheet: string, visibility: string | undefined, hadPassword: boolean): WorkbookError {
  const what = hadPassword ? '所给的保护密码不正确' : '设有保护密码，本助手不知道这个密码';
  const todo =
    visibility === 'veryHidden'
      ? '该表对用户隐藏，无法在 Excel 界面中撤销保护：请用设置该密码时的方式（如命令行 shuangsuiji 的 --password 选项）提供同一密码。'
      : '请在 Excel 中打开该表，点“审阅 → 撤销工作表保护”并输入密码，然后重试；完成后本助手会按自己的设置重新保护该表。';
  return new WorkbookError(`工作表${quoteSheet(sheet)}${what}，无法撤销保护，未做任何修改。${todo}`, 'SHEET_PASSWORD');
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
      phase = 'snapshot';
      plan.start = pre.start;
      await readLaterSnapshots(context, pre, budget, plan);
      phase = 'unprotect';
      await unprotectSheetsFirst(context, pre, first);
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
