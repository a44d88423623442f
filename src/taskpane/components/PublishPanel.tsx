import {
  Badge,
  Button,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatLogTime } from '../../core/log';
import { describeDraw, formatBasisPoints, PUBLICATION_SHEET, type Figure } from '../../core/results';
import type { StoredDraw } from '../../core/log';
import { planResultsRegisters } from '../../core/session/resultsRegisters';
import { publicationCsv, publicationOps, readPublication } from '../../core/session/publication';
import { firstLogError, unverifiedRefusal, VERIFY_ADVICE } from '../../core/session/verifyBook';
import { describeError, RETRY_ADVICE } from '../describeError';
import { stepRef, type StepPanelProps } from '../stepTypes';
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
  draws: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  draw: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  tableWrap: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  year: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  figureLabel: { overflowWrap: 'anywhere' },
  valueColumn: { width: '76px' },
  requirementColumn: { width: '88px' },
  value: { display: 'flex', flexDirection: 'column' },
  requirement: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  missed: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

type Action = 'results' | 'publish' | 'figures' | 'reread';
type Status =
  | { kind: 'idle' }
  | { kind: 'working'; action: Action; seq?: number }
  | { kind: 'done'; action: Action; message: string }
  | { kind: 'failed'; action: Action; message: string };

/** 达标 / 未达标 / nothing for a figure without a requirement. */
function MetBadge({ figure }: { figure: Figure }) {
  if (figure.met === null) return null;
  return (
    <Badge size="small" appearance="filled" color={figure.met ? 'success' : 'danger'}>
      {figure.met ? '达标' : '未达标'}
    </Badge>
  );
}

/**
 * Step 结果公示: per draw a results entry sheet (检查结果登记表) and what has been entered; the 公示 list
 * with results as a new sheet (and CSV on the page); the yearly figures against their requirements.
 */
