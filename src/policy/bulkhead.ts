/**
 * The bulkhead: at most `maxConcurrent` calls run at once, up to `maxQueue`
 * more wait in line, first come first served. A waiter that gives up (its
 * signal aborts, its queue time runs out) leaves the line at once, with its
 * timer and listener, so nobody waits behind a ghost.
 */
import { BULKHEAD_DEFAULTS } from '../core/defaults.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { type Clock, armTimer, cancelledError, systemClock } from './clock.js';
import { policyError } from './policy-error.js';
import { Emitter, type PolicyEvent } from './events.js';
import type { AttemptContext, ExecuteOptions, Policy } from './policy.js';
import { callerSignal, neverSignal, raceAbort } from './signal.js';
import { checkClassifier, checkClock, checkInteger, checkNumber, checkOptions } from './validate.js';

/**
 * Options of {@link bulkhead}.
 *
 * @example
 * ```ts
 * const options: BulkheadOptions = { maxConcurrent: 8, maxQueue: 32, queueTimeoutMs: 2_000 };
 * ```
 * @public
 */
export interface BulkheadOptions {
  /** Calls running at once, >= 1. @defaultValue 10 */
  readonly maxConcurrent?: number | undefined;
  /** Calls waiting for a place, >= 0. @defaultValue 0 */
  readonly maxQueue?: number | undefined;
  /** A waiter still in line after this long is refused with `bulkhead_full`. @defaultValue none (waits as long as it takes) */
  readonly queueTimeoutMs?: number | undefined;
  /** Turns what a call threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Time source for queue timeouts. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * Every option {@link bulkhead} accepts; any other key is refused at construction.
 * @internal
 */
export const BULKHEAD_OPTIONS = [
  'maxConcurrent', 'maxQueue', 'queueTimeoutMs', 'clock',
  'classifier',
] as const satisfies ReadonlyArray<keyof BulkheadOptions>;

/**
 * Emitted when the bulkhead refuses a call with `bulkhead_full`: no place and a full line (`full`),
 * or a place not given within `queueTimeoutMs` (`queue_timeout`).
 *
 * @example
 * ```ts
 * declare const pool: BulkheadPolicy;
 * pool.onRejected(({ reason, running, queued }) => console.warn(`bulkhead ${reason}: ${running} running, ${queued} queued`));
 * ```
 * @public
 */
export interface BulkheadRejectedEvent {
  /** Why the call was refused. */
  readonly reason: 'full' | 'queue_timeout';
  /** Calls running when it was refused. */
  readonly running: number;
  /** Calls waiting when it was refused. */
  readonly queued: number;
}

/**
 * A bulkhead policy with its occupancy.
 *
 * @example
 * ```ts
 * const pool: BulkheadPolicy = bulkhead({ maxConcurrent: 4 });
 * metrics.gauge('in_flight', pool.running);
 * ```
 * @public
 */
export interface BulkheadPolicy extends Policy {
  /** Calls running now. */
  readonly running: number;
  /** Calls waiting in line now. */
  readonly queued: number;
  /** When a call is refused with `bulkhead_full`. */
  readonly onRejected: PolicyEvent<BulkheadRejectedEvent>;
}

const NAME = 'bulkhead';

/** One caller in line: a node of a doubly linked list, so leaving is O(1). */
class Waiter {
  prev: Waiter | undefined;
  next: Waiter | undefined;
  cancelTimer: (() => void) | undefined;
  onAbort: (() => void) | undefined;
  constructor(
    readonly signal: AbortSignal | undefined,
    readonly resolve: () => void,
    readonly reject: (error: unknown) => void,
  ) {}
}

class Bulkhead implements BulkheadPolicy {
  readonly #max: number;
  readonly #maxQueue: number;
  readonly #queueMs: number | undefined;
  readonly #clock: Clock;
  readonly #classifier: FaultReader;
  #running = 0;
  #queued = 0;
  #head: Waiter | undefined;
  #tail: Waiter | undefined;
  #context: AttemptContext | undefined;
  readonly #rejected = new Emitter<BulkheadRejectedEvent>();
  readonly onRejected = this.#rejected.on;
  readonly #release = (): void => {
    this.#running--;
    const next = this.#head;
    if (next !== undefined) {
      this.#unlink(next);
      this.#running++;
      next.resolve();
    }
  };

