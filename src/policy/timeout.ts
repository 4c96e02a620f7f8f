/**
 * A deadline per call. One timer per call, cleared when the call settles;
 * the attempt's `AbortSignal` is created only if `fn` reads it, because on
 * Node a signal costs more than everything else here put together.
 */
import { FaultError } from '../core/fault.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { type Clock, armTimer, cancelledError, systemClock } from './clock.js';
import { Emitter, type PolicyEvent } from './events.js';
import { policyError } from './policy-error.js';
import type { AttemptContext, ExecuteOptions, Policy } from './policy.js';
import { callerSignal } from './signal.js';
import { checkClassifier, checkClock, checkNumber, checkOneOf, checkOptions, invalid } from './validate.js';

/**
 * - `cooperative`: at the deadline the attempt's signal aborts and the call
 *   waits for `fn` to settle, then rejects with `client_timeout`.
 * - `aggressive`: at the deadline the signal aborts and the call rejects at once.
 *
 * @example
 * ```ts
 * timeout({ timeoutMs: 2_000, mode: 'aggressive' });
 * ```
 * @public
 */
export type TimeoutMode = 'cooperative' | 'aggressive';

/**
 * Options of {@link timeout}.
 *
 * @example
 * ```ts
 * const options: TimeoutOptions = { timeoutMs: 5_000, mode: 'cooperative' };
 * ```
 * @public
 */
export interface TimeoutOptions {
  /** The deadline in milliseconds, > 0. */
  readonly timeoutMs: number;
  /** What happens at the deadline. @defaultValue 'cooperative' */
  readonly mode?: TimeoutMode | undefined;
  /** Turns what a call threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Time source for the deadline. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * Every option {@link timeout} accepts; any other key is refused at construction.
 * @internal
 */
export const TIMEOUT_OPTIONS = [
  'timeoutMs', 'mode', 'clock',
  'classifier',
] as const satisfies ReadonlyArray<keyof TimeoutOptions>;

/**
 * Emitted when a call's deadline passes, before the call rejects with `client_timeout`.
 *
 * @example
 * ```ts
 * declare const policy: TimeoutPolicy;
 * policy.onTimeout(({ timeoutMs, mode }) => console.warn(`timed out after ${timeoutMs} ms (${mode})`));
 * ```
 * @public
 */
export interface TimeoutEvent {
  /** The deadline that passed. */
  readonly timeoutMs: number;
  /** The policy's mode: whether the call waits for `fn` to settle. */
  readonly mode: TimeoutMode;
}

/**
 * A timeout policy with its event.
 *
 * @example
 * ```ts
 * const policy: TimeoutPolicy = timeout({ timeoutMs: 5_000 });
 * const off = policy.onTimeout(() => console.warn('slow upstream'));
 * ```
 * @public
 */
export interface TimeoutPolicy extends Policy {
  /** When a call's deadline passes. */
  readonly onTimeout: PolicyEvent<TimeoutEvent>;
}

/** `ms` was this option's name before it matched `createFetch`'s `timeoutMs`. */
const ALIASES = { ms: 'timeoutMs' } as const;

const NAME = 'timeout';
const MODES = ['cooperative', 'aggressive'] as const;

/** One call in flight: its context for `fn` (with a lazy signal), its timer and its caller link. */
class Deadline<T> implements AttemptContext {
  readonly attempt = 1;
  readonly #policy: Timeout;
  readonly #caller: AbortSignal | undefined;
  readonly #resolve: (value: T) => void;
  readonly #reject: (error: unknown) => void;
  #controller: AbortController | undefined;
  #cancelTimer: (() => void) | undefined;
  #timedOut: FaultError | undefined;
  #settled = false;

  constructor(policy: Timeout, caller: AbortSignal | undefined, resolve: (value: T) => void, reject: (error: unknown) => void) {
    this.#policy = policy;
    this.#caller = caller;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      const reason = this.#timedOut ?? (this.#caller?.aborted ? this.#caller.reason : undefined);
      if (reason !== undefined) this.#controller.abort(reason);
    }
    return this.#controller.signal;
  }

