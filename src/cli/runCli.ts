/**
 * `shuangsuiji`: the core on .xlsx files. Contract: ../shared/spec/cli.md (exit codes, --json,
 * output beside the input, atomic writes). Everything the user reads is Chinese.
 */
import { parseArgs } from 'node:util';
import type { CliIo } from './cliIo';
import { EXIT_UNUSABLE, UsageError } from './cliIo';
import { WorkbookError } from '../workbook';
import { runValidate } from './commands/validate';
import { runDemo } from './commands/demo';
import { runDraw } from './commands/draw';
import { runVerify } from './commands/verify';
import { runExportRecord } from './commands/exportRecord';
import { runReplay } from './commands/replay';
import { runSubstitute } from './commands/substitute';
import { runVoid } from './commands/voidDraw';
import { runForms } from './commands/forms';
import { runFix } from './commands/fix';
import { runResults } from './commands/results';
import { runPublish } from './commands/publish';

export type CommandSpec = {
  name: string;
  usage: string;
  summary: string;
  /** `multiple`: the option may be given more than once; its value is then a list. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  run(args: { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> }, io: CliIo): Promise<number>;
};

const COMMON = { json: { type: 'boolean' as const }, help: { type: 'boolean' as const, short: 'h' } };
/** Commands that write a book: where to (cli.md: `-o`, or `--in-place` to overwrite the input). */
const WRITES = { output: { type: 'string' as const, short: 'o' }, 'in-place': { type: 'boolean' as const }, force: { type: 'boolean' as const } };
/** Commands that append to the protected log. */
const LOGS = { ...WRITES, password: { type: 'string' as const } };

export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    usage: 'shuangsuiji validate BOOK [--table 工作表:类型:表头行]… [--json]',
    summary:
      '找到计划表与名录库并逐格校验，列出问题（有错误时退出码 1）。--table 纠正自动识别（可多次）：类型为 plan（计划表）、matters（事项清单）、targets（检查对象名录库）、inspectors（执法检查人员名录库）、history（检查历史）或 none（不是表格），如 --table 计划:plan:7、--table 填表说明:none；仅本次有效，工作簿中保存的指定照常生效',
    options: { ...COMMON, table: { type: 'string', multiple: true } },
    run: runValidate,
  },
  {
    name: 'fix',
    usage: 'shuangsuiji fix BOOK --code 问题代码|all [-o OUT]',
    summary: '按校验给出的建议修正这一类问题（只写那些单元格），另存为新文件并列出每处改动',
    options: { ...COMMON, ...WRITES, code: { type: 'string' } },
    run: runFix,
  },
  {
    name: 'draw',
    usage: 'shuangsuiji draw BOOK --task 计划编号/任务编号 [--public-text 文本 | --commit 公告] [--size N] [--window 天数] [--annual-cap N] [--max-per-inspector N] [--min-staff N] [-o OUT]',
    summary: '为该任务抽取检查对象和检查组（默认本地随机数），追加到受保护的“抽取记录”并写出结果工作表。--window：多少天内检查过的对象不再抽取（默认 180）；--annual-cap：每年最多检查次数（默认 2，0 为不限）；--max-per-inspector：每人本次最多参加几组（默认 0 不限）；--min-staff：每组至少几名局部门工作人员（默认取本局设置，未设置为 1；大于 1 时按 ssj-draw/2 抽取）',
    options: {
      ...COMMON,
      task: { type: 'string' },
      'public-text': { type: 'string' },
      commit: { type: 'string' },
      size: { type: 'string' },
      window: { type: 'string' },
      'annual-cap': { type: 'string' },
      'max-per-inspector': { type: 'string' },
      'min-staff': { type: 'string' },
      ...LOGS,
    },
    run: runDraw,
  },
  {
    name: 'verify',
    usage: 'shuangsuiji verify BOOK [--head 已公布的链头或公示码] [--json]',
    summary:
      '验证抽取记录：哈希链、每条抽取与递补按 ssj-draw/1 重算、结果工作表与记录一致（有问题时退出码 1，并指出工作表和单元格）。--head：核对已公布的链头（或公示码）仍在记录中，并列出公布之后追加的记录；不在记录中时退出码 1',
    options: { ...COMMON, head: { type: 'string' } },
    run: runVerify,
  },
  {
    name: 'export-record',
    usage: 'shuangsuiji export-record BOOK [--draw 序号]',
    summary: '输出第 序号 条抽取（默认最后一条）的 ssj-draw/1 记录（含 result），与计算 recordDigest 所用文本完全一致',
    options: { ...COMMON, draw: { type: 'string' } },
    run: runExportRecord,
  },
  {
    name: 'replay',
    usage: 'shuangsuiji replay FILE',
    summary: '按 ssj-draw/1 重算 FILE 中的抽取记录（JSON），输出含重算 result 的规范 JSON；FILE 中的 result 不同时退出码 1',
    options: { ...COMMON },
    run: runReplay,
  },
  {
    name: 'substitute',
    usage: 'shuangsuiji substitute BOOK --draw 序号 --target 检查对象 --out 检查人员 --reason 原因 [-o OUT]',
    summary: '递补：为不能参加的检查人员随机抽取替补（ssj-draw/1 §7），记入抽取记录并更新结果工作表',
    options: {
      ...COMMON,
      draw: { type: 'string' },
      target: { type: 'string' },
      out: { type: 'string' },
      reason: { type: 'string' },
      ...LOGS,
    },
    run: runSubstitute,
  },
  {
    name: 'void',
    usage: 'shuangsuiji void BOOK --draw 序号 --reason 原因 [-o OUT]',
    summary: '作废一次抽取并记入抽取记录；之后可对该任务重新抽取，新抽取记载它替代的序号',
    options: {
      ...COMMON,
      draw: { type: 'string' },
      reason: { type: 'string' },
      ...LOGS,
    },
    run: runVoid,
  },
  {
    name: 'forms',
    usage: 'shuangsuiji forms BOOK [--draw 序号] [--template 模板工作表] [--layout one-sheet|sheet-per-target] [-o OUT]',
    summary: '为抽取的每个检查对象生成《部门联合抽查检查情况记录表》（一户一表，A4 每户一页），或按本局模板工作表填写',
    options: {
      ...COMMON,
      draw: { type: 'string' },
      template: { type: 'string' },
      layout: { type: 'string' },
      ...WRITES,
    },
    run: runForms,
  },
  {
    name: 'results',
    usage: 'shuangsuiji results BOOK [--draw 序号] [-o OUT]',
    summary: '为抽取新建“检查结果登记表”（默认：每个未作废、还没有登记表的抽取各一张），填写检查结果编号 1–10、检查日期、上报时间、后续处置和备注；不改动其他工作表',
    options: { ...COMMON, draw: { type: 'string' }, ...WRITES },
    run: runResults,
  },
  {
    name: 'publish',
    usage: 'shuangsuiji publish BOOK [--csv FILE] [--json] [-o OUT]',
    summary: '按抽取记录和已填的检查结果生成“结果公示”表（涉密、已作废的抽取不公示）和“年度统计”表，可另存公示 CSV，并列出年度指标是否达标（登记表中有错误时退出码 1）',
    options: { ...COMMON, csv: { type: 'string' }, ...WRITES },
    run: runPublish,
  },
  {
    name: 'demo',
    usage: 'shuangsuiji demo [DIR]',
    summary: '生成示例工作簿并依次运行 校验 → 抽取 → 记录表 → 检查结果登记表，文件留在 DIR（默认 demo-out/）',
    options: { ...COMMON },
    run: runDemo,
  },
];

