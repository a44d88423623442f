/**
 * The CLI's file path on the real file system: device paths are refused instead of read forever,
 * and a failed or interrupted write leaves neither a partial file at the target nor a temp file.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { runCli } from '../../src/cli';
import { createNodeIo } from '../../src/cli/nodeIo';
import { UsageError } from '../../src/cli/cliIo';

const repoRoot = path.resolve(__dirname, '../..');

describe('createNodeIo', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ssj-nodeio-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a device path such as /dev/zero at once, with exit 2 and one Chinese line', async () => {
    await expect(createNodeIo().readFile('/dev/zero')).rejects.toThrow(UsageError);
    const err: string[] = [];
    const io = { ...createNodeIo(), stdout: () => undefined, stderr: (t: string) => void err.push(t) };
    expect(await runCli(['validate', '/dev/zero'], io)).toBe(2);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(err.join('')).toContain('不是普通文件');
  });

  it('leaves the target as it was and no temp file when the write fails', async () => {
    const target = path.join(dir, 'out.xlsx');
    mkdirSync(target); // a folder where the file should go: the rename fails
    await expect(
      createNodeIo().writeFileAtomic(target, new Uint8Array(10), { overwrite: true }),
    ).rejects.toThrow(/无法写入.*同名的文件夹已存在/);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('removes a temp file left by a run that was killed outright', async () => {
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(path.join(dir, '.out.xlsx.999999.tmp'), 'half');
    await createNodeIo().writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it('leaves no partial file and no temp file when interrupted while writing', async () => {
    const script = path.join(dir, 'write.cjs');
    buildSync({
      stdin: {
        contents: `import { createNodeIo } from './src/cli/nodeIo';
const io = createNodeIo();
process.stdout.write('start\\n');
void io.writeFileAtomic(process.argv[2], new Uint8Array(1_500_000_000).fill(7));`,
        resolveDir: repoRoot,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'silent',
    });
    const out = path.join(dir, 'books');
    mkdirSync(out);
    const target = path.join(out, 'big.xlsx');
    const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Interrupt once the temp file exists, i.e. in the middle of the write.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readdirSync(out).some((n) => n.endsWith('.tmp'))) {
          clearInterval(poll);
          child.kill('SIGTERM');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
