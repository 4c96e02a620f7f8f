/**
 * A gRPC-style retry budget (failures cost a token, successes return
 * `tokenRatio`, retries allowed while tokens > maxTokens / 2) kept in a
 * `StateStore`, so one budget covers the whole fleet. `RetryBudget` is
 * synchronous, so the budget answers `tryRetry` from the fleet's token count
 * as of the last store answer (plus its own changes since), and sends every
 * outcome to the store without making the call wait for it.
 */
import type { Clock } from './clock.js';
import { Emitter, type PolicyEvent } from './events.js';
import type { RetryBudget } from './policy.js';
import { memoryAdjust } from './memory-store.js';
import type { StateStore } from './state-store.js';
import { type StoreErrorEvent, guardOperations } from './store-guard.js';

/**
 * Settings of a store-backed budget, already validated by `retryBudget`.
 * @internal
 */
export interface SharedBudgetSettings {
  readonly store: StateStore;
  readonly name: string;
  readonly maxTokens: number;
  readonly tokenRatio: number;
  readonly storeTimeoutMs: number;
  readonly clock: Clock;
}

/**
 * The store-backed engine behind `retryBudget({ maxTokens, tokenRatio, store, name })`.
 *
 * @example
 * ```ts
 * const budget = new SharedBudget({ store, name: 'payments', maxTokens: 10, tokenRatio: 0.1, storeTimeoutMs: 100, clock });
 * retry({ budget });
 * ```
 * @internal
 */
export class SharedBudget implements RetryBudget {
  readonly #s: SharedBudgetSettings;
  readonly #store: Pick<StateStore, 'adjust'>;
  readonly #key: string;
  readonly #storeFailed = new Emitter<StoreErrorEvent>();
  /** The store failed or was slow; the budget used local state. */
  readonly onStoreError: PolicyEvent<StoreErrorEvent> = this.#storeFailed.on;
  #tokens: number;
  /** The sum of the changes sent to the store and not answered yet. */
  #inFlight = 0;

  constructor(settings: SharedBudgetSettings) {
    this.#s = settings;
    this.#key = `budget:${settings.name}`;
    this.#tokens = settings.maxTokens;
    this.#store = guardOperations(settings.store, { timeoutMs: settings.storeTimeoutMs, clock: settings.clock, emitter: this.#storeFailed }, { adjust: memoryAdjust() });
  }

  /** Tokens left, fleet-wide, as last seen. */
  get available(): number {
    return this.#tokens;
  }

  record(outcome: 'success' | 'failure'): void {
    const { maxTokens, tokenRatio } = this.#s;
    const delta = outcome === 'failure' ? -1 : tokenRatio;
    this.#tokens = Math.min(maxTokens, Math.max(0, this.#tokens + delta));
    const answer = this.#store.adjust(this.#key, { delta, initial: maxTokens, min: 0, max: maxTokens }, this.#s.clock.now());
    if (typeof answer === 'number') {
      this.#tokens = answer;
      return;
    }
    this.#inFlight += delta;
    // The fleet's count, plus our own changes the store has not seen yet.
    void Promise.resolve(answer).then((tokens) => {
      this.#inFlight -= delta;
      this.#tokens = Math.min(maxTokens, Math.max(0, tokens + this.#inFlight));
    });
  }

  tryRetry(): boolean {
    return this.#tokens > this.#s.maxTokens / 2;
  }
}
