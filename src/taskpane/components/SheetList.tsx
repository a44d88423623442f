import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SheetInfo } from '../../workbook';

export type SheetListProps = {
  sheets: SheetInfo[];
};

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  name: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
});

function describeVisibility(sheet: SheetInfo): string | null {
  if (sheet.visibility === 'hidden') return '隐藏';
  // "Very hidden" sheets can only be shown again from VBA or the add-in, not from the tab menu.
  if (sheet.visibility === 'veryHidden') return '深度隐藏';
  return null;
}

/** The sheets of the workbook in tab order, with 隐藏 / 受保护 badges. */
export function SheetList({ sheets }: SheetListProps) {
  const styles = useStyles();
  if (sheets.length === 0) {
    return <Text>工作簿中没有工作表。</Text>;
  }
  return (
    <ul className={styles.list} aria-label={`工作表（共 ${sheets.length} 个）`}>
      {sheets.map((sheet) => {
        const visibility = describeVisibility(sheet);
        return (
          <li key={sheet.name} className={styles.item}>
            <Text className={styles.name}>{sheet.name}</Text>
            {visibility && (
              <Badge appearance="tint" color="warning" shape="rounded">
                {visibility}
              </Badge>
            )}
            {sheet.isProtected && (
              <Badge appearance="tint" color="informative" shape="rounded">
                受保护
              </Badge>
            )}
          </li>
        );
      })}
    </ul>
  );
}
