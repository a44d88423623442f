/**
 * What the steps need from their surroundings, passed in so that tests can fix the time and the
 * random bytes, so that the standalone page can offer downloads that the task pane cannot, and so
 * that each says how its user gets from the steps to the sheets (`words`).
 */
import type { ReactNode } from 'react';

/**
 * Where the steps run: `pane` in Excel's task pane on the open workbook (a click can select a
 * cell, a re-read sees what the user typed); `page` in the standalone page on an in-memory copy of
 * a chosen file (nothing is selected; changes reach Excel/WPS only through 下载结果).
 */
export type AppSurface = 'pane' | 'page';

/** The sentences that differ between the pane and the page: how the user reaches and edits cells. */
export type SurfaceWords = {
  /** Under the list of findings. */
  findingHint: string;
  /** After a sheet to fill in (检查结果登记表) was added: how the filled-in values come back. */
  fillInHint: string;
  /** Under a list of problems found in a sheet the user keeps (登记表, 抽取记录). */
  locateHint: string;
};

/** Inside Excel: a click on a finding selects its cell; what is typed is read again with a button. */
export const PANE_WORDS: SurfaceWords = {
  findingHint: '点击一条问题，Excel 会选中对应的单元格。',
  fillInHint: '填好后点击“重新读取登记表”。',
  locateHint: '点击一条可跳到对应单元格。',
};

/** In the page: the book is a copy; it is filled in Excel or WPS after downloading and opened again here. */
export const PAGE_WORDS: SurfaceWords = {
  findingHint: '请按列出的工作表和单元格，在 Excel 或 WPS 中修改原文件并保存，然后在本页重新选择它。',
  fillInHint:
    '请点击“下载结果”保存工作簿，在 Excel 或 WPS 中打开它填写并保存，再在本页重新选择这个文件，即可读取填写的内容。',
  locateHint: '请按列出的工作表和单元格，在 Excel 或 WPS 中查看。',
};

export type AppEnvironment = {
  /** Task pane or standalone page (see AppSurface). */
  surface: AppSurface;
  /** The sentences that depend on the surface. */
  words: SurfaceWords;
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
    surface: 'pane',
    words: PANE_WORDS,
    now: () => new Date(),
    randomBytes: browserRandomBytes,
    noPortReason: '需要在 Excel 中运行本加载项',
    operatorMemory: localOperatorMemory(),
    ...overrides,
  };
}

/** The environment of the standalone page: the page's words; `saveTextFile` and the notices come from the page. */
export function createPageEnvironment(overrides: Partial<AppEnvironment> = {}): AppEnvironment {
  return createTaskpaneEnvironment({
    surface: 'page',
    words: PAGE_WORDS,
    noPortReason: '请先选择一个 .xlsx 工作簿',
    ...overrides,
  });
}
