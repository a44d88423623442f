import { Badge, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatLogTime } from '../../core/log/drawLog';
import { schemaOf } from '../../core/tables';
import { buildFindingsSheetOps, FINDINGS_SHEET } from '../buildFindingsSheetOps';
import { describeError, RETRY_ADVICE } from '../describeError';
import { hasSheet, nextFreeSheetName } from '../nextFreeSheetName';
import { stepRef, type StepPanelProps } from '../stepTypes';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';
import { FindingList } from './FindingList';
import { FixReview, type FixRequest } from './FixReview';
import { choicesWith, saveChoicesOps, TableChoiceEditor } from './TableChoiceEditor';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  tables: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  tableActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

type WriteState =
  | { kind: 'idle' }
  | { kind: 'exists'; proposed: string }
  | { kind: 'writing' }
  | { kind: 'done'; sheet: string }
  | { kind: 'failed'; message: string };

/** Step 读取校验: read every sheet, list the tables found and the findings by sheet; optionally list them on a new sheet. */
export function CheckPanel({
  port,
  book,
  env,
  isReading,
  readError,
  onRead,
  applyOps,
  selectCell,
}: StepPanelProps) {
  const styles = useStyles();
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  const [editing, setEditing] = useState<{ sheet: string | null } | null>(null);
  const [choiceNote, setChoiceNote] = useState<string | null>(null);
  // One review at a time; a new request replaces the open one (keyed so its state starts afresh).
  const [fix, setFix] = useState<{ request: FixRequest; key: number } | null>(null);
  const requestFix = (request: FixRequest) => setFix((old) => ({ request, key: (old?.key ?? 0) + 1 }));
  const sheetNames = book?.sheets.map((s) => s.name) ?? [];
  const findings = book?.report.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const skipped = book?.report.storedChoices.filter((c) => c.kind === 'none') ?? [];
  const clearChoice = (sheet: string) => {
    if (!book) return;
    setChoiceNote(null);
    applyOps(saveChoicesOps(book, choicesWith(book, sheet, null))).then(
      () => setChoiceNote(`工作表“${sheet}”已恢复自动识别。`),
      (error: unknown) => setChoiceNote(describeError(error, RETRY_ADVICE)),
    );
  };

  const writeFindings = (sheet: string) => {
    setWrite({ kind: 'writing' });
    const title = `校验结果（${formatLogTime(env.now()).slice(0, 16).replace('T', ' ')} 由双随机抽查助手写入；错误 ${errors} 个，提醒 ${warnings} 个）`;
    applyOps(buildFindingsSheetOps(sheet, findings, title)).then(
      () => setWrite({ kind: 'done', sheet }),
      (error: unknown) => setWrite({ kind: 'failed', message: describeError(error, RETRY_ADVICE) }),
    );
  };
  const startWrite = () => {
    if (hasSheet(FINDINGS_SHEET, sheetNames))
      setWrite({ kind: 'exists', proposed: nextFreeSheetName(FINDINGS_SHEET, sheetNames) });
    else writeFindings(FINDINGS_SHEET);
  };

  return (
    <>
      <EffectNote>
        将读取本工作簿的全部工作表，找出计划表与名录库并逐格校验；只读取，不会改动工作簿。
      </EffectNote>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRead} disabled={isReading || !port}>
          {book ? '重新读取并校验' : '读取并校验'}
        </Button>
        <div role="status" aria-live="polite">
          {isReading && <Spinner size="tiny" labelPosition="after" label="正在读取并校验…" />}
        </div>
      </div>
      {readError && (
        <ErrorBar
          title="读取工作簿失败"
          actions={
            <Button onClick={onRead} disabled={isReading}>
              重试
            </Button>
          }
        >
          {readError}
        </ErrorBar>
      )}
      {book && (
        <>
          <Text as="h3" weight="semibold">
            找到的表格
          </Text>
          {book.report.tables.length === 0 ? (
            <ErrorBar title="没有找到计划表或名录库" intent="warning">
              请确认工作表中有含“抽查计划编号”“抽查计划名称”等表头的计划表，以及含“统一社会信用代码”“执法证号”等表头的名录库，然后重新读取。
              {`还没有计划表的，可在${stepRef('plan')}“编制计划”中新建；表头没有被认出的，可点击“指定表格…”手动指定。`}
            </ErrorBar>
          ) : (
            <ul className={styles.tables} aria-label={`找到的表格（共 ${book.report.tables.length} 个）`}>
              {book.report.tables.map((t) => (
                <li key={`${t.sheet}-${t.kind}`} className={styles.table}>
                  <Text weight="semibold">{schemaOf(t.kind).title}</Text>
                  <Text size={200} className={styles.muted}>
                    {`工作表“${t.sheet}” · 表头在第 ${t.headerRow} 行 · ${t.rows} 行数据${t.chosen ? ' · 按指定' : ''}`}
                  </Text>
                  <span className={styles.tableActions}>
                    <Button
                      size="small"
                      appearance="subtle"
                      onClick={() => setEditing({ sheet: t.sheet })}
                      aria-label={`更正工作表“${t.sheet}”的识别`}
                    >
                      更正
                    </Button>
                    {t.chosen && (
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => clearChoice(t.sheet)}
                        disabled={!port}
                      >
                        恢复自动识别
                      </Button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {skipped.map((c) => (
            <Text key={c.sheet} size={200} className={styles.muted}>
              {`按指定跳过工作表“${c.sheet}”（不是表格）。`}
              <Button size="small" appearance="subtle" onClick={() => clearChoice(c.sheet)} disabled={!port}>
                恢复自动识别
              </Button>
            </Text>
          ))}
          {editing ? (
            <TableChoiceEditor
              key={editing.sheet ?? ''}
              book={book}
              sheet={editing.sheet}
              applyOps={applyOps}
              onClose={(saved) => {
                setEditing(null);
                setChoiceNote(saved ? `已按指定重新读取工作表“${saved}”。` : null);
              }}
            />
          ) : (
            <div className={styles.actions}>
              <Button size="small" onClick={() => setEditing({ sheet: null })} disabled={!port}>
                指定表格…
              </Button>
              {choiceNote && <Text size={200}>{choiceNote}</Text>}
            </div>
          )}
          <Text as="h3" weight="semibold">
            校验结果
          </Text>
          <div className={styles.counts} role="status">
            {findings.length === 0 ? (
              <Text>未发现问题。</Text>
            ) : (
              <>
                <Badge color="danger" appearance="tint">{`错误 ${errors} 个`}</Badge>
                <Badge color="warning" appearance="tint">{`提醒 ${warnings} 个`}</Badge>
                <Text size={200} className={styles.muted}>
                  {env.words.findingHint}
                </Text>
              </>
            )}
          </div>
          {fix && (
            <FixReview
              key={fix.key}
              request={fix.request}
              book={book}
              applyOps={applyOps}
              onClose={() => setFix(null)}
            />
          )}
          {findings.length > 0 && (
            <FindingList
              findings={findings}
              onSelect={selectCell}
              label="校验发现的问题"
              separateReminders
              onApply={(finding) => requestFix({ finding })}
              onApplyAll={(code) => requestFix({ code })}
              applyDisabled={!port}
            />
          )}
          {findings.length > 0 && (
            <>
              <EffectNote>
                {`“写入校验结果”将新建工作表“${hasSheet(FINDINGS_SHEET, sheetNames) ? nextFreeSheetName(FINDINGS_SHEET, sheetNames) : FINDINGS_SHEET}”逐条列出问题；不会改动您的任何单元格。`}
              </EffectNote>
              <div className={styles.actions}>
                <Button onClick={startWrite} disabled={write.kind === 'writing'}>
                  写入校验结果
                </Button>
                <div role="status" aria-live="polite">
                  {write.kind === 'writing' && (
                    <Spinner size="tiny" labelPosition="after" label="正在写入…" />
                  )}
                </div>
              </div>
            </>
          )}
          {write.kind === 'exists' && (
            <ErrorBar
              title={`工作簿中已有“${FINDINGS_SHEET}”工作表`}
              intent="warning"
              actions={
                <>
                  <Button onClick={() => writeFindings(write.proposed)}>{`写入“${write.proposed}”`}</Button>
                  <Button appearance="subtle" onClick={() => setWrite({ kind: 'idle' })}>
                    不写入
                  </Button>
                </>
              }
            >
              {`为免覆盖已有内容，不会改动它。可以改为写入新工作表“${write.proposed}”。`}
            </ErrorBar>
          )}
          {write.kind === 'done' && (
            <ErrorBar title="已写入校验结果" intent="success">
              {`问题已逐条列在新工作表“${write.sheet}”中。`}
            </ErrorBar>
          )}
          {write.kind === 'failed' && <ErrorBar title="写入校验结果失败">{write.message}</ErrorBar>}
        </>
      )}
    </>
  );
}
