/**
 * A streamed call (an SDK's stream, any AsyncIterable) run under a policy: retried before its first
 * chunk as a plain call would be, never after it unless the caller can resume; an idle timeout
 * between chunks. The engine is stream-run.ts; this file is the options and the public function.
 */
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { FETCH_DEFAULTS } from '../core/defaults.js';
import { faultErrorOf } from '../core/fault-error-of.js';
import { FaultError } from '../core/fault.js';
import { sdkStreamEvent } from '../core/sse-decoder.js';
import { type Clock, systemClock } from './clock.js';
import type { AttemptContext, Policy } from './policy.js';
import { type Opened, type ResumeState, StreamRun, firstOutput, inStream, joinSignals, type StreamSettings } from './stream-run.js';
import { checkClassifier, checkClock, checkFunction, checkNumber, checkOptions, invalid } from './validate.js';

export type { ResumeState } from './stream-run.js';

/**
 * Opens a stream for one attempt: call the SDK with the attempt's `signal` so a timeout, the
 * caller's abort or a `break` ends the request too.
 *
 * @example
 * ```ts
 * declare const client: { stream(body: object, options: { signal: AbortSignal }): Promise<AsyncIterable<string>> };
 * const open: OpenStream<string> = ({ signal }) => client.stream({ prompt: 'hi' }, { signal });
 * ```
 * @public
 */
export type OpenStream<T> = (context: AttemptContext) => AsyncIterable<T> | PromiseLike<AsyncIterable<T>>;

/**
 * Options of {@link retryStream}.
 *
 * @example
 * ```ts
 * const options: RetryStreamOptions<string> = { idleTimeoutMs: 30_000, isOutput: (chunk) => chunk !== '' };
 * ```
 * @public
 */
export interface RetryStreamOptions<T> {
  /** Aborts the stream: the attempt, any retry wait, and the read in progress (a `cancelled` FaultError). @defaultValue none */
  readonly signal?: AbortSignal | undefined;
  /** The longest wait for the next chunk before the stream fails with `client_timeout`; 0 turns it off. @defaultValue 60000 */
  readonly idleTimeoutMs?: number | undefined;
  /** Whether a chunk is output the caller would see twice after a retry; chunks before the first output chunk are held back, so a fault after them is still retried. @defaultValue every chunk is output */
  readonly isOutput?: ((chunk: T) => boolean) | undefined;
  /**
   * Called when the stream fails after output reached the caller (never for `cancelled`): return how
   * to open the rest (a request that continues from `last`, e.g. with a Last-Event-ID), which runs
   * under the policy again, or `undefined` to let the fault reach the caller.
   * @defaultValue none: a fault after output always reaches the caller
   */
  readonly resume?: ((state: ResumeState<T>) => OpenStream<T> | undefined) | undefined;
  /** Turns what the stream threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Time source of the idle timeout. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * Every option {@link retryStream} accepts; any other key is refused.
 * @internal
 */
export const RETRY_STREAM_OPTIONS = [
  'signal', 'idleTimeoutMs', 'isOutput', 'resume', 'classifier', 'clock',
] as const satisfies ReadonlyArray<keyof RetryStreamOptions<unknown>>;

const NAME = 'retryStream';
const ALIASES = { timeoutMs: 'idleTimeoutMs', idleMs: 'idleTimeoutMs', abortSignal: 'signal' } as const;
const always = (): boolean => true;

/**
 * Runs a streamed call under `policy` and returns the stream to read. The stream is opened inside
 * one attempt that lasts until its first output chunk: a fault before it (the request's error, an
 * error event, a cut connection, a stalled stream) is retried exactly as the same fault on a plain
 * call; after it, the fault reaches the caller as a FaultError with `stream.delivered: true` and is
 * never retried, unless `resume` says how to go on. Chunks are read with an idle timeout
 * (`client_timeout`). Stopping early (break, the caller's signal) closes the source and aborts its
 * request; no timer or listener stays behind. Nothing is opened until the first read.
 *
 * @example
 * ```ts
 * declare const client: { stream(body: object, options: { signal: AbortSignal }): Promise<AsyncIterable<string>> };
 * const policy = retry({ maxRetries: 2 });
 * for await (const chunk of retryStream(policy, ({ signal }) => client.stream({ prompt: 'hi' }, { signal }))) {
 *   process.stdout.write(chunk);
 * }
 * ```
 * @public
 */
export function retryStream<T>(policy: Policy, open: OpenStream<T>, options?: RetryStreamOptions<T>): AsyncIterableIterator<T> {
  if (typeof (policy as Partial<Policy> | null)?.execute !== 'function') invalid(NAME, 'policy', 'a policy with execute(fn, options)', policy);
  if (typeof open !== 'function') invalid(NAME, 'open', 'a function returning an async iterable', open);
  const o = checkOptions(NAME, options, RETRY_STREAM_OPTIONS, ALIASES);
  const signal = o.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) invalid(NAME, 'signal', 'an AbortSignal', signal);
  const resume = checkFunction(NAME, 'resume', o.resume);
  const classifier = checkClassifier(NAME, o.classifier, basicClassifier);
  const settings: StreamSettings<T> = {
    idleMs: checkNumber(NAME, 'idleTimeoutMs', o.idleTimeoutMs, FETCH_DEFAULTS.idleTimeoutMs),
    clock: checkClock(NAME, o.clock, systemClock),
    isOutput: checkFunction(NAME, 'isOutput', o.isOutput) ?? always,
    fault: (error, delivered) => {
      // An SDK that read an error event throws it without a status: classify the event it read.
      const event = sdkStreamEvent(error);
      if (event !== undefined) return inStream(new FaultError(classifier.classify(event), { cause: error }), delivered);
      const failure = faultErrorOf(error, classifier);
      return failure instanceof Promise ? failure.then((f) => inStream(f, delivered)) : inStream(failure, delivered);
    },
  };
  const start = (own: AbortSignal, resumed: OpenStream<T> | undefined): Promise<Opened<T>> => {
    const opener = resumed ?? open;
    return policy.execute(async (context) => {
      const attemptSignal = joinSignals(context.signal, own);
      const iterable = await opener({ signal: attemptSignal, attempt: context.attempt });
      if (typeof (iterable as Partial<AsyncIterable<T>> | null)?.[Symbol.asyncIterator] !== 'function') {
        throw new TypeError(`${NAME}: open must return an async iterable, got ${iterable === null ? 'null' : typeof iterable}`);
      }
      return firstOutput(iterable, settings, attemptSignal);
    }, { signal: own });
  };
  return new StreamRun<T, OpenStream<T>>(settings, start, resume, signal);
}
