import type { DisplayNames, IneligibleInspector, IneligibleReason } from '../types';

/**
 * How a person or target is shown in a message: its display name when given, else its id.
 *
 * @param names - id → display name, or undefined
 * @param id - an inspector or target id
 * @returns the name to show
 * @example
 * displayName({ SJ0001: '张三' }, 'SJ0001') // '张三'
 */
export function displayName(names: DisplayNames | undefined, id: string): string {
  return names !== undefined && Object.hasOwn(names, id) ? (names[id] ?? id) : id;
}

const MAX_LISTED = 12;

function reasonText(reason: IneligibleReason, cap: number): string {
  switch (reason) {
    case 'excluded':
      return '已排除（回避等）';
    case 'capped':
      return `已达抽取上限（${cap} 次）`;
    case 'not-staff':
      return '非局部门工作人员';
    case 'already-chosen':
      return '已在本组';
    case 'removed':
      return '已从本组撤出';
  }
}

/**
 * Lists why people were not available, shortened after a dozen people.
 *
 * @param ineligible - the people and their reasons
 * @param names - display names
 * @param cap - maxPerInspector, shown with `capped`
 * @returns the Chinese list
 * @example
 * describeIneligible([{ inspector: 'SJ0001', reasons: ['excluded'] }, { inspector: 'SJ0002', reasons: ['capped'] }], undefined, 3)
 * // 'SJ0001 已排除（回避等），SJ0002 已达抽取上限（3 次）'
 */
export function describeIneligible(
  ineligible: readonly IneligibleInspector[],
  names: DisplayNames | undefined,
  cap: number,
): string {
  const listed = ineligible
    .slice(0, MAX_LISTED)
    .map(
      (entry) =>
        `${displayName(names, entry.inspector)} ${entry.reasons.map((r) => reasonText(r, cap)).join('、')}`,
    );
  const rest = ineligible.length > MAX_LISTED ? `等 ${ineligible.length} 人` : '';
  return listed.join('，') + rest;
}
