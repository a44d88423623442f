import { Button, Dropdown, Field, makeStyles, Option, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { describeError, isCancelledError, RETRY_ADVICE } from '../describeError';
import { describeDraw, formatShortTime, listDraws, type DrawItem } from '../../core/results';
import { nextFreeSheetName } from '../nextFreeSheetName';
import { stepRef, type StepPanelProps } from '../stepTypes';
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
  | { kind: 'done'; sheet: string; total: number }
  | { kind: 'cancelled'; sheet: string }
  | { kind: 'failed'; message: string };

/** `记录表-<计划编号>-<任务编号>` as recordFormsSheetName makes it, known before the forms module loads; ` (2)` when taken. */
function plannedSheetName(item: DrawItem, sheetNames: readonly string[]): string {
  const clean = (s: string) => s.replace(/[\\/?*[\]:]/g, '').trim();
  const base = ['记录表', item.record.task.planNo, item.record.task.taskNo].map(clean).filter(Boolean).join('-').slice(0, 31);
  return nextFreeSheetName(base, sheetNames);
}

/**
 * Step 4: the record forms (一户一表) of a draw on a NEW sheet, written in batches with progress.
 * Cancel stops between batches and deletes that sheet, so the workbook is as it was before.
 */
export function FormsPanel({ port, book, refresh }: StepPanelProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState<number | null>(null);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const cancelRef = useRef(false);
  if (!book || !port) return <Text>请先在第 1 步读取并校验工作簿。</Text>;

  const draws = listDraws(book.log).filter((d) => !d.voided);
  const item = draws.find((d) => d.seq === selected) ?? draws[draws.length - 1];
  if (!item) return <Text>{`请先在${stepRef('draw')}完成抽取。`}</Text>;
  const sheetNames = book.sheets.map((s) => s.name);
  const planned = plannedSheetName(item, sheetNames);
  const total = item.teams.length;
  const isRunning = run.kind === 'running';

  const generate = async () => {
    cancelRef.current = false;
    const forms = await import(/* webpackChunkName: "forms" */ '../../core/forms');
    // The name announced above is the name written (not recomputed, so the note stays true).
    const sheet = planned;
    // Forms show the teams as substitutions (递补) left them.
    const record = { ...item.record, result: item.teams };
    let isCreated = false;
    setRun({ kind: 'running', sheet, done: 0, total, isCancelling: false });
    try {
      for (let start = 0; start < total; start += FORMS_PER_BATCH) {
        if (cancelRef.current) break;
        const ops = forms.buildRecordFormsOps(record, item.context, { sheetName: sheet, startIndex: start, count: FORMS_PER_BATCH });
        await port.apply(ops, { isCancelled: () => cancelRef.current });
        isCreated = true;
        const done = Math.min(total, start + FORMS_PER_BATCH);
        setRun((r) => (r.kind === 'running' ? { ...r, done } : r));
      }
      if (cancelRef.current) throw new Error('cancelled');
      setRun({ kind: 'done', sheet, total });
    } catch (error) {
      const isCancel = cancelRef.current || isCancelledError(error);
      try {
        // The sheet is ours and new: removing it leaves the workbook as it was before.
        if (isCreated) await port.apply([{ kind: 'deleteSheet', sheet }]);
        setRun(
          isCancel
            ? { kind: 'cancelled', sheet }
            : { kind: 'failed', message: describeError(error, `未完成的工作表“${sheet}”已删除，工作簿与开始前相同。${RETRY_ADVICE}`) },
        );
      } catch (cleanupError) {
        setRun({
          kind: 'failed',
          message: describeError(cleanupError, `未完成的工作表“${sheet}”没能删除，请手动删除它（右键工作表标签 → 删除）。`),
        });
      }
    }
    // Sheet list for the next run and the other steps; a failure here shows above the steps.
    await refresh().catch(() => undefined);
  };

  return (
    <>
      <Field label="抽取">
        <Dropdown
          value={describeDraw(item)}
          selectedOptions={[String(item.seq)]}
          onOptionSelect={(_, data) => setSelected(Number(data.optionValue))}
          disabled={isRunning}
        >
          {draws.map((d) => (
            <Option key={d.seq} value={String(d.seq)} text={describeDraw(d)}>
              {`${describeDraw(d)}（${formatShortTime(d.entry.time)}，${d.teams.length} 户）`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <EffectNote>
        {`将新建工作表“${planned}”，为 ${total} 个检查对象各生成一份部门联合抽查检查情况记录表（每户一页 A4）；取消时删除该工作表，工作簿保持原样；不会改动其他工作表。`}
      </EffectNote>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void generate()} disabled={isRunning}>
          生成记录表
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
        <ErrorBar title="记录表已生成" intent="success">
          {`已生成 ${run.total} 份记录表，位于新工作表“${run.sheet}”，每户一页，可直接打印。`}
        </ErrorBar>
      )}
      {run.kind === 'cancelled' && (
        <ErrorBar title="已取消" intent="info">
          {`已删除未完成的工作表“${run.sheet}”，工作簿与开始前相同。`}
        </ErrorBar>
      )}
      {run.kind === 'failed' && <ErrorBar title="生成记录表失败">{run.message}</ErrorBar>}
    </>
  );
}
