import { Checkbox, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppEnvironment } from '../appEnvironment';

export type OperatorFieldProps = {
  value: string;
  onChange: (name: string) => void;
  memory: AppEnvironment['operatorMemory'];
};

/** 操作人: written into the log with every event; remembered on this computer only when asked. */
export function OperatorField({ value, onChange, memory }: OperatorFieldProps) {
  const [remember, setRemember] = useState(() => (memory?.load() ?? '') !== '');
  const name = value.trim();
  return (
    <>
      <Field
        label="操作人（记入抽取记录）"
        required
        validationMessage={name ? undefined : '请填写您的姓名，抽取记录会写明由谁操作。'}
        validationState={name ? 'none' : 'warning'}
      >
        <Input
          value={value}
          onChange={(_, data) => {
            onChange(data.value);
            if (remember) memory?.save(data.value.trim() || null);
          }}
        />
      </Field>
      {memory && (
        <Checkbox
          label="在本机记住我的姓名"
          checked={remember}
          onChange={(_, data) => {
            const on = data.checked === true;
            setRemember(on);
            memory.save(on ? name || null : null);
          }}
        />
      )}
    </>
  );
}
