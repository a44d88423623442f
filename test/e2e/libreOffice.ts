/**
 * Running LibreOffice and poppler from the print checks, with a Chinese message that says what to
 * install when one is missing. Each jest worker uses its own LibreOffice profile (removed by `cleanUp`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const PACKAGES: Record<string, string> = { soffice: 'libreoffice-calc', pdfinfo: 'poppler-utils', pdftotext: 'poppler-utils' };

/** Runs a command and returns its stdout; throws a Chinese message on a missing tool or a failure. */
export function run(cmd: string, args: string[], timeout = 120_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`找不到 ${cmd}：此检查需要它。请安装：apt-get install -y ${PACKAGES[cmd] ?? cmd}`);
    }
    throw r.error;
  }
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} 失败（${r.status}）：${r.stderr}`);
  return r.stdout;
}

const profile = `/tmp/lo-profile-${process.pid}`;

/** Runs headless LibreOffice with this worker's profile. */
export function soffice(args: string[]): void {
  run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args]);
}

/** Converts an .xlsx to PDF beside it and returns the PDF's path. */
export function toPdf(xlsx: string): string {
  soffice(['--convert-to', 'pdf', '--outdir', path.dirname(xlsx), xlsx]);
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice 没有生成 PDF：${pdf}`);
  return pdf;
}

/** Removes this worker's LibreOffice profile. */
export function cleanUp(): void {
  rmSync(profile, { recursive: true, force: true });
}
