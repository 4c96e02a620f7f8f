/**
 * Where breakers, retry budgets and rate limiters keep state that a fleet can
 * share. Three atomic operations are enough: record an outcome and read the
 * resulting breaker state, move a breaker between states with a version, and
 * take tokens from a bucket. `memoryStore()` answers synchronously, so a
 * policy on it pays no promise per call; `faultline/redis` answers from one
 * Lua script call per operation. Stores speak in durations (`remainingMs`,
 * `waitMs`), never in absolute times, so a store that keeps its own clock
 * (Redis `TIME`) works with processes whose clocks disagree.
 */
import { checkNumber, checkOptions } from './validate.js';

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

/** State codes shared with the Lua scripts: index = code. */
export const STATE_NAMES = ['closed', 'open', 'half-open', 'isolated'] as const satisfies readonly BreakerStateName[];

/**
 * The breaker record both stores keep: in Redis a hash with these field names.
 * s state code, v version, u open-until (or probe lease end), b break length,
 * p probes in flight, k probe successes, c consecutive failures; time window:
 * t{i} bucket epoch, n{i} calls, f{i} failures, w{i} slow calls; call window: r{i} outcome bits
 * (1 failed, 2 slow), rn pushed, rf failures, rw slow calls.
 * @internal
 */
export type BreakerRecord = Record<string, number>;

const get = (h: BreakerRecord, f: string): number => h[f] ?? 0;

function clearWindow(h: BreakerRecord): void {
  for (const f of Object.keys(h)) if (f !== 's' && f !== 'v' && f !== 'u' && f !== 'b') delete h[f];
}

function open(h: BreakerRecord, breakMs: number, now: number): void {
  clearWindow(h);
  h.s = 1;
  h.v = get(h, 'v') + 1;
  h.b = breakMs;
  h.u = now + breakMs;
}

function snapshot(h: BreakerRecord, now: number, granted: boolean, rule: BreakerRule): BreakerSnapshot {
  const s = get(h, 's');
  return {
    state: STATE_NAMES[s] ?? 'closed',
    version: get(h, 'v'),
    remainingMs: s === 1 ? Math.max(0, get(h, 'u') - now) : 0,
    breakMs: get(h, 'b') || rule.breakMs,
    granted,
  };
}

/** Whether a window of `calls` holding `failures` and `slow` calls opens under the rule. */
function trips(calls: number, failures: number, slow: number, rule: BreakerRule): boolean {
  const slowRatio = rule.slowCallRatio ?? 0;
  return calls >= rule.minimumCalls && (failures >= rule.threshold * calls || (slowRatio > 0 && slow >= slowRatio * calls));
}

/** Adds an outcome (`slow` implies `failed`) to the closed breaker's window; true when the rule trips. */
function count(h: BreakerRecord, failed: boolean, slow: boolean, rule: BreakerRule, now: number): boolean {
  if (rule.windowMs > 0) {
    const width = Math.max(1, Math.floor(rule.windowMs / rule.buckets));
    const epoch = Math.floor(now / width);
    const i = epoch % rule.buckets;
    if (get(h, `t${i}`) !== epoch) {
      h[`t${i}`] = epoch;
      h[`n${i}`] = 0;
      h[`f${i}`] = 0;
      h[`w${i}`] = 0;
    }
    h[`n${i}`] = get(h, `n${i}`) + 1;
    if (failed) h[`f${i}`] = get(h, `f${i}`) + 1;
    if (slow) h[`w${i}`] = get(h, `w${i}`) + 1;
    let calls = 0;
    let failures = 0;
    let slowCalls = 0;
    for (let j = 0; j < rule.buckets; j++) {
      if (get(h, `t${j}`) > epoch - rule.buckets) {
        calls += get(h, `n${j}`);
        failures += get(h, `f${j}`);
        slowCalls += get(h, `w${j}`);
      }
    }
    return trips(calls, failures, slowCalls, rule);
  }
  if (rule.windowCalls > 0) {
    const pushed = get(h, 'rn');
    const i = pushed % rule.windowCalls;
    if (pushed >= rule.windowCalls) {
      const old = get(h, `r${i}`);
      h.rf = get(h, 'rf') - (old % 2);
      h.rw = get(h, 'rw') - Math.floor(old / 2);
    }
    h[`r${i}`] = (failed ? 1 : 0) + (slow ? 2 : 0);
    h.rn = pushed + 1;
    if (failed) h.rf = get(h, 'rf') + 1;
    if (slow) h.rw = get(h, 'rw') + 1;
    return trips(Math.min(pushed + 1, rule.windowCalls), get(h, 'rf'), get(h, 'rw'), rule);
  }
  h.c = failed ? get(h, 'c') + 1 : 0;
  return get(h, 'c') >= rule.threshold;
}

