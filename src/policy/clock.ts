/**
 * Time, injected. Policies read time and sleep only through a `Clock`, so
 * tests drive them with `VirtualClock` and never sleep for real. This is the
 * one policy file allowed to touch the host's timers.
 */
import { FaultError, createFault } from '../core/fault.js';

/**
 * The time source every policy uses.
 * @public
 */
export interface Clock {
  /** Milliseconds since the epoch (or any fixed origin). */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. When `signal` aborts first, rejects with
   * a `cancelled` FaultError and clears its timer and listener.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Optional fast path for deadlines: calls `callback` after `ms` milliseconds
   * unless the returned function is called first. Policies on a hot path (timeout)
   * use it when present, since an `AbortSignal` to cancel a `sleep` costs
   * microseconds per call; without it they fall back to `sleep`.
   */
  timer?(ms: number, callback: () => void): () => void;
}

/**
 * A random source: returns a number in [0, 1).
 * @public
 */
export type RandomSource = () => number;

/**
 * The fault a cancelled wait rejects with.
 * @internal
 */
export function cancelledError(signal: AbortSignal | undefined): FaultError {
  const reason: unknown = signal?.reason;
  const timedOut = typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
  return new FaultError(
    createFault({
      code: timedOut ? 'client_timeout' : 'cancelled',
      source: 'client',
      message: timedOut ? 'The operation timed out' : 'The operation was cancelled',
    }),
    { cause: reason },
  );
}

/**
 * The host's clock: `Date.now()` and `setTimeout`, with abortable sleeps
 * that leave no timer or listener behind.
 *
 * @example
 * ```ts
 * retry({ clock: systemClock });
 * ```
 * @public
 */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancelledError(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
  timer(ms: number, callback: () => void): () => void {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
});

/**
 * `Math.random`, the default random source.
 * @public
 */
export const systemRandom: RandomSource = () => Math.random();

/**
 * Calls `callback` after `ms` on `clock`, through `timer` when the clock has one (no promise, no
 * AbortController), else through `sleep`; returns the cancel function.
 *
 * @example
 * ```ts
 * const cancel = armTimer(clock, 500, () => expire());
 * ```
 * @internal
 */
export function armTimer(clock: Clock, ms: number, callback: () => void): () => void {
  if (clock.timer !== undefined) return clock.timer(ms, callback);
  const sleeper = new AbortController();
  clock.sleep(ms, sleeper.signal).then(callback, () => undefined);
  return () => sleeper.abort();
}
