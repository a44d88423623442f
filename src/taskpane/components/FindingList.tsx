import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../core/findings';

export type FindingListProps = {
  findings: readonly Finding[];
  /** Moves Excel's selection to the cell (port.select). */
  onSelect: (sheet: string, cell: string) => void;
  /** Accessible name of the whole list. */
  label: string;
};

/** More than this many per sheet are summarised: a pane is not the place to read 2,000 findings. */
const MAX_PER_SHEET = 200;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    alignItems: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  where: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  suggestion: { color: tokens.colorPaletteGreenForeground1 },
  header: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
});

type Group = { sheet: string; findings: Finding[]; errors: number; warnings: number };

function groupBySheet(findings: readonly Finding[]): Group[] {
  const groups: Group[] = [];
  for (const f of findings) {
    let g = groups.find((x) => x.sheet === f.sheet);
    if (!g) {
      g = { sheet: f.sheet, findings: [], errors: 0, warnings: 0 };
      groups.push(g);
    }
    g.findings.push(f);
    if (f.severity === 'error') g.errors += 1;
    else g.warnings += 1;
  }
  return groups;
}

/** Findings grouped by sheet with counts; each finding is a button that selects its cell in Excel. */
export function FindingList({ findings, onSelect, label }: FindingListProps) {
  const styles = useStyles();
  const groups = groupBySheet(findings);
  // Small reports open fully; large ones open the first sheet only.
  const open = findings.length <= 60 ? groups.map((g) => g.sheet) : groups.slice(0, 1).map((g) => g.sheet);
  return (
    <Accordion multiple collapsible defaultOpenItems={open} aria-label={label}>
      {groups.map((g) => (
        <AccordionItem key={g.sheet} value={g.sheet}>
          <AccordionHeader>
            <span className={styles.header}>
              <Text weight="semibold">{g.sheet}</Text>
              {g.errors > 0 && (
                <Badge color="danger" appearance="tint">{`错误 ${g.errors}`}</Badge>
              )}
              {g.warnings > 0 && (
                <Badge color="warning" appearance="tint">{`提醒 ${g.warnings}`}</Badge>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} aria-label={`${g.sheet} 的问题`}>
              {g.findings.slice(0, MAX_PER_SHEET).map((f, i) => (
                <li key={`${f.cell}-${f.code}-${i}`}>
                  <Button
                    appearance="subtle"
                    className={styles.item}
                    onClick={() => onSelect(f.sheet, f.cell || 'A1')}
                    aria-label={`${f.cell ? `${f.sheet}!${f.cell}` : f.sheet}，${f.severity === 'error' ? '错误' : '提醒'}：${f.message}${f.suggestion ? `。建议改为：${f.suggestion}` : ''}`}
                  >
                    <span className={styles.body}>
                      <span className={styles.where}>
                        <Badge size="small" color={f.severity === 'error' ? 'danger' : 'warning'} appearance="filled">
                          {f.severity === 'error' ? '错误' : '提醒'}
                        </Badge>
                        <Text weight="semibold">{f.cell || '整个工作表'}</Text>
                      </span>
                      <Text>{f.message}</Text>
                      {f.suggestion && <Text className={styles.suggestion}>{`建议改为：${f.suggestion}`}</Text>}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
            {g.findings.length > MAX_PER_SHEET && (
              <Text size={200}>{`另有 ${g.findings.length - MAX_PER_SHEET} 条未列出：请用“写入校验结果”查看全部。`}</Text>
            )}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