/**
 * The breaker rule applied to a record: the reference the Lua script of
 * `faultline/redis` mirrors line for line (and is property-tested against).
 * @internal
 */
export function recordOutcome(h: BreakerRecord, outcome: BreakerOutcome, version: number, rule: BreakerRule, now: number): BreakerSnapshot {
  const s = get(h, 's');
  if (s === 0 && outcome !== 'release') {
    if (count(h, outcome === 'failure' || outcome === 'slow', outcome === 'slow', rule, now)) open(h, get(h, 'b') || rule.breakMs, now);
  } else if (s === 2 && version === get(h, 'v')) {
    h.p = Math.max(0, get(h, 'p') - 1);
    if (outcome === 'failure' || outcome === 'slow') {
      open(h, Math.min(rule.maxBreakMs, Math.floor((get(h, 'b') || rule.breakMs) * rule.breakFactor)), now);
    } else if (outcome === 'success') {
      h.k = get(h, 'k') + 1;
      if (h.k >= rule.halfOpenSuccesses) {
        clearWindow(h);
        h.s = 0;
        h.v = get(h, 'v') + 1;
        h.b = rule.breakMs;
        h.u = 0;
      }
    }
  }
  return snapshot(h, now, false, rule);
}

/**
 * A breaker transition applied to a record (mirrored by the Lua script).
 * @internal
 */
export function transitionBreaker(h: BreakerRecord, to: BreakerTransition, rule: BreakerRule, now: number): BreakerSnapshot {
  let granted = false;
  if (to === 'isolate') {
    clearWindow(h);
    h.s = 3;
    h.v = get(h, 'v') + 1;
  } else if (to === 'reset') {
    clearWindow(h);
    h.s = 0;
    h.v = get(h, 'v') + 1;
    h.b = rule.breakMs;
    h.u = 0;
  } else if (to === 'probe') {
    const s = get(h, 's');
    if (s === 0) {
      granted = true;
    } else if (s === 1 && now >= get(h, 'u')) {
      clearWindow(h);
      h.s = 2;
      h.v = get(h, 'v') + 1;
      h.p = 0;
      h.k = 0;
    }
    if (get(h, 's') === 2) {
      // A probe whose process died never reports; after a lease of maxBreakMs the next caller probes instead.
      if (get(h, 'p') >= rule.halfOpenMaxCalls && now >= get(h, 'u')) h.p = 0;
      if (get(h, 'p') < rule.halfOpenMaxCalls) {
        h.p = get(h, 'p') + 1;
        h.u = now + rule.maxBreakMs;
        granted = true;
      }
    }
  }
  return snapshot(h, now, granted, rule);
}

/**
 * GCRA: one token every `intervalMs`, `burst` at once. `tat` is the
 * theoretical arrival time; returns the new tat (unchanged when refused).
 * Mirrored by the Lua script.
 * @internal
 */
export function gcra(tat: number, request: TakeRequest, now: number): { readonly tat: number; readonly result: TakeResult } {
  const next = Math.max(tat, now) + request.intervalMs;
  const wait = next - request.burst * request.intervalMs - now;
  // A microsecond of slack: an interval like 1000 / (2000 / 3770) is a hair off 1885.
  if (wait <= 1e-3) return { tat: next, result: { granted: true, waitMs: 0 } };
  const waitMs = Math.ceil(wait);
  if (wait <= request.maxWaitMs) return { tat: next, result: { granted: true, waitMs } };
  return { tat, result: { granted: false, waitMs } };
}

const DEFAULT_TTL_MS = 600_000;

/** A store's entries by key, each with the time it was last used. */
type Entries<T> = Map<string, { value: T; at: number }>;

/**
 * Unused keys are dropped lazily, a sweep every so many operations, so memory follows the live keys.
 * (Every operation checks its own entry's age, so a sweep only frees memory.)
 */
