import { Button, Field, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { checkPublishedHead, publicCodeOf, type PublishedHeadCheck } from '../../core/log/publishedHead';
import { verifyBook } from '../../core/session/verifyBook';
import { chainHead } from '../../core/log/logSheet';
import { describeError, RETRY_ADVICE } from '../describeError';
import type { StepPanelProps } from '../stepTypes';
import { CopyButton } from './CopyButton';
import { ErrorBar } from './ErrorBar';
import { FindingList } from './FindingList';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Props = Pick<StepPanelProps, 'book' | 'refresh' | 'selectCell' | 'session' | 'updateSession'>;

/** The chain head and 验证: the book read again and every draw recomputed. */
export function LogVerifySection({ book, refresh, selectCell, session, updateSession }: Props) {
  const styles = useStyles();
  const [isVerifying, setIsVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [published, setPublished] = useState('');
  const [headCheck, setHeadCheck] = useState<{ text: string; check: PublishedHeadCheck } | null>(null);
  if (!book) return null;
  const head = chainHead(book.log);
  const verification = session.verification;
  const isCurrent =
    verification !== null && verification.head === head && verification.entries === book.log.rows.length;

  const verify = () => {
    setIsVerifying(true);
    setVerifyError(null);
    // Read the workbook again: verification is about what is in it now, not what was read earlier.
    refresh()
      .then((fresh) => {
        updateSession({ verification: verifyBook(fresh) });
        setHeadCheck(published.trim() ? { text: published.trim(), check: checkPublishedHead(fresh.log, published) } : null);
      })
      .catch((error: unknown) => setVerifyError(describeError(error, RETRY_ADVICE)))
      .finally(() => setIsVerifying(false));
  };

  return (
    <>
      <Text weight="semibold">{`公示码 ${publicCodeOf(head)}`}</Text>
      <Text size={200} className={styles.muted}>
        公示码由链头哈希（下方完整值）得出：请写入公示。日后在下面填入已公布的公示码再验证，可以确认公示之后记录没有被改写、截断或替换。
      </Text>
      <Text className={styles.hash}>{head}</Text>
      <Field label="已公布的公示码或链头哈希（可选）" hint="验证时核对它仍在抽取记录中，并列出公布之后追加的记录。">
        <Input value={published} onChange={(_, d) => setPublished(d.value)} placeholder="如 3F2A-91C0-7B1E-44D2" />
      </Field>
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
      {headCheck && <PublishedHeadResult {...headCheck} />}
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
    </>
  );
}

/** What the published head says about the log now. */
function PublishedHeadResult({ text, check }: { text: string; check: PublishedHeadCheck }) {
  if (check.kind === 'invalid') return <ErrorBar title="已公布的公示码无法识别">{check.message}</ErrorBar>;
  if (check.kind === 'missing')
    return (
      <ErrorBar title="已公布的公示码不在抽取记录中">
        {`“${text}”不在本抽取记录中：记录在公布之后被改写、截断或整体替换，不能作为抽取凭证。请用公布时保存的文件核对，并报告负责人。`}
      </ErrorBar>
    );
  return (
    <ErrorBar title="已公布的公示码在抽取记录中" intent={check.after.length ? 'warning' : 'success'}>
      {check.after.length === 0
        ? `它是第 ${check.seq} 条记录的链头，之后没有新的记录：与公布时一致。`
        : `它是第 ${check.seq} 条记录的链头；公布之后又追加了 ${check.after.length} 条（${check.after.map((e) => `第 ${e.seq} 条${e.event}`).join('、')}），请确认它们都已另行公布。`}
    </ErrorBar>
  );
}
