import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, basename, join, resolve } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ZipCodec } from '../workbook';
import type { CliIo, WriteOptions } from './cliIo';
import { UsageError } from './cliIo';

/** Node's zlib for the .xlsx adapter: about three times faster than the portable fflate it defaults to. */
export const nodeZipCodec: ZipCodec = {
  inflateRaw(data, limit) {
    try {
      // One output chunk of the size the zip directory declares (`limit` is one more), as the
      // fflate codec does: zlib's default 16 KB chunks cost a copy of the whole part to join.
      const out = inflateRawSync(data, { maxOutputLength: limit, chunkSize: Math.max(limit, 64) });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error('解压后的数据比 zip 目录声明的长');
      throw e;
    }
  },
  deflateRaw(data, level) {
    const out = deflateRawSync(data, { level });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
};

/** The largest input file read (a book of ~400,000 rows is about 30 MB). */
const MAX_INPUT_BYTES = 512 * 1_048_576;

const TEMP = /^\.(.+)\.(\d+)(?:\.\d+)?\.tmp$/;
let tempCounter = 0;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files of `base` left by a run that was killed outright (SIGKILL, power loss). */
function removeStaleTemps(dir: string, base: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && m[1] === base && Number(m[2]) !== process.pid && !isRunning(Number(m[2]))) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // Someone else's file or already gone: leave it.
      }
    }
  }
}

/**
 * Writes `bytes` to `path` through a temp file beside it, so the target is either the old file or the
 * whole new one. Without `overwrite` an existing target is never replaced (link() fails when it
 * exists: no check-then-write race with another run); with it, a lock file keeps two runs apart and
 * `unchangedSince` refuses if the target changed since it was read. The temp file (and the lock) are
 * removed when the write fails and when the process is interrupted (Ctrl+C, SIGTERM, SIGHUP) meanwhile.
 */
async function writeAtomic(path: string, bytes: Uint8Array, options: WriteOptions): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true }).catch(() => undefined);
  removeStaleTemps(dir, basename(path));
  // Unique per write: two writes in one process (or one run's two outputs) never share a temp file.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
  const lockPath = `${path}.lock`;
  let isLocked = false;
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    for (const file of isLocked ? [tmp, lockPath] : [tmp]) {
      try {
        unlinkSync(file);
      } catch {
        // not created yet, or already renamed
      }
    }
    for (const s of signals) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of signals) process.once(s, onSignal);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!options.overwrite) {
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
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`输出文件 ${path} 已存在，未覆盖：请换一个输出文件名（-o），或加 --force 覆盖它。`);
    const why = code === 'ENOSPC' ? '磁盘空间不足' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EISDIR' ? '同名的文件夹已存在' : (e as Error).message;
    throw new UsageError(`无法写入 ${path}：${why}（文件是否在 Excel 中打开？）。原文件未改动，也没有留下临时文件。`);
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    if (isLocked) await unlink(lockPath).catch(() => undefined);
  }
}

/** The CLI's real surroundings: files, clock, crypto, the terminal. */
export function createNodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    async readFile(path) {
      try {
        const st = await stat(path);
        if (st.isDirectory()) throw new UsageError(`${path} 是文件夹，不是工作簿文件。`);
        // A device, pipe or socket (/dev/zero, /dev/stdin …) would be read forever or not at all.
        if (!st.isFile()) throw new UsageError(`${path} 不是普通文件（是设备、管道或套接字），不能作为工作簿读取。`);
        if (st.size > MAX_INPUT_BYTES) {
          throw new UsageError(`文件 ${path} 有 ${Math.round(st.size / 1_048_576)} MB，超过本工具能处理的 ${MAX_INPUT_BYTES / 1_048_576} MB：请把数据拆到几个工作簿中后再试。`);
        }
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
      await writeAtomic(path, bytes, options);
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
