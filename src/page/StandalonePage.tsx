import {
  Button,
  CompoundButton,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { App } from '../taskpane/App';
import { createPageEnvironment } from '../taskpane/appEnvironment';
import { ConfirmDialog } from '../taskpane/components/ConfirmDialog';
import { describeError } from '../taskpane/describeError';
import type { XlsxWorkbook } from '../workbook';
import { openXlsxInWorker } from './openXlsxInWorker';
import { resultFileName, saveBytes } from './saveBytes';
import { trackChanges } from './trackChanges';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Said wherever the page talks about keeping the result: nothing else records a draw made here. */
const COUNTS_ONLY_WHEN_KEPT =
  '在本页做的抽取，只有下载并保存好结果工作簿后才算数：本页不会在别处留下任何记录。';

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
  muted: { color: tokens.colorNeutralForeground3 },
  saveBar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
  // In sight however far down the clerk is: the result exists only in this tab until downloaded.
  unsaved: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    borderTopColor: tokens.colorPaletteDarkOrangeBorder2,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  saved: { borderTopColor: tokens.colorPaletteGreenBorder2 },
  saveText: { flexGrow: 1, flexBasis: '12em', minWidth: 0, display: 'flex', flexDirection: 'column' },
  download: { maxWidth: '100%', overflowWrap: 'anywhere' },
});

type Opened = { book: XlsxWorkbook; name: string; serial: number };
/** Whether the open book holds work not yet downloaded, or was downloaded as `fileName` since the last change. */
type SaveState =
  { kind: 'unchanged' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'saved'; fileName: string };

function NoFileNotice() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>请先选择工作簿</MessageBarTitle>
        <div>
          选择含抽查计划表与名录库的 .xlsx
          文件，然后按步骤读取校验、抽取、生成记录表，最后点击“下载结果”保存。
        </div>
        <div>{COUNTS_ONLY_WHEN_KEPT}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Opens the chosen file as an in-memory workbook, in the page's worker where one starts. */
