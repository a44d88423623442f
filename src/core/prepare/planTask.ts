import type { Ratio } from '../rules';

/** A task of the plan table as the draw needs it, already parsed by the rules. */
export type RatioSpec = Ratio;

export type PlanTask = {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  planNo: string;
  planName: string;
  /** Normalized: `001`. */
  taskNo: string;
  taskName: string;
  taskType: 'directed' | 'undirected';
  ratio: RatioSpec;
  matters: string;
  scope: string;
  /** 发起科室 (or the bureau itself when the table has no such column). */
  leadDept: string;
  /** 联合科室 / 联合部门, split. */
  jointDepts: string[];
  periodText: string;
  /**
   * The 抽查时间 cell's number when Excel stored one (a date, or 2025.6 typed as a number), for the
   * draw-date check: the text alone would read 2025.1, which may be a typed 2025.10, as January.
   */
  periodValue?: number;
  /** Whether the task is marked secret (涉密): its targets are not published. */
  isSecret: boolean;
  /**
   * Why this row must not be drawn until the plan table is corrected (a duplicate 抽查任务编号), in
   * Chinese; absent or empty when it may be drawn. prepareDraw refuses a task that has any.
   */
  blockers?: string[];
};
