/**
 * When a closed breaker opens, as plain data: a rule a reader can scan, that
 * every process (and a store's script) applies the same way. The counting
 * itself lives in breaker-window.ts.
 */
import { checkInteger, checkNumber, checkOptions, invalid } from './validate.js';

/**
 * A breaker's opening rule, made by {@link consecutiveFailures} or
 * {@link failureRatio}. Frozen plain data.
 *
 * @example
 * ```ts
 * const strategy: BreakerStrategy = failureRatio({ threshold: 0.5, minimumCalls: 20, windowMs: 30_000 });
 * ```
 * @public
 */
export interface BreakerStrategy {
  /** `consecutive`: a run of failures; `calls`: ratio over the last N calls; `time`: ratio over a sliding time window. */
  readonly kind: 'consecutive' | 'calls' | 'time';
  /** Consecutive failures that open (`consecutive`), or the failure ratio in (0, 1] that opens. */
  readonly threshold: number;
  /** Calls the window must hold before its ratio counts (1 for `consecutive`). */
  readonly minimumCalls: number;
  /** Length of the sliding time window (`time`), else 0. */
  readonly windowMs: number;
  /** The last N calls (`calls`), else 0. */
  readonly windowCalls: number;
  /** Fixed buckets of the time window (`time`), else 0. */
  readonly buckets: number;
  /** A success that took at least this long counts as a failure; 0 = off. */
  readonly slowCallMs: number;
  /** Opens when slow calls reach this share of the window, whatever the failures; 0 = off. */
  readonly slowCallRatio: number;
}

/**
 * Options of {@link consecutiveFailures}.
 *
 * @example
 * ```ts
 * const options: ConsecutiveFailuresOptions = { slowCallMs: 2_000 };
 * ```
 * @public
 */
export interface ConsecutiveFailuresOptions {
  /** A success that took at least this many ms counts as a failure. @defaultValue 0 (off) */
  readonly slowCallMs?: number | undefined;
}

/**
 * Every option {@link consecutiveFailures} accepts; any other key is refused at construction.
 * @internal
 */
export const CONSECUTIVE_FAILURES_OPTIONS = [
  'slowCallMs',
] as const satisfies ReadonlyArray<keyof ConsecutiveFailuresOptions>;

/**
 * Options of {@link failureRatio}: give exactly one of `windowMs` (a sliding
 * time window) or `windowCalls` (the last N calls).
 *
 * @example
 * ```ts
 * const options: FailureRatioOptions = { threshold: 0.5, minimumCalls: 10, windowMs: 10_000, slowCallMs: 1_000, slowCallRatio: 0.8 };
 * ```
 * @public
 */
export interface FailureRatioOptions {
  /** The failure ratio in (0, 1] that opens the breaker. @defaultValue 0.5 */
  readonly threshold?: number | undefined;
  /** Calls the window must hold before its ratio counts. @defaultValue 10 */
  readonly minimumCalls?: number | undefined;
  /** Length of a sliding time window, kept in `buckets` fixed buckets (memory does not grow with traffic). */
  readonly windowMs?: number | undefined;
  /** Size of a window of the last N calls (a ring of N bytes). */
  readonly windowCalls?: number | undefined;
  /** Buckets of the time window: more is smoother, each costs 12 bytes. @defaultValue 10 */
  readonly buckets?: number | undefined;
  /** A success that took at least this many ms counts as a failure (and as slow). @defaultValue 0 (off) */
  readonly slowCallMs?: number | undefined;
  /** Opens when slow calls (successes or failures) reach this share of the window, in (0, 1]. Needs `slowCallMs`. @defaultValue off */
  readonly slowCallRatio?: number | undefined;
}

/**
 * Every option {@link failureRatio} accepts; any other key is refused at construction.
 * @internal
 */
export const FAILURE_RATIO_OPTIONS = [
  'threshold', 'minimumCalls', 'windowMs', 'windowCalls', 'buckets', 'slowCallMs', 'slowCallRatio',
] as const satisfies ReadonlyArray<keyof FailureRatioOptions>;

const RATIO = 'a number in (0, 1]';

function ratio(factory: string, option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) invalid(factory, option, RATIO, value);
  return value;
}

/**
 * Opens the breaker after `n` failures in a row (default 5); a success starts
 * the count again. With `slowCallMs`, a slow success counts as a failure.
 *
 * @example
 * ```ts
 * circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 });
 * ```
 * @public
 */
export function consecutiveFailures(n?: number, options?: ConsecutiveFailuresOptions): BreakerStrategy {
  const F = 'consecutiveFailures';
  const o = checkOptions(F, options, CONSECUTIVE_FAILURES_OPTIONS);
  return Object.freeze({
    kind: 'consecutive',
    threshold: checkInteger(F, 'n', n, 5, 1),
    minimumCalls: 1,
    windowMs: 0,
    windowCalls: 0,
    buckets: 0,
    slowCallMs: checkNumber(F, 'slowCallMs', o.slowCallMs, 0),
    slowCallRatio: 0,
  });
}

/**
 * Opens the breaker when failures reach `threshold` of the calls in the
 * window (and the window holds at least `minimumCalls`), or when slow calls
 * reach `slowCallRatio`. The window is either the last `windowMs` of time,
 * kept in fixed buckets, or the last `windowCalls` calls; either way its
 * memory is fixed when the breaker is made.
 *
 * @example
 * ```ts
 * circuitBreaker({ strategy: failureRatio({ threshold: 0.5, minimumCalls: 20, windowMs: 30_000 }) });
 * circuitBreaker({ strategy: failureRatio({ threshold: 0.2, minimumCalls: 50, windowCalls: 100 }) });
 * ```
 * @public
 */
export function failureRatio(options: FailureRatioOptions): BreakerStrategy {
  const F = 'failureRatio';
  const o = checkOptions(F, options, FAILURE_RATIO_OPTIONS);
  const hasTime = o.windowMs !== undefined;
  if (hasTime === (o.windowCalls !== undefined)) invalid(F, 'windowMs', 'given, or windowCalls given, but not both', o.windowMs);
  const windowMs = hasTime ? checkNumber(F, 'windowMs', o.windowMs, 0, 0, true) : 0;
  const windowCalls = hasTime ? 0 : checkInteger(F, 'windowCalls', o.windowCalls, 0, 1);
  if (windowCalls > 1_000_000) invalid(F, 'windowCalls', 'an integer in [1, 1000000]', windowCalls);
  const buckets = hasTime ? checkInteger(F, 'buckets', o.buckets, 10, 1) : 0;
  if (buckets > 10_000) invalid(F, 'buckets', 'an integer in [1, 10000]', buckets);
  const slowCallMs = checkNumber(F, 'slowCallMs', o.slowCallMs, 0);
  const slowCallRatio = ratio(F, 'slowCallRatio', o.slowCallRatio, 0);
  if (slowCallRatio > 0 && slowCallMs === 0) invalid(F, 'slowCallMs', 'a finite number > 0 when slowCallRatio is set', o.slowCallMs);
  return Object.freeze({
    kind: hasTime ? 'time' : 'calls',
    threshold: ratio(F, 'threshold', o.threshold, 0.5),
    minimumCalls: checkInteger(F, 'minimumCalls', o.minimumCalls, 10, 1),
    windowMs,
    windowCalls,
    buckets,
    slowCallMs,
    slowCallRatio,
  });
}
