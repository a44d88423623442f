import { Button, makeStyles, mergeClasses, Text, tokens, Tooltip } from '@fluentui/react-components';

export type StepNavItem = {
  id: string;
  title: string;
  /** Why the step cannot be opened yet (shown as tooltip and caption), or null when it can. */
  blockedReason: string | null;
};

export type StepNavProps = {
  steps: StepNavItem[];
  currentId: string;
  onSelect: (id: string) => void;
};

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  button: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    minHeight: '40px',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    columnGap: tokens.spacingHorizontalS,
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  number: {
    flexShrink: 0,
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  numberCurrent: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
  label: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
  },
  reason: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
  },
});

/**
 * The numbered step flow. Blocked steps stay focusable (`disabledFocusable`) so keyboard and
 * screen-reader users can still reach them and hear why they are unavailable.
 */
export function StepNav({ steps, currentId, onSelect }: StepNavProps) {
  const styles = useStyles();
  return (
    <nav aria-label="操作步骤">
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const isCurrent = step.id === currentId;
          const isBlocked = step.blockedReason !== null;
          const reasonId = `ssj-step-reason-${step.id}`;
          const button = (
            <Button
              appearance="subtle"
              className={mergeClasses(styles.button, isCurrent && styles.current)}
              disabledFocusable={isBlocked}
              // The name is the step alone; the caption (why it is blocked) is its description.
              aria-label={`第 ${index + 1} 步：${step.title}`}
              aria-current={isCurrent ? 'step' : undefined}
              aria-describedby={isBlocked ? reasonId : undefined}
              onClick={() => onSelect(step.id)}
            >
              <span
                className={mergeClasses(styles.number, isCurrent && styles.numberCurrent)}
                aria-hidden="true"
              >
                {index + 1}
              </span>
              <span className={styles.label}>
                <Text weight={isCurrent ? 'semibold' : 'regular'}>{step.title}</Text>
                {isBlocked && (
                  <Text size={200} className={styles.reason} id={reasonId}>
                    {step.blockedReason}
                  </Text>
                )}
              </span>
            </Button>
          );
          // The tooltip is for pointer users; assistive tech reads the caption via aria-describedby.
          return (
            <li key={step.id}>
              {isBlocked ? (
                <Tooltip
                  content={step.blockedReason ?? ''}
                  relationship="inaccessible"
                  positioning="below-start"
                >
                  {button}
                </Tooltip>
              ) : (
                button
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
