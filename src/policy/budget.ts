/**
 * Retry budgets: a cap on retries shared by every retry policy that holds
 * the budget, so a fleet of callers cannot multiply an upstream's load when
 * it is down. Two classic designs: gRPC's retry throttling (a token bucket
 * drained by failures) and Finagle's ratio of recent requests plus a floor.
 */
import { BUDGET_DEFAULTS, STORE_TIMEOUT_MS } from '../core/defaults.js';
import { type Clock, systemClock } from './clock.js';
import type { RetryBudget } from './policy.js';
import { SharedBudget } from './shared-budget.js';
import type { StateStore } from './state-store.js';
import type { PolicyEvent } from './events.js';
import type { StoreErrorEvent } from './store-guard.js';
import { checkClock, checkNumber, checkOptions, invalid } from './validate.js';

/**
 * gRPC retry throttling: each failed attempt costs one token, each success
 * returns `tokenRatio`; retries are allowed while tokens exceed half of `maxTokens`.
 *
 * @example
 * ```ts
 * const options: TokenRetryBudgetOptions = { maxTokens: 10, tokenRatio: 0.1 };
 * ```
 * @public
 */
export interface TokenRetryBudgetOptions {
  /** Tokens when full (the budget starts full), in (0, 1000]. @defaultValue 10 */
  readonly maxTokens?: number | undefined;
  /** Tokens a success gives back, in (0, 1]. @defaultValue 0.1 */
  readonly tokenRatio?: number | undefined;
  /** Where the tokens live; with a shared store (`redisStore`) every process using the same `name` draws on one budget. @defaultValue this process's memory */
  readonly store?: StateStore | undefined;
  /** The budget's key in `store`; required with `store`. @defaultValue none */
  readonly name?: string | undefined;
  /** A store operation slower than this falls back to local tokens. @defaultValue 100 */
  readonly storeTimeoutMs?: number | undefined;
}

/**
 * Finagle-style budget: retries in the last `windowMs` may be at most
 * `ratio` of the requests in it, plus `minPerSecond` per second of window.
 *
 * @example
 * ```ts
 * const options: RatioRetryBudgetOptions = { ratio: 0.2, minPerSecond: 10, windowMs: 10_000 };
 * ```
 * @public
 */
export interface RatioRetryBudgetOptions {
  /** Retries allowed per request, >= 0. @defaultValue 0.2 */
  readonly ratio?: number | undefined;
  /** Retries allowed per second whatever the traffic, >= 0. @defaultValue 10 */
  readonly minPerSecond?: number | undefined;
  /** How far back requests and retries count, > 0. @defaultValue 10000 */
  readonly windowMs?: number | undefined;
  /** Time source for the window. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * Options of {@link retryBudget}: one of the two designs, told apart by their keys.
 * @public
 */
export type RetryBudgetOptions = TokenRetryBudgetOptions | RatioRetryBudgetOptions;

/**
 * Every option {@link retryBudget} accepts, of either design; any other key is refused at construction.
 * @internal
 */
export const RETRY_BUDGET_OPTIONS = [
  'maxTokens', 'tokenRatio', 'store', 'name', 'storeTimeoutMs', 'ratio', 'minPerSecond', 'windowMs', 'clock',
] as const satisfies ReadonlyArray<keyof TokenRetryBudgetOptions | keyof RatioRetryBudgetOptions>;

/**
 * A retry budget that can say how much is left.
 *
 * @example
 * ```ts
 * const budget: MeteredRetryBudget = retryBudget();
 * metrics.gauge('retry_budget', budget.available);
 * ```
 * @public
 */
export interface MeteredRetryBudget extends RetryBudget {
  /** Token design: tokens left. Ratio design: retries that would be allowed now. */
  readonly available: number;
  /** With a shared `store`: the store failed or was slow and the budget used local tokens. */
  readonly onStoreError?: PolicyEvent<StoreErrorEvent>;
}

const NAME = 'retryBudget';
const BUCKETS = 10;

class TokenBudget implements MeteredRetryBudget {
  readonly #max: number;
  readonly #ratio: number;
  #tokens: number;

