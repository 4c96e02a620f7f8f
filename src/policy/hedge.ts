/**
 * Hedging: when an attempt is slow, start another alongside it and take
 * whichever answers first. It trades extra requests for tail latency, so it
 * is only for calls that are safe to send twice.
 */
import { HEDGE_DEFAULTS } from '../core/defaults.js';
import { type Fault, type FaultError, isRetryable } from '../core/fault.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { type Clock, cancelledError, systemClock } from './clock.js';
import { DeadlineEntry, armDeadline, disarmDeadline } from './deadlines.js';
import { Emitter, type PolicyEvent } from './events.js';
import { policyError } from './policy-error.js';
import type { AttemptContext, ExecuteOptions, Policy } from './policy.js';
import { callerSignal } from './signal.js';
import { checkClassifier, checkClock, checkFunction, checkInteger, checkNumber, checkOptions, invalid } from './validate.js';

/**
 * Options of {@link hedge}.
 *
 * @example
 * ```ts
 * const options: HedgeOptions = { delayMs: 250, maxHedges: 2 };
 * ```
 * @public
 */
export interface HedgeOptions {
  /** How long an attempt may run before the next one starts alongside it; set it near the call's p95 latency. */
  readonly delayMs: number;
  /** Attempts started besides the first, at most. @defaultValue 1 */
  readonly maxHedges?: number | undefined;
  /** Whether an attempt that failed with `fault` starts the next one at once (`true`) or ends the call with it (`false`). @defaultValue `isRetryable(fault, { idempotent: true })`: every fault but the `never` class */
  readonly shouldHedge?: ((fault: Fault) => boolean) | undefined;
  /** Turns what a call threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Time source for the delay. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * Every option {@link hedge} accepts; any other key is refused at construction.
 * @internal
 */
export const HEDGE_OPTIONS = [
  'delayMs', 'maxHedges', 'shouldHedge', 'clock',
  'classifier',
] as const satisfies ReadonlyArray<keyof HedgeOptions>;

/**
 * Emitted when a hedged attempt starts.
 *
 * @example
 * ```ts
 * declare const policy: HedgePolicy;
 * policy.onHedge(({ attempt, after }) => metrics.count('hedge', { attempt, after }));
 * ```
 * @public
 */
export interface HedgeEvent {
  /** The attempt starting: 2 for the first hedge. */
  readonly attempt: number;
  /** `delay` when the earlier attempts were slow, `failure` when one failed with a fault worth hedging. */
  readonly after: 'delay' | 'failure';
  /** The fault that started it, when `after` is `failure`. */
  readonly fault?: Fault | undefined;
}

/**
 * Emitted when the call settles with a value.
 *
 * @example
 * ```ts
 * declare const policy: HedgePolicy;
 * policy.onWin(({ attempt, started }) => metrics.histogram('hedge_winner', attempt, { started }));
 * ```
 * @public
 */
export interface HedgeWinEvent {
  /** The attempt whose value the call resolved with: 1 for the first. */
  readonly attempt: number;
  /** Attempts started in all, the winner included; the others were aborted. */
  readonly started: number;
}

/**
 * A hedging policy with its events.
 *
 * @example
 * ```ts
 * const policy: HedgePolicy = hedge({ delayMs: 300 });
 * const off = policy.onHedge((e) => console.debug(`hedge ${e.attempt} after ${e.after}`));
 * ```
 * @public
 */
export interface HedgePolicy extends Policy {
  /** When a hedged attempt starts. */
  readonly onHedge: PolicyEvent<HedgeEvent>;
  /** When an attempt's value settles the call. */
  readonly onWin: PolicyEvent<HedgeWinEvent>;
}

const NAME = 'hedge';

// Why a hedged attempt's signal aborts: another attempt settled the call first.
function lostError(): FaultError {
  return policyError('cancelled', 'Another hedged attempt settled the call');
}

/** One attempt: its signal is made only when `fn` reads it, so a fast first attempt allocates none. */
class Attempt implements AttemptContext {
  readonly attempt: number;
  #controller: AbortController | undefined;
  // Kept per attempt, not per call: the winner's signal, read after the win, must not abort.
  #reason: unknown;

  constructor(attempt: number) {
    this.attempt = attempt;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#reason !== undefined) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    this.#reason = reason;
    this.#controller?.abort(reason);
  }
}

/** The state of one `execute`: attempts in flight, the hedge deadline (the object itself), and how the call settles. */
class HedgedCall<T> extends DeadlineEntry {
  readonly #policy: Hedge;
  readonly #fn: (context: AttemptContext) => PromiseLike<T> | T;
  readonly #caller: AbortSignal | undefined;
  readonly #resolve: (value: T) => void;
  readonly #reject: (error: unknown) => void;
  /** Attempts in flight; an array, since a Set costs more than the rest of a first-attempt win. */
  readonly #running: Attempt[] = [];
  #started = 0;
  #settled = false;

  constructor(policy: Hedge, fn: (context: AttemptContext) => PromiseLike<T> | T, caller: AbortSignal | undefined, resolve: (value: T) => void, reject: (error: unknown) => void) {
    super();
    this.#policy = policy;
    this.#fn = fn;
    this.#caller = caller;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  start(): void {
    this.#caller?.addEventListener('abort', this);
    this.#launch();
  }