export const HELP = (): string =>
  [
    '双随机抽查助手 命令行 shuangsuiji',
    '',
    '用法：',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    '退出码：0 完成且无问题；1 完成但发现问题（校验错误、验证失败、无法完成的抽取）；2 无法执行（参数错误、文件无法读取、未找到计划表）。',
    '输入文件从不被修改（除非指定 --in-place）；输出写到 -o 指定的文件，默认与输入同目录的 <名称>.<命令>.xlsx。',
    '',
  ].join('\n');

const PARSE_ERRORS: Record<string, (m: string) => string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (m) => `未知选项 ${/'([^']+)'/.exec(m)?.[1] ?? ''}。运行 shuangsuiji --help 查看用法。`,
  // Node writes "Option '--task <value>' argument missing": the clerk needs the option's name only.
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (m) => `选项 ${/'(-[^' ]+)/.exec(m)?.[1] ?? m} 后面缺少取值。运行 shuangsuiji --help 查看用法。`,
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: () => '多余的参数。运行 shuangsuiji --help 查看用法。',
};

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Runs one command line.
 * @param argv arguments after the program name
 * @param io files, clock, crypto, terminal
 * @returns the exit code (0, 1 or 2)
 * @example await runCli(['validate', 'book.xlsx', '--json'], createNodeIo()) // 0
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP());
    return name ? 0 : EXIT_UNUSABLE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('shuangsuiji 0.1.0（ssj-draw/1）\n');
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`未知命令“${name}”。可用命令：${COMMANDS.map((c) => c.name).join('、')}。运行 shuangsuiji --help 查看用法。\n`);
    return EXIT_UNUSABLE;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const msg = (e as Error).message;
    io.stderr(`${(PARSE_ERRORS[code] ?? (() => `参数错误：${msg}`))(msg)}\n`);
    return EXIT_UNUSABLE;
  }
  if (parsed.values.help) {
    io.stdout(`用法：${cmd.usage}\n${cmd.summary}\n`);
    return 0;
  }
  try {
    return await cmd.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | string[] | undefined> }, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof WorkbookError) {
      io.stderr(`${oneLine(e.message)}\n`);
      return EXIT_UNUSABLE;
    }
    const err = e as Error;
    io.stderr(`内部错误：${oneLine(err.message ?? String(e))}（请把此信息和所用文件报告给开发者）\n`);
    if (process.env.SSJ_DEBUG) io.stderr(`${err.stack ?? ''}\n`);
    return EXIT_UNUSABLE;
  }
}
