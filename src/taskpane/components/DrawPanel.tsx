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
import type { PlanTask } from '../../core/prepare/planTask';
import { listDrawWarnings, planDraw, type DrawPlan } from '../../core/session/drawTask';
import { announcementProblem, publicTextProblem } from '../../core/session/announcement';
import { dateToSerialDay } from '../../core/session/dates';
import { stepRef, type StepPanelProps } from '../stepTypes';
import { ConfirmDialog } from './ConfirmDialog';
import {
  DrawWarnings,
  Exclusions,
  HistoryIssues,
  StaffRule,
  StrataTable,
  TaskFacts,
  TeamRules,
} from './DrawPlanView';
import { DrawResult } from './DrawResult';
import { DrawRules, defaultDrawRules, type DrawRuleValues } from './DrawRules';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';
import { OperatorField } from './OperatorField';
import { PublicSeedSteps } from './PublicSeedSteps';
import { describeRefusal, describeTask, useDrawActions, type SeedMode } from './useDrawActions';

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

/** The task's row: two rows may carry one task number (both are refused), each is listed on its own. */
function optionKey(task: PlanTask): string {
  return `${task.sheet}!${task.row}`;
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
  const { action, setAction, confirm } = useDrawActions({ env, applyOps, updateSession });
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
  const refusal = blocker ? describeRefusal({ kind: 'blocked', blocker }, task) : null;
  const committed = action.kind === 'committed' ? action : plan.pending;

  const input = { book, task, plan, rules, mode, announcement, publicText, operator };

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
      {!ready && <DrawWarnings warnings={warnings} />}

      {ready && (
        <>
          <HistoryIssues plan={plan} />
          {/* What to mind before drawing belongs above the action; the staff rule is in 抽取依据. */}
          <DrawWarnings warnings={warnings} />
          {refusal && blocker?.kind !== 'drawn' && (
            <ErrorBar title={refusal.title}>{refusal.message}</ErrorBar>
          )}
          {/* Right after this task's own draw the result below says it all; the notice is for later visits. */}
          {refusal && isDrawnAlready && session.lastDraw?.seq !== plan.lastDraw && (
            <ErrorBar title="该任务已经抽取过" intent="info">
              {refusal.message}
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
                  protocol={ready.inputs.protocol}
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
        onConfirm={() => confirm(input)}
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
