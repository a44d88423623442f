import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useId, useState, type ReactNode } from 'react';
import { WorkbookError, type SheetInfo, type WorkbookPort } from '../workbook';
import { SheetList } from './components/SheetList';
import { StepNav } from './components/StepNav';

export type StepId = 'check' | 'draw' | 'log' | 'forms' | 'publish';

/** What the steps can see. Later steps add their results here (plan, findings, draw result…). */
export type ShellState = {
  /** The open workbook, or null when the pane is not running in Excel. */
  port: WorkbookPort | null;
  /** The sheets from the last successful 读取工作簿, or null before one. */
  sheets: SheetInfo[] | null;
};

export type StepPanelProps = ShellState & {
  isReading: boolean;
  /** Chinese text for the last failed read, or null. */
  readError: string | null;
  onReadWorkbook: () => void;
};

export type StepDefinition = {
  id: StepId;
  title: string;
  /** Why the step cannot be opened yet (a full Chinese sentence), or null when it can. */
  getBlockedReason: (state: ShellState) => string | null;
  Panel: (props: StepPanelProps) => ReactNode;
};

export type AppProps = {
  port: WorkbookPort | null;
  /** Defaults to `defaultSteps`; tests and later features pass their own list. */
  steps?: StepDefinition[];
};

const NOT_IN_EXCEL_REASON = '需要在 Excel 中运行本加载项';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '288px',
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  logo: {
    width: '32px',
    height: '32px',
    flexShrink: 0,
  },
  title: {
    margin: 0,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (min-width: 640px)': {
      flexDirection: 'row',
      alignItems: 'flex-start',
    },
  },
  nav: {
    '@media (min-width: 640px)': {
      flexShrink: 0,
      width: '240px',
    },
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    flexGrow: 1,
  },
  panelTitle: {
    margin: 0,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

/** The Chinese sentence shown when reading the workbook fails: what went wrong and what to do. */
export function describeReadError(error: unknown): string {
  const advice = '请按 Esc 退出单元格编辑，关闭正在打开的对话框，然后点击“重试”。';
  if (error instanceof WorkbookError) return `${error.message.replace(/[。.]\s*$/, '')}。${advice}`;
  const detail = error instanceof Error && error.message ? `（技术信息：${error.message}）` : '';
  return `Excel 没有返回工作表列表。${advice}${detail}`;
}

/** Shown above the steps when office.js is missing or the host is not Excel. */
export function NotInExcelNotice() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>本加载项需要在 Excel 中运行</MessageBarTitle>
        <div>请在 Excel（Windows、Mac 或网页版）中打开工作簿，然后点击“开始”选项卡上的“抽查助手”按钮。</div>
        <div>使用 WPS 表格的同事，请改用独立网页版或命令行工具 shuangsuiji，功能相同。</div>
      </MessageBarBody>
    </MessageBar>
  );
}

function CheckPanel({ port, sheets, isReading, readError, onReadWorkbook }: StepPanelProps) {
  const styles = useStyles();
  return (
    <>
      <Text>读取当前工作簿的工作表，确认抽查计划表与名录库都在其中。</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onReadWorkbook} disabled={isReading || !port}>
          {sheets ? '重新读取工作簿' : '读取工作簿'}
        </Button>
        <div role="status" aria-live="polite">
          {isReading && <Spinner size="tiny" labelPosition="after" label="正在读取工作簿…" />}
        </div>
      </div>
      {readError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>读取工作簿失败</MessageBarTitle>
            <div>{readError}</div>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReadWorkbook} disabled={isReading}>
              重试
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {sheets && <SheetList sheets={sheets} />}
    </>
  );
}

function PendingPanel() {
  return <Text>此步骤将在后续版本中提供。</Text>;
}

/** The five steps in order. Add a step's real panel here; `getBlockedReason` guards its inputs. */
export const defaultSteps: StepDefinition[] = [
  {
    id: 'check',
    title: '读取校验',
    getBlockedReason: () => null,
    Panel: CheckPanel,
  },
  {
    id: 'draw',
    title: '抽取',
    getBlockedReason: ({ port, sheets }) => {
      if (!port) return NOT_IN_EXCEL_REASON;
      return sheets ? null : '请先在第 1 步读取工作簿';
    },
    Panel: PendingPanel,
  },
  {
    id: 'log',
    title: '抽取记录',
    getBlockedReason: ({ port }) => (port ? '请先在第 2 步完成抽取' : NOT_IN_EXCEL_REASON),
    Panel: PendingPanel,
  },
  {
    id: 'forms',
    title: '记录表',
    getBlockedReason: ({ port }) => (port ? '请先在第 2 步完成抽取' : NOT_IN_EXCEL_REASON),
    Panel: PendingPanel,
  },
  {
    id: 'publish',
    title: '结果公示',
    getBlockedReason: ({ port }) => (port ? '请先在第 2 步完成抽取' : NOT_IN_EXCEL_REASON),
    Panel: PendingPanel,
  },
];

/** The task pane: title, step flow and the current step's panel. Never touches `Excel.*`. */
export function App({ port, steps = defaultSteps }: AppProps) {
  const styles = useStyles();
  const panelTitleId = useId();
  const [currentId, setCurrentId] = useState<string>(steps[0]?.id ?? 'check');
  const [sheets, setSheets] = useState<SheetInfo[] | null>(null);
  const [isReading, setIsReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);

  const readWorkbook = useCallback(() => {
    if (!port) return;
    setIsReading(true);
    setReadError(null);
    void port
      .listSheets()
      .then(
        (list) => setSheets(list),
        (error: unknown) => setReadError(describeReadError(error)),
      )
      .finally(() => setIsReading(false));
  }, [port]);

  const state: ShellState = { port, sheets };
  const navItems = steps.map((step) => ({
    id: step.id,
    title: step.title,
    blockedReason: step.getBlockedReason(state),
  }));
  const current = steps.find((step) => step.id === currentId) ?? steps[0];
  const currentIndex = current ? steps.indexOf(current) : 0;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          双随机抽查助手
        </Text>
      </header>
      {!port && <NotInExcelNotice />}
      <div className={styles.body}>
        <div className={styles.nav}>
          <StepNav steps={navItems} currentId={current?.id ?? ''} onSelect={setCurrentId} />
        </div>
        {current && (
          <section className={styles.panel} aria-labelledby={panelTitleId}>
            <Text as="h2" size={400} weight="semibold" className={styles.panelTitle} id={panelTitleId}>
              {currentIndex + 1}. {current.title}
            </Text>
            <current.Panel
              {...state}
              isReading={isReading}
              readError={readError}
              onReadWorkbook={readWorkbook}
            />
          </section>
        )}
      </div>
    </main>
  );
}
