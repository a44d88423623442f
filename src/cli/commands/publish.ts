import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { formatLogTime } from '../../core/log';
import type { YearFigures } from '../../core/results';
import { firstLogError, publicationCsv, publicationOps, readPublication, unverifiedRefusal, VERIFY_ADVICE } from '../../core/session';
import { readBookState } from '../../workbook';
import { defaultOutputPath, openBook, saveOutput } from './bookIo';
import { onePath, type CommandArgs } from './logArgs';
import { formatFinding } from './validate';

const USAGE = 'shuangsuiji publish BOOK [--csv FILE] [--json] [-o OUT]';

/** The figures as lines a clerk reads. */
export function formatYears(years: readonly YearFigures[]): string[] {
  return years.flatMap((y) => [
    `  ${y.year} 年（${y.draws} 次抽取）：`,
    ...y.figures.flatMap((f) => [
      `    ${f.label}：${f.shown}${f.met === null ? '' : `（要求 ${f.thresholdText}，${f.met ? '达标' : '未达标'}）`}`,
      `      ${f.sentence}`,
    ]),
  ]);
}

/**
 * `shuangsuiji publish BOOK [--csv FILE]`: adds the 公示 sheet (with the results entered) and the
 * 年度统计 sheet to a copy, writes the 公示 list as CSV if asked, prints the yearly figures.
 * Exit 1 when the results entry sheets have errors (the copy is still written, as with `fix`).
 */
export async function runPublish(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const csvArg = args.values.csv;
  if (csvArg === true || csvArg === '')
    throw new UsageError(`--csv 需要一个文件名，如 --csv 结果公示.csv。用法：${USAGE}`);
  const book = await openBook(io, path);
  // The directories are read either way (coverage needs their size); their cell checks are validate's job.
  const state = await readBookState(book, { tasksOnly: true });
  if (state.events.draws.length === 0)
    throw new UsageError(`${path} 中还没有抽取记录：请先运行 shuangsuiji draw。`);
  const unverified = firstLogError(state);
  if (unverified) {
    io.stderr(`${unverifiedRefusal(unverified, VERIFY_ADVICE)}\n`);
    return EXIT_FINDINGS;
  }
  const today = formatLogTime(io.now()).slice(0, 10);
  const plan = readPublication(state, today);
  const { ops, sheets } = publicationOps(state, plan, today);
  await book.apply(ops);
  const csvPath = typeof csvArg === 'string' ? io.resolve(csvArg) : null;
  if (csvPath) {
    const out = args.values['in-place']
      ? path
      : ((args.values.output as string | undefined) ?? defaultOutputPath(path, 'publish'));
    if (csvPath === io.resolve(path) || csvPath === io.resolve(out))
      throw new UsageError('--csv 的文件不能与工作簿文件相同：请另取一个 .csv 文件名。');
  }
  const saved = await saveOutput(io, book, path, args.values, 'publish');
  if (csvPath) await io.writeFileAtomic(csvPath, new TextEncoder().encode(publicationCsv(plan)), { overwrite: Boolean(args.values.force) });

  const { results, rows, years } = plan;
  const errors = plan.errors.length;
  if (args.values.json) {
    io.stdout(
      `${JSON.stringify(
        {
          publication: {
            sheet: sheets.publication,
            rows: rows.length,
            withResults: plan.withResults,
            csv: csvPath,
          },
          figuresSheet: sheets.figures,
          years,
          results: {
            entered: plan.entered,
            pending: plan.pending,
            draws: results.draws.map((d) => ({
              draw: d.seq,
              sheet: d.sheet,
              isVoided: d.isVoided,
              entered: d.entered,
              pending: d.pending,
            })),
          },
          findings: results.findings,
          output: saved,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const lines = [
      `公示表“${sheets.publication}”：可公示的抽取 ${plan.published} 次，${rows.length} 个检查对象，其中 ${plan.withResults} 个已有检查结果${plan.withheld ? `；另有 ${plan.withheld} 次涉密抽取不公示` : ''}。`,
      `检查结果：已录入 ${plan.entered} 个，待录入 ${plan.pending} 个${results.sheets.length ? '' : '（还没有结果登记表：先运行 shuangsuiji results）'}。`,
      ...(plan.reports
        ? [`上报时间（本局要求检查后 ${plan.reports.hours} 小时内上报）：逾期 ${plan.reports.late.length} 个，未填 ${plan.reports.missing.length} 个。`]
        : []),
      `年度统计“${sheets.figures}”：`,
      ...formatYears(years),
    ];
    if (results.findings.length) {
      lines.push(
        `结果登记表中有 ${errors} 个错误、${results.findings.length - errors} 个警告：`,
        ...results.findings.map(formatFinding),
      );
    }
    if (csvPath) lines.push(`公示 CSV：${csvPath}`);
    lines.push(`已保存：${saved}`, '');
    io.stdout(lines.join('\n'));
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
