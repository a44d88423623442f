import { Button, Dropdown, Field, Input, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { describeTeam } from '../../core/results/describeDraw';
import { substituteInspector } from '../../core/session/substituteInspector';
import { DrawPicker } from './DrawPicker';
import { EffectNote } from './EffectNote';
import { describeAppendRefusal, LOG_EFFECT, useLogSectionStyles, type LogSectionProps } from './LogActions';


export type SubstituteSectionProps = LogSectionProps;

/** 递补: an inspector who cannot serve is replaced by a drawn one (never chosen). */
export function SubstituteSection({ book, draws, meta, canAppend, actions }: SubstituteSectionProps) {
  const styles = useLogSectionStyles();
  const [seq, setSeq] = useState<number | null>(null);
  const [target, setTarget] = useState('');
  const [out, setOut] = useState('');
  const [reason, setReason] = useState('');
  const draw = draws.find((d) => d.seq === seq) ?? draws[0];
  const team = draw?.teams.find((e) => e.target === target) ?? draw?.teams[0];
  if (!draw || !team) return null;
  const who = out || team.members[0] || '';
  const targetName = draw.context.targets[team.target]?.name ?? team.target;
  const outName = draw.context.inspectors[who]?.name ?? '';

  const substitute = () => {
    const outcome = substituteInspector(book, draw.seq, { target: team.target, out: who, reason }, meta());
    if (!outcome.ok && outcome.refusal)
      return actions.fail('不能递补', describeAppendRefusal(outcome.refusal));
    if (!outcome.ok) {
      return actions.perform('正在记录…', outcome.ops, {
        title: '递补失败，已记入抽取记录',
        message: `${outcome.message}。请检查人员名录后，由负责人决定如何处理。`,
      });
    }
    setReason('');
    const stale = outcome.staleForms.length
      ? `已生成的记录表（${outcome.staleForms.join('、')}）已标为过时，请在“记录表”一步重新生成。`
      : '';
    actions.perform('正在递补…', outcome.ops, {
      title: `已递补（抽取记录第 ${outcome.entry.seq} 条）`,
      message: `${outcome.message}。${outcome.resultSheet ? `工作表“${outcome.resultSheet}”中该对象的检查组已更新。` : ''}${stale}`,
    });
  };

  return (
    <section className={styles.section} aria-label="递补">
      <Text as="h3" weight="semibold">
        递补（检查人员因故不能参加）
      </Text>
      <Text size={200} className={styles.muted}>
        替补人员按公开的抽取算法从可参加的人员中随机产生，不能指定；任何人都可以按抽取记录复算。
      </Text>
      <DrawPicker
        label="抽取"
        draws={draws}
        value={draw}
        onChange={(next) => {
          setSeq(next);
          setTarget('');
          setOut('');
        }}
      />
      <Field label="检查对象">
        <Dropdown
          value={targetName}
          selectedOptions={[team.target]}
          onOptionSelect={(_, data) => {
            setTarget(data.optionValue ?? '');
            setOut('');
          }}
        >
          {draw.teams.map((e) => (
            <Option key={e.target} value={e.target} text={draw.context.targets[e.target]?.name ?? e.target}>
              {draw.context.targets[e.target]?.name ?? e.target}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Text size={200}>{`当前检查组：${describeTeam(team, draw.context)}`}</Text>
      <Field label="不能参加的检查人员">
        <Dropdown
          value={outName}
          selectedOptions={[who]}
          onOptionSelect={(_, data) => setOut(data.optionValue ?? '')}
        >
          {team.members.map((m) => (
            <Option key={m} value={m} text={draw.context.inspectors[m]?.name ?? m}>
              {`${draw.context.inspectors[m]?.name ?? m}${m === team.leader ? '（组长）' : ''}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="递补原因" required>
        <Input value={reason} onChange={(_, data) => setReason(data.value)} placeholder="如：因病无法参加" />
      </Field>
      <EffectNote>{`${LOG_EFFECT}（递补），并更新结果表中该对象的检查组；不会改动其他工作表。`}</EffectNote>
      <div className={styles.actions}>
        <Button
          disabled={!reason.trim() || !canAppend || actions.isWorking}
          onClick={() =>
            actions.ask({
              title: '确认递补',
              confirmLabel: '递补',
              lines: [`${targetName}：${outName} 不能参加（${reason.trim()}），将随机递补一名人员。`],
              run: substitute,
            })
          }
        >
          递补…
        </Button>
      </div>
    </section>
  );
}
