/**
 * Options checked by name: a misspelt option (`maxAttempts`, `timeoutms`) would otherwise be
 * ignored in silence and the default used instead, so every factory refuses a key it does not
 * know and names the one it probably meant. Lives in core because core's factories
 * (`createClassifier`) need it as much as the policies do, and core imports nothing from them.
 */

/**
 * The keys of an options type, each member of a union included (`keyof (A | B)` would give
 * only the keys they share).
 * @internal
 */
export type OptionKey<Options> = Options extends unknown ? Exclude<keyof Options, symbol> : never;

/**
 * `unknown` when `Names` lists every key of `Options`; otherwise an object type naming the
 * missing ones, so the call that passes the list fails to compile with `missingOption: '…'`.
 * @internal
 */
export type ListsEveryOption<Options, Names extends readonly string[]> = [Exclude<OptionKey<Options>, Names[number]>] extends [never]
  ? unknown
  : { readonly missingOption: Exclude<OptionKey<Options>, Names[number]> };

/** Levenshtein distance, one row at a time (a swap of neighbours costs 2). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] as number;
}

/**
 * The valid name `key` most likely meant: a known alias, else the closest ignoring case, within
 * a third of its length (rounded up, at most 3 edits); `undefined` if none is that close.
 *
 * @example
 * ```ts
 * nearestOption('maxRetrys', ['maxRetries', 'backoff']); // 'maxRetries'
 * ```
 * @internal
 */
export function nearestOption(key: string, valid: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  if (Object.hasOwn(aliases, key)) return aliases[key];
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.ceil(key.length / 3)) + 1;
  for (const name of valid) {
    const d = distance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Throws `TypeError('<factory>: unknown option '<key>' — did you mean '<name>'?')` for the first
 * own key of `options` not in `valid` (its value, even `undefined`, does not matter), or
 * `…; valid options are <sorted list>` when no valid name is close. `aliases` maps names users
 * bring from elsewhere (`maxAttempts`) to ours (`maxRetries`). `valid` must list every key of
 * the options type, which the compiler checks, so a new option cannot be left out.
 *
 * @example
 * ```ts
 * checkOptionNames('retry', { maxAttempts: 3 } as { maxRetries?: number }, ['maxRetries'], { maxAttempts: 'maxRetries' });
 * // TypeError: retry: unknown option 'maxAttempts' — did you mean 'maxRetries'?
 * ```
 * @internal
 */
export function checkOptionNames<T extends object, const Names extends readonly string[]>(
  factory: string,
  options: T,
  valid: Names & ListsEveryOption<T, Names>,
  aliases?: Readonly<Record<string, string>>,
): void {
  for (const key of Object.keys(options)) {
    if (valid.includes(key)) continue;
    const near = nearestOption(key, valid, aliases);
    throw new TypeError(
      near === undefined
        ? `${factory}: unknown option '${key}'; valid options are ${[...valid].sort().join(', ')}`
        : `${factory}: unknown option '${key}' — did you mean '${near}'?`,
    );
  }
}
