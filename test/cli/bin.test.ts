import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

beforeAll(() => {
  // The installed command is the esbuild bundle; build it so this test sees the current source.
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, stdio: 'pipe' });
});

function run(args: string[], cwd: string) {
  return spawnSync(process.execPath, [join(root, 'bin/shuangsuiji.cjs'), ...args], { cwd, encoding: 'utf8' });
}

describe('the shuangsuiji command', () => {
  it('prints Chinese help with --help and exits 0', () => {
    const r = run(['--help'], root);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/shuangsuiji validate BOOK/);
  });

  it('runs demo then validate --json on the book it wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssj-'));
    const demo = run(['demo', 'out'], dir);
    expect(demo.status).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toContain('示例-邢台市医疗保障局2025.xlsx');
    const v = run(['validate', 'out/示例-邢台市医疗保障局2025.xlsx', '--json'], dir);
    expect([0, 1]).toContain(v.status);
    expect(JSON.parse(v.stdout).tables).toHaveLength(5);
  });

  it('exits 2 with one line on stderr for a missing file', () => {
    const r = run(['validate', 'missing.xlsx'], tmpdir());
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/找不到文件/);
  });
});
