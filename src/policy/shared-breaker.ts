/**
 * A circuit breaker whose state lives in a `StateStore`, so every process
 * that names the same breaker opens, probes and closes together. Each call
 * costs at most one store round trip: the state is read from the answer to
 * the previous call's "record outcome", and only a breaker whose break is over
 * asks the store for a probe slot before the call. Probe slots are handed out
 * by the store, so exactly `halfOpenMaxCalls` probes run fleet-wide. A slow or
 * unreachable store never fails the call: its operations fall back to local
 * state after `storeTimeoutMs` (see store-guard.ts).
 */
import type { Fault, FaultError } from '../core/fault.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { type Clock, cancelledError } from './clock.js';
import { Emitter, type PolicyEvent } from './events.js';
import { policyError } from './policy-error.js';
import type { AttemptContext, ExecuteOptions } from './policy.js';
import { callerSignal, neverSignal } from './signal.js';
import { memoryBreakers } from './memory-store.js';
import type { Awaitable, BreakerOutcome, BreakerRule, BreakerSnapshot, BreakerStateName, StateStore } from './state-store.js';
import { type StoreErrorEvent, guardOperations } from './store-guard.js';

/**
 * Settings of a store-backed breaker, already validated by `circuitBreaker`.
 * @internal
 */
export interface SharedBreakerSettings {
  readonly store: StateStore;
  readonly name: string;
  readonly rule: BreakerRule;
  readonly storeTimeoutMs: number;
  readonly clock: Clock;
  /** Turns what a call threw into a Fault, as the breaker that owns this one does. */
  readonly classifier: FaultReader;
  /** Whether a fault counts against the breaker. */
  readonly isFailure: (fault: Fault) => boolean;
  /** A success slower than this counts as a failure (0: off). */
  readonly slowCallMs: number;
  /** Called on every change of state this process observes. */
  readonly onChange: (from: BreakerStateName, to: BreakerStateName, breakMs: number) => void;
  /** Called with every refusal, before the call rejects with it. */
  readonly onRefuse?: ((refusal: FaultError) => void) | undefined;
}

/**
 * Fault codes that say nothing about the upstream's health: such a call frees its probe and counts nowhere.
 * Both breaker engines (local and store-backed) read this one set.
 *
 * @example
 * ```ts
 * const outcome = NEUTRAL.has(fault.code) ? 'release' : isFailure(fault) ? 'failure' : 'success';
 * ```
 * @internal
 */
export const NEUTRAL: ReadonlySet<string> = new Set(['cancelled', 'circuit_open', 'bulkhead_full']);

const then = <T, R>(value: Awaitable<T>, next: (value: T) => R): R | Promise<R> =>
  typeof (value as PromiseLike<T>).then === 'function' ? Promise.resolve(value).then(next) : next(value as T);

/**
 * The store-backed engine behind `circuitBreaker({ store, name })`.
 *
 * @example
 * ```ts
 * const shared = new SharedBreaker({ store, name: 'payments', rule, storeTimeoutMs: 100, clock, classifier, isFailure, slowCallMs: 0, onChange });
 * await shared.execute(() => fetch(url));
 * ```
 * @internal
 */
export class SharedBreaker {
  readonly #s: SharedBreakerSettings;
  readonly #store: Pick<StateStore, 'record' | 'transition'>;
  readonly #key: string;
  readonly #storeFailed = new Emitter<StoreErrorEvent>();
  /** The store failed or was slow; the breaker used local state. */
  readonly onStoreError: PolicyEvent<StoreErrorEvent> = this.#storeFailed.on;
  #state: BreakerStateName = 'closed';
  #version = 0;
  /** Local-clock time at which an open breaker may probe. */
  #probeAt = 0;
  /** Whether this process has heard from the store yet: until then it asks before its first call. */
  #synced = false;

  constructor(settings: SharedBreakerSettings) {
    this.#s = settings;
    this.#key = `breaker:${settings.name}`;
    this.#store = guardOperations(settings.store, { timeoutMs: settings.storeTimeoutMs, clock: settings.clock, emitter: this.#storeFailed }, memoryBreakers());
  }

