import { Button, Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import type { DrawProtocol } from '../../core/draw/types';
import type { PlanTask } from '../../core/prepare/planTask';
import {
  announcementProblem,
  listCommitmentNotice,
  publicTextProblem,
} from '../../core/session/announcement';
import { CopyButton } from './CopyButton';
import { EffectNote } from './EffectNote';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hash: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function CommitmentView({ text, seq, commitment }: { text: string; seq: number; commitment: string }) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <ErrorBar title={`已记录承诺（抽取记录第 ${seq} 条），请在开奖前公布以下内容`} intent="success">
        <span className={styles.hash}>{commitment}</span>
      </ErrorBar>
      <Field label="待公布的承诺（可复制）">
        <Textarea value={text} readOnly resize="vertical" rows={4} />
      </Field>
      <div className={styles.actions}>
        <CopyButton text={text} label="复制待公布的承诺" />
      </div>
    </div>
  );
}

export type PublicSeedStepsProps = {
  task: PlanTask;
  /** The protocol the draw will use, named in the text to publish. */
  protocol: DrawProtocol;
  announcement: string;
  onAnnouncement: (text: string) => void;
  publicText: string;
  onPublicText: (text: string) => void;
  /** The commitment waiting for its number (this session's or one read from the log). */
  committed: { seq: number; announcement: string; commitment: string } | null;
  canCommit: boolean;
  canDraw: boolean;
  commitEffect: string;
  drawEffect: string;
  onCommit: () => void;
  onDraw: () => void;
};

/** Public-seed mode: first the commitment (before the number exists), then the draw with the number. */
export function PublicSeedSteps(p: PublicSeedStepsProps) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Text weight="semibold">第一步：记录承诺（开奖之前）</Text>
      {!p.committed && (
        <>
          <Field
            label="开奖公告文字"
            hint="写明将使用哪一期、哪种开奖号码，号码的每一位先用 d 代替，如：2025-04-01 福彩3D 第2025086期 开奖号码：d d d。开奖后只能按这个格式填写号码。"
            validationMessage={
              p.announcement.trim() ? announcementProblem(p.announcement) || undefined : undefined
            }
            validationState={p.announcement.trim() && announcementProblem(p.announcement) ? 'error' : 'none'}
          >
            <Textarea
              value={p.announcement}
              onChange={(_, data) => p.onAnnouncement(data.value)}
              resize="vertical"
            />
          </Field>
          <EffectNote>{p.commitEffect}</EffectNote>
          <div className={styles.actions}>
            <Button disabled={!p.canCommit} onClick={p.onCommit}>
              记录承诺…
            </Button>
          </div>
        </>
      )}
      {p.committed && (
        <CommitmentView
          text={listCommitmentNotice(
            p.task,
            p.committed.announcement,
            p.committed.commitment,
            p.protocol,
          ).join('\n')}
          seq={p.committed.seq}
          commitment={p.committed.commitment}
        />
      )}
      <Text weight="semibold">第二步：开奖后抽取</Text>
      {p.committed ? (
        <>
          <Field
            label="开奖号码（按公告格式完整填写）"
            hint={`按承诺的格式填写：把“${p.committed.announcement}”中的每个 d 换成一位数字，其余文字不变。`}
            validationMessage={
              p.publicText.trim()
                ? publicTextProblem(p.committed.announcement, p.publicText) || undefined
                : undefined
            }
            validationState={
              p.publicText.trim() && publicTextProblem(p.committed.announcement, p.publicText)
                ? 'error'
                : 'none'
            }
          >
            <Input value={p.publicText} onChange={(_, data) => p.onPublicText(data.value)} />
          </Field>
          <EffectNote>{p.drawEffect}</EffectNote>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!p.canDraw} onClick={p.onDraw}>
              抽取…
            </Button>
          </div>
        </>
      ) : (
        <Text className={styles.muted}>记录承诺并公布后，待开奖再回到这里填写号码并抽取。</Text>
      )}
    </div>
  );
}
