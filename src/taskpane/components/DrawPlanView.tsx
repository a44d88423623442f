import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ErrorBar } from './ErrorBar';
import { stepRef } from '../stepTypes';
import type { DrawPlan, DrawReady } from '../../core/session';
import { describeReplacement } from '../../core/session/drawTask';

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
  table: { tableLayout: 'auto' },
});

/** The task as the plan table states it. */
export function TaskFacts({ plan }: { plan: DrawPlan }) {
  const styles = useStyles();
  const { task } = plan;
  return (
    <dl className={styles.facts}>
      <dt className={styles.term}>抽查类型</dt>
      <dd className={styles.detail}>{task.taskType === 'directed' ? '定向抽查' : '不定向抽查'}</dd>
      <dt className={styles.term}>对象范围</dt>
      <dd className={styles.detail}>{task.scope || '（未填写）'}</dd>
      <dt className={styles.term}>抽查时间</dt>
      <dd className={styles.detail}>{task.periodText || '（未填写）'}</dd>
      <dt className={styles.term}>抽查事项</dt>
      <dd className={styles.detail}>{task.matters || '（未填写）'}</dd>
      {plan.replaces > 0 && (
        <>
          <dt className={styles.term}>本次抽取</dt>
          <dd className={styles.detail}>{describeReplacement(plan.replaces)}</dd>
        </>
      )}
    </dl>
  );
}

/** Candidates and picks per stratum (k = ceil(n × ratio)). */
export function StrataTable({ plan }: { plan: DrawPlan }) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Text as="h3" weight="semibold">
        {`候选对象与抽取数量（共 ${plan.candidates} 个候选，将抽取 ${plan.picks} 个）`}
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
          {plan.strata.map((s) => (
            <TableRow key={s.name}>
              <TableCell>{s.label}</TableCell>
              <TableCell>{`${s.basisPoints / 100}%`}</TableCell>
              <TableCell>{s.candidates}</TableCell>
              <TableCell>{s.picks}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text size={200} className={styles.muted}>
        抽取数量 = 候选数 × 比例，向上取整。
      </Text>
    </div>
  );
}

/** How teams are made: size, departments with their minimums, who may lead, notes. */
export function TeamRules({ ready }: { ready: DrawReady }) {
  const styles = useStyles();
  const { team } = ready.inputs;
  const lead = team.departments[0]?.name ?? '';
  const leaders = team.inspectors.filter((p) => p.staff && p.department === lead).length;
  return (
    <div className={styles.section}>
      <Text as="h3" weight="semibold">
        检查组规则
      </Text>
      <ul className={styles.list}>
        <li>{`每个检查组 ${team.size} 人。`}</li>
        <li>
          {`参加部门：${team.departments
            .map(
              (d) =>
                `${d.name}（至少 ${d.min} 人，可抽 ${team.inspectors.filter((p) => p.department === d.name).length} 人）`,
            )
            .join('、')}。`}
        </li>
        <li>{`组长：由“${lead}”的局部门工作人员担任（可任组长 ${leaders} 人）。`}</li>
        {ready.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Which staff rule applies and where it comes from, among what the draw rests on. The protocol id
 * core names ("按 ssj-draw/2 抽取") is for the record and the CLI; the clerk reads the rule itself.
 */
export function StaffRule({ plan }: { plan: DrawPlan }) {
  return <Text>{`人员规则：${plan.checks.staffRule.replace(/；按 ssj-draw\/\d+ 抽取/, '')}`}</Text>;
}

/**
 * What to mind before 抽取, above the action: too few staff for some target or department, a draw
 * outside the task's 抽查时间, errors on the task's row of the plan table. Nothing when all is well.
 */
export function DrawWarnings({ warnings }: { warnings: readonly string[] }) {
  const styles = useStyles();
  if (warnings.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>抽取前请注意</MessageBarTitle>
        <ul className={styles.list}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
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

/** What the draw leaves out, and why: targets, inspectors, 回避 and 连续三次 pairs. */
export function Exclusions({ ready }: { ready: DrawReady }) {
  return (
    <Accordion multiple collapsible aria-label="排除清单">
      <AccordionItem value="targets">
        <AccordionHeader>{`排除的检查对象（${ready.excludedTargets.length}）`}</AccordionHeader>
        <AccordionPanel>
          <ExclusionList
            items={ready.excludedTargets.map((x) => ({ key: x.id, who: x.name, reason: x.reason }))}
            empty="没有排除的检查对象。"
          />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="inspectors">
        <AccordionHeader>{`排除的检查人员（${ready.excludedInspectors.length}）`}</AccordionHeader>
        <AccordionPanel>
          <ExclusionList
            items={ready.excludedInspectors.map((x) => ({ key: x.id, who: x.name, reason: x.reason }))}
            empty="没有排除的检查人员。"
          />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="pairs">
        <AccordionHeader>{`回避·连续三次（${ready.pairExclusions.length} 对）`}</AccordionHeader>
        <AccordionPanel>
          <ExclusionList
            items={ready.pairExclusions.map((x) => ({
              key: `${x.target}-${x.inspector}`,
              who: `${ready.names[x.target] ?? x.target} — ${ready.names[x.inspector] ?? x.inspector}`,
              reason: x.reason,
            }))}
            empty="没有需要回避的人员与对象。"
          />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/** History dates that were not read as written: the targets they concern may not be left out. */
export function HistoryIssues({ plan }: { plan: DrawPlan }) {
  const styles = useStyles();
  const issues = plan.historyIssues;
  if (issues.length === 0) return null;
  return (
    <ErrorBar title={`检查历史中有 ${issues.length} 个日期需要核对`} intent="warning">
      <ul className={styles.list}>
        {issues.slice(0, 5).map((f) => (
          <li key={`${f.sheet}!${f.cell}`}>{`${f.sheet}!${f.cell}：${f.message}`}</li>
        ))}
      </ul>
      {issues.length > 5 && <div>{`另有 ${issues.length - 5} 个，见${stepRef('check')}的问题列表。`}</div>}
    </ErrorBar>
  );
}