  /** The caller aborted: every attempt is aborted with the caller's reason. */
  handleEvent(): void {
    this.#finish(this.#caller?.reason);
    this.#reject(cancelledError(this.#caller));
  }

  #launch(): void {
    const attempt = new Attempt(++this.#started);
    this.#running.push(attempt);
    disarmDeadline(this);
    if (this.#started <= this.#policy.maxHedges) armDeadline(this, this.#policy.clock, this.#policy.delayMs);
    this.#run(attempt);
  }

  async #run(attempt: Attempt): Promise<void> {
    let value: T;
    try {
      value = await this.#fn(attempt);
    } catch (error) {
      this.#onFailure(attempt, error);
      return;
    }
    if (this.#settled) return;
    this.#drop(attempt);
    this.#finish();
    if (this.#policy.won.size > 0) this.#policy.won.emit({ attempt: attempt.attempt, started: this.#started });
    this.#resolve(value);
  }

  #drop(attempt: Attempt): void {
    const running = this.#running;
    // Usually the last one launched (always, when the first attempt wins): pop, not splice.
    if (running[running.length - 1] === attempt) running.pop();
    else {
      const i = running.indexOf(attempt);
      if (i >= 0) running.splice(i, 1);
    }
  }

  /** The hedge delay passed without an answer. */
  expire(): void {
    if (this.#settled) return;
    if (this.#policy.hedged.size > 0) this.#policy.hedged.emit({ attempt: this.#started + 1, after: 'delay' });
    this.#launch();
  }

  #onFailure(attempt: Attempt, error: unknown): void {
    if (this.#settled) return;
    this.#drop(attempt);
    const converted = faultErrorOf(error, this.#policy.classifier);
    if (converted instanceof Promise) void converted.then((failure) => this.#onFault(failure));
    else this.#onFault(converted);
  }

  #onFault(failure: FaultError): void {
    if (this.#settled) return;
    if (!this.#policy.shouldHedge(failure.fault)) {
      this.#finish();
      this.#reject(failure);
    } else if (this.#started <= this.#policy.maxHedges) {
      if (this.#policy.hedged.size > 0) this.#policy.hedged.emit({ attempt: this.#started + 1, after: 'failure', fault: failure.fault });
      this.#launch();
    } else if (this.#running.length === 0) {
      // Every attempt failed: the call fails with the last one's fault.
      this.#finish();
      this.#reject(failure);
    }
  }

  /**
   * Settles the call's bookkeeping: no timer, no caller listener, and the attempts still running
   * aborted, with the caller's reason when the caller aborted, else as losers.
   */
  #finish(callerReason?: unknown): void {
    this.#settled = true;
    disarmDeadline(this);
    this.#caller?.removeEventListener('abort', this);
    if (this.#running.length === 0) return;
    const reason = callerReason ?? lostError();
    for (const attempt of this.#running) attempt.abort(reason);
    this.#running.length = 0;
  }
}

class Hedge implements HedgePolicy {
  readonly delayMs: number;
  readonly maxHedges: number;
  readonly shouldHedge: (fault: Fault) => boolean;
  readonly clock: Clock;
  readonly classifier: FaultReader;
  readonly hedged = new Emitter<HedgeEvent>();
  readonly won = new Emitter<HedgeWinEvent>();
  readonly onHedge = this.hedged.on;
  readonly onWin = this.won.on;

  constructor(options: HedgeOptions) {
    const o = checkOptions(NAME, options, HEDGE_OPTIONS);
    if (o.delayMs === undefined) invalid(NAME, 'delayMs', 'a finite number >= 0', undefined);
    this.delayMs = checkNumber(NAME, 'delayMs', o.delayMs, 0);
    this.maxHedges = checkInteger(NAME, 'maxHedges', o.maxHedges, HEDGE_DEFAULTS.maxHedges);
    this.shouldHedge = checkFunction(NAME, 'shouldHedge', o.shouldHedge) ?? hedgeable;
    this.clock = checkClock(NAME, o.clock, systemClock);
    this.classifier = checkClassifier(NAME, o.classifier, basicClassifier);
  }

  execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T> {
    const caller = callerSignal(options);
    if (caller?.aborted) return Promise.reject(cancelledError(caller));
    return new Promise<T>((resolve, reject) => new HedgedCall<T>(this, fn, caller, resolve, reject).start());
  }
}

function hedgeable(fault: Fault): boolean {
  return isRetryable(fault, { idempotent: true });
}

/**
 * A policy that starts another attempt alongside a slow one and resolves
 * with the first value: after `delayMs` without an answer it starts attempt
 * 2, then 3, up to `maxHedges` besides the first. An attempt that fails with
 * a fault worth hedging starts the next one at once; a fault that is not
 * (a `never` fault by default) ends the call. When the call settles, every
 * attempt still running is aborted through its `signal`. Rejects with the
 * last attempt's `FaultError` when all of them fail.
 *
 * Hedging sends the same request more than once: use it only for calls that
 * are safe to repeat (reads, PUTs, requests with an idempotency key).
 *
 * @example
 * ```ts
 * const fast = pipeline(hedge({ delayMs: 250, maxHedges: 2 }), timeout({ timeoutMs: 2_000 }));
 * const page = await fast.execute(({ signal }) => fetchOrThrow(url, { signal }));
 * ```
 * @public
 */
export function hedge(options: HedgeOptions): HedgePolicy {
  return new Hedge(options);
}
