/**
 * How many characters a piece of synchronous code hands to the string machinery: every scanning
 * String method (indexOf, includes, toLowerCase, split, …) counts the length of the string it
 * runs over, a slice counts what it copies, a regular expression counts its input, JSON.parse
 * counts its text. A deterministic stand-in for "how long did it take": it grows with the input
 * when the code reads more than it should, and with the square of it when a scan is quadratic,
 * and it is the same on a loaded machine as on an idle one.
 */

/** Methods whose cost is the length of the string they run over. */
const SCANS = [
  'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'search', 'match', 'matchAll',
  'replace', 'replaceAll', 'split', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase',
  'trim', 'trimStart', 'trimEnd', 'normalize', 'localeCompare', 'padStart', 'padEnd', 'repeat', 'concat',
] as const;
/** Methods whose cost is the length of what they return. */
const COPIES = ['slice', 'substring', 'substr'] as const;

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Runs `fn` with the string machinery instrumented; returns its result and the characters it handled. */
export function stringWork<T>(fn: () => T): { readonly result: T; readonly chars: number } {
  let chars = 0;
  const restore: (() => void)[] = [];
  const patch = <O extends object>(owner: O, name: string, cost: (self: unknown, args: unknown[], out: unknown) => number): void => {
    const original = (owner as Record<string, Method>)[name];
    if (original === undefined) return;
    (owner as Record<string, Method>)[name] = function (this: unknown, ...args: unknown[]): unknown {
      const out = original.apply(this, args);
      chars += cost(this, args, out);
      return out;
    };
    restore.push(() => {
      (owner as Record<string, Method>)[name] = original;
    });
  };
  const lengthOf = (v: unknown): number => (typeof v === 'string' ? v.length : v instanceof String ? v.length : 0);
  for (const name of SCANS) patch(String.prototype, name, (self) => lengthOf(self));
  for (const name of COPIES) patch(String.prototype, name, (_self, _args, out) => lengthOf(out));
  // exec is what test, match, replace, split and search run on a regular expression once it is patched.
  patch(RegExp.prototype, 'exec', (_self, args) => lengthOf(args[0]));
  patch(JSON, 'parse', (_self, args) => lengthOf(args[0]));
  try {
    return { result: fn(), chars };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
