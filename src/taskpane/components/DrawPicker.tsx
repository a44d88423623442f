import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { StoredDraw } from '../../core/log';
import { describeDraw, formatShortTime } from '../../core/results/describeDraw';

export type DrawPickerProps = {
  label: string;
  draws: readonly StoredDraw[];
  value: StoredDraw | undefined;
  onChange: (seq: number) => void;
  disabled?: boolean;
  /** Extra text per option, e.g. the number of targets. */
  detail?: (draw: StoredDraw) => string;
};

/** A drop-down of logged draws: `第 2 条 · 2025002/001 任务名称（2025-04-01 09:30）`. */
export function DrawPicker({ label, draws, value, onChange, disabled, detail }: DrawPickerProps) {
  return (
    <Field label={label}>
      <Dropdown
        value={value ? describeDraw(value) : ''}
        selectedOptions={value ? [String(value.seq)] : []}
        onOptionSelect={(_, data) => onChange(Number(data.optionValue))}
        disabled={disabled}
      >
        {draws.map((d) => (
          <Option key={d.seq} value={String(d.seq)} text={describeDraw(d)}>
            {`${describeDraw(d)}（${formatShortTime(d.entry.time)}${detail ? `，${detail(d)}` : ''}）`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
