/**
 * A value instead of a fault: the last resort, outermost in a pipeline.
 */
import { type FaultCode, isFaultCode } from '../core/codes.js';
import type { Fault } from '../core/fault.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { Emitter, type PolicyEvent } from './events.js';
import type { AttemptContext, ExecuteOptions } from './policy.js';
import { callerSignal, neverSignal, raceAbort } from './signal.js';
import { checkClassifier, checkOptions, invalid } from './validate.js';

/**
 * Options of {@link fallback}.
 *
 * @example
 * ```ts
 * fallback(cachedValue, { on: ['circuit_open', 'bulkhead_full', 'service_unavailable'] });
 * ```
 * @public
 */
export interface FallbackOptions {
  /** Only these fault codes fall back; others reject as usual. @defaultValue every code except `cancelled` */
  readonly on?: readonly FaultCode[] | undefined;
  /** Turns what a call threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
}

/**
 * Every option {@link fallback} accepts; any other key is refused at construction.
 * @internal
 */
export const FALLBACK_OPTIONS = [
  'on',
  'classifier',
] as const satisfies ReadonlyArray<keyof FallbackOptions>;

/**
 * A policy that may resolve with its fallback value `F` instead of `fn`'s
 * result. Any plain `Policy` is a `FallbackPolicy<never>`.
 *
 * @example
 * ```ts
 * const policy: FallbackPolicy<null> = fallback(null);
 * const user = await policy.execute(loadUser); // User | null
 * ```
 * @public
 */
export interface FallbackPolicy<F> {
  /** Runs `fn`; on a handled fault resolves with the fallback instead. */
  execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T | F>;
}

/**
 * Emitted when a handled fault is answered with the fallback value (before a function value runs).
 *
 * @example
 * ```ts
 * declare const policy: ValueFallbackPolicy<null>;
 * policy.onFallback(({ fault }) => console.warn(`served the fallback for ${fault.code}`));
 * ```
 * @public
 */
export interface FallbackEvent {
  /** The fault the fallback answers. */
  readonly fault: Fault;
}

/**
 * What {@link fallback} returns: a {@link FallbackPolicy} with its event.
 *
 * @example
 * ```ts
 * const policy: ValueFallbackPolicy<null> = fallback(null);
 * const off = policy.onFallback(({ fault }) => console.warn(fault.code));
 * ```
 * @public
 */
export interface ValueFallbackPolicy<F> extends FallbackPolicy<F> {
  /** When a handled fault is answered with the fallback. */
  readonly onFallback: PolicyEvent<FallbackEvent>;
}

const NAME = 'fallback';

/**
 * A policy that resolves with `value` (or `value(fault)`, when `value` is a
 * function) when `fn` fails with a handled fault. By default every fault is
 * handled except `cancelled`: a caller who aborted wants no answer.
 * `onFallback` tells each fault answered with the fallback.
 *
 * @example
 * ```ts
 * const cached = pipeline(fallback((fault) => ({ items: [], stale: true, reason: fault.code })), retry());
 * const list = await cached.execute(fetchList);
 * ```
 * @public
 */
export function fallback<F>(value: F | ((fault: Fault) => F | PromiseLike<F>), options?: FallbackOptions): ValueFallbackPolicy<F> {
  const o = checkOptions(NAME, options, FALLBACK_OPTIONS);
  const on = o.on;
  const classifier = checkClassifier(NAME, o.classifier, basicClassifier);
  if (on !== undefined && (!Array.isArray(on) || !on.every(isFaultCode))) {
    invalid(NAME, 'on', 'an array of fault codes', on);
  }
  const used = new Emitter<FallbackEvent>();
  const handles = (code: FaultCode): boolean => (on === undefined ? code !== 'cancelled' : on.includes(code));
  const run = async <T>(fn: (context: AttemptContext) => PromiseLike<T> | T, signal: AbortSignal | undefined): Promise<T | F> => {
    try {
      return await fn({ signal: signal ?? neverSignal(), attempt: 1 });
    } catch (error) {
      const converted = faultErrorOf(error, classifier);
      const failure = converted instanceof Promise ? await converted : converted;
      if (!handles(failure.code)) throw failure;
      if (used.size > 0) used.emit({ fault: failure.fault });
      try {
        return typeof value === 'function' ? await (value as (fault: Fault) => F | PromiseLike<F>)(failure.fault) : value;
      } catch (thrown) {
        throw await faultErrorOf(thrown, classifier);
      }
    }
  };
  return {
    onFallback: used.on,
    execute(fn, options) {
      const signal = callerSignal(options);
      return signal === undefined ? run(fn, undefined) : raceAbort(signal, () => run(fn, signal));
    },
  };
}
