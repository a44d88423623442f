import { Button, Dropdown, makeStyles, Option, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Finding } from '../../core/findings';
import { parseCellAddress } from '../../core/grid';
import {
  appendTaskOps,
  newPlanTableOps,
  proposeFromPlan,
  saveSettingsOps,
  SETTINGS_SHEET,
  type BureauSettings,
  type NumberedRow,
} from '../../core/plan';
import { formatBasisPoints } from '../../core/rules';
import type { BookState } from '../../workbook';
import { describeError, RETRY_ADVICE } from '../describeError';
import { hasSheet, nextFreeSheetName } from '../nextFreeSheetName';
import { stepRef, type StepPanelProps } from '../stepTypes';
import { AddTaskForm } from './AddTaskForm';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';
import { FindingList } from './FindingList';
import { SettingsForm } from './SettingsForm';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; label: string }
  | { kind: 'done'; title: string; message: string; findings?: Finding[] }
  | { kind: 'failed'; title: string; message: string };

/** `YYYY年M月D日` for 制表时间. */
function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

function describeSettings(s: BureauSettings): string[] {
  return [
    `${s.year}年 · ${s.division}${s.department}`,
    `默认检查组人数：${s.teamSize} 人`,
    `联合部门（科室）：${s.jointDepartments.length ? s.jointDepartments.join('、') : '未设置'}`,
    `信用等级：${s.creditClasses.length ? s.creditClasses.map((c) => `${c.label}(${c.cls}、${formatBasisPoints(c.basisPoints)})`).join('、') : '未设置'}`,
  ];
}

/** First-run settings, proposed from the plan names and the directory's credit classes. */
function proposeSettingsFor(book: BookState, fallbackYear: number): BureauSettings {
  const classes = [...new Set(book.dirs.targets.map((t) => t.creditClass).filter(Boolean))];
  return proposeFromPlan(book.report.tasks, classes, fallbackYear);
}

/**
 * Step 编制计划: the bureau's settings (first run proposes them from the workbook), a new plan table in
 * the standard layout, and adding a plan or a task as a new row numbered by the rules.
 */
