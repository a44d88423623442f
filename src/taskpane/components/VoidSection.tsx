import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { describeDraw } from '../../core/results/describeDraw';
import { voidDraw } from '../../core/session/substituteInspector';
import { stepRef } from '../stepTypes';
import { DrawPicker } from './DrawPicker';
import { EffectNote } from './EffectNote';
import { describeAppendRefusal, LOG_EFFECT, useLogSectionStyles, type LogSectionProps } from './LogActions';


export type VoidSectionProps = LogSectionProps;

/** 作废: the draw stays with its sheets; the task may then be drawn again, referencing it. */
export function VoidSection({ book, draws, meta, canAppend, actions }: VoidSectionProps) {
  const styles = useLogSectionStyles();
  const [seq, setSeq] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const draw = draws.find((d) => d.seq === seq) ?? draws[0];
  if (!draw) return null;

  const doVoid = () => {
    const outcome = voidDraw(book, draw.seq, reason, meta());
    if (!outcome.ok) return actions.fail('不能作废', describeAppendRefusal(outcome.refusal));
    setReason('');
    actions.perform('正在作废…', outcome.ops, {
      title: `已作废第 ${draw.seq} 条抽取（抽取记录第 ${outcome.entry.seq} 条）`,
      message: `原抽取与结果表保留不变，可在${stepRef('draw')}重新抽取该任务，新抽取会注明替代第 ${draw.seq} 条。`,
    });
  };

  return (
    <section className={styles.section} aria-label="作废">
      <Text as="h3" weight="semibold">
        作废抽取
      </Text>
      <DrawPicker label="要作废的抽取" draws={draws} value={draw} onChange={setSeq} />
      <Field label="作废原因" required>
        <Input
          value={reason}
          onChange={(_, data) => setReason(data.value)}
          placeholder="如：抽取范围填写有误"
        />
      </Field>
      <EffectNote>{`${LOG_EFFECT}（作废）；原抽取及其结果表保留，之后可重新抽取该任务。`}</EffectNote>
      <div className={styles.actions}>
        <Button
          disabled={!reason.trim() || !canAppend || actions.isWorking}
          onClick={() =>
            actions.ask({
              title: '确认作废',
              confirmLabel: '作废',
              lines: [`作废 ${describeDraw(draw)}，原因：${reason.trim()}。`],
              run: doVoid,
            })
          }
        >
          作废…
        </Button>
      </div>
    </section>
  );
}
