/**
 * Where breakers, retry budgets and rate limiters keep state that a fleet can
 * share. Three atomic operations are enough: record an outcome and read the
 * resulting breaker state, move a breaker between states with a version, and
 * take tokens from a bucket. `memoryStore()` answers synchronously, so a
 * policy on it pays no promise per call; `faultline/redis` answers from one
 * Lua script call per operation. Stores speak in durations (`remainingMs`,
 * `waitMs`), never in absolute times, so a store that keeps its own clock
 * (Redis `TIME`) works with processes whose clocks disagree.
 *
 * This file is the contract only; the rule a store applies is breaker-record.ts
 * and gcra.ts, the in-process store memory-store.ts.
 */

/**
 * A value now, or later.
 * @public
 */
export type Awaitable<T> = T | PromiseLike<T>;

/**
 * The states a breaker can be in.
 * @public
 */
export type BreakerStateName = 'closed' | 'open' | 'half-open' | 'isolated';

/**
 * The breaker settings a store applies when it records an outcome. Plain
 * numbers so every process (and a Lua script) applies the same rule.
 *
 * @example
 * ```ts
 * const rule: BreakerRule = { threshold: 0.5, minimumCalls: 10, windowMs: 30_000, windowCalls: 0, buckets: 10,
 *   breakMs: 5000, maxBreakMs: 60_000, breakFactor: 2, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 };
 * ```
 * @public
 */
export interface BreakerRule {
  /** With `windowMs` and `windowCalls` both 0: consecutive failures that open. Otherwise the failure ratio in (0, 1] that opens. */
  readonly threshold: number;
  /** Calls the window must hold before its ratio counts. */
  readonly minimumCalls: number;
  /** Length of a sliding time window (kept in `buckets` buckets), or 0. */
  readonly windowMs: number;
  /** Size of a window of the last N calls, or 0. */
  readonly windowCalls: number;
  /** Buckets of a time window. */
  readonly buckets: number;
  /** First break. */
  readonly breakMs: number;
  /** Longest break. */
  readonly maxBreakMs: number;
  /** Each failed probe multiplies the break by this. */
  readonly breakFactor: number;
  /** Probes let through at once, fleet-wide. */
  readonly halfOpenMaxCalls: number;
  /** Successful probes that close the breaker. */
  readonly halfOpenSuccesses: number;
  /** With a window: the share of `slow` outcomes in (0, 1] that opens, whatever the failures; 0 = off. @defaultValue 0 */
  readonly slowCallRatio?: number;
}

/**
 * A breaker's shared state as a store reports it.
 * @public
 */
export interface BreakerSnapshot {
  /** The state. */
  readonly state: BreakerStateName;
  /** Grows by one at every change of state; outcomes carry the version they were admitted under. */
  readonly version: number;
  /** While open: milliseconds until a probe may go; else 0. */
  readonly remainingMs: number;
  /** The current break length (grows with failed probes, back to `breakMs` on close). */
  readonly breakMs: number;
  /** For a `probe` transition: whether this caller may send a probe. */
  readonly granted: boolean;
}

/**
 * What a call's end means to a breaker: `release` gives back a probe whose
 * outcome says nothing (a cancelled call, a client error); `slow` is a
 * failure that also counts towards the rule's `slowCallRatio` (sent only when
 * the rule has one, so a store that predates it never sees it).
 * @public
 */
export type BreakerOutcome = 'success' | 'failure' | 'slow' | 'release';

/**
 * A breaker transition: `probe` asks to send a probe (opening the half-open
 * state when the break is over), `read` only reads, `isolate` and `reset` are the manual controls.
 * @public
 */
export type BreakerTransition = 'read' | 'probe' | 'isolate' | 'reset';

/**
 * A GCRA token bucket request: one token, emitted every `intervalMs`, at most `burst` at once.
 * @public
 */
export interface TakeRequest {
  /** Milliseconds between tokens (window / limit). */
  readonly intervalMs: number;
  /** Tokens that may be taken at once. */
  readonly burst: number;
  /** A wait up to this long reserves a token for later; a longer one is refused. 0 = never wait. */
  readonly maxWaitMs: number;
}

/**
 * The answer to a {@link TakeRequest}.
 * @public
 */
export interface TakeResult {
  /** Whether a token was taken (possibly reserved for `waitMs` from now). */
  readonly granted: boolean;
  /** Granted: how long to wait before using the token. Refused: how long until one would be free. */
  readonly waitMs: number;
}

/**
 * A shared, clamped counter update (a retry budget's tokens).
 * @public
 */
export interface AdjustRequest {
  /** Added to the value (negative to spend). */
  readonly delta: number;
  /** The value when the key does not exist yet. */
  readonly initial: number;
  /** Lowest value. */
  readonly min: number;
  /** Highest value. */
  readonly max: number;
}

/**
 * State shared by the policies of one process or of a fleet. Every operation
 * is atomic. `now` is the caller's clock in milliseconds; a store with its
 * own clock may ignore it. Results are durations, so they mean the same on
 * every host.
 *
 * @example
 * ```ts
 * const store: StateStore = memoryStore();
 * const breaker = circuitBreaker({ store, name: 'payments-api' });
 * ```
 * @public
 */
export interface StateStore {
  /** True when every operation answers synchronously (no promise): policies then keep their synchronous fast path. */
  readonly synchronous: boolean;
  /** Records a call's outcome (admitted under `version`) and returns the breaker's state after it. */
  record(key: string, outcome: BreakerOutcome, version: number, rule: BreakerRule, now: number): Awaitable<BreakerSnapshot>;
  /** Reads or changes a breaker's state. */
  transition(key: string, to: BreakerTransition, rule: BreakerRule, now: number): Awaitable<BreakerSnapshot>;
  /** Takes one token from a GCRA bucket. */
  take(key: string, request: TakeRequest, now: number): Awaitable<TakeResult>;
  /** Adds `delta` to a counter, clamped to [min, max]; returns the new value. */
  adjust(key: string, request: AdjustRequest, now: number): Awaitable<number>;
}

/**
 * The breaker states by code, for the local breaker (breaker-state.ts), which keeps its state as a small
 * integer: index = code. Stores keep the names themselves.
 * @internal
 */
export const STATE_NAMES = ['closed', 'open', 'half-open', 'isolated'] as const satisfies readonly BreakerStateName[];
