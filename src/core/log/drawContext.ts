/**
 * What the log stores beside an ssj-draw/1 record: the names, codes and departments behind the ids
 * and the exclusions with their reasons, frozen at draw time. Result sheets and record forms are
 * built from this, so later edits of the directories cannot change what a past draw shows.
 * Values are strings and integers only (canonical JSON).
 */
export type TargetInfo = {
  name: string;
  uscc: string;
  type: string;
  creditClass: string;
  address: string;
  legalRep: string;
};

export type InspectorInfo = {
  name: string;
  badgeNo: string;
  /** 身份证号, printed on the form when there is no 执法证号. */
  residentId?: string;
  /** 所属单位 as in the directory, e.g. 邢台市市场监督管理局. */
  unit: string;
  section: string;
  /** The task department the person was drawn for (a record `team.departments[].name`). */
  teamDepartment: string;
};

export type DrawContext = {
  planName: string;
  taskName: string;
  periodText: string;
  scope: string;
  /** 1 when the task is secret (涉密): not published. */
  isSecret: number;
  /** Per task department, the 检查事项 it checks (for the record form). */
  matters: { department: string; matter: string }[];
  targets: Record<string, TargetInfo>;
  inspectors: Record<string, InspectorInfo>;
  excludedTargets: { id: string; name: string; reason: string }[];
  excludedInspectors: { id: string; name: string; reason: string }[];
  pairExclusions: { target: string; inspector: string; reason: string }[];
  notes: string[];
  settings: { recentWindowDays: number; annualCap: number; teamSize: number; maxPerInspector: number; drawDate: number };
};

/**
 * The names behind a draw's ids (targets and inspectors), for the messages of a draw or a 递补.
 * @param context the frozen context
 * @returns id → name
 * @example displayNamesOf(context)['YB0001'] // '张伟'
 */
export function displayNamesOf(context: Pick<DrawContext, 'targets' | 'inspectors'>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, t] of Object.entries(context.targets)) names[id] = t.name;
  for (const [id, p] of Object.entries(context.inspectors)) names[id] = p.name;
  return names;
}
