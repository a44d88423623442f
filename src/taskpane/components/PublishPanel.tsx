import {
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
import { useState } from 'react';
import {
  buildPublicationRows,
  buildPublicationSheetOps,
  formatShare,
  publishableDraws,
  PUBLICATION_SHEET,
  summarizeYears,
  toCsv,
} from '../buildPublication';
import { describeError, RETRY_ADVICE } from '../describeError';
import { listDraws } from '../listDraws';
import { nextFreeSheetName } from '../nextFreeSheetName';
import type { StepPanelProps } from '../stepTypes';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  tableWrap: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

/** Step 5: the 公示 list of non-secret draws as a new sheet (and CSV on the page), plus yearly figures. */
export function PublishPanel({ book, env, applyOps }: StepPanelProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  if (!book) return <Text>请先在第 1 步读取并校验工作簿。</Text>;

  const draws = listDraws(book.log);
  const publishable = publishableDraws(draws);
  const withheld = draws.filter((d) => !d.voided && d.context.isSecret).length;
  const rows = buildPublicationRows(draws);
  const sheet = nextFreeSheetName(PUBLICATION_SHEET, book.sheets.map((s) => s.name));
  const years = summarizeYears(draws);
  const title = `“双随机、一公开”抽查结果公示（${publishable.length} 次抽取，${rows.length} 个检查对象）`;

  const writeSheet = () => {
    setStatus({ kind: 'working' });
    applyOps(buildPublicationSheetOps(sheet, rows, title)).then(
      () => setStatus({ kind: 'done', message: `已新建工作表“${sheet}”，列出 ${rows.length} 个检查对象。检查结果与检查日期请在检查完成后填写。` }),
      (error: unknown) => setStatus({ kind: 'failed', message: describeError(error, RETRY_ADVICE) }),
    );
  };
  const saveCsv = env.saveTextFile;

  return (
    <>
      <Text>
        {`可公示的抽取 ${publishable.length} 次，共 ${rows.length} 个检查对象。`}
        {withheld > 0 ? `另有 ${withheld} 次涉密抽取不公示。` : ''}
      </Text>
      <EffectNote>{`将新建工作表“${sheet}”，列出抽查计划、任务、检查对象、统一社会信用代码、检查结果、检查日期、检查机关；不会改动其他工作表。`}</EffectNote>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={writeSheet} disabled={rows.length === 0 || status.kind === 'working'}>
          生成公示表
        </Button>
        {saveCsv && (
          <Button onClick={() => saveCsv(`${PUBLICATION_SHEET}.csv`, toCsv(rows), 'text/csv;charset=utf-8')} disabled={rows.length === 0}>
            下载公示 CSV
          </Button>
        )}
        <div role="status" aria-live="polite">
          {status.kind === 'working' && <Spinner size="tiny" labelPosition="after" label="正在写入…" />}
        </div>
      </div>
      {status.kind === 'done' && (
        <ErrorBar title="公示表已生成" intent="success">
          {status.message}
        </ErrorBar>
      )}
      {status.kind === 'failed' && <ErrorBar title="生成公示表失败">{status.message}</ErrorBar>}

      <Text as="h3" weight="semibold">
        年度情况
      </Text>
      <div className={styles.tableWrap}>
        <Table size="small" aria-label="年度抽查情况">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>年度</TableHeaderCell>
              <TableHeaderCell>抽取次数</TableHeaderCell>
              <TableHeaderCell>抽中对象</TableHeaderCell>
              <TableHeaderCell>联合抽查占比</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {years.map((y) => (
              <TableRow key={y.year}>
                <TableCell>{y.year}</TableCell>
                <TableCell>{y.draws}</TableCell>
                <TableCell>{y.targets}</TableCell>
                <TableCell>{`${formatShare(y.jointDraws, y.draws)}（户数 ${formatShare(y.jointTargets, y.targets)}）`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200} className={styles.muted}>
        按抽取记录统计，不含已作废的抽取。联合抽查指有两个及以上部门参加的任务。
      </Text>
    </>
  );
}
