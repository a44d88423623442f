import { Field, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatLogTime } from '../../core/log/drawLog';
import { formatShortTime } from '../../core/results/describeDraw';
import { describeError, RETRY_ADVICE } from '../describeError';
import { stepRef, type StepPanelProps } from '../stepTypes';
import { ConfirmDialog } from './ConfirmDialog';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';
import { LOG_EFFECT, type ConfirmRequest, type LogActions } from './LogActions';
import { LogVerifySection } from './LogVerifySection';
import { SubstituteSection } from './SubstituteSection';
import { VoidSection } from './VoidSection';

const useStyles = makeStyles({
  entries: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  summary: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; label: string }
  | { kind: 'done' | 'failed'; title: string; message: string };

/** Step 抽取记录: the log's rows and chain head, full verification, and 递补 / 作废 as logged events. */
export function LogPanel(props: StepPanelProps) {
  const { book, env, applyOps, session, updateSession } = props;
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  if (!book) return <Text>{`请先在${stepRef('check')}读取并校验工作簿。`}</Text>;

  const log = book.log;
  const draws = book.events.draws.filter((d) => !d.voided);
  const operator = session.operator.trim();
  const meta = () => ({ time: formatLogTime(env.now()), operator });
  const actions: LogActions = {
    ask: setConfirm,
    fail: (title, message) => setStatus({ kind: 'failed', title, message }),
    isWorking: status.kind === 'working',
    perform: (label, ops, done) => {
      setStatus({ kind: 'working', label });
      applyOps(ops).then(
        () => setStatus({ kind: 'done', ...done }),
        (error: unknown) =>
          setStatus({
            kind: 'failed',
            title: '没有写入工作簿',
            message: describeError(error, `工作簿未改动。${RETRY_ADVICE}`),
          }),
      );
    },
  };

  return (
    <>
      <EffectNote>查看与验证只读取工作簿，不会改动它；“递补”“作废”会在抽取记录末尾追加一行。</EffectNote>
      <LogVerifySection {...props} />

      {/* A list, not a table: the summary must stay readable in a 320 px pane. */}
      <ol className={styles.entries} aria-label={`抽取记录（共 ${log.rows.length} 条）`}>
        {log.rows.map(({ entry }) => (
          <li key={entry.seq} className={styles.entry}>
            <Text weight="semibold">{`${entry.seq} · ${entry.event} · ${entry.planNo}/${entry.taskNo}`}</Text>
            <Text
              size={200}
              className={styles.muted}
            >{`${formatShortTime(entry.time)}${entry.operator ? ` · ${entry.operator}` : ''}`}</Text>
            <Text size={200} className={styles.summary}>
              {entry.summary}
            </Text>
          </li>
        ))}
      </ol>

      {draws.length > 0 && (
        <>
          <Field
            label="操作人（记入抽取记录）"
            required
            validationMessage={operator ? undefined : '递补、作废前请填写您的姓名。'}
            validationState={operator ? 'none' : 'warning'}
          >
            <Input value={session.operator} onChange={(_, data) => updateSession({ operator: data.value })} />
          </Field>
          <SubstituteSection
            book={book}
            draws={draws}
            meta={meta}
            canAppend={operator !== ''}
            actions={actions}
          />
          <VoidSection book={book} draws={draws} meta={meta} canAppend={operator !== ''} actions={actions} />
        </>
      )}

      <div role="status" aria-live="polite">
        {status.kind === 'working' && <Spinner size="small" labelPosition="after" label={status.label} />}
      </div>
      {status.kind === 'done' && (
        <ErrorBar title={status.title} intent="success">
          {status.message}
        </ErrorBar>
      )}
      {status.kind === 'failed' && <ErrorBar title={status.title}>{status.message}</ErrorBar>}

      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.title ?? ''}
        confirmLabel={confirm?.confirmLabel ?? ''}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const run = confirm?.run;
          setConfirm(null);
          run?.();
        }}
      >
        {confirm?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>{`${LOG_EFFECT}，记录一经写入不能撤销。`}</p>
      </ConfirmDialog>
    </>
  );
}