function sweeper(ttlMs: number, maps: ReadonlyArray<Entries<unknown>>): (now: number) => void {
  let ops = 0;
  return (now) => {
    if (++ops % 1024 !== 0) return;
    for (const map of maps) for (const [k, e] of map) if (now - e.at > ttlMs) map.delete(k);
  };
}

/**
 * The breaker half of a memory store. On its own (defaults) it is the local
 * fallback of a store-backed breaker, which then bundles no token bucket.
 *
 * @example
 * ```ts
 * const local = memoryBreakers();
 * local.record('breaker:a', 'failure', 0, rule, clock.now());
 * ```
 * @internal
 */
export function memoryBreakers(
  ttlMs = DEFAULT_TTL_MS,
  breakers: Entries<BreakerRecord> = new Map(),
  sweep = sweeper(ttlMs, [breakers]),
): Pick<StateStore, 'record' | 'transition'> {
  const breaker = (key: string, now: number): BreakerRecord => {
    sweep(now);
    let e = breakers.get(key);
    if (e === undefined || now - e.at > ttlMs) breakers.set(key, (e = { value: {}, at: now }));
    e.at = now;
    return e.value;
  };
  return {
    record: (key, outcome, version, rule, now) => recordOutcome(breaker(key, now), outcome, version, rule, now),
    transition: (key, to, rule, now) => transitionBreaker(breaker(key, now), to, rule, now),
  };
}

/**
 * A memory store's `take`: the local bucket of a rate limiter, which then bundles no breaker rule.
 *
 * @example
 * ```ts
 * const take = memoryTake();
 * take('rate:a', { intervalMs: 100, burst: 1, maxWaitMs: 0 }, clock.now());
 * ```
 * @internal
 */
export function memoryTake(ttlMs = DEFAULT_TTL_MS, values: Entries<number> = new Map(), sweep = sweeper(ttlMs, [values])): StateStore['take'] {
  return (key, request, now) => {
    sweep(now);
    const e = values.get(key);
    const { tat, result } = gcra(e === undefined || now - e.at > ttlMs + request.intervalMs * request.burst ? 0 : e.value, request, now);
    values.set(key, { value: tat, at: Math.max(now, tat) });
    return result;
  };
}

/**
 * A memory store's `adjust`: the local tokens of a shared retry budget, which then bundles no breaker rule.
 *
 * @example
 * ```ts
 * const adjust = memoryAdjust();
 * adjust('budget:a', { delta: -1, initial: 10, min: 0, max: 10 }, clock.now());
 * ```
 * @internal
 */
export function memoryAdjust(ttlMs = DEFAULT_TTL_MS, values: Entries<number> = new Map(), sweep = sweeper(ttlMs, [values])): StateStore['adjust'] {
  return (key, request, now) => {
    sweep(now);
    const e = values.get(key);
    const before = e === undefined || now - e.at > ttlMs ? request.initial : e.value;
    const value = Math.min(request.max, Math.max(request.min, before + request.delta));
    values.set(key, { value, at: now });
    return value;
  };
}

/**
 * Options of {@link memoryStore}.
 * @public
 */
export interface MemoryStoreOptions {
  /** Keys untouched for this long are forgotten (checked as keys are used). @defaultValue 600000 */
  readonly ttlMs?: number | undefined;
}

/**
 * The in-process {@link StateStore}: synchronous, no timers. Policies in one
 * process that name the same key through the same store share one state.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * const a = circuitBreaker({ store, name: 'search' });
 * const b = circuitBreaker({ store, name: 'search' }); // one breaker state for both
 * ```
 * @public
 */
export function memoryStore(options: MemoryStoreOptions = {}): StateStore {
  const ttlMs = checkNumber('memoryStore', 'ttlMs', checkOptions('memoryStore', options, ['ttlMs']).ttlMs, DEFAULT_TTL_MS, 0, true);
  const breakers: Entries<BreakerRecord> = new Map();
  const values: Entries<number> = new Map();
  // One sweep for both maps; take() and adjust() share theirs, so one key means one value.
  const sweep = sweeper(ttlMs, [breakers, values]);
  return {
    synchronous: true,
    ...memoryBreakers(ttlMs, breakers, sweep),
    take: memoryTake(ttlMs, values, sweep),
    adjust: memoryAdjust(ttlMs, values, sweep),
  };
}
