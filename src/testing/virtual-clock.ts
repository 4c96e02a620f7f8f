/**
 * Virtual time for tests: a `Clock` whose sleeps resolve only when the test
 * moves time forward, so a retry schedule of minutes runs in milliseconds and
 * every delay can be asserted exactly.
 */
import { type Clock, cancelledError } from '../policy/clock.js';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
}

// A macrotask turn drains every microtask queued before it, so promise
// continuations (and the sleeps they start) have run when it fires.
const turn: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise<void>((resolve) => setImmediate(resolve))
    : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Turns let run after each fired timer: enough for several chained `await`s and `.then`s across policy layers. */
const SETTLE_TURNS = 3;

/**
 * A `Clock` driven by the test. `sleep` never resolves on its own; `advance`
 * and `runAll` move time forward, fire due timers in time order (ties in the
 * order they were started) and let promise continuations run between timers.
 *
 * @example
 * ```ts
 * const clock = new VirtualClock();
 * const policy = retry({ maxRetries: 2, clock });
 * const result = policy.execute(callApi);
 * await clock.runAll();
 * await result;
 * clock.sleeps; // [200, 400] — what the policy waited, in order
 * ```
 * @public
 */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];
  readonly #sleeps: number[] = [];

  /**
   * @param startMs - The time `now()` returns before any `advance`. @defaultValue 0
   */
  constructor(startMs = 0) {
    if (typeof startMs !== 'number' || !Number.isFinite(startMs)) {
      throw new TypeError(`VirtualClock: startMs must be a finite number, got ${Array.isArray(startMs) ? 'an array' : String(startMs)}`);
    }
    this.#now = startMs;
  }

  /** The current virtual time in milliseconds. */
  now(): number {
    return this.#now;
  }

  /** How many sleeps are waiting for time to move. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Every duration passed to `sleep`, in call order (including sleeps later aborted). */
  get sleeps(): readonly number[] {
    return this.#sleeps;
  }

  /** The time at which the earliest pending sleep fires, or `undefined` when none is pending. */
  get nextTimerAt(): number | undefined {
    return this.#earliest()?.at;
  }

  /**
   * Resolves when virtual time reaches now + `ms`. When `signal` aborts first,
   * rejects with a `cancelled` FaultError and removes its timer and listener.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const delay = typeof ms === 'number' && ms > 0 ? ms : 0;
    this.#sleeps.push(delay);
    if (signal?.aborted) return Promise.reject(cancelledError(signal));
    return new Promise<void>((resolve, reject) => {
      let timer: Timer;
      const onAbort =
        signal === undefined
          ? undefined
          : (): void => {
              this.#remove(timer);
              reject(cancelledError(signal));
            };
      timer = { at: this.#now + delay, seq: this.#seq++, resolve, signal, onAbort };
      this.#timers.push(timer);
      if (onAbort !== undefined) signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Calls `callback` when virtual time reaches now + `ms`, unless the returned
   * function is called first. Counted in `pendingTimers`, not in `sleeps`.
   */
  timer(ms: number, callback: () => void): () => void {
    const timer: Timer = {
      at: this.#now + (typeof ms === 'number' && ms > 0 ? ms : 0),
      seq: this.#seq++,
      resolve: callback,
      signal: undefined,
      onAbort: undefined,
    };
    this.#timers.push(timer);
    return () => this.#remove(timer);
  }

  /**
   * Moves time forward by `ms`, firing every sleep that falls due on the way,
   * in time order, and letting promise continuations run after each.
   */
  async advance(ms: number): Promise<void> {
    if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms)) {
      throw new TypeError(`VirtualClock.advance: ms must be a finite number >= 0, got ${Array.isArray(ms) ? 'an array' : String(ms)}`);
    }
    const target = this.#now + ms;
    await this.#settle();
    for (;;) {
      const timer = this.#earliest();
      if (timer === undefined || timer.at > target) break;
      this.#fire(timer);
      await this.#settle();
    }
    this.#now = target;
    await this.#settle();
  }

  /**
   * Advances time until no sleep is pending, including sleeps started by the
   * continuations of earlier ones.
   *
   * @param maxTimers - Safety cap: throws after firing this many timers (a policy that sleeps forever). @defaultValue 10000
   */
  async runAll(maxTimers = 10_000): Promise<void> {
    await this.#settle();
    for (let fired = 0; ; fired++) {
      const timer = this.#earliest();
      if (timer === undefined) return;
      if (fired >= maxTimers) throw new Error(`VirtualClock.runAll: still pending after ${maxTimers} timers`);
      this.#fire(timer);
      await this.#settle();
    }
  }

  #earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers) {
      if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }

  #fire(timer: Timer): void {
    this.#remove(timer);
    if (timer.at > this.#now) this.#now = timer.at;
    if (timer.onAbort !== undefined) timer.signal?.removeEventListener('abort', timer.onAbort);
    timer.resolve();
  }

  #remove(timer: Timer): void {
    const i = this.#timers.indexOf(timer);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  async #settle(): Promise<void> {
    for (let i = 0; i < SETTLE_TURNS; i++) await turn();
  }
}
