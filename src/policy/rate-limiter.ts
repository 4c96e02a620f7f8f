/**
 * Client-side rate limiting: a GCRA token bucket that delays or refuses calls
 * before they reach a server, optionally shared by a fleet through a
 * `StateStore`, and optionally adaptive: it learns the server's real limit
 * from `RateLimit` / `X-RateLimit-*` headers and 429s, cuts its rate on a
 * throttle and grows it back along a cubic curve (the AWS SDK's adaptive
 * retry mode), so a fleet settles just under the documented tier.
 */
import { RATE_LIMITER_DEFAULTS, STORE_TIMEOUT_MS } from '../core/defaults.js';
import type { RateLimitInfo } from '../core/fault.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { type Clock, systemClock } from './clock.js';
import { Emitter, type PolicyEvent } from './events.js';
import { policyError } from './policy-error.js';
import type { AttemptContext, ExecuteOptions, Policy } from './policy.js';
import { callerSignal, neverSignal } from './signal.js';
import { memoryTake } from './memory-store.js';
import type { StateStore, TakeRequest, TakeResult } from './state-store.js';
import { type StoreErrorEvent, guardOperations } from './store-guard.js';
import { checkClassifier, checkBoolean, checkClock, checkInteger, checkNumber, checkOneOf, checkOptions, invalid } from './validate.js';

/**
 * Options of {@link rateLimiter}.
 *
 * @example
 * ```ts
 * // The seeds' "60 requests/min, burst 10", learned and shared by the fleet:
 * const options: RateLimiterOptions = { limit: 60, windowMs: 60_000, burst: 10, adaptive: true, store, name: 'impulse' };
 * ```
 * @public
 */
export interface RateLimiterOptions {
  /** Calls allowed per window. */
  readonly limit: number;
  /** The window of `limit`, in milliseconds. @defaultValue 1000 */
  readonly windowMs?: number | undefined;
  /** Calls that may go at once after a quiet spell. @defaultValue `limit` */
  readonly burst?: number | undefined;
  /** `delay`: wait for a token (up to `maxDelayMs`); `reject`: fail at once with `rate_limited`. @defaultValue 'delay' */
  readonly mode?: 'delay' | 'reject' | undefined;
  /** In `delay` mode, a wait longer than this rejects instead. @defaultValue `windowMs` */
  readonly maxDelayMs?: number | undefined;
  /** Learn the server's limit from rate-limit headers and 429s, cut the rate on a throttle and grow it back. @defaultValue false */
  readonly adaptive?: boolean | undefined;
  /** Where the bucket lives; a shared store makes one bucket for every process using `name`. @defaultValue a private in-memory bucket */
  readonly store?: StateStore | undefined;
  /** The bucket's key in `store`. @defaultValue 'default' */
  readonly name?: string | undefined;
  /** A store operation slower than this falls back to a local bucket. @defaultValue 100 */
  readonly storeTimeoutMs?: number | undefined;
  /** Turns what a call threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Time source for delays. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * Every option {@link rateLimiter} accepts; any other key is refused at construction.
 * @internal
 */
export const RATE_LIMITER_OPTIONS = [
  'limit', 'windowMs', 'burst', 'mode', 'maxDelayMs', 'adaptive', 'store', 'name', 'storeTimeoutMs', 'clock',
  'classifier',
] as const satisfies ReadonlyArray<keyof RateLimiterOptions>;

/**
 * Emitted when the adaptive rate changes.
 *
 * @example
 * ```ts
 * limiter.onRateChange(({ limit, reason }) => metrics.gauge('api.rate', limit, { reason }));
 * ```
 * @public
 */
export interface RateChangeEvent {
  /** The new rate, in calls per `windowMs`. */
  readonly limit: number;
  /** What changed it. */
  readonly reason: 'throttled' | 'recovered' | 'learned';
}

/**
 * Emitted when the limiter holds a call back: it waits `waitMs` for a token, or (`refused`) rejects
 * with `rate_limited` because the wait would exceed `maxDelayMs` (or the mode is `reject`).
 *
 * @example
 * ```ts
 * limiter.onLimited(({ waitMs, refused }) => console.debug(refused ? 'refused' : `waited ${waitMs} ms`));
 * ```
 * @public
 */
export interface RateLimitedEvent {
  /** How long the call waits, or would have had to wait when refused. */
  readonly waitMs: number;
  /** Whether the call was refused instead of waiting. */
  readonly refused: boolean;
}

/**
 * A rate limiter policy.
 *
 * @example
 * ```ts
 * const limiter = rateLimiter({ limit: 10, windowMs: 1000 });
 * await limiter.execute(() => fetch(url));
 * ```
 * @public
 */
export interface RateLimiterPolicy extends Policy {
  /** The current rate in calls per `windowMs` (below `limit` after a throttle when adaptive). */
  readonly limit: number;
  /** Feeds rate-limit facts from a successful response's headers (`parseRateLimit(readHeaders(response.headers))`) to an adaptive limiter. */
  observe(info: RateLimitInfo): void;
  /** The adaptive rate changed. */
  readonly onRateChange: PolicyEvent<RateChangeEvent>;
  /** A call waited for a token or was refused one. */
  readonly onLimited: PolicyEvent<RateLimitedEvent>;
  /** The shared store failed or was slow; the limiter used a local bucket. */
  readonly onStoreError: PolicyEvent<StoreErrorEvent>;
}

// CUBIC constants of the AWS SDK's adaptive retry (rates in calls per second).
const BETA = 0.7;
const SCALE = 0.4;
const HEADROOM = 0.9;

class RateLimiter implements RateLimiterPolicy {
  readonly #window: number;
  readonly #burst: number;
  readonly #maxWait: number;
  readonly #adaptive: boolean;
  readonly #store: Pick<StateStore, 'take'>;
  readonly #key: string;
  readonly #clock: Clock;
  readonly #classifier: FaultReader;
  readonly #rateChanged = new Emitter<RateChangeEvent>();
  readonly #storeFailed = new Emitter<StoreErrorEvent>();
  readonly onRateChange: PolicyEvent<RateChangeEvent> = this.#rateChanged.on;
  readonly #limited = new Emitter<RateLimitedEvent>();
  readonly onLimited: PolicyEvent<RateLimitedEvent> = this.#limited.on;
  readonly onStoreError: PolicyEvent<StoreErrorEvent> = this.#storeFailed.on;
  /** The most this limiter will send per second: the option, or what the server said. */
  #ceiling: number;
  /** The current rate, calls per second. */
  #rate: number;
  /** The rate when last throttled, and when. */
  #lastMax: number;
  #lastThrottle = Number.NEGATIVE_INFINITY;
  #request: TakeRequest;

