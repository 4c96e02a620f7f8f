/**
 * The instrumented policy: the same object seen through a Proxy whose `execute` times each call
 * and each attempt. Everything else (state, events, isolate, …) is the policy's own, bound to it.
 */
import type { FallbackPolicy } from '../../policy/fallback.js';
import type { AttemptContext, ExecuteOptions, Policy } from '../../policy/policy.js';
import { type Recorder, errorType } from './recorder.js';

type Fn<T> = (context: AttemptContext) => PromiseLike<T> | T;

function isThenable<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * One call: its start, the highest attempt number seen (hedged attempts run side by side) and when
 * the last attempt that succeeded ended. The clock is read twice on the success path, not four
 * times: an attempt the policy starts before `execute` returns starts when the call did, and a call
 * that succeeds ends when its successful attempt did (the policy's own bookkeeping in between is
 * sub-microsecond, and the success path is where the reads cost the most, relatively).
 */
class Call<T> {
  attempts = 0;
  /** True while the policy's `execute` runs synchronously. */
  starting = true;
  lastOk = 0;
  readonly started: number;
  readonly #fn: Fn<T>;
  readonly #recorder: Recorder;
  readonly #now: () => number;

  constructor(fn: Fn<T>, recorder: Recorder, now: () => number) {
    this.#fn = fn;
    this.#recorder = recorder;
    this.#now = now;
    this.started = now();
  }

  /** What the policy runs in place of `fn`: `fn`, timed. */
  readonly attempt = (context: AttemptContext): PromiseLike<T> | T => {
    const n = context.attempt;
    if (n > this.attempts) this.attempts = n;
    const began = this.starting ? this.started : this.#now();
    let result: PromiseLike<T> | T;
    try {
      result = this.#fn(context);
    } catch (error) {
      this.#recorder.attempt(n, (this.#now() - began) / 1000, errorType(error));
      throw error;
    }
    if (!isThenable(result)) {
      this.#succeeded(n, began);
      return result;
    }
    return Promise.resolve(result).then(
      (value) => {
        this.#succeeded(n, began);
        return value;
      },
      (error: unknown) => {
        this.#recorder.attempt(n, (this.#now() - began) / 1000, errorType(error));
        throw error;
      },
    );
  };

  #succeeded(n: number, began: number): void {
    const ended = (this.lastOk = this.#now());
    this.#recorder.attempt(n, (ended - began) / 1000, undefined);
  }
}

/**
 * `policy`, behaving as before, whose calls and attempts are recorded.
 * @internal
 */
export function instrumented<P extends Policy | FallbackPolicy<unknown>>(policy: P, recorder: Recorder, now: () => number): P {
  const execute = async <T>(fn: Fn<T>, options?: ExecuteOptions): Promise<T> => {
    const call = new Call(fn, recorder, now);
    let value: T;
    try {
      const pending = policy.execute(call.attempt, options);
      call.starting = false;
      value = (await pending) as T;
    } catch (error) {
      call.starting = false;
      recorder.call(call.attempts, (now() - call.started) / 1000, errorType(error));
      throw error;
    }
    // A fallback value, or a hedge whose winner's end was not the last: read the clock.
    const ended = call.lastOk > 0 && call.attempts > 0 ? call.lastOk : now();
    recorder.call(call.attempts, (ended - call.started) / 1000, undefined);
    return value;
  };
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(policy, {
    get(target, key) {
      if (key === 'execute') return execute;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      // Methods and getters that read private state must run on the policy itself, not the proxy.
      let fn = bound.get(key);
      if (fn === undefined || (fn as { original?: unknown }).original !== value) {
        fn = Object.assign((value as (...args: unknown[]) => unknown).bind(target), { original: value });
        bound.set(key, fn);
      }
      return fn;
    },
  });
}
