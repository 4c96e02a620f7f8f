/**
 * One property of an unknown value, read without trusting it: getters and Proxy traps that throw
 * read as `undefined`, so classifying a hostile value never throws.
 */

/**
 * `value[key]` when `value` is an object and reading it does not throw, else `undefined`.
 * @internal
 */
export function readProperty(value: unknown, key: string): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}
