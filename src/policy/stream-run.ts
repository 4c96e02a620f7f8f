/**
 * The engine behind the stream helpers (retryStream, createFetch's `stream`): a stream is opened
 * inside one policy attempt that lasts until its first chunk of output, so whatever fails before
 * that is retried exactly as the same fault on a plain call; after it, a fault reaches the caller
 * (`stream.delivered: true`) unless the caller's `resume` says how to go on. One timer at most
 * (armed only while a read is pending), one caller listener, both gone when the stream ends, fails,
 * or the caller stops reading.
 */
import { FaultError, createFault, type Fault } from '../core/fault.js';
import { cancelledError, type Clock } from './clock.js';
import { armWheelTimer } from './deadlines.js';
import { policyError } from './policy-error.js';

/**
 * What a `resume` callback is told when a stream fails after output reached the caller.
 *
 * @example
 * ```ts
 * declare const reopen: OpenStream<string>;
 * const resume = ({ fault, delivered }: ResumeState<string>) => (fault.code === 'overloaded' && delivered < 100 ? reopen : undefined);
 * ```
 * @public
 */
export interface ResumeState<T> {
  /** Why the stream failed; `fault.stream.delivered` is true. */
  readonly fault: Fault;
  /** How many chunks the caller has received so far, over every resumption. */
  readonly delivered: number;
  /** The last chunk the caller received. */
  readonly last: T;
  /** How many times the stream has been resumed before this one. */
  readonly resumes: number;
}

/** A stream opened within an attempt: its iterator, and the chunks read up to its first output chunk. @internal */
export interface Opened<T> {
  readonly iterator: AsyncIterator<T>;
  readonly held: T[];
  /** The stream ended before any output: `held` is all there is. */
  readonly ended: boolean;
}

/** What the engine needs from a helper. @internal */
export interface StreamSettings<T> {
  readonly idleMs: number;
  readonly clock: Clock;
  readonly isOutput: (chunk: T) => boolean;
  /** The FaultError for what a read threw, marked with whether output came before. */
  readonly fault: (error: unknown, delivered: boolean) => FaultError | Promise<FaultError>;
}

/**
 * One read of `iterator`, raced against the idle timer and `signal`; on either, the iterator is
 * closed and the read rejects (`client_timeout` / the abort's fault). Nothing outlives the read.
 * @internal
 */
export function readChunk<T>(iterator: AsyncIterator<T>, idleMs: number, clock: Clock, signal: AbortSignal | undefined): Promise<IteratorResult<T>> {
  if (signal?.aborted) return Promise.reject(cancelledError(signal));
  return new Promise((resolve, reject) => {
    let settled = false;
    let cancelTimer: (() => void) | undefined;
    const stop = (error: FaultError): void => {
      if (!settle()) return;
      closeIterator(iterator);
      reject(error);
    };
    const onAbort = (): void => stop(cancelledError(signal));
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      cancelTimer?.();
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    if (idleMs > 0) cancelTimer = armWheelTimer(clock, idleMs, () => stop(policyError('client_timeout', `No data for ${idleMs} ms`)));
    signal?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<IteratorResult<T>>;
    try {
      pending = Promise.resolve(iterator.next());
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (result) => settle() && resolve(result),
      (error: unknown) => settle() && reject(error),
    );
  });
}

/** Asks an iterator to release what it holds (reader, socket); never waits for it, never throws. @internal */
export function closeIterator(iterator: AsyncIterator<unknown>): void {
  try {
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  } catch {
    // A throwing return() has nothing left for us to release.
  }
}

/**
 * Inside an attempt: reads `iterable` until its first output chunk (or its end), holding the
 * chunks before it. A read error becomes the stream's FaultError (`delivered: false`), which the
 * policy then judges as it judges any fault.
 * @internal
 */
export async function firstOutput<T>(iterable: AsyncIterable<T>, settings: StreamSettings<T>, signal: AbortSignal): Promise<Opened<T>> {
  const iterator = iterable[Symbol.asyncIterator]();
  const held: T[] = [];
  for (;;) {
    let result: IteratorResult<T>;
    try {
      result = await readChunk(iterator, settings.idleMs, settings.clock, signal);
    } catch (error) {
      closeIterator(iterator);
      throw await settings.fault(error, false);
    }
    if (result.done === true) return { iterator, held, ended: true };
    held.push(result.value);
    if (settings.isOutput(result.value)) return { iterator, held, ended: false };
  }
}

/**
 * Marks a FaultError as a fault inside a stream, saying whether output reached the caller first.
 * @internal
 */
export function inStream(failure: FaultError, delivered: boolean): FaultError {
  if (failure.fault.stream?.delivered === delivered) return failure;
  return new FaultError(createFault({ ...failure.fault, stream: { delivered } }), { cause: failure.cause });
}

