import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../core/findings';
import type { Grid } from '../../core/grid';
import { planFixes, type CellChange } from '../../core/validate';
import type { WorkbookOp } from '../../core/workbookOps';
import type { BookState } from '../../workbook';
import { describeError, RETRY_ADVICE } from '../describeError';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';

/** Shown per change in the review; more are summarised. */
const MAX_LISTED = 12;

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  change: { overflowWrap: 'anywhere' },
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: 'line-through' },
  after: { color: tokens.colorPaletteGreenForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export type FixRequest = { finding: Finding } | { code: string };

type Review = { changes: CellChange[]; ops: WorkbookOp[] };

type State =
  | { kind: 'review'; review: Review }
  | { kind: 'applying'; review: Review }
  | { kind: 'done'; changes: CellChange[]; errors: number; warnings: number; stillThere: number }
  | { kind: 'failed'; message: string };

/**
 * The changes a request makes, each guarded by the value the user saw: if someone edited the cell
 * since the workbook was read, nothing is written.
 * @example reviewFor({ code: 'PLAN_NAME_EXTRA_TEXT' }, findings, grids).changes[0].after // '2025年邢台市医疗保障局随机抽查001'
 */
export function reviewFor(request: FixRequest, findings: readonly Finding[], grids: readonly Grid[]): Review {
  const { changes, ops } =
    'finding' in request
      ? planFixes([request.finding], request.finding.code, grids)
      : planFixes(findings, request.code, grids);
  const guards: WorkbookOp[] = changes.map((c) => ({
    kind: 'expectValue',
    sheet: c.sheet,
    address: c.cell,
    value: c.before,
  }));
  return { changes, ops: [...guards, ...ops] };
}

function ChangeList({ changes }: { changes: readonly CellChange[] }) {
  const styles = useStyles();
  return (
    <>
      <ol className={styles.list} aria-label="将修改的单元格">
        {changes.slice(0, MAX_LISTED).map((c) => (
          <li key={`${c.sheet}!${c.cell}`} className={styles.change}>
            <Text weight="semibold">{`${c.sheet}!${c.cell}：`}</Text>
            <Text className={styles.before}>{c.before === '' ? '（空）' : c.before}</Text>
            <Text>{' → '}</Text>
            <Text className={styles.after}>{c.after}</Text>
          </li>
        ))}
      </ol>
      {changes.length > MAX_LISTED && (
        <Text size={200}>{`另有 ${changes.length - MAX_LISTED} 处，同样改为建议值。`}</Text>
      )}
    </>
  );
}

export type FixReviewProps = {
  request: FixRequest;
  book: BookState;
  applyOps: (ops: WorkbookOp[]) => Promise<BookState | null>;
  onClose: () => void;
};

/**
 * 应用建议: shows each cell before and after, writes exactly those cells on 确认修改, then says
 * what the re-validation found. Nothing is written until the user confirms.
 */
export function FixReview({ request, book, applyOps, onClose }: FixReviewProps) {
  const styles = useStyles();
  const [state, setState] = useState<State>(() => ({
    kind: 'review',
    review: reviewFor(request, book.report.findings, book.grids),
  }));
  // The review opens above a possibly long list: bring it into view and move the focus to it.
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    boxRef.current?.focus();
    boxRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  if (state.kind === 'done') {
    return (
      <div ref={boxRef} tabIndex={-1}>
        <ErrorBar
          title={`已修改 ${state.changes.length} 个单元格并重新校验`}
          intent="success"
          actions={
            <Button size="small" onClick={onClose}>
              关闭
            </Button>
          }
        >
          <ChangeList changes={state.changes} />
          <Text>
            {`重新校验后：错误 ${state.errors} 个，提醒 ${state.warnings} 个。`}
            {state.stillThere > 0 ? `有 ${state.stillThere} 个改过的单元格仍有其他问题，见下方列表。` : ''}
          </Text>
        </ErrorBar>
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <ErrorBar
        title="没有修改"
        actions={
          <Button size="small" onClick={onClose}>
            关闭
          </Button>
        }
      >
        {state.message}
      </ErrorBar>
    );
  }

  const { review } = state;
  if (review.changes.length === 0) {
    return (
      <ErrorBar
        title="没有需要修改的单元格"
        intent="info"
        actions={
          <Button size="small" onClick={onClose}>
            关闭
          </Button>
        }
      >
        这些单元格已是建议的内容。请点击“重新读取并校验”刷新问题列表。
      </ErrorBar>
    );
  }
  const apply = () => {
    setState({ kind: 'applying', review });
    applyOps(review.ops).then(
      (next) => {
        const findings = next?.report.findings ?? [];
        const touched = new Set(review.changes.map((c) => `${c.sheet}!${c.cell}`));
        const errors = findings.filter((f) => f.severity === 'error').length;
        setState({
          kind: 'done',
          changes: review.changes,
          errors,
          warnings: findings.length - errors,
          stillThere: new Set(
            findings.filter((f) => touched.has(`${f.sheet}!${f.cell}`)).map((f) => `${f.sheet}!${f.cell}`),
          ).size,
        });
      },
      // A cell edited since the read refuses the whole batch (expectValue); the adapter says which.
      (error: unknown) => setState({ kind: 'failed', message: describeError(error, RETRY_ADVICE) }),
    );
  };
  return (
    <section className={styles.box} aria-label="应用建议" ref={boxRef} tabIndex={-1}>
      <Text weight="semibold">{`应用建议：修改 ${review.changes.length} 个单元格`}</Text>
      <ChangeList changes={review.changes} />
      <EffectNote>只改写上面列出的单元格（按文本写入），其他单元格不变；改后自动重新校验。</EffectNote>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={apply} disabled={state.kind === 'applying'}>
          确认修改
        </Button>
        <Button onClick={onClose} disabled={state.kind === 'applying'}>
          取消
        </Button>
        <div role="status" aria-live="polite">
          {state.kind === 'applying' && <Spinner size="tiny" labelPosition="after" label="正在写入…" />}
        </div>
      </div>
    </section>
  );
}
