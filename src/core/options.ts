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

/** Optimal string alignment distance (a swap of two neighbours costs 1), case already folded. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The valid name `key` most likely meant: a known alias, the same name in another case, or
 * the closest within a third of its length (at least 1, at most 3 edits); `undefined` if none.
 *
 * @example
 * ```ts
 * nearestOption('maxRetrys', ['maxRetries', 'backoff']); // 'maxRetries'
 * ```
 * @internal
 */
export function nearestOption(key: string, valid: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  if (Object.hasOwn(aliases, key)) return aliases[key];
  const folded = key.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of valid) {
    // A length gap alone beyond the limit rules a name out without the quadratic walk.
    if (Math.abs(name.length - key.length) >= bestDistance) continue;
    const d = distance(folded, name.toLowerCase());
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
 * checkOptionNames('retry', { maxAttempts: 3 } as RetryOptions, RETRY_OPTIONS, { maxAttempts: 'maxRetries' });
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