  /** The state as this process last saw it. */
  get state(): BreakerStateName {
    return this.#state;
  }

  #see(snap: BreakerSnapshot, now: number): BreakerSnapshot {
    this.#synced = true;
    this.#version = snap.version;
    this.#probeAt = now + snap.remainingMs;
    if (snap.state !== this.#state) {
      const from = this.#state;
      this.#state = snap.state;
      this.#s.onChange(from, snap.state, snap.breakMs);
    }
    return snap;
  }

  #refuse(snap: BreakerSnapshot | undefined): never {
    const state = snap?.state ?? this.#state;
    const retryAfterMs = state === 'open' ? Math.max(0, this.#probeAt - this.#s.clock.now()) : state === 'half-open' ? (snap?.breakMs ?? this.#s.rule.breakMs) : undefined;
    const refusal = policyError('circuit_open', `Circuit ${this.#s.name} is ${state}`, retryAfterMs);
    this.#s.onRefuse?.(refusal);
    throw refusal;
  }

  /** Isolates the breaker for every process sharing it. */
  isolate(): Promise<void> | void {
    const now = this.#s.clock.now();
    return then(this.#store.transition(this.#key, 'isolate', this.#s.rule, now), (snap) => void this.#see(snap, now));
  }

  /** Closes the breaker for every process sharing it. */
  reset(): Promise<void> | void {
    const now = this.#s.clock.now();
    return then(this.#store.transition(this.#key, 'reset', this.#s.rule, now), (snap) => void this.#see(snap, now));
  }

  async execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T> {
    const clock = this.#s.clock;
    const signal = callerSignal(options);
    if (signal?.aborted) throw cancelledError(signal);
    const now = clock.now();
    let version = this.#version;
    if (this.#state === 'open' && now < this.#probeAt) this.#refuse(undefined);
    if (this.#state !== 'closed' || !this.#synced) {
      // New here, break over, half-open or isolated: the store decides who probes (and tells us if another process closed it).
      const asked = this.#store.transition(this.#key, 'probe', this.#s.rule, now);
      const snap = this.#see(typeof (asked as PromiseLike<BreakerSnapshot>).then === 'function' ? await asked : (asked as BreakerSnapshot), now);
      if (!snap.granted) this.#refuse(snap);
      version = snap.version;
    }
    const started = clock.now();
    let outcome: BreakerOutcome;
    let value: T;
    try {
      value = await fn({ signal: signal ?? neverSignal(), attempt: 1 });
      outcome = this.#slow(started) ?? 'success';
    } catch (thrown) {
      const converted = faultErrorOf(thrown, this.#s.classifier);
      const error = converted instanceof Promise ? await converted : converted;
      const fault = error.fault;
      outcome = signal?.aborted === true || NEUTRAL.has(fault.code) ? 'release' : this.#s.isFailure(fault) ? (this.#slow(started) ?? 'failure') : 'success';
      if (outcome !== 'release' || this.#state !== 'closed') {
        const recorded = this.#record(outcome, version);
        if (recorded !== undefined) await recorded;
      }
      throw error;
    }
    const recorded = this.#record(outcome, version);
    if (recorded !== undefined) await recorded;
    return value;
  }

  /**
   * A call that took `slowCallMs` or longer counts as a failure: `slow` when the rule has a
   * `slowCallRatio` to count it for (a store that predates `slow` is never sent one otherwise).
   */
  #slow(started: number): 'slow' | 'failure' | undefined {
    const { slowCallMs, rule, clock } = this.#s;
    if (slowCallMs <= 0 || clock.now() - started < slowCallMs) return undefined;
    return (rule.slowCallRatio ?? 0) > 0 ? 'slow' : 'failure';
  }

  #record(outcome: BreakerOutcome, version: number): Promise<void> | void {
    const now = this.#s.clock.now();
    return then(this.#store.record(this.#key, outcome, version, this.#s.rule, now), (snap) => void this.#see(snap, now));
  }
}
