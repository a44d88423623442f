/** What the CLI needs from its surroundings; `nodeIo.ts` gives the real one, tests give a fake. */
export type CliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a new file atomically (temp file + rename) and creates its folder. */
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
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
