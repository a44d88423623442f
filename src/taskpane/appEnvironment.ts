/**
 * What the steps need from their surroundings, passed in so that tests can fix the time and the
 * random bytes, and so that the standalone page can offer downloads that the task pane cannot.
 */
import type { ReactNode } from 'react';

export type AppEnvironment = {
  /** The current moment (draw date, log time). */
  now: () => Date;
  /** Cryptographic random bytes for a local seed (crypto.getRandomValues). */
  randomBytes: (length: number) => Uint8Array;
  /** Saves a text file for the user (the standalone page); absent inside Excel. */
  saveTextFile?: (fileName: string, text: string, mimeType: string) => void;
  /** Shown above the steps when there is no workbook (e.g. "run this in Excel"). */
  noPortNotice?: ReactNode;
  /** Why steps are blocked when there is no workbook, a full Chinese sentence. */
  noPortReason: string;
  /** The name the 抽取记录 records as 操作人 until the user types one. */
  defaultOperator?: string;
  /** Where the operator's name is kept on this computer when the user asks (absent: not offered). */
  operatorMemory?: OperatorMemory;
};

/** The operator's name kept on this computer; `save(null)` forgets it. */
export type OperatorMemory = { load: () => string; save: (name: string | null) => void };

const OPERATOR_KEY = 'shuangsuiji.operator';

/**
 * The operator's name in the browser's localStorage (per user and computer; nothing leaves it).
 * Storage can be unavailable (private mode, policy): then nothing is remembered and nothing fails.
 */
export function localOperatorMemory(): OperatorMemory {
  return {
    load: () => {
      try {
        return globalThis.localStorage?.getItem(OPERATOR_KEY) ?? '';
      } catch {
        return '';
      }
    },
    save: (name) => {
      try {
        if (name) globalThis.localStorage?.setItem(OPERATOR_KEY, name);
        else globalThis.localStorage?.removeItem(OPERATOR_KEY);
      } catch {
        // Not remembered; the name is still used for this session.
      }
    },
  };
}

/** Random bytes from the browser's cryptographic generator. */
export function browserRandomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

/** The environment of the task pane inside Excel. */
export function createTaskpaneEnvironment(overrides: Partial<AppEnvironment> = {}): AppEnvironment {
  return {
    now: () => new Date(),
    randomBytes: browserRandomBytes,
    noPortReason: '需要在 Excel 中运行本加载项',
    operatorMemory: localOperatorMemory(),
    ...overrides,
  };
}
