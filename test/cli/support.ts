/** An in-memory CliIO for running the command in-process. */
import type { CliIO } from '../../src/cli/io.js';

export interface MemoryIO {
  readonly io: CliIO;
  readonly out: () => string;
  readonly err: () => string;
}

export function memoryIO(stdin = '', files: Readonly<Record<string, string>> = {}, stdinIsTTY = false): MemoryIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      readStdin: async () => stdin,
      readFile: async (path) => {
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return text;
      },
      stdinIsTTY,
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
