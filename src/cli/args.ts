/**
 * A tiny argument parser for the `faultline` command: `--name value`, `--name=value`, short
 * aliases (`-H value`), repeatable options and boolean flags. Anything wrong is a
 * {@link UsageError} whose message is the one line the command prints.
 */

/**
 * Bad usage: the command prints the message on one line and exits 2.
 * @example
 * ```ts
 * throw new UsageError('--status must be an HTTP status (100-999), got abc');
 * ```
 * @internal
 */
export class UsageError extends Error {
  static {
    Object.defineProperty(this.prototype, 'name', { value: 'UsageError', writable: true, configurable: true });
  }
}

/**
 * What a command accepts.
 * @example
 * ```ts
 * const spec: ArgSpec = { values: ['status'], flags: ['json'], aliases: { s: 'status' } };
 * ```
 * @internal
 */
export interface ArgSpec {
  /** Long names of options that take a value. */
  readonly values: readonly string[];
  /** Long names of options that may be given more than once. */
  readonly repeatable?: readonly string[];
  /** Long names of boolean flags. */
  readonly flags: readonly string[];
  /** Short alias → long name, e.g. `{ H: 'header' }`. */
  readonly aliases?: Readonly<Record<string, string>>;
}

/**
 * Parsed arguments.
 * @example
 * ```ts
 * parseArgs(['--json'], spec).flags.has('json'); // true
 * ```
 * @internal
 */
export interface ParsedArgs {
  /** Values by long name, in the order given. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Flags that were given. */
  readonly flags: ReadonlySet<string>;
  /** Arguments that are not options. */
  readonly positionals: readonly string[];
}

/**
 * Parses `argv` against `spec`. `--` ends the options; a lone `-` is a positional value (stdin).
 * @example
 * ```ts
 * parseArgs(['--status', '429', '-H', 'Retry-After: 2'], { values: ['status', 'header'], repeatable: ['header'], flags: [], aliases: { H: 'header' } });
 * ```
 * @internal
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const alias = spec.aliases?.[arg.slice(1, 2)];
      if (alias === undefined) throw new UsageError(`unknown option ${arg}`);
      name = alias;
      inline = arg.length > 2 ? arg.slice(2) : undefined;
    }
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name)) throw new UsageError(`unknown option ${arg.startsWith('--') ? `--${name}` : arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    const list = values.get(name) ?? [];
    if (list.length > 0 && !spec.repeatable?.includes(name)) throw new UsageError(`--${name} given twice`);
    list.push(value);
    values.set(name, list);
  }
  return { values, flags, positionals };
}
