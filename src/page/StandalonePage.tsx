import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { App } from '../taskpane/App';
import { createTaskpaneEnvironment } from '../taskpane/appEnvironment';
import { describeError } from '../taskpane/describeError';
import type { XlsxWorkbook } from '../workbook';
import { openXlsxInWorker } from './openXlsxInWorker';
import { resultFileName, saveBytes } from './saveBytes';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  file: { maxWidth: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Opened = { book: XlsxWorkbook; name: string; serial: number };

function NoFileNotice() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>请先选择工作簿</MessageBarTitle>
        <div>选择含抽查计划表与名录库的 .xlsx 文件，然后按步骤读取校验、抽取、生成记录表，最后点击“下载结果”保存。</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The browser page for colleagues without add-in rights (WPS users): choose an .xlsx, run the same
 * steps as the task pane on an in-page copy, download the result. Nothing leaves the computer.
 */
export function StandalonePage() {
  const styles = useStyles();
  const inputId = useId();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [isOpening, setIsOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const env = useMemo(
    () =>
      createTaskpaneEnvironment({
        noPortReason: '请先选择一个 .xlsx 工作簿',
        noPortNotice: <NoFileNotice />,
        saveTextFile: (fileName, text, mimeType) => saveBytes(text, fileName, mimeType),
      }),
    [],
  );

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setIsOpening(true);
    setError(null);
    file
      .arrayBuffer()
      .then((buffer) => openXlsxInWorker(new Uint8Array(buffer), file.name))
      .then(
        (book) => setOpened((prev) => ({ book, name: file.name, serial: (prev?.serial ?? 0) + 1 })),
        (e: unknown) => setError(describeError(e, '请选择在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”的文件。')),
      )
      .finally(() => setIsOpening(false));
  };

  const download = () => {
    if (!opened) return;
    setIsSaving(true);
    setError(null);
    opened.book
      .save()
      .then(
        (bytes) => saveBytes(bytes, resultFileName(opened.name), XLSX_MIME),
        (e: unknown) => setError(describeError(e, '请重试；如仍失败，请把原文件另存一份后重新打开。')),
      )
      .finally(() => setIsSaving(false));
  };

  const toolbar = (
    <div className={styles.toolbar}>
      <Text size={200}>本页面只在您的浏览器中处理文件：不联网，工作簿不会上传或离开这台电脑。原文件不会被修改，结果通过“下载结果”另存。</Text>
      <div className={styles.row}>
        <label htmlFor={inputId}>
          <Text weight="semibold">选择工作簿（.xlsx）</Text>
        </label>
        <input id={inputId} className={styles.file} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} />
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={download} disabled={!opened || isSaving}>
          下载结果
        </Button>
        <Text size={200} className={styles.muted}>
          {opened ? `当前：${opened.name}；下载为“${resultFileName(opened.name)}”` : '尚未选择文件'}
        </Text>
        <div role="status" aria-live="polite">
          {isOpening && <Spinner size="tiny" labelPosition="after" label="正在打开…" />}
        </div>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>无法处理该文件</MessageBarTitle>
            <div>{error}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  // A new file starts a fresh App (its read state belongs to the previous file).
  return <App key={opened?.serial ?? 0} port={opened?.book ?? null} env={env} toolbar={toolbar} />;
}
