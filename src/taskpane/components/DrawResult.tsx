import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { publicCodeOf } from '../../core/log/publishedHead';
import { describeReplacement } from '../../core/session';
import type { LastDraw } from '../stepTypes';
import { CopyButton } from './CopyButton';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  result: {
    margin: 0,
    paddingInlineStart: '1.6em',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  resultItem: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The draw just made: targets with their teams, and the chain head to publish. */
export function DrawResult({ draw }: { draw: LastDraw }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="抽取结果">
      <ErrorBar title={`抽取完成（抽取记录第 ${draw.seq} 条）`} intent="success">
        {`${draw.taskLabel}：抽中 ${draw.rows.length} 个检查对象，结果已写入工作表“${draw.resultSheet}”。随机源：${draw.seedSource}。${describeReplacement(draw.replaces)}`}
      </ErrorBar>
      <ol className={styles.result} aria-label="抽中的检查对象及检查组">
        {draw.rows.map((r) => (
          <li key={`${r.name}-${r.uscc}`} className={styles.resultItem}>
            <Text weight="semibold">{r.name}</Text>
            <Text
              size={200}
              className={styles.muted}
            >{`${r.uscc || '（无统一社会信用代码）'} · ${r.stratum}`}</Text>
            <Text size={200}>{`检查组：${r.team}`}</Text>
          </li>
        ))}
      </ol>
      <Text weight="semibold">{`公示码：${publicCodeOf(draw.head)}`}</Text>
      <Text size={200}>
        请把公示码写入公示。日后任何人都可以用它验证抽取记录在公示之后没有被改写、截断或重新抽取（“抽取记录”一步的“验证”）。
      </Text>
      <div className={styles.actions}>
        <CopyButton text={publicCodeOf(draw.head)} label="复制公示码" />
      </div>
      <Text size={200} className={styles.muted}>
        完整链头哈希（公示码由它得出）：
      </Text>
      <Text className={styles.hash}>{draw.head}</Text>
      <div className={styles.actions}>
        <CopyButton text={draw.head} label="复制链头哈希" />
      </div>
    </section>
  );
}
