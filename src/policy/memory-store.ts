/**
 * The in-process {@link StateStore}, in parts: a policy that falls back to
 * local state takes only the part it calls (a breaker bundles no token bucket,
 * a rate limiter no breaker rule), and `memoryStore()` is all of them over
 * shared maps.
 */
import { type BreakerRecord, newRecord, recordOutcome, transitionBreaker } from './breaker-record.js';
import { gcra } from './gcra.js';
import type { StateStore } from './state-store.js';
import { checkNumber, checkOptions } from './validate.js';

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
    if (e === undefined || now - e.at > ttlMs) breakers.set(key, (e = { value: newRecord(), at: now }));
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
 * Every option {@link memoryStore} accepts; any other key is refused.
 * @internal
 */
export const MEMORY_STORE_OPTIONS = ['ttlMs'] as const satisfies ReadonlyArray<keyof MemoryStoreOptions>;

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
  const ttlMs = checkNumber('memoryStore', 'ttlMs', checkOptions('memoryStore', options, MEMORY_STORE_OPTIONS).ttlMs, DEFAULT_TTL_MS, 0, true);
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
