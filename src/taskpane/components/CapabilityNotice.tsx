import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';

export type CapabilityNoticeProps = {
  /** Chinese sentences from detectCapabilities: what this Excel cannot do. */
  messages: readonly string[];
};

/** Lists what an older Excel cannot do; the user can close it once read. */
export function CapabilityNotice({ messages }: CapabilityNoticeProps) {
  const [isOpen, setIsOpen] = useState(true);
  if (!isOpen || messages.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>当前 Excel 版本较旧，部分功能不可用</MessageBarTitle>
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label="关闭版本提示" onClick={() => setIsOpen(false)}>
            关闭
          </Button>
        }
      />
    </MessageBar>
  );
}
