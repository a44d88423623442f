import { Button, Field, Input, makeStyles, SpinButton, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { composePlanName, type BureauSettings, type YearlyRequirements } from '../../core/plan';
import { FIGURE_THRESHOLDS } from '../../core/results';
import { basisPointsToPercent, percentToBasisPoints } from '../percentText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    '& > *': { flexGrow: 1, minWidth: '120px' },
  },
  classRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'end',
  },
  classField: { minWidth: 0, '& .fui-Input': { minWidth: 0, width: '100%' } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  preview: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

type ClassDraft = { label: string; cls: string; percent: string };

type RequirementKey = keyof YearlyRequirements;

/** The yearly requirements a bureau may set, with their labels; empty = the default. */
const REQUIREMENTS: readonly { key: RequirementKey; label: string }[] = [
  { key: 'jointInspections', label: '联合抽查次数占比不低于（%）' },
  { key: 'jointHouseholds', label: '联合抽查户数占比不低于（%）' },
  { key: 'creditClasses', label: '信用分级分类抽查占比不低于（%）' },
  { key: 'coverage', label: '名录库覆盖率不低于（%）' },
];

type Draft = {
  year: string;
  division: string;
  department: string;
  teamSize: number;
  joint: string;
  classes: ClassDraft[];
  /** 每组至少局部门工作人员. */
  minStaff: number;
  /** Percent text per requirement; '' keeps the default. */
  requirements: Record<RequirementKey, string>;
  basis: string;
  /** '' = results are not checked against a time limit. */
  reportHours: string;
  /** '' = no stratum of its own for targets with past problems. */
  problemPercent: string;
};

function toDraft(s: BureauSettings): Draft {
  return {
    year: String(s.year),
    division: s.division,
    department: s.department,
    teamSize: s.teamSize,
    joint: s.jointDepartments.join('、'),
    classes: s.creditClasses.map((c) => ({
      label: c.label,
      cls: c.cls,
      percent: basisPointsToPercent(c.basisPoints),
    })),
    minStaff: s.minStaff ?? 1,
    requirements: Object.fromEntries(
      REQUIREMENTS.map(({ key }) => {
        const bp = s.requirements?.[key];
        return [key, bp === undefined ? '' : basisPointsToPercent(bp)];
      }),
    ) as Record<RequirementKey, string>,
    basis: s.requirementsBasis ?? '',
    reportHours: s.reportHours === undefined ? '' : String(s.reportHours),
    problemPercent: s.problemRatioBasisPoints === undefined ? '' : basisPointsToPercent(s.problemRatioBasisPoints),
  };
}

/** The optional rules of the draft, each absent when left empty (the default applies). */
function checkRules(d: Draft, problems: Record<string, string>): Partial<BureauSettings> {
  const out: Partial<BureauSettings> = {};
  if (d.minStaff < 1 || d.minStaff > d.teamSize) problems.minStaff = `请填写 1 到 ${d.teamSize}（每组人数）之间的整数`;
  else if (d.minStaff > 1) out.minStaff = d.minStaff;
  const requirements: YearlyRequirements = {};
  for (const { key } of REQUIREMENTS) {
    const text = d.requirements[key].trim();
    if (text === '') continue;
    const bp = percentToBasisPoints(text);
    if (bp === null) problems[key] = '请填写 0 到 100 之间的百分数，或留空使用默认值';
    else requirements[key] = bp;
  }
  if (Object.keys(requirements).length > 0) out.requirements = requirements;
  if (d.basis.trim()) out.requirementsBasis = d.basis.trim();
  const hours = d.reportHours.trim();
  if (hours !== '') {
    if (!/^\d+$/.test(hours) || Number(hours) < 1) problems.reportHours = '请填写整数小时，如 24，或留空不检查';
    else out.reportHours = Number(hours);
  }
  const problem = d.problemPercent.trim();
  if (problem !== '') {
    const bp = percentToBasisPoints(problem);
    if (bp === null) problems.problemPercent = '请填写 0 到 100 之间的百分数，或留空不单独成层';
    else out.problemRatioBasisPoints = bp;
  }
  return out;
}

type Checked = { settings: BureauSettings; problems: Record<string, string> };

function check(d: Draft): Checked {
  const problems: Record<string, string> = {};
  const year = Number(d.year.trim());
  if (!/^\d{4}$/.test(d.year.trim()) || year < 2000 || year > 2100) problems.year = '请填写四位年度，如 2026';
  const division = d.division.replace(/\s+/g, '');
  if (!division) problems.division = '请填写行政区划，如“邢台市”“承德县”';
  const department = d.department.replace(/\s+/g, '');
  if (!department) problems.department = '请填写部门，如“医疗保障局”或“医疗保障局桥东分局”';
  const creditClasses = d.classes
    .filter((c) => c.cls.trim() || c.label.trim() || c.percent.trim())
    .map((c, i) => {
      const bp = percentToBasisPoints(c.percent);
      if (!c.cls.trim()) problems[`class${i}`] = '请填写等级代码，如 A';
      else if (bp === null)
        problems[`class${i}`] = `等级“${c.cls.trim()}”的比例请填写 0 到 100 之间的百分数，如 5`;
      return { label: c.label.trim(), cls: c.cls.trim().toUpperCase(), basisPoints: bp ?? 0 };
    });
  const seen = new Set<string>();
  creditClasses.forEach((c, i) => {
    if (seen.has(c.cls)) problems[`class${i}`] = `等级代码“${c.cls}”重复`;
    seen.add(c.cls);
  });
  const rules = checkRules(d, problems);
  return {
    settings: {
      year,
      division,
      department,
      teamSize: d.teamSize,
      jointDepartments: d.joint
        .split(/[、，,；;\s]+/)
        .map((x) => x.trim())
        .filter(Boolean),
      creditClasses,
      ...rules,
    },
    problems,
  };
}

export type SettingsFormProps = {
  initial: BureauSettings;
  /** Whether a settings sheet exists (the button says 保存 or 保存修改). */
  exists: boolean;
  isSaving: boolean;
  onSave: (settings: BureauSettings) => void;
  onCancel?: () => void;
};

/** 单位设置: 年度, 行政区划, 部门 (for plan names), default team size, joint departments, credit classes with default ratios. */
export function SettingsForm({ initial, exists, isSaving, onSave, onCancel }: SettingsFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [tried, setTried] = useState(false);
  const { settings, problems } = check(draft);
  const shown = (key: string) => (tried ? problems[key] : undefined);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setClass = (i: number, patch: Partial<ClassDraft>) =>
    set({ classes: draft.classes.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const submit = () => {
    setTried(true);
    if (Object.keys(problems).length === 0) onSave(settings);
  };
  const preview =
    problems.year || problems.division || problems.department ? '' : composePlanName(settings, 1);

  return (
    <form
      className={styles.form}
      aria-label="单位设置"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className={styles.pair}>
        <Field label="年度" required validationMessage={shown('year')}>
          <Input value={draft.year} inputMode="numeric" onChange={(_, d) => set({ year: d.value })} />
        </Field>
        <Field label="默认检查组人数" hint="每组至少 2 人">
          <SpinButton
            value={draft.teamSize}
            min={2}
            max={9}
            // Fluent names the arrows "Increment value"/"Decrement value" unless told otherwise.
            incrementButton={{ 'aria-label': '默认检查组人数加一' }}
            decrementButton={{ 'aria-label': '默认检查组人数减一' }}
            onChange={(_, d) => {
              const v = d.value ?? Number(d.displayValue);
              if (Number.isInteger(v) && v >= 2 && v <= 9) set({ teamSize: v });
            }}
          />
        </Field>
      </div>
      <Field label="行政区划" required hint="如 邢台市、承德县" validationMessage={shown('division')}>
        <Input value={draft.division} onChange={(_, d) => set({ division: d.value })} />
      </Field>
      <Field
        label="部门"
        required
        hint="如 医疗保障局，分局写全称：医疗保障局桥东分局"
        validationMessage={shown('department')}
      >
        <Input value={draft.department} onChange={(_, d) => set({ department: d.value })} />
      </Field>
      <Field
        label="联合部门（科室）"
        hint="添加任务时“联合科室”列的选项，用顿号分隔：其他部门（如 市场监督管理局）或本局其他科室。只有其他部门参加才计为部门联合抽查"
      >
        <Input value={draft.joint} onChange={(_, d) => set({ joint: d.value })} />
      </Field>
      <Text weight="semibold">信用等级与默认抽查比例</Text>
      {draft.classes.length === 0 && <Text size={200}>名录库没有信用等级；如按等级抽查，请添加等级。</Text>}
      {draft.classes.map((c, i) => (
        <div key={i} className={styles.classRow} role="group" aria-label={`信用等级 ${i + 1}`}>
          <Field label="名称" className={styles.classField}>
            <Input value={c.label} onChange={(_, d) => setClass(i, { label: d.value })} />
          </Field>
          <Field label="代码" className={styles.classField}>
            <Input value={c.cls} onChange={(_, d) => setClass(i, { cls: d.value })} />
          </Field>
          <Field label="比例（%）" className={styles.classField} validationMessage={shown(`class${i}`)}>
            <Input
              value={c.percent}
              inputMode="decimal"
              onChange={(_, d) => setClass(i, { percent: d.value })}
            />
          </Field>
          <Button
            appearance="subtle"
            size="small"
            onClick={() => set({ classes: draft.classes.filter((_, j) => j !== i) })}
            aria-label={`删除信用等级 ${i + 1}`}
          >
            删除
          </Button>
        </div>
      ))}
      <div>
        <Button
          size="small"
          onClick={() => set({ classes: [...draft.classes, { label: '', cls: '', percent: '' }] })}
        >
          添加等级
        </Button>
      </div>
      <Text weight="semibold">抽取与年度统计规则</Text>
      <Field
        label="每组至少局部门工作人员"
        hint="组长总由局部门工作人员担任；如本局要求每组至少两名局部门工作人员（如偃师细则第二十条），填 2"
        validationMessage={shown('minStaff')}
      >
        <SpinButton
          value={draft.minStaff}
          min={1}
          max={draft.teamSize}
          incrementButton={{ 'aria-label': '每组至少局部门工作人员加一' }}
          decrementButton={{ 'aria-label': '每组至少局部门工作人员减一' }}
          onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isInteger(v) && v >= 1 && v <= 9) set({ minStaff: v });
          }}
        />
      </Field>
      <div className={styles.pair}>
        {REQUIREMENTS.map(({ key, label }) => (
          <Field key={key} label={label} hint={`留空为默认 ${basisPointsToPercent(FIGURE_THRESHOLDS[key])}`} validationMessage={shown(key)}>
            <Input
              value={draft.requirements[key]}
              inputMode="decimal"
              onChange={(_, d) => set({ requirements: { ...draft.requirements, [key]: d.value } })}
            />
          </Field>
        ))}
      </div>
      <Field label="统计要求的依据文件" hint="本局实施方案或工作计划的名称，年度统计表中引用">
        <Input value={draft.basis} onChange={(_, d) => set({ basis: d.value })} />
      </Field>
      <div className={styles.pair}>
        <Field label="检查结果上报时限（小时）" hint="如 24；留空不检查" validationMessage={shown('reportHours')}>
          <Input value={draft.reportHours} inputMode="numeric" onChange={(_, d) => set({ reportHours: d.value })} />
        </Field>
        <Field label="既往发现问题对象抽查比例（%）" hint="留空不单独成层" validationMessage={shown('problemPercent')}>
          <Input value={draft.problemPercent} inputMode="decimal" onChange={(_, d) => set({ problemPercent: d.value })} />
        </Field>
      </div>
      {preview && <Text className={styles.preview}>{`计划名称将写作：${preview}（序号依次递增）`}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={submit} disabled={isSaving}>
          {exists ? '保存修改' : '保存设置'}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={isSaving}>
            取消
          </Button>
        )}
      </div>
    </form>
  );
}
