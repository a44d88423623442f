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
import { createNodeIo, nodeZipCodec } from '../../src/cli/nodeIo';
import { createXlsxWorkbook, openXlsxWorkbook } from '../../src/workbook/xlsx';
import { buildSampleBook } from '../../src/core/sample';
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

describe('nodeZipCodec', () => {
  /** The book with the uncompressed size of `part` in the zip directory changed by `delta` bytes. */
  function withDeclaredSize(bytes: Uint8Array, part: string, delta: number): Uint8Array {
    const out = Uint8Array.from(bytes);
    const view = new DataView(out.buffer);
    const name = new TextEncoder().encode(part);
    for (let p = 0; p + 46 < out.length; p++) {
      if (view.getUint32(p, true) !== 0x02014b50 || view.getUint16(p + 28, true) !== name.length) continue;
      if (!name.every((b, i) => out[p + 46 + i] === b)) continue;
      view.setUint32(p + 24, view.getUint32(p + 24, true) + delta, true);
      return out;
    }
    throw new Error(`no ${part} in the zip directory`);
  }

  let book: Uint8Array;
  beforeAll(async () => {
    const b = createXlsxWorkbook();
    await b.apply(buildSampleBook({ targets: 2000 }).ops);
    book = await b.save();
  });

  async function read(bytes: Uint8Array): Promise<number> {
    const wb = await openXlsxWorkbook(bytes, '名录.xlsx', { codec: nodeZipCodec });
    const grids = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
    return grids.reduce((n, g) => n + g.text.length, 0);
  }

  it('reads a large sheet part whole', async () => {
    expect(await read(book)).toBeGreaterThan(2000);
  });

  it('refuses a sheet part longer or shorter than the zip directory says, naming the part', async () => {
    for (const delta of [-1, -5000, 1, 5000]) {
      await expect(read(withDeclaredSize(book, 'xl/worksheets/sheet3.xml', delta))).rejects.toThrow(
        /文件 名录\.xlsx 已损坏.*xl\/worksheets\/sheet3\.xml/,
      );
    }
  });
});