  constructor(options: RateLimiterOptions) {
    const o = checkOptions('rateLimiter', options, RATE_LIMITER_OPTIONS);
    const limit = checkNumber('rateLimiter', 'limit', o.limit ?? Number.NaN, 0, 0, true);
    this.#window = checkNumber('rateLimiter', 'windowMs', o.windowMs, RATE_LIMITER_DEFAULTS.windowMs, 0, true);
    this.#burst = checkInteger('rateLimiter', 'burst', o.burst, Math.max(1, Math.floor(limit)), 1);
    const mode = checkOneOf('rateLimiter', 'mode', o.mode, ['delay', 'reject'] as const);
    this.#maxWait = mode === 'reject' ? 0 : checkNumber('rateLimiter', 'maxDelayMs', o.maxDelayMs, this.#window);
    this.#adaptive = checkBoolean('rateLimiter', 'adaptive', o.adaptive, false);
    this.#clock = checkClock('rateLimiter', o.clock, systemClock);
    this.#classifier = checkClassifier('rateLimiter', o.classifier, basicClassifier);
    const name = o.name === undefined ? 'default' : o.name;
    if (typeof name !== 'string' || name.length === 0) invalid('rateLimiter', 'name', 'a non-empty string', name);
    this.#key = `rate:${name}`;
    // Without a store, a private bucket: a memory store's take() alone.
    const store = o.store === undefined ? { synchronous: true, take: memoryTake() } : o.store;
    if (typeof store !== 'object' || store === null || typeof store.take !== 'function') invalid('rateLimiter', 'store', 'a StateStore', store);
    const storeTimeoutMs = checkNumber('rateLimiter', 'storeTimeoutMs', o.storeTimeoutMs, STORE_TIMEOUT_MS, 0, true);
    this.#store = guardOperations(store, { timeoutMs: storeTimeoutMs, clock: this.#clock, emitter: this.#storeFailed }, { take: memoryTake() });
    this.#ceiling = this.#rate = this.#lastMax = (limit * 1000) / this.#window;
    this.#request = this.#requestFor(this.#rate);
  }

