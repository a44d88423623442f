import type { CliIo } from '../../src/cli';
import { UsageError } from '../../src/cli/cliIo';

export type FakeIo = CliIo & { out: string; err: string; files: Map<string, Uint8Array> };

/** An in-memory CliIo: files in a Map, output captured, fixed clock and seedable random bytes. */
export function createFakeIo(files: Record<string, Uint8Array> = {}, randomFill = 7): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    files: new Map(Object.entries(files)),
    stdout(t) {
      io.out += t;
    },
    stderr(t) {
      io.err += t;
    },
    async readFile(path) {
      const f = io.files.get(path);
      if (!f) throw new UsageError(`找不到文件：${path}`);
      return f;
    },
    async writeFileAtomic(path, bytes, options = {}) {
      const now = io.files.get(path);
      if (now && !options.overwrite) throw new UsageError(`输出文件 ${path} 已存在，未覆盖：请换一个输出文件名（-o），或加 --force 覆盖它。`);
      if (options.unchangedSince && (!now || Buffer.compare(Buffer.from(now), Buffer.from(options.unchangedSince)) !== 0))
        throw new UsageError(`${path} 在读取之后被改动过（可能有他人同时操作），未写入：请重新运行命令。`);
      io.files.set(path, bytes);
    },
    async sameFile(a, b) {
      return a === b;
    },
    async exists(path) {
      return io.files.has(path);
    },
    resolve: (...parts) =>
      parts.reduce((acc, p) => (p.startsWith('/') ? p : `${acc.replace(/\/$/, '')}/${p}`), '/work').replace(/\/\.\//g, '/'),
    now: () => new Date('2025-03-05T09:30:00+08:00'),
    randomBytes: (n) => new Uint8Array(n).fill(randomFill),
    userName: () => '测试员',
  };
  return io;
}
