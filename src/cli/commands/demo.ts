import type { CliIo } from '../cliIo';
import { EXIT_OK, UsageError } from '../cliIo';
import { buildSampleBook } from '../../core/sample';
import { loadXlsxAdapter } from '../../workbook';
import { runDraw } from './draw';
import { runForms } from './forms';
import { runResults } from './results';
import { formatReport, validateBook } from './validate';

export const DEMO_BOOK = '示例-邢台市医疗保障局2025.xlsx';
export const DEMO_RESULT = '示例-邢台市医疗保障局2025.抽取结果.xlsx';
const DEMO_TASK = '2025002/001';

/** Runs a command with its stdout indented under a heading, stopping the demo if it fails. */
async function step(io: CliIo, title: string, run: (sub: CliIo) => Promise<number>): Promise<void> {
  io.stdout(`\n${title}\n`);
  const sub: CliIo = { ...io, stdout: (t) => io.stdout(t.replace(/^(?=.)/gm, '  ')) };
  const code = await run(sub);
  if (code !== EXIT_OK) throw new UsageError(`示例在“${title}”一步失败（退出码 ${code}）。`);
}

/** `shuangsuiji demo [DIR]`: writes the sample book and runs validate → draw → forms → results on it. */
export async function runDemo(
  args: { positionals: string[]; values: Record<string, string | boolean | undefined> },
  io: CliIo,
): Promise<number> {
  const [dirArg, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}。用法：shuangsuiji demo [DIR]`);
  const dir = io.resolve(dirArg ?? 'demo-out');
  const { createXlsxWorkbook } = await loadXlsxAdapter();
  const book = createXlsxWorkbook();
  await book.apply(buildSampleBook().ops);
  const bookPath = io.resolve(dir, DEMO_BOOK);
  const resultPath = io.resolve(dir, DEMO_RESULT);
  // The demo folder is the demo's own: each run writes it afresh.
  await io.writeFileAtomic(bookPath, await book.save(), { overwrite: true });
  io.stdout(`已写入示例工作簿：${bookPath}\n（邢台市医疗保障局 2025 年：计划表、抽查事项清单、检查对象名录库、执法检查人员名录库、检查历史）\n`);

  await step(io, '第 1 步 读取校验（shuangsuiji validate）：', async (sub) => {
    const report = await validateBook(sub, bookPath);
    sub.stdout(formatReport(DEMO_BOOK, report));
    sub.stdout('（示例计划表第一行照抄了邢台通知中的示例名称，故意保留以展示校验；抽取不受影响。）\n');
    return EXIT_OK;
  });
  await step(io, `第 2 步 抽取任务 ${DEMO_TASK}（shuangsuiji draw，本地随机数）：`, (sub) =>
    runDraw({ positionals: [bookPath], values: { task: DEMO_TASK, output: resultPath, force: true } }, sub),
  );
  await step(io, '第 3 步 生成一户一表（shuangsuiji forms）：', (sub) =>
    runForms({ positionals: [resultPath], values: { 'in-place': true } }, sub),
  );
  await step(io, '第 4 步 新建检查结果登记表（shuangsuiji results）：', (sub) =>
    runResults({ positionals: [resultPath], values: { 'in-place': true } }, sub),
  );
  io.stdout(
    [
      '',
      '完成。请用 Excel 或 WPS 打开：',
      `  ${resultPath}`,
      '  工作表“抽取记录”（受保护的抽取日志与链头哈希）、“抽取结果-2025002-001”、“记录表-2025002-001”（每户一页，可直接打印）、',
      '  “检查结果-2025002-001-1”（检查后填写结果编号、日期和后续处置）。',
      `填好结果后：npx shuangsuiji publish "${resultPath}" --csv 结果公示.csv（生成结果公示表和年度统计）`,
      `原始示例工作簿未改动：${bookPath}`,
      `验证：npx shuangsuiji verify "${resultPath}"`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
