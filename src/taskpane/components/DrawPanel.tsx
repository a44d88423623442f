import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { derivePublicSeedHex } from '../../core/draw/publicSeed';
import type { DrawSeed } from '../../core/draw/types';
import { checkChain } from '../../core/log/checkChain';
import type { DrawContext } from '../../core/log/drawContext';
import { formatLogTime } from '../../core/log/drawLog';
import type { LogState } from '../../core/log/logSheet';
import type { DrawPreparation, DrawSettings } from '../../core/prepare/prepareDraw';
import { prepareDraw } from '../../core/prepare/prepareDraw';
import type { PlanTask } from '../../core/prepare/planTask';
import {
  buildDrawContext,
  recordCommitment,
  recordDraw,
  resultSheetName,
} from '../../core/session/drawEvents';
import { dateToSerialDay } from '../../core/session/dates';
import { taskDrawStatus } from '../../core/session/logEvents';
import { describeError, RETRY_ADVICE } from '../describeError';
import { describeTeam } from '../../core/results';
import { stepRef, type LastDraw, type StepPanelProps } from '../stepTypes';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';
import { EffectNote } from './EffectNote';
import { DrawRules, defaultDrawRules, type DrawRuleValues } from './DrawRules';
import { ErrorBar } from './ErrorBar';

const BUREAU_DEPARTMENT = '医疗保障局';
/** Lists longer than this are cut in the pane; the full lists are stored with the draw. */
const MAX_LISTED = 200;

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
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
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  result: {
    margin: 0,
    paddingInlineStart: '1.6em',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  resultItem: { display: 'flex', flexDirection: 'column' },
  table: { tableLayout: 'auto' },
});

type SeedMode = 'local' | 'public';

type Pending = {
  seq: number;
  commitment: string;
  announcement: string;
  inputs: PreparedOk['inputs'] | null;
  context: DrawContext | null;
};
type PreparedOk = Extract<DrawPreparation, { ok: true }>;

type Action =
  | { kind: 'idle' }
  | { kind: 'confirm'; what: 'draw' | 'commit' }
  | { kind: 'working'; label: string }
  | { kind: 'failed'; title: string; message: string }
  | { kind: 'committed'; commitment: string; announcement: string; seq: number };

function taskKey(task: PlanTask): string {
  return `${task.planNo}/${task.taskNo}`;
}

