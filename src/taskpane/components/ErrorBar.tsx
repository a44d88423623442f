import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export type ErrorBarProps = {
  title: string;
  /** What went wrong and what to do. */
  children: ReactNode;
  intent?: 'error' | 'warning' | 'success' | 'info';
  actions?: ReactNode;
};

/** A Fluent MessageBar for a result or a failure, multi-line so long Chinese sentences wrap. */
export function ErrorBar({ title, children, intent = 'error', actions }: ErrorBarProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>{children}</div>
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