async function openBook(file: File): Promise<XlsxWorkbook> {
  return openXlsxInWorker(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** Asks the browser to confirm leaving the page (closing the tab, reloading) while `isOn`. */
function useLeaveGuard(isOn: boolean) {
  useEffect(() => {
    if (!isOn) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and browsers built on it, such as WPS's) ask only when returnValue is set
      // to a non-empty text; browsers show their own words, not this one.
      event.returnValue = '本页的抽取结果还没有下载';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isOn]);
}

/**
 * The browser page for colleagues without add-in rights (WPS users): choose an .xlsx, run the same
 * steps as the task pane on an in-page copy, download the result. Nothing leaves the computer, so
 * a draw made here exists only in this tab until the result is downloaded: the page says so, asks
 * before the tab closes or another file replaces the book, and keeps 下载结果 in sight.
 */
export function StandalonePage() {
  const styles = useStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [isOpening, setIsOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'unchanged' });
  /** A file chosen while the open book has unsaved work: opened only after the user confirms. */
  const [pendingFile, setPendingFile] = useState<File | null>(null);
  const hasUnsavedWork = save.kind === 'unsaved' || save.kind === 'saving';
  useLeaveGuard(hasUnsavedWork);

  const env = useMemo(
    () =>
      createPageEnvironment({
        noPortNotice: <NoFileNotice />,
        saveTextFile: (fileName, text, mimeType) => saveBytes(text, fileName, mimeType),
      }),
    [],
  );
  const port = useMemo(
    () => (opened ? trackChanges(opened.book, () => setSave({ kind: 'unsaved' })) : null),
    [opened],
  );

  // The toolbar is remounted with the App of a newly opened book, and the button that chose the
  // file with it: focus would fall to <body>. It goes back to that button.
  useEffect(() => {
    const active = document.activeElement;
    if (opened && (active === null || active === document.body)) chooseRef.current?.focus();
  }, [opened]);

  const open = (file: File) => {
    setIsOpening(true);
    setError(null);
    openBook(file)
      .then(
        (book) => {
          setOpened((prev) => ({ book, name: file.name, serial: (prev?.serial ?? 0) + 1 }));
          setSave({ kind: 'unchanged' });
        },
        (e: unknown) =>
          setError(describeError(e, '请选择在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”的文件。')),
      )
      .finally(() => setIsOpening(false));
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after editing it in Excel or WPS) opens it again.
    event.target.value = '';
    if (!file) return;
    if (hasUnsavedWork) setPendingFile(file);
    else open(file);
  };

  const download = () => {
    if (!opened) return;
    const fileName = resultFileName(opened.name);
    setSave({ kind: 'saving' });
    setError(null);
    opened.book.save().then(
      (bytes) => {
        saveBytes(bytes, fileName, XLSX_MIME);
        setSave({ kind: 'saved', fileName });
      },
      (e: unknown) => {
        setSave({ kind: 'unsaved' });
        setError(describeError(e, '请重试；如仍失败，请把原文件另存一份后重新打开。'));
      },
    );
  };

  const toolbar = (
    <div className={styles.toolbar}>
      <Text size={200}>
        本页面只在您的浏览器中处理文件：不联网，工作簿不会上传或离开这台电脑。原文件不会被修改，结果通过“下载结果”另存。
      </Text>
      <div className={styles.row}>
        {/* The browser's own file control speaks the browser's language ("Choose File"): hidden, opened by this button. */}
        <Button ref={chooseRef} onClick={() => inputRef.current?.click()}>
          {opened ? '选择其他工作簿…' : '选择工作簿（.xlsx）…'}
        </Button>
        <input
          ref={inputRef}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onFile}
        />
        <Text size={200} className={styles.muted}>
          {opened ? `当前：${opened.name}` : '尚未选择文件'}
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

  const resultName = opened ? resultFileName(opened.name) : '';
  const saveBar = opened && (
    <section
      className={mergeClasses(
        styles.saveBar,
        hasUnsavedWork && styles.unsaved,
        save.kind === 'saved' && styles.saved,
      )}
      aria-label="保存结果"
    >
      <div className={styles.saveText} role="status" aria-live="polite">
        {save.kind === 'saving' ? (
          <Spinner size="tiny" labelPosition="after" label="正在生成结果工作簿，较大的工作簿需要几秒钟…" />
        ) : save.kind === 'unsaved' ? (
          <>
            <Text weight="semibold">尚未下载：本页的改动只在这个标签页里</Text>
            <Text size={200}>
              关闭本页或换用其他文件，抽取结果就会丢失。请点击“下载结果”并保存好下载的工作簿。
            </Text>
          </>
        ) : save.kind === 'saved' ? (
          <>
            <Text weight="semibold">{`已下载“${save.fileName}”`}</Text>
            <Text size={200}>
              请把它保存在单位的文件夹里，以后以它为准：在 Excel 或 WPS
              中打开填写，需要继续时在本页重新选择它。
            </Text>
          </>
        ) : (
          <Text size={200}>{COUNTS_ONLY_WHEN_KEPT}</Text>
        )}
      </div>
      <CompoundButton
        className={styles.download}
        size="small"
        appearance="primary"
        secondaryContent={resultName}
        onClick={download}
        disabled={save.kind === 'saving'}
      >
        下载结果
      </CompoundButton>
    </section>
  );

  return (
    <>
      {/* A new file starts a fresh App (its read state belongs to the previous file). */}
      <App key={opened?.serial ?? 0} port={port} env={env} toolbar={toolbar} />
      {saveBar}
      <ConfirmDialog
        open={pendingFile !== null}
        title="换用另一个工作簿？"
        confirmLabel="不保存，打开新文件"
        onConfirm={() => {
          const file = pendingFile;
          setPendingFile(null);
          if (file) open(file);
        }}
        onCancel={() => setPendingFile(null)}
      >
        <p>{`“${opened?.name ?? ''}”在本页中的改动（抽取、记录表等）还没有下载。`}</p>
        <p>{`打开“${pendingFile?.name ?? ''}”后，这些改动会丢失，本页不会在别处留下记录。`}</p>
        <p>要保留它们，请点击“取消”，再点击“下载结果”保存，然后重新选择文件。</p>
      </ConfirmDialog>
    </>
  );
}
