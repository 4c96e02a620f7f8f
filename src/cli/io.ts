/**
 * Where the `faultline` command reads and writes, passed in so tests can run it in-process.
 */
import { readFile } from 'node:fs/promises';

/**
 * The command's streams and files.
 * @example
 * ```ts
 * const io: CliIO = { out: (t) => lines.push(t), err: () => {}, readStdin: async () => '', readFile: async () => '', stdinIsTTY: true };
 * ```
 * @internal
 */
export interface CliIO {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Reads all of standard input as UTF-8. */
  readonly readStdin: () => Promise<string>;
  /** Reads a file as UTF-8. */
  readonly readFile: (path: string) => Promise<string>;
  /** True when standard input is a terminal (nothing was piped in). */
  readonly stdinIsTTY: boolean;
}

/**
 * The real process streams and file system.
 * @example
 * ```ts
 * const code = await runCli(process.argv.slice(2), nodeIO());
 * ```
 * @internal
 */
export function nodeIO(): CliIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => readFile(path, 'utf8'),
    stdinIsTTY: process.stdin.isTTY === true,
  };
}
