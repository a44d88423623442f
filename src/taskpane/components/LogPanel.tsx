import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { DATA_SHEET, formatLogTime, verifyLog } from '../../core/log';
import type { LogState } from '../../core/log';
import { chainHead } from '../../core/log/logSheet';
import { appendBlocker, recordSubstitution, recordVoid } from '../../core/session/logEvents';
import { describeError, RETRY_ADVICE } from '../describeError';
import { describeDraw, describeTeam, formatShortTime, listDraws, type DrawItem } from '../../core/results';
import { stepRef, type StepPanelProps } from '../stepTypes';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';
import { FindingList } from './FindingList';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
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

type Pending =
  | { kind: 'idle' }
  | { kind: 'confirm'; what: 'substitute' | 'void' }
  | { kind: 'working'; label: string }
  | { kind: 'done'; title: string; message: string }
  | { kind: 'failed'; title: string; message: string };

/** Refuses to append after a changed chain or changed stored data of the draw (as the CLI does). */
function appendRefusal(log: LogState, seq: number): string {
  const blocker = appendBlocker(log, seq);
  if (!blocker) return '';
  const advice = '不能在其后追加。请先点击“验证”查看详情，从未改动的备份恢复工作簿后再操作。';
  return blocker.kind === 'chain'
    ? `抽取记录已被改动（${blocker.finding.sheet}!${blocker.finding.cell}），${advice}`
    : `第 ${seq} 条记录的存储数据已被改动，${advice}`;
}

