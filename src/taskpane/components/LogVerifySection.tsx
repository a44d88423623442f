import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DATA_SHEET, verifyLog } from '../../core/log';
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
        const dataGrid = fresh.grids.find((g) => g.sheet === DATA_SHEET) ?? null;
        updateSession({
          verification: verifyLog(fresh.log, { resultGrids: fresh.grids, sheetInfo: fresh.sheets, dataGrid }),
        });
      })
      .catch((error: unknown) => setVerifyError(describeError(error, RETRY_ADVICE)))
      .finally(() => setIsVerifying(false));
  };

  return (
    <>
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
    </>
  );
}