/** `2025002/001 任务名称`, as the task drop-down shows it. */
export function describeTask(task: PlanTask): string {
  return `${task.planNo}/${task.taskNo} ${task.taskName}`.trim();
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function percent(basisPoints: number): string {
  return `${basisPoints / 100}%`;
}

/** The task's 承诺 that no draw has used yet, with the inputs it froze. */
function pendingCommitment(log: LogState, task: PlanTask): Pending | null {
  for (let i = log.rows.length - 1; i >= 0; i--) {
    const e = log.rows[i]!.entry;
    if (e.planNo !== task.planNo || e.taskNo !== task.taskNo) continue;
    if (e.event === '抽取') return null;
    if (e.event !== '承诺') continue;
    try {
      const data = JSON.parse(log.data.get(e.seq) ?? '{}') as {
        commitment?: string;
        announcement?: string;
        inputs?: PreparedOk['inputs'] & { seed?: unknown };
        context?: DrawContext;
      };
      const frozen = data.inputs ? (({ seed: _pending, ...rest }) => rest)(data.inputs) : null;
      return {
        seq: e.seq,
        commitment: data.commitment ?? e.inputDigest,
        announcement: data.announcement ?? '',
        inputs: frozen,
        context: data.context ?? null,
      };
    } catch {
      // Unreadable stored data: 验证 (step 3) names it; here the commitment cannot be used.
      return null;
    }
  }
  return null;
}

function announcementText(task: PlanTask, announcement: string, commitment: string): string {
  return [
    `${task.planName} ${task.taskName}`,
    `本次抽取将以“${announcement}”的结果作为随机数，按 ssj-draw/1 规则计算。`,
    `承诺值（SHA-256）：${commitment}`,
  ].join('\n');
}

/** Step 2: pick a task, see what the draw will use and leave out, then draw with a local or public seed. */
export function DrawPanel({ book, env, applyOps, session, updateSession }: StepPanelProps) {
  const styles = useStyles();
  const tasks = useMemo(() => book?.report.tasks ?? [], [book]);
  const [selected, setSelected] = useState<string>(() => (tasks[0] ? taskKey(tasks[0]) : ''));
  const [mode, setMode] = useState<SeedMode>('local');
  const [announcement, setAnnouncement] = useState('');
  const [publicText, setPublicText] = useState('');
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const [drawDate] = useState(() => dateToSerialDay(env.now()));
  const saved = book?.report.settings ?? null;
  const [remember, setRemember] = useState(() => (env.operatorMemory?.load() ?? '') !== '');
  const [rules, setRules] = useState<DrawRuleValues>(() => defaultDrawRules(saved?.teamSize));
  const bureauDepartment = saved?.department || BUREAU_DEPARTMENT;

  const task = tasks.find((t) => taskKey(t) === selected) ?? tasks[0] ?? null;
  const settings: DrawSettings = useMemo(
    () => ({ drawDate, bureauDepartment, ...rules }),
    [drawDate, bureauDepartment, rules],
  );
  const prep = useMemo(
    () => (task && book ? prepareDraw(task, book.dirs, settings) : null),
    [task, book, settings],
  );
  if (!book || !task || !prep) return <Text>请先在第 1 步读取并校验工作簿。</Text>;

  const log = book.log;
  const broken = checkChain(log);
  const status = taskDrawStatus(log, task.planNo, task.taskNo);
  const isDrawnAlready = status.lastDraw > 0 && !status.isVoided;
  const pending = pendingCommitment(log, task);
  const sheetNames = book.sheets.map((s) => s.name);
  const nextSeq = log.rows.length + 1;
  const resultSheet = resultSheetName(task.planNo, task.taskNo, nextSeq, sheetNames);
  const logEffect = log.hasLog
    ? '在受保护的“抽取记录”末尾追加一行'
    : '新建受保护的“抽取记录”工作表（及其隐藏的数据表）并写入第一行';
  const drawEffect = `将新建工作表“${resultSheet}”，并${logEffect}；不会改动其他工作表。`;
  const commitEffect = `将${logEffect}（承诺），冻结本次抽取的全部输入；不会新建结果表，也不会改动其他工作表。`;
  const operator = session.operator.trim();
  const isWorking = action.kind === 'working';
  const classLabel = new Map(
    task.ratio.kind === 'byClass' ? task.ratio.classes.map((c) => [c.cls, c.label ?? '']) : [],
  );

  const meta = () => ({ time: formatLogTime(env.now()), operator });
  const fail = (title: string, message: string) => setAction({ kind: 'failed', title, message });

  const runCommit = () => {
    if (!prep.ok) return;
    const text = announcement.normalize('NFC').trim();
    const context = buildDrawContext(task, book.dirs, prep, settings);
    const c = recordCommitment(task, prep, context, text, log, meta());
    if (!c.ok) {
      fail('无法记录承诺', `${c.message}。请修改公告文字后重试。`);
      return;
    }
    setAction({ kind: 'working', label: '正在记录承诺…' });
    applyOps(c.ops).then(
      () => setAction({ kind: 'committed', commitment: c.commitment, announcement: text, seq: c.entry.seq }),
      (error: unknown) => fail('记录承诺失败', describeError(error, RETRY_ADVICE)),
    );
  };

  const runDraw = () => {
    const now = env.now();
    const fresh: DrawSettings = { drawDate: dateToSerialDay(now), bureauDepartment, ...rules };
    const prepared = prepareDraw(task, book.dirs, fresh);
    if (!prepared.ok) {
      fail('无法抽取', `${prepared.problems.join('；')} 请按提示修改后回到第 1 步重新读取。`);
      return;
    }
    let inputs: PreparedOk = prepared;
    let context = buildDrawContext(task, book.dirs, prepared, fresh);
    let seed: DrawSeed;
    if (mode === 'public') {
      const text = publicText.normalize('NFC').trim();
      if (pending?.inputs) {
        // The draw uses the inputs frozen at the commitment, not today's directories.
        inputs = { ...prepared, inputs: pending.inputs };
        if (pending.context) context = pending.context;
      }
      seed = {
        source: 'public',
        ...(pending?.announcement ? { announcement: pending.announcement } : {}),
        text,
        hex: derivePublicSeedHex(text),
      };
    } else {
      seed = { source: 'local', hex: toHex(env.randomBytes(32)) };
    }
    const replaces = status.isVoided ? status.lastDraw : 0;
    const outcome = recordDraw(
      task,
      inputs,
      context,
      seed,
      log,
      { time: formatLogTime(now), operator },
      sheetNames,
      replaces,
    );
    setAction({ kind: 'working', label: '正在抽取并写入工作簿…' });
    applyOps(outcome.ops).then(
      (next) => {
        if (!outcome.ok) {
          fail(
            '抽取失败',
            `${outcome.failure.message}（已记入抽取记录第 ${outcome.entry.seq} 条）。请按提示调整计划表或名录库（如增加可抽人员、减少回避），回到第 1 步重新读取后再抽取。`,
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

  const candidates = prep.ok ? prep.inputs.strata.reduce((n, s) => n + s.candidates.length, 0) : 0;
  const drawCount = prep.ok
    ? prep.inputs.strata.reduce((n, s) => n + Math.ceil((s.candidates.length * s.basisPoints) / 10000), 0)
    : 0;
  const canDraw = prep.ok && broken.length === 0 && !isDrawnAlready && operator !== '';
  const canPublicDraw = canDraw && publicText.trim() !== '' && !/\bd\b/.test(publicText);
  const lastDraw = session.lastDraw;
  const lead = prep.ok ? (prep.inputs.team.departments[0]?.name ?? '') : '';
  const leaders = prep.ok
    ? prep.inputs.team.inspectors.filter((p) => p.staff && p.department === lead).length
    : 0;

  return (
    <>
      <Field label="抽查任务" hint="计划表中可抽取的任务（计划编号/任务编号 任务名称）">
        <Dropdown
          value={describeTask(task)}
          selectedOptions={[taskKey(task)]}
          onOptionSelect={(_, data) => {
            if (data.optionValue) setSelected(data.optionValue);
            setAction({ kind: 'idle' });
          }}
        >
          {tasks.map((t) => (
            <Option key={taskKey(t)} value={taskKey(t)} text={describeTask(t)}>
              {describeTask(t)}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <dl className={styles.facts}>
        <dt className={styles.term}>抽查类型</dt>
        <dd className={styles.detail}>{task.taskType === 'directed' ? '定向抽查' : '不定向抽查'}</dd>
        <dt className={styles.term}>对象范围</dt>
        <dd className={styles.detail}>{task.scope || '（未填写）'}</dd>
        <dt className={styles.term}>抽查时间</dt>
        <dd className={styles.detail}>{task.periodText || '（未填写）'}</dd>
        <dt className={styles.term}>抽查事项</dt>
        <dd className={styles.detail}>{task.matters || '（未填写）'}</dd>
      </dl>

      <div className={styles.section}>
        <Text as="h3" weight="semibold">
          抽取规则
        </Text>
        <DrawRules value={rules} onChange={setRules} disabled={isWorking || pending !== null} />
        <Text size={200} className={styles.muted}>
          {pending
            ? '该任务已记录承诺，抽取输入（含规则）已冻结，将按承诺时的规则抽取。'
            : '规则随抽取写入抽取记录，任何人验证时按记录复算。'}
        </Text>
      </div>

      {!prep.ok && (
        <ErrorBar title="该任务暂时无法抽取">
          <ul className={styles.list}>
            {prep.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <div>请按上述说明修改计划表或名录库，然后回到第 1 步重新读取并校验。</div>
        </ErrorBar>
      )}

      {prep.ok && (
        <>
          <div className={styles.section}>
            <Text as="h3" weight="semibold">
              {`候选对象与抽取数量（共 ${candidates} 个候选，将抽取 ${drawCount} 个）`}
            </Text>
            <Table size="small" className={styles.table} aria-label="各分层的候选对象与抽取数量">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>分层</TableHeaderCell>
                  <TableHeaderCell>比例</TableHeaderCell>
                  <TableHeaderCell>候选</TableHeaderCell>
                  <TableHeaderCell>抽取</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {prep.inputs.strata.map((s) => (
                  <TableRow key={s.name}>
                    <TableCell>
                      {classLabel.get(s.name) ? `${s.name}（${classLabel.get(s.name)}）` : s.name}
                    </TableCell>
                    <TableCell>{percent(s.basisPoints)}</TableCell>
                    <TableCell>{s.candidates.length}</TableCell>
                    <TableCell>{Math.ceil((s.candidates.length * s.basisPoints) / 10000)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Text size={200} className={styles.muted}>
              抽取数量 = 候选数 × 比例，向上取整。
            </Text>
          </div>

          <div className={styles.section}>
            <Text as="h3" weight="semibold">
              检查组规则
            </Text>
            <ul className={styles.list}>
              <li>{`每个检查组 ${prep.inputs.team.size} 人。`}</li>
              <li>
                {`参加部门：${prep.inputs.team.departments
                  .map(
                    (d) =>
                      `${d.name}（至少 ${d.min} 人，可抽 ${prep.inputs.team.inspectors.filter((p) => p.department === d.name).length} 人）`,
                  )
                  .join('、')}。`}
              </li>
              <li>{`组长：由“${lead}”的局部门工作人员担任（可任组长 ${leaders} 人）。`}</li>
              {prep.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>

          <Accordion multiple collapsible aria-label="排除清单">
            <AccordionItem value="targets">
              <AccordionHeader>{`排除的检查对象（${prep.excludedTargets.length}）`}</AccordionHeader>
              <AccordionPanel>
                <ExclusionList
                  items={prep.excludedTargets.map((x) => ({ key: x.id, who: x.name, reason: x.reason }))}
                  empty="没有排除的检查对象。"
                />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="inspectors">
              <AccordionHeader>{`排除的检查人员（${prep.excludedInspectors.length}）`}</AccordionHeader>
              <AccordionPanel>
                <ExclusionList
                  items={prep.excludedInspectors.map((x) => ({ key: x.id, who: x.name, reason: x.reason }))}
                  empty="没有排除的检查人员。"
                />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="pairs">
              <AccordionHeader>{`回避·连续三次（${prep.pairExclusions.length} 对）`}</AccordionHeader>
              <AccordionPanel>
                <ExclusionList
                  items={prep.pairExclusions.map((x) => ({
                    key: `${x.target}-${x.inspector}`,
                    who: `${prep.names[x.target] ?? x.target} — ${prep.names[x.inspector] ?? x.inspector}`,
                    reason: x.reason,
                  }))}
                  empty="没有需要回避的人员与对象。"
                />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>

          {broken.length > 0 && (
            <ErrorBar title="抽取记录已被改动，不能继续抽取">
              {`${broken[0]!.sheet}!${broken[0]!.cell}：${broken[0]!.message} 请在${stepRef('log')}“验证”查看详情，从未改动的备份恢复工作簿后再抽取。`}
            </ErrorBar>
          )}
          {/* Right after this task's own draw the result below says it all; the notice is for later visits. */}
          {isDrawnAlready && session.lastDraw?.seq !== status.lastDraw && (
            <ErrorBar title="该任务已经抽取过" intent="info">
              {`任务 ${taskKey(task)} 已于抽取记录第 ${status.lastDraw} 条抽取。不能直接重抽；如确需重抽，请先在${stepRef('log')}作废原抽取，写明原因。`}
            </ErrorBar>
          )}

          {!isDrawnAlready && (
            <>
              <Field
                label="操作人（记入抽取记录）"
                required
                validationMessage={operator ? undefined : '请填写您的姓名，抽取记录会写明由谁操作。'}
                validationState={operator ? 'none' : 'warning'}
              >
                <Input
                  value={session.operator}
                  onChange={(_, data) => {
                    updateSession({ operator: data.value });
                    if (remember) env.operatorMemory?.save(data.value.trim() || null);
                  }}
                />
              </Field>
              {env.operatorMemory && (
                <Checkbox
                  label="在本机记住我的姓名"
                  checked={remember}
                  onChange={(_, data) => {
                    const on = data.checked === true;
                    setRemember(on);
                    env.operatorMemory?.save(on ? operator || null : null);
                  }}
                />
              )}

              <Field label="随机数来源">
                <RadioGroup
                  value={mode}
                  onChange={(_, data) => setMode(data.value === 'public' ? 'public' : 'local')}
                >
                  <Radio value="local" label="本地随机（由本机的加密随机数生成器产生）" />
                  <Radio value="public" label="公开随机数（先公布承诺，再用开奖号码抽取）" />
                </RadioGroup>
              </Field>

              {mode === 'local' && (
                <>
                  <EffectNote>{drawEffect}</EffectNote>
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
                <div className={styles.section}>
                  <Text weight="semibold">第一步：记录承诺（开奖之前）</Text>
                  <Field
                    label="开奖公告文字"
                    hint="写明将使用哪一期、哪种开奖号码，号码先用 d 代替，如：2025-04-01 福彩3D 第2025086期 开奖号码：d d d"
                  >
                    <Textarea
                      value={announcement}
                      onChange={(_, data) => setAnnouncement(data.value)}
                      resize="vertical"
                    />
                  </Field>
                  <EffectNote>{commitEffect}</EffectNote>
                  <div className={styles.actions}>
                    <Button
                      disabled={
                        announcement.trim() === '' ||
                        operator === '' ||
                        broken.length > 0 ||
                        isDrawnAlready ||
                        isWorking
                      }
                      onClick={() => setAction({ kind: 'confirm', what: 'commit' })}
                    >
                      记录承诺…
                    </Button>
                  </div>
                  {(action.kind === 'committed' || pending) && (
                    <CommitmentView
                      text={
                        action.kind === 'committed'
                          ? announcementText(task, action.announcement, action.commitment)
                          : announcementText(task, pending!.announcement, pending!.commitment)
                      }
                      seq={action.kind === 'committed' ? action.seq : pending!.seq}
                    />
                  )}
                  <Text weight="semibold">第二步：开奖后抽取</Text>
                  {pending ? (
                    <>
                      <Field
                        label="开奖号码（按公告格式完整填写）"
                        hint={`按承诺的格式填写，如把“${pending.announcement}”中的 d 换成实际号码。`}
                      >
                        <Input value={publicText} onChange={(_, data) => setPublicText(data.value)} />
                      </Field>
                      <EffectNote>{drawEffect}</EffectNote>
                      <div className={styles.actions}>
                        <Button
                          appearance="primary"
                          disabled={!canPublicDraw || isWorking}
                          onClick={() => setAction({ kind: 'confirm', what: 'draw' })}
                        >
                          抽取…
                        </Button>
                      </div>
                    </>
                  ) : (
                    <Text className={styles.muted}>记录承诺并公布后，待开奖再回到这里填写号码并抽取。</Text>
                  )}
                </div>
              )}
            </>
          )}
        </>
      )}

      <div role="status" aria-live="polite">
        {action.kind === 'working' && <Spinner size="small" labelPosition="after" label={action.label} />}
      </div>
      {action.kind === 'failed' && <ErrorBar title={action.title}>{action.message}</ErrorBar>}

      <ConfirmDialog
        open={action.kind === 'confirm'}
        title={action.kind === 'confirm' && action.what === 'commit' ? '确认记录承诺' : '确认抽取'}
        confirmLabel={action.kind === 'confirm' && action.what === 'commit' ? '记录承诺' : '抽取'}
        onConfirm={onConfirm}
        onCancel={() => setAction({ kind: 'idle' })}
      >
        <p>{`任务：${describeTask(task)}`}</p>
        <p>{`随机数来源：${mode === 'local' ? '本地随机' : `公开随机数${publicText && action.kind === 'confirm' && action.what === 'draw' ? `“${publicText.trim()}”` : ''}`}`}</p>
        <p>{`从 ${candidates} 个候选对象中抽取 ${drawCount} 个，并为每个对象抽取检查组。`}</p>
        <p>{action.kind === 'confirm' && action.what === 'commit' ? commitEffect : drawEffect}</p>
        <p>抽取一经记录不能撤销，只能在“抽取记录”中作废并写明原因。</p>
      </ConfirmDialog>

      {lastDraw && <DrawResult draw={lastDraw} />}
    </>
  );
}

function ExclusionList({
  items,
  empty,
}: {
  items: { key: string; who: string; reason: string }[];
  empty: string;
}) {
  const styles = useStyles();
  if (items.length === 0) return <Text>{empty}</Text>;
  return (
    <>
      <ul className={styles.list}>
        {items.slice(0, MAX_LISTED).map((x) => (
          <li key={x.key}>
            <Text weight="semibold">{x.who}</Text>
            <Text>{`：${x.reason}`}</Text>
          </li>
        ))}
      </ul>
      {items.length > MAX_LISTED && (
        <Text size={200}>{`另有 ${items.length - MAX_LISTED} 项未列出，抽取后完整保存在抽取记录中。`}</Text>
      )}
    </>
  );
}

function CommitmentView({ text, seq }: { text: string; seq: number }) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <ErrorBar title={`已记录承诺（抽取记录第 ${seq} 条），请在开奖前公布以下内容`} intent="success">
        <span className={styles.hash}>{text.split('\n').pop()?.replace('承诺值（SHA-256）：', '')}</span>
      </ErrorBar>
      <Field label="待公布的承诺（可复制）">
        <Textarea value={text} readOnly resize="vertical" rows={4} />
      </Field>
      <div className={styles.actions}>
        <CopyButton text={text} label="复制待公布的承诺" />
      </div>
    </div>
  );
}

function DrawResult({ draw }: { draw: LastDraw }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="抽取结果">
      <ErrorBar title={`抽取完成（抽取记录第 ${draw.seq} 条）`} intent="success">
        {`${draw.taskLabel}：抽中 ${draw.rows.length} 个检查对象，结果已写入工作表“${draw.resultSheet}”。随机源：${draw.seedSource}。`}
      </ErrorBar>
      <ol className={styles.result} aria-label="抽中的检查对象及检查组">
        {draw.rows.map((r) => (
          <li key={`${r.name}-${r.uscc}`} className={styles.resultItem}>
            <Text weight="semibold">{r.name}</Text>
            <Text
              size={200}
              className={styles.muted}
            >{`${r.uscc || '（无统一社会信用代码）'} · ${r.stratum}`}</Text>
            <Text size={200}>{`检查组：${r.team}`}</Text>
          </li>
        ))}
      </ol>
      <Text weight="semibold">链头哈希（请写入公示，作为抽取记录未被改动的凭证）</Text>
      <Text className={styles.hash}>{draw.head}</Text>
      <div className={styles.actions}>
        <CopyButton text={draw.head} label="复制链头哈希" />
      </div>
    </section>
  );
}