  constructor(options: BulkheadOptions | undefined) {
    const o = checkOptions(NAME, options, BULKHEAD_OPTIONS);
    this.#max = checkInteger(NAME, 'maxConcurrent', o.maxConcurrent, BULKHEAD_DEFAULTS.maxConcurrent, 1);
    this.#maxQueue = checkInteger(NAME, 'maxQueue', o.maxQueue, BULKHEAD_DEFAULTS.maxQueue, 0);
    this.#queueMs = o.queueTimeoutMs === undefined ? undefined : checkNumber(NAME, 'queueTimeoutMs', o.queueTimeoutMs, 0);
    this.#clock = checkClock(NAME, o.clock, systemClock);
    this.#classifier = checkClassifier(NAME, o.classifier, basicClassifier);
  }

  get running(): number {
    return this.#running;
  }

  get queued(): number {
    return this.#queued;
  }

  execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T> {
    const signal = callerSignal(options);
    if (signal?.aborted) return Promise.reject(cancelledError(signal));
    if (this.#running < this.#max) {
      this.#running++;
      if (signal === undefined) return this.#run(fn, (this.#context ??= Object.freeze({ signal: neverSignal(), attempt: 1 })));
      return raceAbort(signal, () => this.#run(fn, { signal, attempt: 1 }));
    }
    if (this.#queued >= this.#maxQueue) {
      if (this.#rejected.size > 0) this.#rejected.emit({ reason: 'full', running: this.#running, queued: this.#queued });
      return Promise.reject(policyError('bulkhead_full', `Bulkhead full: ${this.#max} running, ${this.#queued} queued`));
    }
    return this.#wait(signal).then(() => {
      if (signal === undefined) return this.#run(fn, (this.#context ??= Object.freeze({ signal: neverSignal(), attempt: 1 })));
      // Aborted between being handed a place and running: give the place straight back.
      if (signal.aborted) {
        this.#release();
        throw cancelledError(signal);
      }
      return raceAbort(signal, () => this.#run(fn, { signal, attempt: 1 }));
    });
  }

  async #run<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, context: AttemptContext): Promise<T> {
    try {
      return await fn(context);
    } catch (error) {
      throw await faultErrorOf(error, this.#classifier);
    } finally {
      this.#release();
    }
  }

  /** Joins the line; resolves when a place is handed over (already counted in `running`). */
  #wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter = new Waiter(signal, resolve, reject);
      if (this.#tail === undefined) this.#head = waiter;
      else {
        this.#tail.next = waiter;
        waiter.prev = this.#tail;
      }
      this.#tail = waiter;
      this.#queued++;
      if (signal !== undefined) {
        waiter.onAbort = () => {
          this.#unlink(waiter);
          reject(cancelledError(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      const ms = this.#queueMs;
      if (ms !== undefined) {
        const expire = (): void => {
          waiter.cancelTimer = undefined;
          this.#unlink(waiter);
          if (this.#rejected.size > 0) this.#rejected.emit({ reason: 'queue_timeout', running: this.#running, queued: this.#queued });
          reject(policyError('bulkhead_full', `Bulkhead queue wait exceeded ${ms} ms`));
        };
        waiter.cancelTimer = armTimer(this.#clock, ms, expire);
      }
    });
  }

  /** Takes a waiter out of line with its timer and listener; harmless if already out. */
  #unlink(waiter: Waiter): void {
    if (waiter.prev === undefined && this.#head !== waiter) return;
    if (waiter.prev === undefined) this.#head = waiter.next;
    else waiter.prev.next = waiter.next;
    if (waiter.next === undefined) this.#tail = waiter.prev;
    else waiter.next.prev = waiter.prev;
    waiter.prev = waiter.next = undefined;
    this.#queued--;
    waiter.cancelTimer?.();
    waiter.cancelTimer = undefined;
    if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener('abort', waiter.onAbort);
  }
}

/**
 * A policy that runs at most `maxConcurrent` calls at once and queues up to
 * `maxQueue` more in order; others are refused at once with a
 * `bulkhead_full` FaultError (source `policy`). A queued call whose signal
 * aborts rejects with `cancelled`, one that waits longer than
 * `queueTimeoutMs` with `bulkhead_full`; either way it leaves the line at once.
 *
 * @example
 * ```ts
 * const pool = bulkhead({ maxConcurrent: 4, maxQueue: 16, queueTimeoutMs: 1_000 });
 * await pool.execute(({ signal }) => fetch(url, { signal }), { signal });
 * ```
 * @public
 */
export function bulkhead(options?: BulkheadOptions): BulkheadPolicy {
  return new Bulkhead(options);
}