export function PublishPanel({ book, env, applyOps, refresh, selectCell }: StepPanelProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const today = formatLogTime(env.now()).slice(0, 10);
  // All of it follows from the book: worked out once per read, not on every status change
  // (verifying the log replays every draw; the sheets' operations hold every row).
  const planned = useMemo(() => {
    if (!book) return null;
    const publication = readPublication(book, today);
    // The registers as the 公示 read them: not read a second time.
    const registers = planResultsRegisters(book, undefined, publication.results);
    return {
      publication,
      publicationPlan: publicationOps(book, publication, today, { publication: true }),
      figuresPlan: publicationOps(book, publication, today, { figures: true }),
      plannedRegister: new Map(registers.ok ? registers.plan.added.map((a) => [a.draw.seq, a]) : []),
      // Data that fails verification never reaches the 公示 (or a new register).
      unverified: firstLogError(book),
    };
  }, [book, today]);
  if (!book || !planned) return <Text>{`请先在${stepRef('check')}读取并校验工作簿。`}</Text>;

  const { publication, publicationPlan, figuresPlan, plannedRegister, unverified } = planned;
  const { results, rows, years } = publication;
  const live = book.events.draws.filter((d) => !d.voided);
  const withResult = publication.withResults;
  const publicationSheet = publicationPlan.sheets.publication;
  const figuresSheet = figuresPlan.sheets.figures;
  const isWorking = status.kind === 'working' || unverified !== null;
  const errors = publication.errors.length;

  const run = (action: Action, work: () => Promise<unknown>, success: string, failure: string, seq?: number) => {
    setStatus({ kind: 'working', action, ...(seq !== undefined ? { seq } : {}) });
    work().then(
      () => setStatus({ kind: 'done', action, message: success }),
      (error: unknown) => setStatus({ kind: 'failed', action, message: `${failure}${describeError(error, RETRY_ADVICE)}` }),
    );
  };

  const addResultsSheet = (d: StoredDraw) => {
    const planned = planResultsRegisters(book, d.seq, results);
    if (!planned.ok) return setStatus({ kind: 'failed', action: 'results', message: planned.message });
    const sheet = planned.plan.added[0]?.sheet ?? '';
    run(
      'results',
      () => applyOps(planned.plan.ops),
      `已新建工作表“${sheet}”（${d.teams.length} 个检查对象）。请在“检查结果（编号）”列填 1–10，并填检查日期和后续处置；填好后点击“重新读取登记表”。`,
      '',
      d.seq,
    );
  };

  const statusBar = (action: Action, failedTitle: string, doneTitle: string) => {
    if (status.kind === 'failed' && status.action === action) return <ErrorBar title={failedTitle}>{status.message}</ErrorBar>;
    if (status.kind === 'done' && status.action === action)
      return (
        <ErrorBar title={doneTitle} intent="success">
          {status.message}
        </ErrorBar>
      );
    return null;
  };

  const saveCsv = env.saveTextFile;

  return (
    <>
      {unverified && <ErrorBar title="抽取记录未通过验证">{unverifiedRefusal(unverified, VERIFY_ADVICE)}</ErrorBar>}
      <section className={styles.section} aria-label="检查结果登记">
        <Text as="h3" weight="semibold">
          检查结果登记
        </Text>
        {live.length === 0 ? (
          <Text>{`所有抽取均已作废：请在${stepRef('draw')}重新抽取。`}</Text>
        ) : (
          <ul className={styles.draws} aria-label="各次抽取的检查结果">
            {live.map((d) => {
              const r = results.draws.find((x) => x.seq === d.seq);
              const planned = plannedRegister.get(d.seq)?.sheet ?? '';
              return (
                <li key={d.seq} className={styles.draw}>
                  <Text weight="semibold">{describeDraw(d)}</Text>
                  {r?.sheet ? (
                    <Text>{`登记表“${r.sheet}”：已录入 ${r.entered} 个，待录入 ${r.pending} 个。`}</Text>
                  ) : (
                    <>
                      <EffectNote>{`将新建工作表“${planned}”，列出本次抽取的 ${d.teams.length} 个检查对象，供填写检查结果、检查日期、上报时间、后续处置和备注；不会改动其他工作表。`}</EffectNote>
                      <div className={styles.actions}>
                        <Button onClick={() => addResultsSheet(d)} disabled={isWorking} aria-label={`新建结果登记表（第 ${d.seq} 条）`}>
                          新建结果登记表
                        </Button>
                        {status.kind === 'working' && status.action === 'results' && status.seq === d.seq && (
                          <Spinner size="tiny" labelPosition="after" label="正在写入…" />
                        )}
                      </div>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {statusBar('results', '新建结果登记表失败', '结果登记表已新建')}
        <div className={styles.actions}>
          <Button onClick={() => run('reread', refresh, '已重新读取工作簿，下面的录入情况和问题已更新。', '重新读取失败：')} disabled={isWorking}>
            重新读取登记表
          </Button>
          {status.kind === 'working' && status.action === 'reread' && <Spinner size="tiny" labelPosition="after" label="正在读取…" />}
        </div>
        {statusBar('reread', '重新读取失败', '已重新读取')}
        {results.findings.length > 0 ? (
          <>
            <Text>{`登记表中有 ${errors} 个错误、${results.findings.length - errors} 个提醒。点击一条可跳到对应单元格。`}</Text>
            <FindingList findings={results.findings} onSelect={selectCell} label="检查结果登记表中的问题" />
          </>
        ) : (
          results.sheets.length > 0 && <Text className={styles.muted}>登记表中没有发现问题。</Text>
        )}
      </section>

      <section className={styles.section} aria-label="结果公示">
        <Text as="h3" weight="semibold">
          公示表
        </Text>
        <Text>
          {`可公示的抽取 ${publication.published} 次，共 ${rows.length} 个检查对象。`}
          {publication.withheld > 0 ? `另有 ${publication.withheld} 次涉密抽取不公示。` : ''}
        </Text>
        {rows.length > 0 && (
          <Text>{rows.length === withResult ? '检查结果已全部录入。' : `其中 ${withResult} 个已有检查结果，${rows.length - withResult} 个未录入的在公示表中留空。`}</Text>
        )}
        <EffectNote>{`将新建工作表“${publicationSheet}”，列出抽查计划、任务、检查对象、统一社会信用代码、检查结果、检查日期、检查机关、后续处置（未录入结果的留空）；不会改动其他工作表。`}</EffectNote>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() =>
              run(
                'publish',
                () => applyOps(publicationPlan.ops),
                `已新建工作表“${publicationSheet}”，列出 ${rows.length} 个检查对象，其中 ${withResult} 个已有检查结果${rows.length > withResult ? `；其余 ${rows.length - withResult} 个录入结果后请重新生成` : ''}。`,
                '',
              )
            }
            disabled={rows.length === 0 || isWorking}
          >
            生成公示表
          </Button>
          {saveCsv && (
            <Button onClick={() => saveCsv(`${PUBLICATION_SHEET}.csv`, publicationCsv(publication), 'text/csv;charset=utf-8')} disabled={rows.length === 0 || unverified !== null}>
              下载公示 CSV
            </Button>
          )}
          {status.kind === 'working' && status.action === 'publish' && <Spinner size="tiny" labelPosition="after" label="正在写入…" />}
        </div>
        {statusBar('publish', '生成公示表失败', '公示表已生成')}
      </section>

      <section className={styles.section} aria-label="年度统计">
        <Text as="h3" weight="semibold">
          年度统计
        </Text>
        {years.map((y) => {
          const missed = y.figures.filter((f) => f.met === false);
          return (
            <div key={y.year} className={styles.year}>
              <div className={styles.tableWrap}>
                <Table size="small" aria-label={`${y.year} 年度统计`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{`${y.year} 年指标`}</TableHeaderCell>
                      <TableHeaderCell className={styles.valueColumn}>数值</TableHeaderCell>
                      <TableHeaderCell className={styles.requirementColumn}>要求</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {y.figures.map((f) => (
                      <TableRow key={f.key}>
                        <TableCell>
                          <Text className={styles.figureLabel}>{f.label}</Text>
                        </TableCell>
                        <TableCell className={styles.valueColumn}>
                          <span className={styles.value}>
                            <Text>{f.of === null ? String(f.value) : f.basisPoints === null ? '—' : formatBasisPoints(f.basisPoints)}</Text>
                            {f.of !== null && f.basisPoints !== null && <Text size={200} className={styles.muted}>{`${f.value}/${f.of}`}</Text>}
                          </span>
                        </TableCell>
                        <TableCell className={styles.requirementColumn}>
                          <span className={styles.requirement}>
                            <Text>{f.thresholdText}</Text>
                            <MetBadge figure={f} />
                          </span>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
              {missed.length > 0 && (
                <ul className={styles.missed} aria-label={`${y.year} 年未达标的指标`}>
                  {missed.map((f) => (
                    <li key={f.key}>
                      <Text>{f.sentence}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
        <Text size={200} className={styles.muted}>
          按抽取记录中未作废的抽取统计，每个抽中的检查对象计 1 次检查；检查组成员来自两个及以上部门的为联合抽查。要求来自邢台市医疗保障局 2025 年实施方案（联合抽查、信用分级分类）和承德县 2022 年实施方案（覆盖 5%、结果 100% 公示）。
        </Text>
        <EffectNote>{`将新建工作表“${figuresSheet}”，写入上表及各项要求的来源；不会改动其他工作表。`}</EffectNote>
        <div className={styles.actions}>
          <Button
            onClick={() =>
              run(
                'figures',
                () => applyOps(figuresPlan.ops),
                `已新建工作表“${figuresSheet}”（${years.length} 个年度）。`,
                '',
              )
            }
            disabled={years.length === 0 || isWorking}
          >
            生成年度统计表
          </Button>
          {status.kind === 'working' && status.action === 'figures' && <Spinner size="tiny" labelPosition="after" label="正在写入…" />}
        </div>
        {statusBar('figures', '生成年度统计表失败', '年度统计表已生成')}
      </section>
    </>
  );
}