/** Step 3: the log's rows and chain head, full verification, and 递补 / 作废 as logged events. */
export function LogPanel({
  book,
  env,
  refresh,
  applyOps,
  selectCell,
  session,
  updateSession,
}: StepPanelProps) {
  const styles = useStyles();
  const [isVerifying, setIsVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>({ kind: 'idle' });
  const [subDraw, setSubDraw] = useState<number | null>(null);
  const [subTarget, setSubTarget] = useState('');
  const [subOut, setSubOut] = useState('');
  const [subReason, setSubReason] = useState('');
  const [voidDraw, setVoidDraw] = useState<number | null>(null);
  const [voidReason, setVoidReason] = useState('');
  if (!book) return <Text>请先在第 1 步读取并校验工作簿。</Text>;

  const log = book.log;
  const head = chainHead(log);
  const draws = listDraws(log).filter((d) => !d.voided);
  const operator = session.operator.trim();
  const verification = session.verification;
  const isCurrent =
    verification !== null && verification.head === head && verification.entries === log.rows.length;

  const verify = () => {
    setIsVerifying(true);
    setVerifyError(null);
    // Read the workbook again: verification is about what is in it now, not what was read earlier.
    refresh()
      .then((fresh) => {
        const dataGrid = fresh.grids.find((g) => g.sheet === DATA_SHEET) ?? null;
        updateSession({
          verification: verifyLog(fresh.log, { resultGrids: fresh.grids, sheetInfo: fresh.sheets, dataGrid }),
        });
      })
      .catch((error: unknown) => setVerifyError(describeError(error, RETRY_ADVICE)))
      .finally(() => setIsVerifying(false));
  };

  const subItem: DrawItem | undefined = draws.find((d) => d.seq === subDraw) ?? draws[0];
  const subTeam = subItem?.teams.find((e) => e.target === subTarget) ?? subItem?.teams[0];
  const voidItem: DrawItem | undefined = draws.find((d) => d.seq === voidDraw) ?? draws[0];
  const meta = () => ({ time: formatLogTime(env.now()), operator });
  const logEffect = '将在受保护的“抽取记录”末尾追加一行';

  const run = (
    label: string,
    ops: Parameters<typeof applyOps>[0],
    done: { title: string; message: string },
  ) => {
    setPending({ kind: 'working', label });
    applyOps(ops).then(
      () => setPending({ kind: 'done', ...done }),
      (error: unknown) =>
        setPending({
          kind: 'failed',
          title: '没有写入工作簿',
          message: describeError(error, `工作簿未改动。${RETRY_ADVICE}`),
        }),
    );
  };

  const doSubstitute = () => {
    if (!subItem || !subTeam) return;
    const refusal = appendRefusal(log, subItem.seq);
    if (refusal) return setPending({ kind: 'failed', title: '不能递补', message: refusal });
    const outcome = recordSubstitution(
      log,
      subItem.seq,
      { target: subTeam.target, out: subOut || subTeam.members[0] || '', reason: subReason },
      meta(),
      book.grids,
    );
    if (!outcome.ok && !outcome.isLogged)
      return setPending({ kind: 'failed', title: '不能递补', message: outcome.message });
    if (!outcome.ok) {
      return run('正在记录…', outcome.ops, {
        title: '递补失败，已记入抽取记录',
        message: `${outcome.message}。请检查人员名录后，由负责人决定如何处理。`,
      });
    }
    setSubReason('');
    run('正在递补…', outcome.ops, {
      title: `已递补（抽取记录第 ${outcome.entry.seq} 条）`,
      message: `${outcome.message}。${outcome.resultSheet ? `工作表“${outcome.resultSheet}”中该对象的检查组已更新。` : ''}`,
    });
  };

  const doVoid = () => {
    if (!voidItem) return;
    const refusal = appendRefusal(log, voidItem.seq);
    if (refusal) return setPending({ kind: 'failed', title: '不能作废', message: refusal });
    const outcome = recordVoid(log, voidItem.seq, voidReason, meta());
    if (!outcome.ok) return setPending({ kind: 'failed', title: '不能作废', message: outcome.message });
    setVoidReason('');
    run('正在作废…', outcome.ops, {
      title: `已作废第 ${voidItem.seq} 条抽取（抽取记录第 ${outcome.entry.seq} 条）`,
      message: `原抽取与结果表保留不变，可在${stepRef('draw')}重新抽取该任务，新抽取会注明替代第 ${voidItem.seq} 条。`,
    });
  };

  const confirmWhat = pending.kind === 'confirm' ? pending.what : null;
  const isWorking = pending.kind === 'working';

  return (
    <>
      <EffectNote>查看与验证只读取工作簿，不会改动它；“递补”“作废”会在抽取记录末尾追加一行。</EffectNote>
      <Text weight="semibold">链头哈希</Text>
      <Text className={styles.hash}>{head}</Text>
      <div className={styles.actions}>
        <CopyButton text={head} label="复制链头哈希" />
        <Button appearance="primary" onClick={verify} disabled={isVerifying}>
          验证
        </Button>
        <div role="status" aria-live="polite">
          {isVerifying && <Spinner size="tiny" labelPosition="after" label="正在重新读取并验证…" />}
        </div>
      </div>
      {verifyError && <ErrorBar title="验证没有完成">{verifyError}</ErrorBar>}
      {verification && (
        <>
          {verification.ok ? (
            <ErrorBar title="验证通过" intent="success">
              {`共 ${verification.entries} 条记录，哈希链完整，每次抽取都重新计算出相同结果，结果表与记录一致。${verification.findings.length ? `另有 ${verification.findings.length} 条提醒。` : ''}`}
            </ErrorBar>
          ) : (
            <ErrorBar title="验证未通过">
              {`发现 ${verification.findings.filter((f) => f.severity === 'error').length} 处问题：记录或结果表在写入后被改动过。点击下面的问题可定位到单元格；请从未改动的备份恢复工作簿。`}
            </ErrorBar>
          )}
          {!isCurrent && <Text className={styles.muted}>抽取记录在验证之后有变化，请重新验证。</Text>}
          {verification.findings.length > 0 && (
            <FindingList findings={verification.findings} onSelect={selectCell} label="验证发现的问题" />
          )}
        </>
      )}

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

          <section className={styles.section} aria-label="递补">
            <Text as="h3" weight="semibold">
              递补（检查人员因故不能参加）
            </Text>
            <Text size={200} className={styles.muted}>
              替补人员按 ssj-draw/1 规则随机产生，不能指定。
            </Text>
            <DrawPicker
              label="抽取"
              draws={draws}
              value={subItem}
              onChange={(seq) => {
                setSubDraw(seq);
                setSubTarget('');
                setSubOut('');
              }}
            />
            {subItem && subTeam && (
              <>
                <Field label="检查对象">
                  <Dropdown
                    value={subItem.context.targets[subTeam.target]?.name ?? subTeam.target}
                    selectedOptions={[subTeam.target]}
                    onOptionSelect={(_, data) => {
                      setSubTarget(data.optionValue ?? '');
                      setSubOut('');
                    }}
                  >
                    {subItem.teams.map((e) => (
                      <Option
                        key={e.target}
                        value={e.target}
                        text={subItem.context.targets[e.target]?.name ?? e.target}
                      >
                        {subItem.context.targets[e.target]?.name ?? e.target}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <Text size={200}>{`当前检查组：${describeTeam(subTeam, subItem.context)}`}</Text>
                <Field label="不能参加的检查人员">
                  <Dropdown
                    value={subItem.context.inspectors[subOut || subTeam.members[0] || '']?.name ?? ''}
                    selectedOptions={[subOut || subTeam.members[0] || '']}
                    onOptionSelect={(_, data) => setSubOut(data.optionValue ?? '')}
                  >
                    {subTeam.members.map((m) => (
                      <Option key={m} value={m} text={subItem.context.inspectors[m]?.name ?? m}>
                        {`${subItem.context.inspectors[m]?.name ?? m}${m === subTeam.leader ? '（组长）' : ''}`}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <Field label="递补原因" required>
                  <Input
                    value={subReason}
                    onChange={(_, data) => setSubReason(data.value)}
                    placeholder="如：因病无法参加"
                  />
                </Field>
                <EffectNote>{`${logEffect}（递补），并更新结果表中该对象的检查组；不会改动其他工作表。`}</EffectNote>
                <div className={styles.actions}>
                  <Button
                    disabled={!subReason.trim() || !operator || isWorking}
                    onClick={() => setPending({ kind: 'confirm', what: 'substitute' })}
                  >
                    递补…
                  </Button>
                </div>
              </>
            )}
          </section>

          <section className={styles.section} aria-label="作废">
            <Text as="h3" weight="semibold">
              作废抽取
            </Text>
            <DrawPicker label="要作废的抽取" draws={draws} value={voidItem} onChange={setVoidDraw} />
            <Field label="作废原因" required>
              <Input
                value={voidReason}
                onChange={(_, data) => setVoidReason(data.value)}
                placeholder="如：抽取范围填写有误"
              />
            </Field>
            <EffectNote>{`${logEffect}（作废）；原抽取及其结果表保留，之后可重新抽取该任务。`}</EffectNote>
            <div className={styles.actions}>
              <Button
                disabled={!voidReason.trim() || !operator || isWorking}
                onClick={() => setPending({ kind: 'confirm', what: 'void' })}
              >
                作废…
              </Button>
            </div>
          </section>
        </>
      )}

      <div role="status" aria-live="polite">
        {pending.kind === 'working' && <Spinner size="small" labelPosition="after" label={pending.label} />}
      </div>
      {pending.kind === 'done' && (
        <ErrorBar title={pending.title} intent="success">
          {pending.message}
        </ErrorBar>
      )}
      {pending.kind === 'failed' && <ErrorBar title={pending.title}>{pending.message}</ErrorBar>}

      <ConfirmDialog
        open={confirmWhat !== null}
        title={confirmWhat === 'void' ? '确认作废' : '确认递补'}
        confirmLabel={confirmWhat === 'void' ? '作废' : '递补'}
        onCancel={() => setPending({ kind: 'idle' })}
        onConfirm={() => {
          const what = confirmWhat;
          setPending({ kind: 'idle' });
          if (what === 'void') doVoid();
          else doSubstitute();
        }}
      >
        {confirmWhat === 'void' && voidItem && (
          <p>{`作废 ${describeDraw(voidItem)}，原因：${voidReason.trim()}。`}</p>
        )}
        {confirmWhat === 'substitute' && subItem && subTeam && (
          <p>
            {`${subItem.context.targets[subTeam.target]?.name ?? subTeam.target}：${subItem.context.inspectors[subOut || subTeam.members[0] || '']?.name ?? ''} 不能参加（${subReason.trim()}），将随机递补一名人员。`}
          </p>
        )}
        <p>{`${logEffect}，记录一经写入不能撤销。`}</p>
      </ConfirmDialog>
    </>
  );
}

function DrawPicker({
  label,
  draws,
  value,
  onChange,
}: {
  label: string;
  draws: DrawItem[];
  value: DrawItem | undefined;
  onChange: (seq: number) => void;
}) {
  return (
    <Field label={label}>
      <Dropdown
        value={value ? describeDraw(value) : ''}
        selectedOptions={value ? [String(value.seq)] : []}
        onOptionSelect={(_, data) => onChange(Number(data.optionValue))}
      >
        {draws.map((d) => (
          <Option key={d.seq} value={String(d.seq)} text={describeDraw(d)}>
            {`${describeDraw(d)}（${formatShortTime(d.entry.time)}）`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
