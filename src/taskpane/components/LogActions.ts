/** What the log step's sections share: a confirm-then-write flow with one status line, their props and styles. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { StoredDraw } from '../../core/log';
import type { EventMeta } from '../../core/session/appendEvent';
import type { LogBook } from '../../core/session/bookState';
import type { WorkbookOp } from '../../core/workbookOps';
import type { AppendRefusal } from '../../core/session/substituteInspector';
import { describeAppendBlocker } from '../../core/session/appendEvent';

/** A write the clerk must confirm first: what it does, in sentences, and how to run it. */
export type ConfirmRequest = { title: string; confirmLabel: string; lines: string[]; run: () => void };

export type LogActions = {
  /** Opens the confirm dialog. */
  ask: (request: ConfirmRequest) => void;
  /** Applies the operations, then shows `done` (or the failure). */
  perform: (label: string, ops: WorkbookOp[], done: { title: string; message: string }) => void;
  fail: (title: string, message: string) => void;
  isWorking: boolean;
};

/** The one line appended to the log, as the effect notes say it. */
export const LOG_EFFECT = '将在受保护的“抽取记录”末尾追加一行';

/** A refused 递补/作废 in the pane's words. */
export function describeAppendRefusal(refusal: AppendRefusal): string {
  return refusal.kind === 'invalid'
    ? refusal.message
    : describeAppendBlocker(refusal.blocker, '请先点击“验证”查看详情，从未改动的备份恢复工作簿后再操作。');
}

/** What 递补 and 作废 are given: the book, the standing draws, who and when, and the shared flow. */
export type LogSectionProps = {
  book: LogBook;
  draws: readonly StoredDraw[];
  meta: () => EventMeta;
  canAppend: boolean;
  actions: LogActions;
};

export const useLogSectionStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
});
