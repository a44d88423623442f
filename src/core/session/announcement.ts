/**
 * The public-number announcement of a commitment (ssj-draw/1 §11): it fixes the exact text form of
 * the number, so that the operator cannot pick a spelling after the number is known. The template
 * marks each digit of the number with `d` (a run of d's not touching a Latin letter or digit), e.g.
 * `2025-04-01 福彩3D 第2025086期 开奖号码：d d d`; the revealed text must be the template with every
 * d replaced by one digit, and nothing else changed.
 */

import type { DrawProtocol } from '../draw/types';
import type { PlanTask } from '../prepare/planTask';

const SLOT = /(?<![A-Za-z0-9])d+(?![A-Za-z0-9])/g;

/** The template's digit slots as written (`d`, `dd` …). */
function slots(template: string): string[] {
  return template.match(SLOT) ?? [];
}

/**
 * Why a template cannot be committed to ('' when it can): it must mark the number's digits with d.
 * @example announcementProblem('福彩3D 第2025086期 开奖号码') // '公告文字中没有用 d 标出开奖号码的各位数字…'
 */
export function announcementProblem(template: string): string {
  const t = template.normalize('NFC').trim();
  if (!t) return '请填写开奖公告文字。';
  if (slots(t).length === 0)
    return `公告文字中没有用 d 标出开奖号码的各位数字（如“开奖号码：d d d”）：开奖后只能按此格式填写号码，不能另选写法。`;
  return '';
}

/**
 * Whether a revealed text fills the template: the same text, each d replaced by one digit 0–9.
 * @returns '' when it does, else a Chinese sentence showing the expected form
 * @example publicTextProblem('开奖号码：d d d', '开奖号码：3 7 1') // ''
 * @example publicTextProblem('开奖号码：d d d', '371') // '开奖号码应按承诺的格式“开奖号码：d d d”填写…'
 */
export function publicTextProblem(template: string, text: string): string {
  const t = template.normalize('NFC').trim();
  const x = text.normalize('NFC').trim();
  let pattern = '';
  let last = 0;
  for (const m of t.matchAll(SLOT)) {
    pattern += escape(t.slice(last, m.index)) + `[0-9]{${m[0].length}}`;
    last = m.index + m[0].length;
  }
  pattern += escape(t.slice(last));
  if (new RegExp(`^${pattern}$`).test(x)) return '';
  return `开奖号码应按承诺的格式“${t}”填写：把每个 d 换成一位数字（0–9），其余文字、空格和标点保持不变。收到的是“${x}”。`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The commitment as the bureau publishes it before the number exists: the task, the announcement
 * whose number will be the seed with the rule that turns it into the draw, and the commitment hash.
 * One text for the pane and the CLI: what is published must name the protocol the draw will use.
 * @returns the lines, in order
 * @example listCommitmentNotice({ planName: '2025年计划', taskName: '药店检查' }, '开奖号码：d d d', 'ab12…', 'ssj-draw/1')
 *   // ['2025年计划 药店检查', '本次抽取将以“开奖号码：d d d”的结果作为随机数，按 ssj-draw/1 规则计算。', '承诺值（SHA-256）：ab12…']
 */
export function listCommitmentNotice(
  task: Pick<PlanTask, 'planName' | 'taskName'>,
  announcement: string,
  commitment: string,
  protocol: DrawProtocol,
): string[] {
  return [
    `${task.planName} ${task.taskName}`,
    `本次抽取将以“${announcement}”的结果作为随机数，按 ${protocol} 规则计算。`,
    `承诺值（SHA-256）：${commitment}`,
  ];
}
