/**
 * Abort plumbing shared by the policies. Creating an `AbortSignal` costs
 * microseconds on Node, so a call without a caller signal shares one signal
 * that never aborts, and listeners are added only when there is something
 * to listen to.
 */
import { cancelledError } from './clock.js';

let never: AbortSignal | undefined;

/**
 * The shared signal handed to `fn` when the caller passed none. It never aborts.
 *
 * @example
 * ```ts
 * fn({ signal: options?.signal ?? neverSignal(), attempt: 1 });
 * ```
 * @internal
 */
export function neverSignal(): AbortSignal {
  return (never ??= new AbortController().signal);
}

/**
 * The caller's signal, or `undefined` when there is nothing that could abort
 * (no signal, or the shared never-aborting one).
 *
 * @example
 * ```ts
 * const signal = callerSignal(options);
 * ```
 * @internal
 */
export function callerSignal(options: { readonly signal?: AbortSignal | undefined } | undefined): AbortSignal | undefined {
  const signal = options?.signal;
  return signal === never ? undefined : signal;
}

/**
 * Runs `start()` but settles with a `cancelled` FaultError the moment
 * `signal` aborts, even if the work ignores the signal. Its one listener is
 * removed when the returned promise settles.
 *
 * @example
 * ```ts
 * return signal === undefined ? run() : raceAbort(signal, run);
 * ```
 * @internal
 */
export function raceAbort<T>(signal: AbortSignal, start: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelledError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    start().then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
