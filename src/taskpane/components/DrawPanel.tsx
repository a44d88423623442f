import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatLogTime } from '../../core/log/drawLog';
import type { PlanTask } from '../../core/prepare/planTask';
import { describeTeam } from '../../core/results/describeDraw';
import {
  commitDraw,
  listDrawWarnings,
  makeDraw,
  planDraw,
  type DrawPlan,
  type PlanRefusal,
  type SeedChoice,
} from '../../core/session/drawTask';
import { announcementProblem, publicTextProblem } from '../../core/session/announcement';
import { describeAppendBlocker } from '../../core/session/appendEvent';
import { dateToSerialDay } from '../../core/session/dates';
import { describeError, RETRY_ADVICE } from '../describeError';
import { stepRef, type LastDraw, type StepPanelProps } from '../stepTypes';
import { ConfirmDialog } from './ConfirmDialog';
import { DrawWarnings, Exclusions, StaffRule, StrataTable, TaskFacts, TeamRules } from './DrawPlanView';
import { DrawResult } from './DrawResult';
import { DrawRules, defaultDrawRules, type DrawRuleValues } from './DrawRules';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';
import { OperatorField } from './OperatorField';
import { PublicSeedSteps } from './PublicSeedSteps';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: {
    margin: 0,
    paddingInlineStart: '1.4em',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type SeedMode = 'local' | 'public';

type Action =
  | { kind: 'idle' }
  | { kind: 'confirm'; what: 'draw' | 'commit' }
  | { kind: 'working'; label: string }
  | { kind: 'failed'; title: string; message: string }
  | { kind: 'committed'; commitment: string; announcement: string; seq: number };

function taskKey(task: PlanTask): string {
  return `${task.planNo}/${task.taskNo}`;
}

/** The task's row: two rows may carry one task number (both are refused), each is listed on its own. */
function optionKey(task: PlanTask): string {
  return `${task.sheet}!${task.row}`;
}

/** `2025002/001 任务名称`, as the task drop-down shows it. */
export function describeTask(task: PlanTask): string {
  return `${task.planNo}/${task.taskNo} ${task.taskName}`.trim();
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A refused plan as the pane says it (title, message). */
function describeRefusal(refusal: PlanRefusal, task: PlanTask): { title: string; message: string } {
  switch (refusal.kind) {
    case 'blocked':
      return refusal.blocker.kind === 'drawn'
        ? {
            title: '该任务已经抽取过',
            message: `任务 ${taskKey(task)} 已于抽取记录第 ${refusal.blocker.seq} 条抽取。不能直接重抽；如确需重抽，请先在${stepRef('log')}作废原抽取，写明原因。`,
          }
        : {
            title: '抽取记录已被改动，不能继续抽取',
            message: describeAppendBlocker(refusal.blocker, `请在${stepRef('log')}“验证”查看详情，从未改动的备份恢复工作簿后再抽取。`),
          };
    case 'unprepared':
      return {
        title: '无法抽取',
        message: `${refusal.problems.join('；')} 请按提示修改后回到${stepRef('check')}重新读取。`,
      };
    case 'publicText':
      return { title: '开奖号码或公告文字不符合要求', message: refusal.message };
    case 'pending':
      return {
        title: '已有承诺',
        message: `该任务已于抽取记录第 ${refusal.commitment.seq} 条记录承诺，请开奖后填写号码抽取。`,
      };
  }
}

/** What a draw and a commitment will write, in one sentence each. */
function effects(plan: DrawPlan, hasLog: boolean): { draw: string; commit: string } {
  const log = hasLog
    ? '在受保护的“抽取记录”末尾追加一行'
    : '新建受保护的“抽取记录”工作表（及其隐藏的数据表）并写入第一行';
  return {
    draw: `将新建工作表“${plan.resultSheet}”，并${log}；不会改动其他工作表。`,
    commit: `将${log}（承诺），冻结本次抽取的全部输入；不会新建结果表，也不会改动其他工作表。`,
  };
}

/** Step 抽取: pick a task, see what the draw will use and leave out, then draw with a local or public seed. */
export function DrawPanel({ book, env, applyOps, session, updateSession }: StepPanelProps) {
  const styles = useStyles();
  const tasks = useMemo(() => book?.report.tasks ?? [], [book]);
  const [selected, setSelected] = useState<string>(() => (tasks[0] ? optionKey(tasks[0]) : ''));
  // Public-seed mode is the recommended default: a local seed cannot show that nobody drew twice.
  const [mode, setMode] = useState<SeedMode>('public');
  const [announcement, setAnnouncement] = useState('');
  const [publicText, setPublicText] = useState('');
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const [drawDate] = useState(() => dateToSerialDay(env.now()));
  const [rules, setRules] = useState<DrawRuleValues>(() => defaultDrawRules(book?.report.settings?.teamSize));

  const task = tasks.find((t) => optionKey(t) === selected) ?? tasks[0] ?? null;
  const plan = useMemo(
    () => (task && book ? planDraw(book, task, rules, drawDate) : null),
    [task, book, rules, drawDate],
  );
  if (!book || !task || !plan) return <Text>{`请先在${stepRef('check')}读取并校验工作簿。`}</Text>;

  const effect = effects(plan, book.log.hasLog);
  const operator = session.operator.trim();
  const isWorking = action.kind === 'working';
  const ready = plan.ready;
  const blocker = plan.blocker;
  const isDrawnAlready = blocker?.kind === 'drawn';
  const meta = () => ({ time: formatLogTime(env.now()), operator });
  const fail = (title: string, message: string) => setAction({ kind: 'failed', title, message });
  const committed =
    action.kind === 'committed'
      ? action
      : plan.pending
        ? {
            seq: plan.pending.seq,
            announcement: plan.pending.announcement,
            commitment: plan.pending.commitment,
          }
        : null;

  const runCommit = () => {
    const c = commitDraw(book, plan, announcement, meta());
    if (!c.ok) {
      const refused = c.refusal
        ? describeRefusal(c.refusal, task)
        : { title: '无法记录承诺', message: `${c.message}。请修改公告文字后重试。` };
      return fail(refused.title, refused.message);
    }
    setAction({ kind: 'working', label: '正在记录承诺…' });
    applyOps(c.ops).then(
      () =>
        setAction({
          kind: 'committed',
          commitment: c.commitment,
          announcement: c.announcement,
          seq: c.entry.seq,
        }),
      (error: unknown) => fail('记录承诺失败', describeError(error, RETRY_ADVICE)),
    );
  };

  const runDraw = () => {
    // The draw date is the moment of the draw, not when the step was opened.
    const fresh = planDraw(book, task, rules, dateToSerialDay(env.now()));
    const seed: SeedChoice =
      mode === 'public'
        ? { source: 'public', text: publicText }
        : { source: 'local', hex: toHex(env.randomBytes(32)) };
    const outcome = makeDraw(book, fresh, seed, meta());
    if (!outcome.ok && outcome.refusal) {
      const refused = describeRefusal(outcome.refusal, task);
      return fail(refused.title, refused.message);
    }
    setAction({ kind: 'working', label: '正在抽取并写入工作簿…' });
    applyOps(outcome.ops).then(
      (next) => {
        if (!outcome.ok) {
          fail(
            '抽取失败',
            `${outcome.failure.message}（已记入抽取记录第 ${outcome.entry.seq} 条）。请按提示调整计划表或名录库（如增加可抽人员、减少回避），回到${stepRef('check')}重新读取后再抽取。`,
          );
          return;
        }
        const last: LastDraw = {
          seq: outcome.entry.seq,
          taskLabel: describeTask(task),
          resultSheet: outcome.resultSheet,
          seedSource: outcome.entry.seedSource,
          head: next
            ? (next.log.rows[next.log.rows.length - 1]?.entry.hash ?? outcome.entry.hash)
            : outcome.entry.hash,
          rows: outcome.record.result.map((e) => ({
            name: outcome.context.targets[e.target]?.name ?? e.target,
            uscc: outcome.context.targets[e.target]?.uscc ?? '',
            stratum: e.stratum,
            team: describeTeam(e, outcome.context),
          })),
        };
        updateSession({ lastDraw: last });
        setAction({ kind: 'idle' });
      },
      (error: unknown) => fail('抽取没有写入工作簿', describeError(error, `工作簿未改动。${RETRY_ADVICE}`)),
    );
  };

  const onConfirm = () => {
    const what = action.kind === 'confirm' ? action.what : 'draw';
    setAction({ kind: 'idle' });
    if (what === 'commit') runCommit();
    else runDraw();
  };

  const canDraw = ready !== null && blocker === null && operator !== '';
  const warnings = listDrawWarnings(plan.checks);
  const confirming = action.kind === 'confirm' ? action.what : null;

  return (
    <>
      <Field label="抽查任务" hint="计划表中可抽取的任务（计划编号/任务编号 任务名称）">
        <Dropdown
          value={describeTask(task)}
          selectedOptions={[optionKey(task)]}
          onOptionSelect={(_, data) => {
            if (data.optionValue) setSelected(data.optionValue);
            setAction({ kind: 'idle' });
          }}
        >
          {tasks.map((t) => (
            <Option key={optionKey(t)} value={optionKey(t)} text={describeTask(t)}>
              {describeTask(t)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {ready && (
        <Text>{`从 ${plan.candidates} 个候选对象中抽取 ${plan.picks} 个（每组 ${rules.teamSize} 人）。分层、规则和排除清单见下方“抽取依据”。`}</Text>
      )}

      {!ready && (
        <ErrorBar title="该任务暂时无法抽取">
          <ul className={styles.list}>
            {plan.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <div>{`请按上述说明修改计划表或名录库，然后回到${stepRef('check')}重新读取并校验。`}</div>
        </ErrorBar>
      )}
      {!ready && <DrawWarnings plan={plan} />}

      {ready && (
        <>
          {plan.historyIssues.length > 0 && (
            <ErrorBar title={`检查历史中有 ${plan.historyIssues.length} 个日期需要核对`} intent="warning">
              <ul className={styles.list}>
                {plan.historyIssues.slice(0, 5).map((f) => (
                  <li key={`${f.sheet}!${f.cell}`}>{`${f.sheet}!${f.cell}：${f.message}`}</li>
                ))}
              </ul>
              {plan.historyIssues.length > 5 && <div>{`另有 ${plan.historyIssues.length - 5} 个，见${stepRef('check')}的问题列表。`}</div>}
            </ErrorBar>
          )}
          {/* What to mind before drawing belongs above the action; the staff rule is in 抽取依据. */}
          <DrawWarnings plan={plan} />
          {blocker && blocker.kind !== 'drawn' && (
            <ErrorBar title="抽取记录已被改动，不能继续抽取">
              {describeRefusal({ kind: 'blocked', blocker }, task).message}
            </ErrorBar>
          )}
          {/* Right after this task's own draw the result below says it all; the notice is for later visits. */}
          {isDrawnAlready && session.lastDraw?.seq !== plan.lastDraw && (
            <ErrorBar title="该任务已经抽取过" intent="info">
              {describeRefusal({ kind: 'blocked', blocker }, task).message}
            </ErrorBar>
          )}

          {!isDrawnAlready && (
            <>
              <OperatorField
                value={session.operator}
                onChange={(name) => updateSession({ operator: name })}
                memory={env.operatorMemory}
              />
              <Field
                label="随机数来源"
                hint="公开随机数：先公布承诺，开奖后用开奖号码抽取。本地随机：由本机的加密随机数生成器产生。"
              >
                <RadioGroup
                  value={mode}
                  onChange={(_, data) => setMode(data.value === 'public' ? 'public' : 'local')}
                >
                  <Radio value="public" label="公开随机数（推荐，正式抽取用）" />
                  <Radio value="local" label="本地随机（演练或内部抽取）" />
                </RadioGroup>
              </Field>

              {mode === 'local' && (
                <>
                  <Text size={200} className={styles.muted}>
                    本地随机数不能向他人证明没有多次抽取后挑选结果；抽取后请公布公示码，正式抽取请选公开随机数。
                  </Text>
                  <EffectNote>{effect.draw}</EffectNote>
                  <div className={styles.actions}>
                    <Button
                      appearance="primary"
                      disabled={!canDraw || isWorking}
                      onClick={() => setAction({ kind: 'confirm', what: 'draw' })}
                    >
                      抽取…
                    </Button>
                  </div>
                </>
              )}

              {mode === 'public' && (
                <PublicSeedSteps
                  task={task}
                  announcement={announcement}
                  onAnnouncement={setAnnouncement}
                  publicText={publicText}
                  onPublicText={setPublicText}
                  committed={committed}
                  canCommit={
                    announcement.trim() !== '' &&
                    !announcementProblem(announcement) &&
                    operator !== '' &&
                    blocker === null &&
                    !isWorking
                  }
                  canDraw={
                    canDraw &&
                    !isWorking &&
                    committed !== null &&
                    !publicTextProblem(committed.announcement, publicText)
                  }
                  commitEffect={effect.commit}
                  drawEffect={effect.draw}
                  onCommit={() => setAction({ kind: 'confirm', what: 'commit' })}
                  onDraw={() => setAction({ kind: 'confirm', what: 'draw' })}
                />
              )}
            </>
          )}
        </>
      )}

      <div role="status" aria-live="polite">
        {action.kind === 'working' && <Spinner size="small" labelPosition="after" label={action.label} />}
      </div>
      {action.kind === 'failed' && <ErrorBar title={action.title}>{action.message}</ErrorBar>}
      {session.lastDraw && <DrawResult draw={session.lastDraw} />}

      {/* What the draw rests on, below the action: a task pane is 320 px wide and this is ~1,000 px tall. */}
      <div className={styles.section}>
        <Text as="h3" weight="semibold">
          抽取依据
        </Text>
        <TaskFacts plan={plan} />
        <div className={styles.section}>
          <Text as="h3" weight="semibold">
            抽取规则
          </Text>
          <DrawRules value={rules} onChange={setRules} disabled={isWorking || plan.pending !== null} />
          <Text size={200} className={styles.muted}>
            {plan.pending
              ? '该任务已记录承诺，抽取输入（含规则）已冻结，将按承诺时的规则抽取。'
              : '规则随抽取写入抽取记录，任何人验证时按记录复算。'}
          </Text>
        </div>
        {ready && (
          <>
            <StrataTable plan={plan} />
            <TeamRules ready={ready} />
            <StaffRule plan={plan} />
            <Exclusions ready={ready} />
          </>
        )}
      </div>

      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'commit' ? '确认记录承诺' : '确认抽取'}
        confirmLabel={confirming === 'commit' ? '记录承诺' : '抽取'}
        onConfirm={onConfirm}
        onCancel={() => setAction({ kind: 'idle' })}
      >
        <p>{`任务：${describeTask(task)}`}</p>
        <p>{`随机数来源：${mode === 'local' ? '本地随机' : `公开随机数${publicText && confirming === 'draw' ? `“${publicText.trim()}”` : ''}`}`}</p>
        <p>{`从 ${plan.candidates} 个候选对象中抽取 ${plan.picks} 个，并为每个对象抽取检查组。`}</p>
        <p>{confirming === 'commit' ? effect.commit : effect.draw}</p>
        {warnings.length > 0 && (
          <>
            <p>抽取前请注意：</p>
            <ul className={styles.list}>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </>
        )}
        <p>抽取一经记录不能撤销，只能在“抽取记录”中作废并写明原因。</p>
      </ConfirmDialog>

    </>
  );
}
