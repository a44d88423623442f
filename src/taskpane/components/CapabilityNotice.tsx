import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';

export type CapabilityNoticeProps = {
  /** Chinese sentences from detectCapabilities: what this Excel cannot do. */
  messages: readonly string[];
};

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: '1.2em' },
  details: { marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
});

/** The requirement-set clause of a detectCapabilities message: `需要 ExcelApi 1.13（Microsoft 365 较新版本）`. */
const REQUIREMENT = /需要 ?ExcelApi (\d+\.\d+)（([^）]+)）/;

/**
 * A clerk's version of a capability message: the Excel versions that have the feature instead of
 * the requirement-set number, which is kept apart for the bureau's IT.
 * @example toClerkWords('读取合并单元格需要 ExcelApi 1.13（Microsoft 365 较新版本），…')
 *   // { text: '读取合并单元格需要 Microsoft 365 较新版本，…', technical: 'ExcelApi 1.13' }
 */
function toClerkWords(message: string): { text: string; technical: string | null } {
  const match = REQUIREMENT.exec(message);
  if (!match) return { text: message, technical: null };
  return { text: message.replace(REQUIREMENT, `需要 ${match[2]}`), technical: `ExcelApi ${match[1]}` };
}

/** Lists what an older Excel cannot do; the user can close it once read. */
export function CapabilityNotice({ messages }: CapabilityNoticeProps) {
  const styles = useStyles();
  const [isOpen, setIsOpen] = useState(true);
  if (!isOpen || messages.length === 0) return null;
  const items = messages.map(toClerkWords);
  const technical = items.flatMap((i) => (i.technical ? [i.technical] : []));
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>当前 Excel 版本较旧，部分功能不可用</MessageBarTitle>
        <ul className={styles.list}>
          {items.map((i) => (
            <li key={i.text}>{i.text}</li>
          ))}
        </ul>
        {technical.length > 0 && (
          <details className={styles.details}>
            <summary>
              <Text size={200}>给信息科的说明</Text>
            </summary>
            <Text
              size={200}
            >{`缺少的 Office 接口要求集：${[...new Set(technical)].join('、')}。升级到上面所说的 Excel 版本即可使用。`}</Text>
          </details>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            aria-label="关闭版本提示"
            onClick={() => setIsOpen(false)}
          >
            关闭
          </Button>
        }
      />
    </MessageBar>
  );
}
