/** The contract between the shell (App) and the step panels. */
import type { ComponentType } from 'react';
import type { LogVerification } from '../core/log';
import type { ApplyOptions, BookState, WorkbookOp, WorkbookPort } from '../workbook';
import type { AppEnvironment } from './appEnvironment';

export type StepId = 'check' | 'plan' | 'draw' | 'log' | 'forms' | 'publish';

/** What the steps can see to decide whether they can open. */
export type ShellState = {
  /** The open workbook, or null when there is none (not in Excel, no file chosen). */
  port: WorkbookPort | null;
  /** Everything read by the last 读取并校验 (refreshed after each write), or null before one. */
  book: BookState | null;
  env: AppEnvironment;
};

/** The result of the last draw made in this session, as the draw step shows it. */
export type LastDraw = {
  seq: number;
  taskLabel: string;
  resultSheet: string;
  seedSource: string;
  head: string;
  /** The voided draw this one replaces (0: a first draw). */
  replaces: number;
  rows: { name: string; uscc: string; stratum: string; team: string }[];
};

/** Kept by the shell so that a step shows the same thing when the user comes back to it. */
export type SessionState = {
  operator: string;
  lastDraw: LastDraw | null;
  verification: LogVerification | null;
};

export type StepPanelProps = ShellState & {
  isReading: boolean;
  /** Chinese text for the last failed read, or null. */
  readError: string | null;
  /** Reads and validates the workbook (the 读取校验 step's button). */
  onRead: () => void;
  /** Reads the workbook again and returns the new state (throws on failure). */
  refresh: () => Promise<BookState>;
  /**
   * Applies the operations as one unit, then reads the workbook again. Throws when the write fails;
   * resolves null when the write went through but the re-read failed (the shell shows that error).
   */
  applyOps: (ops: WorkbookOp[], options?: ApplyOptions) => Promise<BookState | null>;
  /** Moves Excel's selection to the cell; absent on the standalone page, where there is none. */
  selectCell?: (sheet: string, cell: string) => void;
  session: SessionState;
  updateSession: (patch: Partial<SessionState>) => void;
};

export type StepDefinition = {
  id: StepId;
  title: string;
  /** Why the step cannot be opened yet (a full Chinese sentence), or null when it can. */
  getBlockedReason: (state: ShellState) => string | null;
  Panel: ComponentType<StepPanelProps>;
};

/** The order of the default steps; messages point to a step by its number in this order. */
export const STEP_ORDER: readonly StepId[] = ['check', 'plan', 'draw', 'log', 'forms', 'publish'];

/**
 * How a message names a step: `第 3 步`.
 * @example stepRef('draw') // '第 3 步'
 */
export function stepRef(id: StepId): string {
  return `第 ${STEP_ORDER.indexOf(id) + 1} 步`;
}
