import { Checkbox, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppEnvironment } from '../appEnvironment';

export type OperatorFieldProps = {
  value: string;
  onChange: (name: string) => void;
  memory: AppEnvironment['operatorMemory'];
};

const WHY = '请填写您的姓名，抽取记录会写明由谁操作。';

/**
 * 操作人: written into the log with every event; remembered on this computer only when asked.
 * An empty name is a plain hint until the clerk has been in the field: a warning (announced as an
 * alert) before anything is typed would scold for nothing.
 */
export function OperatorField({ value, onChange, memory }: OperatorFieldProps) {
  const [remember, setRemember] = useState(() => (memory?.load() ?? '') !== '');
  const [isTouched, setIsTouched] = useState(false);
  const name = value.trim();
  const isMissing = name === '' && isTouched;
  return (
    <>
      <Field
        label="操作人（记入抽取记录）"
        required
        hint={name === '' && !isTouched ? WHY : undefined}
        validationMessage={isMissing ? WHY : undefined}
        validationState={isMissing ? 'warning' : 'none'}
      >
        <Input
          value={value}
          onBlur={() => setIsTouched(true)}
          onChange={(_, data) => {
            setIsTouched(true);
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
