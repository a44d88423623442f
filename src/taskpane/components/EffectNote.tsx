import { makeStyles, Text, tokens } from '@fluentui/react-components';

export type EffectNoteProps = {
  /** One sentence: what the next button will do to the workbook. */
  children: string;
};

const useStyles = makeStyles({
  note: {
    display: 'block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
  },
});

/** Says, before a button is pressed, what it will change in the workbook (and what it will not). */
export function EffectNote({ children }: EffectNoteProps) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.note} role="note">
      {children}
    </Text>
  );
}
