import { Button, Field, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { planRecordForms, sheetsAddedBy } from '../../core/session/recordForms';
import { describeError, isCancelledError, RETRY_ADVICE } from '../describeError';
import { stepRef, type StepPanelProps } from '../stepTypes';
import { DrawPicker } from './DrawPicker';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';

/** Forms written per `port.apply`: small enough for a steady progress bar and a prompt cancel. */
export const FORMS_PER_BATCH = 25;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; sheet: string; done: number; total: number; isCancelling: boolean }
  | { kind: 'done'; sheet: string; total: number; replaced: boolean }
  | { kind: 'cancelled'; sheet: string; replaced: boolean }
  | { kind: 'failed'; message: string };

/**
 * Step 记录表: the record forms (一户一表) of a draw, written in batches with progress. Cancel stops
 * between batches and deletes what this run added; forms generated earlier for the same draw are
 * replaced only when the run completes.
 */
export function FormsPanel({ port, book, refresh }: StepPanelProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState<number | null>(null);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const cancelRef = useRef(false);
  const draws = useMemo(() => book?.events.draws.filter((d) => !d.voided) ?? [], [book]);
  const item = draws.find((d) => d.seq === selected) ?? draws[draws.length - 1];
  const planned = useMemo(
    () => (book && item ? planRecordForms(book, { seq: item.seq, batchSize: FORMS_PER_BATCH }) : null),
    [book, item],
  );
  if (!book || !port) return <Text>{`请先在${stepRef('check')}读取并校验工作簿。`}</Text>;
  if (!item || !planned) return <Text>{`请先在${stepRef('draw')}完成抽取。`}</Text>;
  if (!planned.ok) return <ErrorBar title="不能生成记录表">{planned.message}</ErrorBar>;
  const plan = planned.plan;
  const sheet = plan.sheets[0] ?? '';
  const total = plan.forms;
  const isRunning = run.kind === 'running';

  const generate = async () => {
    cancelRef.current = false;
    const added: string[] = [];
    setRun({ kind: 'running', sheet, done: 0, total, isCancelling: false });
    try {
      for (const [i, ops] of plan.batches.entries()) {
        if (cancelRef.current) break;
        await port.apply(ops, { isCancelled: () => cancelRef.current });
        added.push(...sheetsAddedBy(ops));
        const done = Math.min(total, (i + 1) * FORMS_PER_BATCH);
        setRun((r) => (r.kind === 'running' ? { ...r, done } : r));
      }
      if (cancelRef.current) throw new Error('cancelled');
      setRun({ kind: 'done', sheet, total, replaced: plan.replaces.length > 0 });
    } catch (error) {
      const isCancel = cancelRef.current || isCancelledError(error);
      try {
        // The sheets are ours and new: removing them leaves the workbook as it was before.
        if (added.length) await port.apply(added.map((s) => ({ kind: 'deleteSheet' as const, sheet: s })));
        setRun(
          isCancel
            ? { kind: 'cancelled', sheet, replaced: plan.replaces.length > 0 }
            : {
                kind: 'failed',
                message: describeError(error, `未完成的工作表已删除，工作簿与开始前相同。${RETRY_ADVICE}`),
              },
        );
      } catch (cleanupError) {
        setRun({
          kind: 'failed',
          message: describeError(
            cleanupError,
            `未完成的工作表（${added.join('、')}）没能删除，请手动删除（右键工作表标签 → 删除）。`,
          ),
        });
      }
    }
    // Sheet list for the next run and the other steps; a failure here shows above the steps.
    await refresh().catch(() => undefined);
  };

  const effect = plan.replaces.length
    ? `将重新生成工作表“${sheet}”中的 ${total} 份部门联合抽查检查情况记录表（每户一页 A4），替换该抽取此前生成的记录表；完成前取消则保留原记录表；不会改动其他工作表。`
    : `将新建工作表“${sheet}”，为 ${total} 个检查对象各生成一份部门联合抽查检查情况记录表（每户一页 A4）；取消时删除该工作表，工作簿保持原样；不会改动其他工作表。`;

  return (
    <>
      <DrawPicker
        label="抽取"
        draws={draws}
        value={item}
        onChange={setSelected}
        disabled={isRunning}
        detail={(d) => `${d.teams.length} 户`}
      />
      <EffectNote>{effect}</EffectNote>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void generate()} disabled={isRunning}>
          {plan.replaces.length ? '重新生成记录表' : '生成记录表'}
        </Button>
        {isRunning && (
          <Button
            onClick={() => {
              cancelRef.current = true;
              setRun((r) => (r.kind === 'running' ? { ...r, isCancelling: true } : r));
            }}
            disabled={run.isCancelling}
          >
            取消
          </Button>
        )}
      </div>
      {run.kind === 'running' && (
        <Field
          label="生成进度"
          validationState="none"
          validationMessage={run.isCancelling ? '正在取消，请稍候…' : `已生成 ${run.done} / ${run.total} 户`}
        >
          <ProgressBar value={run.total ? run.done / run.total : 0} thickness="large" aria-label="生成进度" />
        </Field>
      )}
      {run.kind === 'done' && (
        <ErrorBar title={run.replaced ? '记录表已重新生成' : '记录表已生成'} intent="success">
          {`已${run.replaced ? '重新' : ''}生成 ${run.total} 份记录表，位于${run.replaced ? '' : '新'}工作表“${run.sheet}”，每户一页，可直接打印。`}
        </ErrorBar>
      )}
      {run.kind === 'cancelled' && (
        <ErrorBar title="已取消" intent="info">
          {run.replaced
            ? `已删除本次未完成的新记录表，原工作表“${run.sheet}”保持不变，工作簿与开始前相同。`
            : `已删除未完成的工作表“${run.sheet}”，工作簿与开始前相同。`}
        </ErrorBar>
      )}
      {run.kind === 'failed' && <ErrorBar title="生成记录表失败">{run.message}</ErrorBar>}
    </>
  );
}