export function PlanPanel({ book, env, applyOps, selectCell }: StepPanelProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [editing, setEditing] = useState(false);
  const [tableSheet, setTableSheet] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  if (!book) return <Text>{`请先在${stepRef('check')}读取并校验工作簿。`}</Text>;

  const sheetNames = book.sheets.map((s) => s.name);
  const settingsExist = hasSheet(SETTINGS_SHEET, sheetNames);
  const settings = book.report.settings;
  const planTables = book.report.found.filter((t) => t.kind === 'plan');
  const table = planTables.find((t) => t.sheet === tableSheet) ?? planTables[planTables.length - 1] ?? null;
  const grid = table ? book.grids.find((g) => g.sheet === table.sheet) : undefined;
  const isWorking = status.kind === 'working';

  const run = (
    label: string,
    ops: Parameters<typeof applyOps>[0],
    done: (next: Awaited<ReturnType<typeof applyOps>>) => Status,
    failTitle: string,
  ) => {
    setStatus({ kind: 'working', label });
    applyOps(ops).then(
      (next) => setStatus(done(next)),
      (error: unknown) =>
        setStatus({ kind: 'failed', title: failTitle, message: describeError(error, RETRY_ADVICE) }),
    );
  };

  const saveSettings = (s: BureauSettings) =>
    run(
      '正在保存设置…',
      saveSettingsOps(s, settingsExist),
      () => {
        setEditing(false);
        return {
          kind: 'done',
          title: '单位设置已保存',
          message: '命令行和网页版打开本工作簿时使用同一份设置。',
        };
      },
      '保存设置失败',
    );

  const newSheet = settings ? nextFreeSheetName(`${settings.year}年度随机抽查工作计划`, sheetNames) : '';
  const createTable = () => {
    if (!settings) return;
    run(
      '正在新建计划表…',
      [
        ...newPlanTableOps(newSheet, settings, chineseDate(env.now())),
        { kind: 'activate', sheet: newSheet, address: 'A5' },
      ],
      () => {
        setTableSheet(newSheet);
        return {
          kind: 'done',
          title: '计划表已新建',
          message: `已新建工作表“${newSheet}”（标准表头、下拉选项与填写说明，A4 横向打印）。可在下方添加计划和任务。`,
        };
      },
      '新建计划表失败',
    );
  };

  const where = table && grid ? appendTaskOps(table, grid, {}) : null;
  const describeTarget = !where
    ? ''
    : where.ok
      ? `将在工作表“${table!.sheet}”第 ${where.row} 行写入这一行（编号与名称按规则生成）；不会改动其他行。`
      : where.message;

  const addRow = (row: NumberedRow) => {
    if (!table || !grid) return;
    const out = appendTaskOps(table, grid, row.values);
    if (!out.ok) {
      setStatus({ kind: 'failed', title: '没有写入', message: out.message });
      return;
    }
    const what = `计划 ${row.planNo}（${row.planName}）任务 ${row.values.taskNo}`;
    run(
      '正在写入计划表…',
      out.ops,
      (next) => {
        setFormKey((k) => k + 1);
        const onRow = (next?.report.findings ?? []).filter(
          (f) => f.sheet === table.sheet && (parseCellAddress(f.cell)?.row ?? -1) + 1 === out.row,
        );
        const dropped = out.dropped.length
          ? `计划表中没有“${out.dropped.join('”“')}”列，这些内容未写入。`
          : '';
        return {
          kind: 'done',
          title: `已添加${what}`,
          message: `写在工作表“${table.sheet}”第 ${out.row} 行。${dropped}${onRow.length ? '重新校验发现该行还有问题：' : '重新校验：该行没有问题。'}`,
          findings: onRow,
        };
      },
      '添加失败',
    );
  };

  const scopes = [
    ...new Set(book.dirs.targets.flatMap((t) => [t.type, t.region, ...t.tags]).filter(Boolean)),
  ];
  const matters = [
    ...new Set(
      book.report.found
        .filter((t) => t.kind === 'matters')
        .flatMap((t) => t.rows.map((r) => r.cells.matterName?.text.trim() ?? ''))
        .filter(Boolean),
    ),
  ];

  return (
    <>
      <section className={styles.section} aria-label="单位设置">
        <Text as="h3" weight="semibold">
          单位设置
        </Text>
        {settings && !editing ? (
          <>
            <div className={styles.summary}>
              {describeSettings(settings).map((line) => (
                <Text key={line}>{line}</Text>
              ))}
            </div>
            <div>
              <Button onClick={() => setEditing(true)} disabled={isWorking}>
                修改设置
              </Button>
            </div>
          </>
        ) : (
          <>
            {!settings && (
              <ErrorBar title="首次使用：请确认单位设置" intent="info">
                已根据计划表和名录库预填。计划名称按“年度+行政区划+部门+随机抽查+序号”生成，信用等级用于按等级抽查。
              </ErrorBar>
            )}
            <EffectNote>{`将把设置保存在隐藏的工作表“${SETTINGS_SHEET}”中（命令行和网页版读取同一份设置）；不会改动其他工作表。`}</EffectNote>
            <SettingsForm
              initial={settings ?? proposeSettingsFor(book, env.now().getFullYear())}
              exists={settingsExist}
              isSaving={isWorking}
              onSave={saveSettings}
              {...(settings ? { onCancel: () => setEditing(false) } : {})}
            />
          </>
        )}
      </section>

      <section className={styles.section} aria-label="计划表">
        <Text as="h3" weight="semibold">
          计划表
        </Text>
        {planTables.length === 0 ? (
          <Text>工作簿中还没有年度随机抽查工作计划表。</Text>
        ) : planTables.length === 1 ? (
          <Text>{`计划表在工作表“${planTables[0]!.sheet}”，已有 ${planTables[0]!.rows.length} 行任务。`}</Text>
        ) : (
          <Dropdown
            aria-label="添加到哪个计划表"
            value={table?.sheet ?? ''}
            selectedOptions={table ? [table.sheet] : []}
            onOptionSelect={(_, d) => setTableSheet(d.optionValue ?? null)}
          >
            {planTables.map((t) => (
              <Option key={t.sheet} value={t.sheet}>
                {t.sheet}
              </Option>
            ))}
          </Dropdown>
        )}
        {settings ? (
          <>
            <EffectNote>{`“新建计划表”将新建工作表“${newSheet}”：标准表头、单位与制表时间、填写说明、抽查类型与检查层级下拉选项，A4 横向打印；不会改动其他工作表。`}</EffectNote>
            <div>
              <Button onClick={createTable} disabled={isWorking}>
                新建计划表
              </Button>
            </div>
          </>
        ) : (
          <Text className={styles.muted}>保存单位设置后可新建计划表、添加计划和任务。</Text>
        )}
      </section>

      <div role="status" aria-live="polite">
        {status.kind === 'working' && <Spinner size="tiny" labelPosition="after" label={status.label} />}
      </div>
      {status.kind === 'done' && (
        <ErrorBar title={status.title} intent={status.findings?.length ? 'warning' : 'success'}>
          {status.message}
        </ErrorBar>
      )}
      {status.kind === 'done' && status.findings && status.findings.length > 0 && (
        <FindingList findings={status.findings} onSelect={selectCell} label="新行的问题" />
      )}
      {status.kind === 'failed' && <ErrorBar title={status.title}>{status.message}</ErrorBar>}

      {settings && table && (
        <section className={styles.section} aria-label="添加计划或任务">
          <Text as="h3" weight="semibold">
            添加计划或任务
          </Text>
          <AddTaskForm
            key={`${formKey}-${table.sheet}`}
            settings={settings}
            tasks={book.report.tasks}
            matters={matters}
            scopes={scopes}
            describeTarget={describeTarget}
            isWriting={isWorking}
            onSubmit={addRow}
          />
        </section>
      )}
    </>
  );
}
