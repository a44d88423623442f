import { Button } from '@fluentui/react-components';
import { useState } from 'react';

export type CopyButtonProps = {
  text: string;
  /** Accessible name, e.g. 复制链头哈希. */
  label: string;
};

/** Copies `text` to the clipboard and says so; where the host forbids it, asks to copy by hand. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setState('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  const caption = state === 'copied' ? '已复制' : state === 'failed' ? '无法自动复制，请选中文字后按 Ctrl+C' : '复制';
  return (
    <Button size="small" onClick={copy} aria-label={label} aria-live="polite">
      {caption}
    </Button>
  );
}