  constructor(o: TokenRetryBudgetOptions) {
    this.#max = checkNumber(NAME, 'maxTokens', o.maxTokens, BUDGET_DEFAULTS.maxTokens, 0, true);
    if (this.#max > 1000) invalid(NAME, 'maxTokens', 'a finite number in (0, 1000]', this.#max);
    this.#ratio = checkNumber(NAME, 'tokenRatio', o.tokenRatio, BUDGET_DEFAULTS.tokenRatio, 0, true);
    if (this.#ratio > 1) invalid(NAME, 'tokenRatio', 'a finite number in (0, 1]', this.#ratio);
    this.#tokens = this.#max;
  }

  get available(): number {
    return this.#tokens;
  }

  record(outcome: 'success' | 'failure'): void {
    // Whole thousandths, as gRPC keeps them, so a long run of successes adds up exactly.
    this.#tokens =
      outcome === 'success'
        ? Math.min(this.#max, Math.round((this.#tokens + this.#ratio) * 1000) / 1000)
        : Math.max(0, this.#tokens - 1);
  }

  tryRetry(): boolean {
    return this.#tokens > this.#max / 2;
  }
}

class RatioBudget implements MeteredRetryBudget {
  readonly #ratio: number;
  readonly #reserve: number;
  readonly #width: number;
  readonly #clock: Clock;
  /** Per bucket: attempts, retries; a ring of fixed size. */
  readonly #counts = new Float64Array(BUCKETS * 2);
  #last = Number.NEGATIVE_INFINITY;
  #attempts = 0;
  #retries = 0;

  constructor(o: RatioRetryBudgetOptions) {
    this.#ratio = checkNumber(NAME, 'ratio', o.ratio, BUDGET_DEFAULTS.ratio);
    const minPerSecond = checkNumber(NAME, 'minPerSecond', o.minPerSecond, BUDGET_DEFAULTS.minPerSecond);
    const windowMs = checkNumber(NAME, 'windowMs', o.windowMs, BUDGET_DEFAULTS.windowMs, 0, true);
    this.#reserve = (minPerSecond * windowMs) / 1000;
    this.#width = windowMs / BUCKETS;
    this.#clock = checkClock(NAME, o.clock, systemClock);
  }

  get available(): number {
    this.#advance();
    return Math.max(0, Math.floor(this.#allowance() - this.#retries));
  }

  record(): void {
    const i = this.#advance() * 2;
    this.#counts[i] = (this.#counts[i] as number) + 1;
    this.#attempts++;
  }

  tryRetry(): boolean {
    const i = this.#advance() * 2 + 1;
    if (this.#retries + 1 > this.#allowance()) return false;
    this.#counts[i] = (this.#counts[i] as number) + 1;
    this.#retries++;
    return true;
  }

  /** Retries the window allows: a share of its first attempts (attempts that were not retries), plus the floor. */
  #allowance(): number {
    return this.#ratio * Math.max(0, this.#attempts - this.#retries) + this.#reserve;
  }

  #advance(): number {
    const epoch = Math.floor(this.#clock.now() / this.#width);
    const last = this.#last;
    if (epoch > last) {
      const counts = this.#counts;
      if (epoch - last >= BUCKETS) {
        counts.fill(0);
        this.#attempts = this.#retries = 0;
      } else {
        for (let e = last + 1; e <= epoch; e++) {
          const i = (((e % BUCKETS) + BUCKETS) % BUCKETS) * 2;
          this.#attempts -= counts[i] as number;
          this.#retries -= counts[i + 1] as number;
          counts[i] = counts[i + 1] = 0;
        }
      }
      this.#last = epoch;
      return ((epoch % BUCKETS) + BUCKETS) % BUCKETS;
    }
    return ((last % BUCKETS) + BUCKETS) % BUCKETS;
  }
}

const RATIO_KEYS = ['ratio', 'minPerSecond', 'windowMs', 'clock'] as const;
const TOKEN_KEYS = ['maxTokens', 'tokenRatio', 'store', 'name', 'storeTimeoutMs'] as const;

/**
 * A retry budget to share between retry policies (`retry({ budget })`). With
 * `{ maxTokens, tokenRatio }` (the default) it is gRPC's retry throttling:
 * failures drain tokens, successes refill them, retries stop below half.
 * With `{ ratio, minPerSecond, windowMs }` it is Finagle's: retries in the
 * last window stay under `ratio` of its requests plus a floor per second.
 * A denied retry makes the retry policy give up with its last fault.
 *
 * @example
 * ```ts
 * const budget = retryBudget({ ratio: 0.1, minPerSecond: 5, windowMs: 10_000 });
 * const search = retry({ maxRetries: 3, budget });
 * const suggest = retry({ maxRetries: 2, budget }); // one budget for both
 * ```
 * @public
 */
export function retryBudget(options?: RetryBudgetOptions): MeteredRetryBudget {
  const o = checkOptions(NAME, options, RETRY_BUDGET_OPTIONS) as TokenRetryBudgetOptions & RatioRetryBudgetOptions;
  const ratio = RATIO_KEYS.some((k) => o[k] !== undefined);
  const token = TOKEN_KEYS.some((k) => o[k] !== undefined);
  if (ratio && token) invalid(NAME, 'options', 'either { maxTokens, tokenRatio } or { ratio, minPerSecond, windowMs }, not both', o);
  if (ratio) return new RatioBudget(o);
  const local = new TokenBudget(o);
  if (o.store === undefined) return local;
  if (typeof o.store !== 'object' || o.store === null || typeof o.store.adjust !== 'function') invalid(NAME, 'store', 'a StateStore', o.store);
  if (typeof o.name !== 'string' || o.name.length === 0) invalid(NAME, 'name', 'a non-empty string when store is set', o.name);
  return new SharedBudget({
    store: o.store,
    name: o.name,
    maxTokens: local.available,
    tokenRatio: checkNumber(NAME, 'tokenRatio', o.tokenRatio, BUDGET_DEFAULTS.tokenRatio, 0, true),
    storeTimeoutMs: checkNumber(NAME, 'storeTimeoutMs', o.storeTimeoutMs, STORE_TIMEOUT_MS, 0, true),
    clock: systemClock,
  });
}
