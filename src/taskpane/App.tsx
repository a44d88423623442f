import {
  Link,
  makeStyles,
  MessageBar,
  Spinner,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  readBookState,
  type ApplyOptions,
  type BookState,
  type WorkbookOp,
  type WorkbookPort,
} from '../workbook';
import { createTaskpaneEnvironment, type AppEnvironment } from './appEnvironment';
import { CapabilityNotice } from './components/CapabilityNotice';
import { CheckPanel } from './components/CheckPanel';
import { StepNav } from './components/StepNav';
import { formatFindingPlace } from '../core/findings';
import { listNoTaskReasons } from '../core/session/listNoTaskReasons';
import { describeError } from './describeError';
import { stepRef, type SessionState, type ShellState, type StepDefinition } from './stepTypes';

export type { LastDraw, SessionState, ShellState, StepDefinition, StepId, StepPanelProps } from './stepTypes';

export type AppProps = {
  port: WorkbookPort | null;
  /** Defaults to `defaultSteps`; tests and later features pass their own list. */
  steps?: StepDefinition[];
  /** Time, randomness, downloads; defaults to the task pane's. */
  env?: AppEnvironment;
  /** Chinese sentences from detectCapabilities: what this Excel cannot do (shown once, dismissible). */
  capabilityMessages?: readonly string[];
  /** Extra controls under the title (the standalone page's file chooser and download). */
  toolbar?: ReactNode;
};

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
      width: '220px',
    },
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    flexGrow: 1,
    // Focusable only by script (tabIndex -1): where focus waits when the button a dialog returns
    // to is disabled while its action runs. No ring on the whole panel.
    ':focus': { outlineStyle: 'none' },
  },
  pageLinks: { margin: 0, paddingInlineStart: '1.2em' },
  panelTitle: {
    margin: 0,
  },
});

/** The Chinese sentence shown when reading the workbook fails: what went wrong and what to do. */
export function describeReadError(error: unknown): string {
  const advice = '请按 Esc 退出单元格编辑，关闭正在打开的对话框，然后点击“重试”。';
  return describeError(error, advice).replace('Excel 没有完成这项操作。', 'Excel 没有返回工作表内容。');
}

/** The page's file beside the pane's on the same server (the build writes them side by side in dist/). */
const STANDALONE_PAGE = 'standalone.html';
/** The page as one self-contained file (webpack's SingleFilePagePlugin), to save or e-mail. */
const SINGLE_FILE_PAGE = 'shuangsuiji.html';

/** The absolute address of a file beside this page, or the bare name where there is no address. */
function addressBeside(file: string): string {
  try {
    return new URL(file, document.baseURI).href;
  } catch {
    return file;
  }
}