  get limit(): number {
    return (this.#rate * this.#window) / 1000;
  }

  #requestFor(rate: number): TakeRequest {
    return { intervalMs: 1000 / rate, burst: this.#burst, maxWaitMs: this.#maxWait };
  }

  #setRate(rate: number, reason: RateChangeEvent['reason']): void {
    const next = Math.min(this.#ceiling, Math.max(this.#ceiling / 10, rate));
    if (next === this.#rate) return;
    this.#rate = next;
    this.#request = this.#requestFor(next);
    if (this.#rateChanged.size > 0) this.#rateChanged.emit({ limit: this.limit, reason });
  }

  observe(info: RateLimitInfo): void {
    if (!this.#adaptive || typeof info !== 'object' || info === null) return;
    const limit = info.limit;
    if (typeof limit === 'number' && Number.isFinite(limit) && limit > 0) {
      // 10 % headroom under the server's limit: requests reach it later than they leave, and a bunch
      // that arrives together must still fit its burst.
      const ceiling = (HEADROOM * limit * 1000) / this.#window;
      if (ceiling !== this.#ceiling) {
        const raised = ceiling > this.#ceiling;
        this.#ceiling = ceiling;
        // A higher limit is taken at once; a lower one caps the current rate.
        this.#setRate(raised ? ceiling : this.#rate, 'learned');
        if (raised) this.#lastMax = ceiling;
      }
    }
  }

  /** A throttle: remember the rate that was too much, cut it. */
  #throttled(): void {
    this.#lastMax = this.#rate;
    this.#lastThrottle = this.#clock.now();
    this.#setRate(this.#rate * BETA, 'throttled');
  }

  /** A success: grow back along the cubic curve towards (then past) the rate that was throttled. */
  #succeeded(): void {
    if (this.#rate >= this.#ceiling) return;
    const k = Math.cbrt((this.#lastMax * (1 - BETA)) / SCALE);
    const t = (this.#clock.now() - this.#lastThrottle) / 1000;
    this.#setRate(SCALE * (t - k) ** 3 + this.#lastMax, 'recovered');
  }

  #admit(taken: TakeResult, signal: AbortSignal | undefined): Promise<void> | undefined {
    if ((!taken.granted || taken.waitMs > 0) && this.#limited.size > 0) this.#limited.emit({ waitMs: taken.waitMs, refused: !taken.granted });
    if (!taken.granted) {
      throw policyError('rate_limited', `Rate limit: next call allowed in ${taken.waitMs} ms`, taken.waitMs);
    }
    return taken.waitMs > 0 ? this.#clock.sleep(taken.waitMs, signal) : undefined;
  }

  async execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T> {
    const signal = callerSignal(options);
    const askedAt = this.#clock.now();
    const taken = this.#store.take(this.#key, this.#request, askedAt);
    const wait = this.#admit('then' in taken ? await taken : taken, signal);
    if (wait !== undefined) await wait;
    if (!this.#adaptive) return fn({ signal: signal ?? neverSignal(), attempt: 1 });
    try {
      const value = await fn({ signal: signal ?? neverSignal(), attempt: 1 });
      this.#succeeded();
      return value;
    } catch (error) {
      const converted = faultErrorOf(error, this.#classifier);
      const failure = converted instanceof Promise ? await converted : converted;
      const fault = failure.fault;
      if (fault.rateLimit !== undefined) this.observe(fault.rateLimit);
      // One cut per round trip: 429s for calls admitted before the last cut were answers to the old rate.
      if ((fault.code === 'rate_limited' && fault.source !== 'policy' || fault.status === 429) && askedAt >= this.#lastThrottle) this.#throttled();
      throw error;
    }
  }
}

/**
 * A GCRA token bucket in front of a server: `limit` calls per `windowMs`,
 * `burst` at once; a call that would exceed it waits (`delay`) or fails with
 * `rate_limited` (`source: 'policy'`, `retryAfterMs` = when a token frees up).
 * With a shared `store` and `name`, every process draws from one bucket.
 * With `adaptive: true` it learns the server's limit from `fault.rateLimit`
 * and 429s: a throttle cuts the rate to 70 %, successes grow it back.
 *
 * @example
 * ```ts
 * const limiter = rateLimiter({ limit: 60, windowMs: 60_000, burst: 10, adaptive: true });
 * const data = await limiter.execute(({ signal }) => api('/runs', { signal }));
 * ```
 * @public
 */
export function rateLimiter(options: RateLimiterOptions): RateLimiterPolicy {
  return new RateLimiter(options);
}
