import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { SETTINGS_SHEET } from '../../core/plan';
import {
  findTableAt,
  headerCandidates,
  missingRequiredColumns,
  saveTableChoicesOps,
  schemaOf,
  tableKindTitle,
  TABLE_SCHEMAS,
  type TableChoice,
  type TableKind,
} from '../../core/tables';
import { isOwnSheet } from '../../core/validate';
import type { BookState, WorkbookOp } from '../../workbook';
import { describeError, RETRY_ADVICE } from '../describeError';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  preview: { overflowWrap: 'anywhere' },
});

type Kind = TableKind | 'none';
const KINDS: readonly Kind[] = [...TABLE_SCHEMAS.map((s) => s.kind), 'none'];

/** The stored choices with this sheet's replaced (or removed when `choice` is null). */
export function choicesWith(book: BookState, sheet: string, choice: TableChoice | null): TableChoice[] {
  return [...book.report.storedChoices.filter((c) => c.sheet !== sheet), ...(choice ? [choice] : [])];
}

/** Operations that store the choices, refreshing the settings sheet (or creating it, very hidden). */
export function saveChoicesOps(book: BookState, choices: readonly TableChoice[]): WorkbookOp[] {
  return saveTableChoicesOps(
    choices,
    book.sheets.some((s) => s.name === SETTINGS_SHEET),
  );
}

export type TableChoiceEditorProps = {
  book: BookState;
  /** The sheet to start from (the table being corrected), or null to pick one. */
  sheet: string | null;
  applyOps: (ops: WorkbookOp[]) => Promise<BookState | null>;
  onClose: (saved: string | null) => void;
};

/**
 * 更正表格识别: the user says which sheet holds which table and on which row its header is (or that
 * a sheet holds no table). Stored in the settings sheet so the CLI and the page read the same.
 */
export function TableChoiceEditor({ book, sheet: initialSheet, applyOps, onClose }: TableChoiceEditorProps) {
  const styles = useStyles();
  const sheets = book.sheets
    .filter((s) => s.visibility === 'visible' && !isOwnSheet(s.name))
    .map((s) => s.name);
  const [sheet, setSheet] = useState(initialSheet ?? sheets[0] ?? '');
  const grid = book.grids.find((g) => g.sheet === sheet);
  const candidates = grid ? headerCandidates(grid) : [];
  const current = book.report.tables.find((t) => t.sheet === sheet);
  const [kind, setKind] = useState<Kind>(current?.kind ?? candidates[0]?.kind ?? 'plan');
  const [row, setRow] = useState(String(current?.headerRow ?? candidates[0]?.headerRow ?? 1));
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; message: string }
  >({ kind: 'idle' });

  const headerRow = Number(row);
  const rowOk = Number.isInteger(headerRow) && headerRow >= 1;
  const table = grid && kind !== 'none' && rowOk ? findTableAt(grid, kind, headerRow) : null;
  const missing =
    grid && kind !== 'none' && rowOk && !table ? missingRequiredColumns(grid, kind, headerRow) : [];
  const canSave = !!grid && (kind === 'none' || table !== null);

  const pickSheet = (name: string) => {
    setSheet(name);
    const g = book.grids.find((x) => x.sheet === name);
    const best = g ? headerCandidates(g)[0] : undefined;
    if (best) {
      setKind(best.kind);
      setRow(String(best.headerRow));
    }
  };

  const save = () => {
    if (!canSave) return;
    setState({ kind: 'saving' });
    const choice: TableChoice = { sheet, kind, headerRow: kind === 'none' ? 0 : headerRow };
    applyOps(saveChoicesOps(book, choicesWith(book, sheet, choice))).then(
      () => onClose(sheet),
      (error: unknown) => setState({ kind: 'failed', message: describeError(error, RETRY_ADVICE) }),
    );
  };

  let preview = '';
  if (kind === 'none') preview = `读取时将跳过工作表“${sheet}”。`;
  else if (!rowOk) preview = '请填写表头所在的行号（从 1 开始）。';
  else if (table) {
    const headers = Object.values(table.headers).slice(0, 8).join('、');
    preview = `将按${schemaOf(kind).title}读取：第 ${table.headerRow} 行是表头，${table.rows.length} 行数据；识别的列：${headers}${Object.keys(table.headers).length > 8 ? '等' : ''}。`;
  } else {
    preview = `第 ${headerRow} 行不像${schemaOf(kind).title}的表头：缺少${missing.join('；') || '所需的列'}。请换一行或换一种表格。`;
  }

  return (
    <section className={styles.box} aria-label="更正表格识别">
      <Text weight="semibold">更正表格识别</Text>
      <Field label="工作表">
        <Dropdown
          value={sheet}
          selectedOptions={[sheet]}
          onOptionSelect={(_, d) => d.optionValue && pickSheet(d.optionValue)}
        >
          {sheets.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="这是">
        <Dropdown
          value={tableKindTitle(kind)}
          selectedOptions={[kind]}
          onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as Kind)}
        >
          {KINDS.map((k) => (
            <Option key={k} value={k}>
              {tableKindTitle(k)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {kind !== 'none' && (
        <Field
          label="表头所在行"
          hint={
            candidates.length
              ? `可能的表头：${candidates.map((c) => `第 ${c.headerRow} 行（${schemaOf(c.kind).title}）`).join('、')}`
              : undefined
          }
        >
          <Input value={row} inputMode="numeric" onChange={(_, d) => setRow(d.value.trim())} />
        </Field>
      )}
      <Text className={styles.preview} role="status">
        {preview}
      </Text>
      <EffectNote>{`将把这一指定保存在隐藏的设置工作表“${SETTINGS_SHEET}”中（命令行和网页版同样按此读取），然后重新校验；不会改动其他工作表。`}</EffectNote>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={save} disabled={!canSave || state.kind === 'saving'}>
          保存并重新校验
        </Button>
        <Button onClick={() => onClose(null)} disabled={state.kind === 'saving'}>
          取消
        </Button>
        {state.kind === 'saving' && <Spinner size="tiny" labelPosition="after" label="正在保存…" />}
      </div>
      {state.kind === 'failed' && <ErrorBar title="没有保存">{state.message}</ErrorBar>}
    </section>
  );
}
