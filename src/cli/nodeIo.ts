import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, basename, join, resolve } from 'node:path';
import type { CliIo, WriteOptions } from './cliIo';
import { UsageError } from './cliIo';

/** The CLI's real surroundings: files, clock, crypto, the terminal. */
export function createNodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    async readFile(path) {
      try {
        const st = await stat(path);
        if (st.isDirectory()) throw new UsageError(`${path} 是文件夹，不是工作簿文件。`);
        return new Uint8Array(await readFile(path));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new UsageError(`找不到文件：${path}`);
        if (code === 'EACCES') throw new UsageError(`没有权限读取文件：${path}`);
        throw new UsageError(`无法读取文件 ${path}：${(e as Error).message}`);
      }
    },
    async writeFileAtomic(path, bytes, options: WriteOptions = {}) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      const lockPath = `${path}.lock`;
      let isLocked = false;
      try {
        await writeFile(tmp, bytes);
        if (!options.overwrite) {
          // link() fails when the target exists: no check-then-write race with another run.
          await link(tmp, path);
          await unlink(tmp);
          return;
        }
        const lock = await open(lockPath, 'wx').catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'EEXIST') throw new UsageError(`另一个 shuangsuiji 正在写入 ${path}（存在锁文件 ${lockPath}）：请等它完成后重新运行；如确认没有其他运行，请删除该锁文件。`);
          throw e;
        });
        isLocked = true;
        await lock.close();
        if (options.unchangedSince) {
          const now = await readFile(path).catch(() => null);
          if (!now || !Buffer.from(options.unchangedSince).equals(now))
            throw new UsageError(`${path} 在读取之后被改动过（可能有他人同时操作），未写入：请重新运行命令。`);
        }
        await rename(tmp, path);
      } catch (e) {
        await unlink(tmp).catch(() => undefined);
        if (e instanceof UsageError) throw e;
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`输出文件 ${path} 已存在，未覆盖：请换一个输出文件名（-o），或加 --force 覆盖它。`);
        throw new UsageError(`无法写入 ${path}：${(e as Error).message}（文件是否在 Excel 中打开？）`);
      } finally {
        if (isLocked) await unlink(lockPath).catch(() => undefined);
      }
    },
    async sameFile(a, b) {
      const id = async (p: string) => {
        try {
          const st = await stat(p);
          return `${st.dev}:${st.ino}`;
        } catch {
          // Not there yet: compare where it would be, with the folder's links resolved.
          return join(await realpath(dirname(p)).catch(() => dirname(p)), basename(p));
        }
      };
      return (await id(a)) === (await id(b));
    },
    async exists(path) {
      try {
        await stat(path);
        return true;
      } catch {
        return false;
      }
    },
    resolve: (...parts) => resolve(...parts),
    now: () => new Date(),
    randomBytes: (n) => new Uint8Array(nodeRandomBytes(n)),
    userName: () => {
      try {
        return process.env.SSJ_OPERATOR || userInfo().username;
      } catch {
        return '未知';
      }
    },
  };
}
