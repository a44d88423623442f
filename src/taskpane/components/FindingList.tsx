import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { formatFindingPlace, type Finding } from '../../core/findings';

export type FindingListProps = {
  findings: readonly Finding[];
  /**
   * Moves Excel's selection to the cell (port.select). Absent where nothing can be selected (the
   * standalone page): the findings are then plain text, not buttons that do nothing.
   */
  onSelect?: (sheet: string, cell: string) => void;
  /** Accessible name of the whole list. */
  label: string;
  /**
   * Offered on findings that carry a computed suggestion: write exactly that cell (after a review).
   * Absent where the list is read-only (the log's findings).
   */
  onApply?: (finding: Finding) => void;
  /** Offered beside 应用 when several findings of the same code carry suggestions. */
  onApplyAll?: (code: string) => void;
  /** Disables the 应用 buttons while a change is being reviewed or written. */
  applyDisabled?: boolean;
  /**
   * Shows errors and reminders one kind at a time, errors first (step 1, where a long list of
   * reminders must not push the errors that block a draw screens down). Off: one list.
   */
  separateReminders?: boolean;
};

/** More than this many per sheet are summarised: a pane is not the place to read 2,000 findings. */
const MAX_PER_SHEET = 200;

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  filter: { display: 'flex', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalXS },
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
  plainItem: {
    display: 'flex',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  where: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  suggestion: { color: tokens.colorPaletteGreenForeground1 },
  header: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  fixes: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    flexWrap: 'wrap',
    paddingLeft: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

type Group = { sheet: string; findings: Finding[]; errors: number; warnings: number };
type Severity = Finding['severity'];

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

/**
 * Findings grouped by sheet with counts; in Excel each finding is a button that selects its cell.
 * With `separateReminders`, errors and reminders are shown one kind at a time (errors first).
 */
export function FindingList({
  findings,
  onSelect,
  label,
  onApply,
  onApplyAll,
  applyDisabled = false,
  separateReminders = false,
}: FindingListProps) {
  const styles = useStyles();
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  const warningCount = findings.length - errorCount;
  const hasBoth = separateReminders && errorCount > 0 && warningCount > 0;
  const [chosen, setChosen] = useState<Severity>('error');
  const shown: Severity = hasBoth ? chosen : errorCount > 0 ? 'error' : 'warning';
  const visible = hasBoth ? findings.filter((f) => f.severity === shown) : findings;
  const groups = groupBySheet(visible);
  // Several findings on one cell often share one suggestion (two extra words in a plan name):
  // one 应用 button per cell, and "同类" counts cells, not findings.
  const fixableByCode = new Map<string, Set<string>>();
  const offersFix = new Set<Finding>();
  const seenCells = new Set<string>();
  for (const f of findings) {
    if (f.suggestion === undefined || !f.cell) continue;
    const cell = `${f.sheet}!${f.cell}`;
    fixableByCode.set(f.code, (fixableByCode.get(f.code) ?? new Set<string>()).add(cell));
    if (seenCells.has(`${cell}=${f.suggestion}`)) continue;
    seenCells.add(`${cell}=${f.suggestion}`);
    offersFix.add(f);
  }
  // Small reports open fully; large ones open the first sheet only.
  const open = visible.length <= 60 ? groups.map((g) => g.sheet) : groups.slice(0, 1).map((g) => g.sheet);
  const describe = (f: Finding) =>
    `${formatFindingPlace(f)}，${f.severity === 'error' ? '错误' : '提醒'}：${f.message}${f.suggestion ? `。建议改为：${f.suggestion}` : ''}`;
  const content = (f: Finding) => (
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
  );
  const list = (
    // Keyed by the kind shown, so switching kinds opens that kind's sheets afresh.
    <Accordion key={shown} multiple collapsible defaultOpenItems={open} aria-label={label}>
      {groups.map((g) => (
        <AccordionItem key={g.sheet} value={g.sheet}>
          <AccordionHeader>
            <span className={styles.header}>
              <Text weight="semibold">{g.sheet}</Text>
              {g.errors > 0 && <Badge color="danger" appearance="tint">{`错误 ${g.errors}`}</Badge>}
              {g.warnings > 0 && <Badge color="warning" appearance="tint">{`提醒 ${g.warnings}`}</Badge>}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} aria-label={`${g.sheet} 的问题`}>
              {g.findings.slice(0, MAX_PER_SHEET).map((f, i) => (
                <li key={`${f.cell}-${f.code}-${i}`}>
                  {onSelect ? (
                    <Button
                      appearance="subtle"
                      className={styles.item}
                      onClick={() => onSelect(f.sheet, f.cell || 'A1')}
                      aria-label={describe(f)}
                    >
                      {content(f)}
                    </Button>
                  ) : (
                    <div className={styles.plainItem}>{content(f)}</div>
                  )}
                  {onApply && offersFix.has(f) && (
                    <div className={styles.fixes}>
                      <Button
                        size="small"
                        disabled={applyDisabled}
                        onClick={() => onApply(f)}
                        aria-label={`应用建议：将 ${f.sheet}!${f.cell} 改为“${f.suggestion}”`}
                      >
                        应用
                      </Button>
                      {onApplyAll && (fixableByCode.get(f.code)?.size ?? 0) > 1 && (
                        <Button
                          size="small"
                          appearance="subtle"
                          disabled={applyDisabled}
                          onClick={() => onApplyAll(f.code)}
                        >
                          {`同类全部应用（${fixableByCode.get(f.code)?.size ?? 0} 处）`}
                        </Button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {g.findings.length > MAX_PER_SHEET && (
              <Text
                size={200}
              >{`另有 ${g.findings.length - MAX_PER_SHEET} 条未列出：请用“写入校验结果”查看全部。`}</Text>
            )}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
  if (!hasBoth) return list;
  return (
    <div>
      {/* Toggle buttons, not a TabList: react-tabs would add ~20 KB to the pane's first download. */}
      <div className={styles.filter} role="group" aria-label={`${label}：按类别查看`}>
        <ToggleButton size="small" checked={shown === 'error'} onClick={() => setChosen('error')}>
          {`错误（${errorCount}）`}
        </ToggleButton>
        <ToggleButton size="small" checked={shown === 'warning'} onClick={() => setChosen('warning')}>
          {`提醒（${warningCount}）`}
        </ToggleButton>
      </div>
      {list}
    </div>
  );
}
