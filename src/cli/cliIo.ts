export type WriteOptions = { overwrite?: boolean; unchangedSince?: Uint8Array };

/** What the CLI needs from its surroundings; `nodeIo.ts` gives the real one, tests give a fake. */
export type CliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes a file atomically (temp file + rename) and creates its folder. Without `overwrite` an
   * existing file is never replaced (UsageError). With `overwrite` the write holds an exclusive lock
   * on the target, and with `unchangedSince` it refuses when the target no longer holds those bytes
   * (someone else wrote it after it was read).
   */
  writeFileAtomic(path: string, bytes: Uint8Array, options?: WriteOptions): Promise<void>;
  /** Whether two paths name the same file (symlinks and hard links resolved). */
  sameFile(a: string, b: string): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  /** Resolves a path against the working directory. */
  resolve(...parts: string[]): string;
  now(): Date;
  /** Cryptographically random bytes (local seeds). */
  randomBytes(n: number): Uint8Array;
  /** Who runs the command (the log's 操作人). */
  userName(): string;
};

/** Exit codes of cli.md. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

/** A problem that ends the command with exit 2 and one Chinese line on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
