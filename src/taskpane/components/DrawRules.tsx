import { Field, makeStyles, SpinButton, tokens } from '@fluentui/react-components';
import { DRAW_RULE_DEFAULTS } from '../../core/prepare/prepareDraw';

/** The draw's adjustable rules; they are frozen into the draw record (team size, per-person cap) and its context. */
export type DrawRuleValues = {
  teamSize: number;
  recentWindowDays: number;
  annualCap: number;
  maxPerInspector: number;
};

/**
 * prepareDraw's defaults, with the bureau's default team size when its settings say one. Only these
 * four: the staff minimum is a bureau setting (每组至少局部门工作人员), not a per-draw field, and a
 * default passed here would override it.
 */
export function defaultDrawRules(teamSize: number = DRAW_RULE_DEFAULTS.teamSize): DrawRuleValues {
  const { recentWindowDays, annualCap, maxPerInspector } = DRAW_RULE_DEFAULTS;
  return { teamSize: Math.max(2, teamSize), recentWindowDays, annualCap, maxPerInspector };
}

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(132px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
});

type RuleSpec = { key: keyof DrawRuleValues; label: string; hint: string; min: number; max: number };

const RULES: readonly RuleSpec[] = [
  { key: 'teamSize', label: '每组人数', hint: '至少 2 人，且不少于参加部门数', min: 2, max: 9 },
  { key: 'recentWindowDays', label: '近期已查不再抽（天）', hint: '0 表示不限', min: 0, max: 1095 },
  { key: 'annualCap', label: '每个对象每年最多（次）', hint: '0 表示不限', min: 0, max: 12 },
  { key: 'maxPerInspector', label: '每人最多参加（组）', hint: '0 表示不限', min: 0, max: 50 },
];

export type DrawRulesProps = {
  value: DrawRuleValues;
  onChange: (next: DrawRuleValues) => void;
  disabled?: boolean;
};

/** 抽取规则: team size and the exclusion windows, each a labelled spin button with its range. */
export function DrawRules({ value, onChange, disabled = false }: DrawRulesProps) {
  const styles = useStyles();
  return (
    <div className={styles.grid} role="group" aria-label="抽取规则">
      {RULES.map((r) => (
        <Field key={r.key} label={r.label} hint={r.hint}>
          <SpinButton
            value={value[r.key]}
            min={r.min}
            max={r.max}
            disabled={disabled}
            // Fluent names the arrows "Increment value"/"Decrement value" unless told otherwise.
            incrementButton={{ 'aria-label': `${r.label}加一` }}
            decrementButton={{ 'aria-label': `${r.label}减一` }}
            onChange={(_, d) => {
              // Typed text arrives as displayValue; arrows as value. Out-of-range input is ignored.
              const n = d.value ?? (d.displayValue !== undefined ? Number(d.displayValue) : NaN);
              if (Number.isInteger(n) && n >= r.min && n <= r.max) onChange({ ...value, [r.key]: n });
            }}
          />
        </Field>
      ))}
    </div>
  );
}
