/**
 * Option checks shared by every factory, so each one throws the same
 * `TypeError` shape at construction: `<factory>: <option> must be <rule>, got <value>`.
 */
import type { FaultReader } from '../core/fault-error-of.js';
import { type ListsEveryOption, checkOptionNames } from '../core/options.js';
import type { Clock, RandomSource } from './clock.js';

/** Shows a bad value the way a user wrote it: strings quoted, objects by type. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object' && typeof value !== 'function') return String(value);
  return Array.isArray(value) ? 'an array' : typeof value === 'function' ? 'a function' : 'an object';
}

/**
 * Throws `TypeError('<factory>: <option> must be <rule>, got <value>')`.
 *
 * @example
 * ```ts
 * if (timeoutMs <= 0) invalid('timeout', 'timeoutMs', 'a finite number > 0', timeoutMs);
 * ```
 * @internal
 */
export function invalid(factory: string, option: string, rule: string, value: unknown): never {
  throw new TypeError(`${factory}: ${option} must be ${rule}, got ${show(value)}`);
}

/**
 * A finite number `>= min` (or `> min` when `exclusive`); `undefined` gives `fallback`.
 *
 * @example
 * ```ts
 * const timeoutMs = checkNumber('timeout', 'timeoutMs', options.timeoutMs, 10_000, 0, true);
 * ```
 * @internal
 */
export function checkNumber(factory: string, option: string, value: unknown, fallback: number, min = 0, exclusive = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || (exclusive ? value <= min : value < min)) {
    invalid(factory, option, `a finite number ${exclusive ? '>' : '>='} ${min}`, value);
  }
  return value;
}

/**
 * An integer `>= min`; `undefined` gives `fallback`.
 *
 * @example
 * ```ts
 * const maxRetries = checkInteger('retry', 'maxRetries', options.maxRetries, 3);
 * ```
 * @internal
 */
export function checkInteger(factory: string, option: string, value: unknown, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) invalid(factory, option, `an integer >= ${min}`, value);
  return value;
}

/**
 * One of the listed strings; `undefined` gives the first.
 *
 * @example
 * ```ts
 * const mode = checkOneOf('timeout', 'mode', options.mode, ['cooperative', 'aggressive'] as const);
 * ```
 * @internal
 */
export function checkOneOf<const T extends string>(factory: string, option: string, value: unknown, allowed: readonly [T, ...T[]]): T {
  if (value === undefined) return allowed[0];
  if (!allowed.includes(value as T)) invalid(factory, option, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  return value as T;
}

/**
 * A boolean; `undefined` gives `fallback`.
 *
 * @example
 * ```ts
 * const idempotent = checkBoolean('retry', 'idempotent', options.idempotent, false);
 * ```
 * @internal
 */
export function checkBoolean(factory: string, option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') invalid(factory, option, 'true or false', value);
  return value;
}

/**
 * A function, or `undefined`.
 *
 * @example
 * ```ts
 * const decide = checkFunction('retry', 'shouldRetry', options.shouldRetry);
 * ```
 * @internal
 */
export function checkFunction<F>(factory: string, option: string, value: F | undefined): F | undefined {
  if (value !== undefined && typeof value !== 'function') invalid(factory, option, 'a function', value);
  return value;
}

/**
 * A `Clock` (an object with `now()` and `sleep()`); `undefined` gives `fallback`.
 *
 * @example
 * ```ts
 * const clock = checkClock('retry', options.clock, systemClock);
 * ```
 * @internal
 */
export function checkClock(factory: string, value: unknown, fallback: Clock): Clock {
  if (value === undefined) return fallback;
  const clock = value as Partial<Clock> | null;
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function' || typeof clock.sleep !== 'function') {
    invalid(factory, 'clock', 'an object with now() and sleep(ms, signal)', value);
  }
  return value as Clock;
}

/**
 * A `RandomSource`; `undefined` gives `fallback`.
 *
 * @example
 * ```ts
 * const random = checkRandom('retry', options.random, systemRandom);
 * ```
 * @internal
 */
export function checkRandom(factory: string, value: unknown, fallback: RandomSource): RandomSource {
  return checkFunction<RandomSource>(factory, 'random', value as RandomSource | undefined) ?? fallback;
}

/**
 * A plain options object, or `undefined` (treated as `{}`), whose every own key is one of
 * `names` (see `checkOptionNames`). `names` must list every key of the options type, which
 * the compiler checks: a new option left out of its factory's list fails to compile.
 *
 * @example
 * ```ts
 * const o = checkOptions('retry', options, RETRY_OPTIONS, { maxAttempts: 'maxRetries' });
 * ```
 * @internal
 */
export function checkOptions<T extends object, const Names extends readonly string[]>(
  factory: string,
  value: T | undefined,
  names: Names & ListsEveryOption<T, Names>,
  aliases?: Readonly<Record<string, string>>,
): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(factory, 'options', 'an object', value);
  checkOptionNames<T, Names>(factory, value, names, aliases);
  return value;
}

/**
 * A classifier (an object with `classify()` and `classifyResponse()`, as `createClassifier` builds);
 * `undefined` gives `fallback`.
 *
 * @example
 * ```ts
 * const classifier = checkClassifier('retry', options.classifier, basicClassifier);
 * ```
 * @internal
 */
export function checkClassifier<C extends FaultReader>(factory: string, value: C | undefined, fallback: C): C {
  if (value === undefined) return fallback;
  const reader = value as Partial<FaultReader> | null;
  if (typeof reader !== 'object' || reader === null || typeof reader.classify !== 'function' || typeof reader.classifyResponse !== 'function') {
    invalid(factory, 'classifier', 'a classifier from createClassifier()', value);
  }
  return value as C;
}
