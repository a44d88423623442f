import { Button, makeStyles, mergeClasses, Text, tokens, Tooltip } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

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

/** Below this width the pane shows the steps in one row above the panel (App lays them out beside it from here). */
export const WIDE_LAYOUT_MIN_PX = 640;
const NARROW_QUERY = `(max-width: ${WIDE_LAYOUT_MIN_PX - 0.02}px)`;

function narrowQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(NARROW_QUERY)
    : null;
}

function subscribeToWidth(onChange: () => void): () => void {
  const query = narrowQuery();
  if (!query) return () => undefined;
  // Safari before 14 (older Excel for Mac) has only the deprecated addListener.
  if (typeof query.addEventListener === 'function') {
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }
  query.addListener(onChange);
  return () => query.removeListener(onChange);
}

/** Whether the pane is narrow (a task pane is 320–350 px wide by default). False where it cannot be known. */
function useIsNarrow(): boolean {
  return useSyncExternalStore(
    subscribeToWidth,
    () => narrowQuery()?.matches ?? false,
    () => false,
  );
}

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
  row: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  compact: {
    minWidth: '32px',
    height: '32px',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    columnGap: tokens.spacingHorizontalXS,
  },
  compactCurrent: {
    flexShrink: 0,
    whiteSpace: 'nowrap',
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    paddingRight: tokens.spacingHorizontalS,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  compactBlocked: { opacity: 0.55 },
  // Six items fit in 288 px (the pane's narrowest); none may squeeze the current step's name.
  compactItem: { flexShrink: 0 },
});

/**
 * The numbered step flow. Blocked steps stay focusable (`disabledFocusable`) so keyboard and
 * screen-reader users can still reach them and hear why they are unavailable. In a narrow pane the
 * flow is one row of numbers with the current step named (a list of six would push every step's
 * content ~300 px down); the tooltip and the description say what each number is and why it is blocked.
 */
export function StepNav({ steps, currentId, onSelect }: StepNavProps) {
  const styles = useStyles();
  const isNarrow = useIsNarrow();
  if (isNarrow) {
    return (
      <nav aria-label="操作步骤">
        <ol className={styles.row}>
          {steps.map((step, index) => {
            const isCurrent = step.id === currentId;
            const isBlocked = step.blockedReason !== null;
            const reasonId = `ssj-step-reason-${step.id}`;
            const button = (
              <Button
                appearance="subtle"
                size="small"
                className={mergeClasses(
                  styles.compact,
                  isCurrent && styles.compactCurrent,
                  isBlocked && styles.compactBlocked,
                )}
                disabledFocusable={isBlocked}
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
                {isCurrent && (
                  <Text weight="semibold" aria-hidden="true">
                    {step.title}
                  </Text>
                )}
              </Button>
            );
            return (
              <li key={step.id} className={styles.compactItem}>
                {/* The current step is named in the row; the others say what they are on hover. */}
                {isCurrent ? (
                  button
                ) : (
                  <Tooltip
                    content={isBlocked ? `${step.title}：${step.blockedReason ?? ''}` : step.title}
                    relationship="inaccessible"
                    positioning="below-start"
                  >
                    {button}
                  </Tooltip>
                )}
                {/* Hidden, yet still the button's description: the row has no room for the reasons. */}
                {isBlocked && (
                  <span id={reasonId} hidden>
                    {step.blockedReason}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
    );
  }
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
