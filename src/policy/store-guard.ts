/**
 * A shared store must never be the reason a call fails. The guard gives every
 * store operation `timeoutMs`; a slow or failing store is marked down, its
 * operations answer from a local in-memory store at once (no waiting on a store
 * known to be down), and one operation at a time keeps trying the shared store
 * in the background until it answers, when sharing resumes.
 */
import { type Clock, armTimer } from './clock.js';
import type { Emitter } from './events.js';
import type { Awaitable, StateStore } from './state-store.js';

/**
 * Emitted when a shared store fails or is too slow and the policy falls back to local state.
 *
 * @example
 * ```ts
 * breaker.onStoreError(({ operation, timedOut }) => log.warn(`store ${operation} ${timedOut ? 'timed out' : 'failed'}`));
 * ```
 * @public
 */
export interface StoreErrorEvent {
  /** The store operation: `record`, `transition`, `take` or `adjust`. */
  readonly operation: string;
  /** True when the store did not answer within `storeTimeoutMs`. */
  readonly timedOut: boolean;
  /** What the store threw (undefined on a timeout). */
  readonly error: unknown;
}

const TIMED_OUT: unique symbol = Symbol('timed out');

/** The four operations of a `StateStore`. */
type Operations = Omit<StateStore, 'synchronous'>;

/** What the guard needs besides the store. */
interface GuardOptions {
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly emitter: Emitter<StoreErrorEvent>;
}

/**
 * Wraps the operations `local` answers so that they never reject and never take longer
 * than `timeoutMs`, answering from `local` meanwhile. Each policy passes a local fallback
 * with only the operations it calls, so a breaker bundles no token bucket and a rate
 * limiter or retry budget no breaker rule. A synchronous store is returned as is.
 *
 * @example
 * ```ts
 * const store = guardOperations(options.store, { timeoutMs: 100, clock, emitter }, { adjust: memoryAdjust() });
 * ```
 * @internal
 */
export function guardOperations<K extends keyof Operations>(
  store: Pick<StateStore, NoInfer<K> | 'synchronous'>,
  options: GuardOptions,
  local: Pick<Operations, K>,
): Pick<StateStore, K | 'synchronous'> {
  if (store.synchronous) return store;
  const { timeoutMs, clock, emitter } = options;
  let down = false;
  let probing = false;

  const within = <T>(work: Awaitable<T>): Promise<T | typeof TIMED_OUT> =>
    new Promise<T | typeof TIMED_OUT>((resolve, reject) => {
      const cancel = armTimer(clock, timeoutMs, () => resolve(TIMED_OUT));
      Promise.resolve(work).then(
        (value) => {
          cancel();
          resolve(value);
        },
        (error: unknown) => {
          cancel();
          reject(error);
        },
      );
    });

  const fail = (operation: string, timedOut: boolean, error: unknown): void => {
    down = true;
    if (emitter.size > 0) emitter.emit({ operation, timedOut, error });
  };

  function guarded<A extends unknown[], T>(operation: string, remote: (...args: A) => Awaitable<T>, fallback: (...args: A) => Awaitable<T>) {
    return (...args: A): Awaitable<T> => {
      if (down) {
        // Answer locally now; one background call at a time finds out when the store is back.
        if (!probing) {
          probing = true;
          // A store that throws synchronously rejects here too, instead of failing the call and staying `probing`.
          within(new Promise<T>((resolve) => resolve(remote(...args)))).then(
            (value) => {
              probing = false;
              if (value !== TIMED_OUT) down = false;
            },
            () => {
              probing = false;
            },
          );
        }
        return fallback(...args);
      }
      let work: Awaitable<T>;
      try {
        work = remote(...args);
      } catch (error) {
        fail(operation, false, error);
        return fallback(...args);
      }
      return within(work).then(
        (value) => {
          if (value !== TIMED_OUT) return value;
          fail(operation, true, undefined);
          return fallback(...args);
        },
        (error: unknown) => {
          fail(operation, false, error);
          return fallback(...args);
        },
      );
    };
  }

  const guardedStore: Record<string, unknown> = { synchronous: false };
  for (const [operation, fallback] of Object.entries(local) as [K, (...args: unknown[]) => unknown][]) {
    const remote = store[operation] as (...args: unknown[]) => unknown;
    guardedStore[operation] = guarded(operation, remote.bind(store), fallback);
  }
  return guardedStore as Pick<StateStore, K | 'synchronous'>;
}