/**
 * The attempt's signal joined with the stream's own, so that stopping after the attempt (a break,
 * the caller's abort) still reaches the request when a policy made the attempt's signal.
 * @internal
 */
export function joinSignals(attempt: AbortSignal | null | undefined, own: AbortSignal): AbortSignal {
  if (attempt === undefined || attempt === null || attempt === own) return own;
  if (typeof AbortSignal.any !== 'function') return attempt;
  return AbortSignal.any([attempt, own]);
}

/** Opens (or reopens) the stream under the policy; `resumed` is what `resume` returned, if any. @internal */
export type StartStream<T, R> = (signal: AbortSignal, resumed: R | undefined) => Promise<Opened<T>>;

/** Decides whether and how a stream that failed after output goes on. @internal */
export type ResumeFn<T, R> = (state: ResumeState<T>) => R | undefined;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The stream the caller iterates: lazy (nothing is opened before the first `next()`), one reader at
 * a time. Stopping (break, return(), the caller's abort) aborts the attempt's signal, closes the
 * underlying iterator and removes the caller listener.
 * @internal
 */
export class StreamRun<T, R> implements AsyncIterableIterator<T> {
  readonly #settings: StreamSettings<T>;
  readonly #start: StartStream<T, R>;
  readonly #resume: ResumeFn<T, R> | undefined;
  readonly #caller: AbortSignal | undefined;
  readonly #controller = new AbortController();
  #iterator: AsyncIterator<T> | undefined;
  #held: T[] = [];
  #ended = false;
  #opened = false;
  #done = false;
  #delivered = 0;
  #resumes = 0;
  #last: T | undefined;

  constructor(settings: StreamSettings<T>, start: StartStream<T, R>, resume: ResumeFn<T, R> | undefined, caller: AbortSignal | undefined) {
    this.#settings = settings;
    this.#start = start;
    this.#resume = resume;
    this.#caller = caller;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<T>> {
    if (this.#done) return DONE;
    try {
      if (!this.#opened) {
        this.#opened = true;
        if (this.#caller?.aborted) throw cancelledError(this.#caller);
        this.#caller?.addEventListener('abort', this);
        await this.#open(undefined);
      }
      for (;;) {
        if (this.#held.length > 0) return this.#deliver(this.#held.shift() as T);
        if (this.#ended) {
          this.#finish(false);
          return DONE;
        }
        let result: IteratorResult<T>;
        try {
          result = await readChunk(this.#iterator as AsyncIterator<T>, this.#settings.idleMs, this.#settings.clock, this.#controller.signal);
        } catch (error) {
          const failure = inStream(await this.#settings.fault(this.#why(error), this.#delivered > 0), this.#delivered > 0);
          const next = this.#delivered > 0 && failure.code !== 'cancelled' ? this.#resume?.({ fault: failure.fault, delivered: this.#delivered, last: this.#last as T, resumes: this.#resumes }) : undefined;
          if (next === undefined) throw failure;
          this.#resumes++;
          await this.#open(next);
          continue;
        }
        if (result.done === true) {
          this.#iterator = undefined;
          this.#finish(false);
          return DONE;
        }
        return this.#deliver(result.value);
      }
    } catch (error) {
      this.#finish(true);
      throw error;
    }
  }

  /** The caller stopped reading (`break` in for-await): release everything now. */
  return(): Promise<IteratorResult<T>> {
    this.#finish(true);
    return Promise.resolve(DONE);
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.#controller.abort(this.#caller?.reason);
  }

  async #open(resumed: R | undefined): Promise<void> {
    let opened: Opened<T>;
    try {
      opened = await this.#start(this.#controller.signal, resumed);
    } catch (error) {
      // A reopening that failed fails a stream the caller has already read from.
      throw this.#delivered > 0 && error instanceof FaultError ? inStream(error, true) : error;
    }
    this.#iterator = opened.iterator;
    this.#held = opened.held;
    this.#ended = opened.ended;
  }

  #deliver(value: T): IteratorResult<T> {
    this.#delivered++;
    this.#last = value;
    return { done: false, value };
  }

  // A read the caller's abort ended reads as the caller's cancellation, whatever the source threw.
  #why(error: unknown): unknown {
    return this.#caller?.aborted === true ? cancelledError(this.#caller) : error;
  }

  #finish(early: boolean): void {
    if (this.#done) return;
    this.#done = true;
    this.#held = [];
    this.#caller?.removeEventListener('abort', this);
    const iterator = this.#iterator;
    this.#iterator = undefined;
    if (iterator !== undefined) closeIterator(iterator);
    if (early) this.#controller.abort(cancelledError(undefined));
  }
}