/** Shown above the steps when office.js is missing or the host is not Excel: where else to work. */
export function NotInExcelNotice() {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>本加载项需要在 Excel 中运行</MessageBarTitle>
        <div>请在 Excel（Windows、Mac 或网页版）中打开工作簿，然后点击“开始”选项卡上的“抽查助手”按钮。</div>
        <div>使用 WPS 表格或没有加载项权限的同事，请用网页版，步骤和结果相同：</div>
        <ul className={styles.pageLinks}>
          <li>
            {'在浏览器中打开 '}
            <Link href={STANDALONE_PAGE}>{addressBeside(STANDALONE_PAGE)}</Link>
          </li>
          <li>
            {'或下载单文件网页版 '}
            <Link href={SINGLE_FILE_PAGE} download={SINGLE_FILE_PAGE}>
              {SINGLE_FILE_PAGE}
            </Link>
            ，保存到电脑后双击打开，不联网也能用，可以用邮件发给同事。
          </li>
          <li>也可以用命令行工具 shuangsuiji。</li>
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

const READ_FIRST = `请先在${stepRef('check')}读取并校验工作簿`;
const DRAW_FIRST = `请先在${stepRef('draw')}完成抽取`;

// Steps 2–5 (and the core they use: prepare, draw, verify) load when first opened, keeping the
// pane's first download small; one chunk for all four, so opening the next step is instant.
const DrawPanel = lazy(() =>
  import(/* webpackChunkName: "steps" */ './components/DrawPanel').then((m) => ({ default: m.DrawPanel })),
);
const LogPanel = lazy(() =>
  import(/* webpackChunkName: "steps" */ './components/LogPanel').then((m) => ({ default: m.LogPanel })),
);
const FormsPanel = lazy(() =>
  import(/* webpackChunkName: "steps" */ './components/FormsPanel').then((m) => ({ default: m.FormsPanel })),
);
const PlanPanel = lazy(() =>
  import(/* webpackChunkName: "plan" */ './components/PlanPanel').then((m) => ({ default: m.PlanPanel })),
);
const PublishPanel = lazy(() =>
  import(/* webpackChunkName: "steps" */ './components/PublishPanel').then((m) => ({
    default: m.PublishPanel,
  })),
);

/** Whether the log holds a draw (the panels themselves say when every draw was voided). */
function hasDraws(book: BookState): boolean {
  return book.log.rows.some((r) => r.entry.event === '抽取');
}

/** The five steps in order; `getBlockedReason` guards each step's inputs. */
export const defaultSteps: StepDefinition[] = [
  {
    id: 'check',
    title: '读取校验',
    getBlockedReason: () => null,
    Panel: CheckPanel,
  },
  {
    id: 'plan',
    title: '编制计划',
    getBlockedReason: ({ port, book, env }) => {
      if (!port) return env.noPortReason;
      return book ? null : READ_FIRST;
    },
    Panel: PlanPanel,
  },
  {
    id: 'draw',
    title: '抽取',
    getBlockedReason: ({ port, book, env }) => {
      if (!port) return env.noPortReason;
      if (!book) return READ_FIRST;
      if (book.report.tasks.length) return null;
      // Say why, from the findings that explain it (a matters list without a year, no plan table …).
      const why = listNoTaskReasons(book.report)[0];
      return `计划表中没有可抽取的任务${why ? `（${formatFindingPlace(why)}：${why.message.replace(/[。.]$/, '')}）` : ''}：请按${stepRef('check')}的提示修改计划表`;
    },
    Panel: DrawPanel,
  },
  {
    id: 'log',
    title: '抽取记录',
    getBlockedReason: ({ port, book, env }) => {
      if (!port) return env.noPortReason;
      if (!book) return READ_FIRST;
      return book.log.hasLog ? null : `工作簿中还没有抽取记录：请先在${stepRef('draw')}抽取`;
    },
    Panel: LogPanel,
  },
  {
    id: 'forms',
    title: '记录表',
    getBlockedReason: ({ port, book, env }) => {
      if (!port) return env.noPortReason;
      if (!book) return READ_FIRST;
      return hasDraws(book) ? null : DRAW_FIRST;
    },
    Panel: FormsPanel,
  },
  {
    id: 'publish',
    title: '结果公示',
    getBlockedReason: ({ port, book, env }) => {
      if (!port) return env.noPortReason;
      if (!book) return READ_FIRST;
      return hasDraws(book) ? null : DRAW_FIRST;
    },
    Panel: PublishPanel,
  },
];

const defaultEnvironment = createTaskpaneEnvironment({ noPortNotice: <NotInExcelNotice /> });

/** The task pane: title, step flow and the current step's panel. Never touches `Excel.*`. */
export function App({
  port,
  steps = defaultSteps,
  env = defaultEnvironment,
  capabilityMessages = [],
  toolbar,
}: AppProps) {
  const styles = useStyles();
  const panelTitleId = useId();
  const [currentId, setCurrentId] = useState<string>(steps[0]?.id ?? 'check');
  const [book, setBook] = useState<BookState | null>(null);
  const [isReading, setIsReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [session, setSession] = useState<SessionState>({
    operator: env.defaultOperator ?? env.operatorMemory?.load() ?? '',
    lastDraw: null,
    verification: null,
  });
  // Reads started for an older port must not overwrite the state of a newer one.
  const portRef = useRef(port);
  useEffect(() => {
    portRef.current = port;
  }, [port]);

  const refresh = useCallback(async (): Promise<BookState> => {
    if (!port) throw new Error('no workbook');
    const next = await readBookState(port);
    if (portRef.current === port) setBook(next);
    return next;
  }, [port]);

  const onRead = useCallback(() => {
    if (!port) return;
    setIsReading(true);
    setReadError(null);
    refresh()
      .catch((error: unknown) => setReadError(describeReadError(error)))
      .finally(() => setIsReading(false));
  }, [port, refresh]);

  const applyOps = useCallback(
    async (ops: WorkbookOp[], options?: ApplyOptions): Promise<BookState | null> => {
      if (!port) throw new Error('no workbook');
      await port.apply(ops, options);
      try {
        return await refresh();
      } catch (error) {
        // The write went through; only the re-read failed. Say so above the steps, keep the result.
        setReadError(describeReadError(error));
        return null;
      }
    },
    [port, refresh],
  );

  const selectCell = useCallback(
    (sheet: string, cell: string) => {
      // Selecting is a convenience; if Excel refuses (cell editing), the finding stays readable.
      port?.select(sheet, cell).catch(() => undefined);
    },
    [port],
  );

  const updateSession = useCallback(
    (patch: Partial<SessionState>) => setSession((s) => ({ ...s, ...patch })),
    [],
  );

  const state: ShellState = { port, book, env };
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
      {toolbar}
      {!port && env.noPortNotice}
      <CapabilityNotice messages={capabilityMessages} />
      {readError && currentId !== 'check' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>重新读取工作簿失败</MessageBarTitle>
            <div>{readError}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <div className={styles.nav}>
          <StepNav steps={navItems} currentId={current?.id ?? ''} onSelect={setCurrentId} />
        </div>
        {current && (
          <section className={styles.panel} aria-labelledby={panelTitleId} tabIndex={-1}>
            <Text as="h2" size={400} weight="semibold" className={styles.panelTitle} id={panelTitleId}>
              {currentIndex + 1}. {current.title}
            </Text>
            <Suspense fallback={<Spinner size="small" labelPosition="after" label="正在加载…" />}>
              <current.Panel
                {...state}
                isReading={isReading}
                readError={readError}
                onRead={onRead}
                refresh={refresh}
                applyOps={applyOps}
                // Only Excel has a selection to move: on the page the findings name sheet and cell instead.
                {...(env.surface === 'pane' ? { selectCell } : {})}
                session={session}
                updateSession={updateSession}
              />
            </Suspense>
          </section>
        )}
      </div>
    </main>
  );
}
