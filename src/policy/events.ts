/**
 * Typed listener sets for policy events (`onRetry`, `onGiveUp`, …). Emitting
 * to nobody costs one length check, so policies emit unconditionally.
 */

/**
 * Subscribes a listener to a policy event; returns the function that
 * unsubscribes it (calling it twice is harmless).
 *
 * @example
 * ```ts
 * const off = policy.onRetry(({ attempt, delayMs }) => log(attempt, delayMs));
 * off();
 * ```
 * @public
 */
export type PolicyEvent<T> = (listener: (event: T) => void) => () => void;

/**
 * The emitting side of a {@link PolicyEvent}. A listener that throws is
 * skipped: an observer must never change what the policy does.
 *
 * @example
 * ```ts
 * const retried = new Emitter<RetryEvent>();
 * policy.onRetry = retried.on;
 * if (retried.size > 0) retried.emit({ attempt, delayMs, fault });
 * ```
 * @internal
 */
export class Emitter<T> {
  #listeners: ReadonlyArray<(event: T) => void> = [];

  /** Subscribes; a copy-on-write list keeps emit safe while listeners unsubscribe themselves. */
  readonly on: PolicyEvent<T> = (listener) => {
    if (typeof listener !== 'function') throw new TypeError(`event listener must be a function, got ${typeof listener}`);
    this.#listeners = [...this.#listeners, listener];
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      const i = this.#listeners.indexOf(listener);
      if (i >= 0) this.#listeners = [...this.#listeners.slice(0, i), ...this.#listeners.slice(i + 1)];
    };
  };

  /** How many listeners are subscribed; check it before building an event object. */
  get size(): number {
    return this.#listeners.length;
  }

  /** Calls every listener with `event`, in subscription order. */
  emit(event: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // An observer's bug must not turn a success into a failure or stop a retry.
      }
    }
  }
}
