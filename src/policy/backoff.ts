/**
 * Backoffs are pure functions of (attempt, previous delay, random): no state,
 * no clock, so a seeded `random` replays the same schedule and a property
 * test can check every delay against its bounds.
 */
import { BACKOFF_DEFAULTS } from '../core/defaults.js';
import type { RandomSource } from './clock.js';
import { checkNumber, checkOneOf, checkOptions, invalid } from './validate.js';

/**
 * How long to wait before a retry, in milliseconds.
 *
 * `attempt` is 1 before the first retry, 2 before the second, …; `previousMs`
 * is what this backoff returned for the retry before (0 before the first;
 * unchanged when the server's `Retry-After` was used instead); `random`
 * returns numbers in [0, 1).
 *
 * @example
 * ```ts
 * const linear: Backoff = (attempt) => Math.min(attempt * 500, 5_000);
 * retry({ backoff: linear });
 * ```
 * @public
 */
export type Backoff = (attempt: number, previousMs: number, random: RandomSource) => number;

/**
 * How `exponentialBackoff` spreads retries out so clients do not retry in step.
 * - `none`: exactly `initialMs × factor^(attempt-1)`.
 * - `full`: uniform in [0, that].
 * - `equal`: uniform in [that / 2, that].
 * - `decorrelated`: Polly v8's decorrelated-jitter V2 (median near `initialMs × 2^(attempt-1)`; ignores `factor`).
 *
 * @example
 * ```ts
 * exponentialBackoff({ jitter: 'decorrelated' });
 * ```
 * @public
 */
export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

/**
 * Options of {@link exponentialBackoff}.
 *
 * @example
 * ```ts
 * const options: ExponentialBackoffOptions = { initialMs: 500, maxMs: 20_000, jitter: 'equal' };
 * ```
 * @public
 */
export interface ExponentialBackoffOptions {
  /** The delay before the first retry (its median, with jitter). @defaultValue 200 */
  readonly initialMs?: number | undefined;
  /** Growth per retry, at least 1. @defaultValue 2 */
  readonly factor?: number | undefined;
  /** No delay is ever longer, whatever the attempt. @defaultValue 30000 */
  readonly maxMs?: number | undefined;
  /** How delays are randomised. @defaultValue 'full' */
  readonly jitter?: Jitter | undefined;
}

/**
 * Every option {@link exponentialBackoff} accepts; any other key is refused at construction.
 * @internal
 */
export const EXPONENTIAL_BACKOFF_OPTIONS = [
  'initialMs', 'factor', 'maxMs', 'jitter',
] as const satisfies ReadonlyArray<keyof ExponentialBackoffOptions>;

const JITTERS = ['full', 'none', 'equal', 'decorrelated'] as const;
const NAME = 'exponentialBackoff';

/** A random draw forced into [0, 1), so a broken source cannot produce NaN or negative delays. */
function draw(random: RandomSource): number {
  const r = random();
  return r >= 0 && r < 1 ? r : r >= 1 ? 0.999_999_999 : 0;
}

// Polly's V2 formula: f(t) = 2^t · tanh(√(4t)), delay = (f(a + U) − f(previous)) × initial / 1.4.
const f = (t: number): number => 2 ** t * Math.tanh(Math.sqrt(4 * t));

/**
 * A delay that grows by `factor` per retry up to `maxMs`, with jitter.
 * Never returns NaN, Infinity or a negative number, at any attempt.
 *
 * @example
 * ```ts
 * retry({ backoff: exponentialBackoff({ initialMs: 100, factor: 2, maxMs: 10_000, jitter: 'full' }) });
 * ```
 * @public
 */
export function exponentialBackoff(options?: ExponentialBackoffOptions): Backoff {
  const o = checkOptions(NAME, options, EXPONENTIAL_BACKOFF_OPTIONS);
  const initialMs = checkNumber(NAME, 'initialMs', o.initialMs, BACKOFF_DEFAULTS.initialMs);
  const factor = checkNumber(NAME, 'factor', o.factor, BACKOFF_DEFAULTS.factor, 1);
  const maxMs = checkNumber(NAME, 'maxMs', o.maxMs, Math.max(30_000, initialMs));
  if (maxMs < initialMs) invalid(NAME, 'maxMs', `a finite number >= initialMs (${initialMs})`, maxMs);
  const jitter = checkOneOf(NAME, 'jitter', o.jitter, JITTERS);

  if (jitter === 'decorrelated') {
    // Inside the branch, not a module constant: bundlers keep a top-level `1 / 1.4` even where it is unused.
    const unit = initialMs * (1 / 1.4);
    return (attempt, previousMs, random) => {
      const a = attempt - 1;
      const next = f(a + draw(random));
      // Past t ≈ 1024 the formula overflows; Polly answers with the maximum, so do we.
      if (!Number.isFinite(next) || unit === 0) return unit === 0 ? 0 : maxMs;
      // Polly carries f(previous t) as state; a pure function recovers it from the previous
      // delay (exact for the second retry) and keeps it inside the bounds the formula gives it.
      let prev = 0;
      if (a > 0) {
        const guess = previousMs / unit + (a > 1 ? f(a - 1.5) : 0);
        prev = Math.min(Math.max(guess, f(a - 1)), f(a));
      }
      const delay = (next - prev) * unit;
      return delay < maxMs ? Math.max(0, delay) : maxMs;
    };
  }
  return (attempt, _previousMs, random) => {
    const raw = initialMs * factor ** Math.max(0, attempt - 1);
    // `raw < maxMs` is false for Infinity and NaN (0 × Infinity), so huge attempts land on maxMs.
    const ceiling = raw < maxMs ? raw : initialMs === 0 ? 0 : maxMs;
    if (jitter === 'none') return ceiling;
    if (jitter === 'full') return ceiling * draw(random);
    return ceiling / 2 + (ceiling / 2) * draw(random);
  };
}

/**
 * `retry`'s default: exactly `exponentialBackoff()` (200 ms doubling to 30 s, full jitter), written
 * out so that `retry` alone does not bundle the option checks and the other jitters.
 *
 * @example
 * ```ts
 * defaultBackoff(3, 0, () => 0.5); // 400
 * ```
 * @internal
 */
export const defaultBackoff: Backoff = (attempt, _previousMs, random) => {
  const raw = 200 * 2 ** Math.max(0, attempt - 1);
  return (raw < 30_000 ? raw : 30_000) * draw(random);
};

/**
 * The same delay before every retry.
 *
 * @example
 * ```ts
 * retry({ maxRetries: 2, backoff: constantBackoff(1_000) });
 * ```
 * @public
 */
export function constantBackoff(ms: number): Backoff {
  const delay = checkNumber('constantBackoff', 'ms', ms, Number.NaN);
  if (Number.isNaN(delay)) invalid('constantBackoff', 'ms', 'a finite number >= 0', ms);
  return () => delay;
}