  start(fn: (context: AttemptContext) => PromiseLike<T> | T): void {
    const { timeoutMs, clock } = this.#policy;
    this.#cancelTimer = armTimer(clock, timeoutMs, () => this.#expire());
    this.#caller?.addEventListener('abort', this);
    this.#run(fn);
  }

  async #run(fn: (context: AttemptContext) => PromiseLike<T> | T): Promise<void> {
    let value: T;
    try {
      value = await fn(this);
    } catch (error) {
      this.#settle(undefined, error, true);
      return;
    }
    this.#settle(value, undefined, false);
  }

  #expire(): void {
    this.#cancelTimer = undefined;
    if (this.#settled) return;
    const { timeoutMs, mode } = this.#policy;
    this.#timedOut = policyError('client_timeout', `Timed out after ${timeoutMs} ms`);
    this.#controller?.abort(this.#timedOut);
    if (this.#policy.timedOut.size > 0) this.#policy.timedOut.emit({ timeoutMs, mode });
    if (mode === 'aggressive') this.#settle(undefined, this.#timedOut, true);
  }

  /** The caller's signal aborted: stop the attempt and reject now, in either mode. */
  handleEvent(): void {
    if (this.#settled) return;
    this.#timedOut = undefined;
    this.#controller?.abort(this.#caller?.reason);
    this.#settle(undefined, cancelledError(this.#caller), true);
  }

  #settle(value: T | undefined, error: unknown, failed: boolean): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#cancelTimer?.();
    this.#caller?.removeEventListener('abort', this);
    const timedOut = this.#timedOut;
    if (timedOut !== undefined) {
      // Cooperative: fn settled after the deadline; the call still timed out, and keeps why fn ended.
      this.#reject(failed && error !== timedOut ? new FaultError(timedOut.fault, { cause: error }) : timedOut);
    } else if (failed) {
      const failure = faultErrorOf(error, this.#policy.classifier);
      if (failure instanceof Promise) void failure.then(this.#reject);
      else this.#reject(failure);
    } else {
      this.#resolve(value as T);
    }
  }
}

class Timeout implements TimeoutPolicy {
  readonly timeoutMs: number;
  readonly mode: TimeoutMode;
  readonly clock: Clock;
  readonly classifier: FaultReader;
  readonly timedOut = new Emitter<TimeoutEvent>();
  readonly onTimeout = this.timedOut.on;

  constructor(options: TimeoutOptions) {
    const o = checkOptions(NAME, options, TIMEOUT_OPTIONS, ALIASES);
    if (o.timeoutMs === undefined) invalid(NAME, 'timeoutMs', 'a finite number > 0', undefined);
    this.timeoutMs = checkNumber(NAME, 'timeoutMs', o.timeoutMs, 0, 0, true);
    this.mode = checkOneOf(NAME, 'mode', o.mode, MODES);
    this.clock = checkClock(NAME, o.clock, systemClock);
    this.classifier = checkClassifier(NAME, o.classifier, basicClassifier);
  }

  execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T> {
    const caller = callerSignal(options);
    if (caller?.aborted) return Promise.reject(cancelledError(caller));
    return new Promise<T>((resolve, reject) => new Deadline<T>(this, caller, resolve, reject).start(fn));
  }
}

/**
 * A policy that gives each call `timeoutMs` milliseconds, then aborts the signal
 * passed to `fn` and rejects with a `client_timeout` FaultError (source
 * `policy`). Whatever `fn` throws before then is passed on as a FaultError.
 * `onTimeout` tells each deadline that passed.
 *
 * @example
 * ```ts
 * const policy = timeout({ timeoutMs: 5_000 });
 * await policy.execute(({ signal }) => fetch(url, { signal }));
 * ```
 * @public
 */
export function timeout(options: TimeoutOptions): TimeoutPolicy {
  return new Timeout(options);
}
