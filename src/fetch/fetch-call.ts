/**
 * One call through createFetch: its request, its idempotency, and each attempt. Per-call state lives
 * on one object whose methods the policy runs, so nothing is rebuilt per call but that object. An
 * error is wrapped once: the caller's FaultError has the thrown value itself as `cause`.
 */
import type { Classifier } from '../core/classifier.js';
import { FaultError, createFault, isFaultError } from '../core/fault.js';
import { faultErrorOf } from '../core/fault-error-of.js';
import { readResponseText } from '../core/body.js';
import type { Clock } from '../policy/clock.js';
import type { AttemptContext, Policy } from '../policy/policy.js';
import { IDEMPOTENCY_HEADER, isIdempotentMethod, needsKey, newIdempotencyKey, retryClassFor } from './idempotency.js';
import { isStreamed, withIdleTimeout } from './idle-body.js';
import { isAbsolute, joinUrl } from './url.js';
import { type SseEvent, eventText } from '../core/sse-decoder.js';
import type { ResumeState } from '../policy/stream-run.js';

/**
 * The `fetch` signature createFetch wraps (the global `fetch`, undici's, a test double).
 *
 * @example
 * ```ts
 * const logged: FetchLike = (input, init) => { console.log(init?.method); return fetch(input, init); };
 * ```
 * @public
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * `RequestInit` plus faultline's per-call overrides.
 *
 * @example
 * ```ts
 * declare const api: FaultlineFetch;
 * await api('/v1/runs', { method: 'POST', body: '{}', idempotencyKey: true, vendor: 'runs-api' });
 * ```
 * @public
 */
export interface FaultlineRequestInit extends RequestInit {
  /** Overrides whether this call is safe to repeat. @defaultValue by method and Idempotency-Key header */
  idempotent?: boolean | undefined;
  /** Overrides the profile used to classify this call's error responses. @defaultValue the createFetch `vendor` */
  vendor?: string | undefined;
  /** `true` adds a fresh key (POST/PATCH), a string is used as the key, `false` adds none. @defaultValue the createFetch `idempotencyKey` */
  idempotencyKey?: boolean | string | undefined;
  /** Overrides whether an error response rejects. @defaultValue the createFetch `throwOnError` */
  throwOnError?: boolean | undefined;
}

/**
 * Options of a FaultlineFetch's `stream`.
 *
 * @example
 * ```ts
 * const options: StreamFetchOptions = { resume: ({ last }) => ({ headers: { 'Last-Event-ID': last.id ?? '' } }) };
 * ```
 * @public
 */
export interface StreamFetchOptions {
  /**
   * Called when the stream fails after an event with output reached the caller (never for
   * `cancelled`): return the request init that continues it (same URL; e.g. a `Last-Event-ID`
   * header, or a body asking for the rest), which runs under the policy again, or `undefined` to let
   * the fault reach the caller.
   * @defaultValue none: a fault after output always reaches the caller
   */
  readonly resume?: ((state: ResumeState<SseEvent>) => FaultlineRequestInit | undefined) | undefined;
}

/**
 * A `fetch`-compatible function that classifies failures and applies a policy.
 *
 * @example
 * ```ts
 * const api: FaultlineFetch = createFetch({ vendor: 'runinfra' });
 * const res = await api('https://api.example.com/v1/chat/completions', { method: 'POST', body: '{}' });
 * ```
 * @public
 */
export interface FaultlineFetch {
  /** Fetches, classifying an error response or a thrown error into a FaultError, under the policy. */
  (input: string | URL | Request, init?: FaultlineRequestInit): Promise<Response>;
  /**
   * A streamed call (server-sent events), read event by event. Each attempt lasts until the first
   * event with output: an error response, an error event (`event: error`, a `data: {"error":…}`
   * chunk) or a cut connection before it is retried as the same fault on a plain call; after it,
   * the fault is thrown with `stream.delivered: true` and never retried unless `resume` says how to
   * go on. The fetch's `idleTimeoutMs` bounds the wait for each chunk (`client_timeout`); `break`
   * or `init.signal` cancels the body and the request. Nothing is sent before the first read.
   *
   * @example
   * ```ts
   * declare const api: FaultlineFetch;
   * const body = JSON.stringify({ model: 'gpt-4o', stream: true, messages: [] });
   * for await (const event of api.stream('/v1/chat/completions', { method: 'POST', body })) {
   *   if (event.data !== '[DONE]') console.log(JSON.parse(event.data));
   * }
   * ```
   */
  stream(input: string | URL | Request, init?: FaultlineRequestInit, options?: StreamFetchOptions): AsyncIterableIterator<SseEvent>;
}

/**
 * Reads an answer (a response below 400) inside the attempt that fetched it: what it throws is a
 * fault of that attempt, retried as the fault's class and the call's idempotency allow.
 *
 * @example
 * ```ts
 * const readJson: ReadAnswer<unknown> = (response) => response.json();
 * ```
 * @internal
 */
export type ReadAnswer<T> = (response: Response) => Promise<T>;

/**
 * What an observer of createFetch's attempts is told: the request as sent, then (once the answer
 * arrives) its status.
 *
 * @example
 * ```ts
 * const seen: FetchAttemptInfo[] = [];
 * const observer: FetchObserver = { attempt: (info, run) => (seen.push(info), run()) };
 * ```
 * @public
 */
export interface FetchAttemptInfo {
  /** The method, upper case. */
  readonly method: string;
  /** The URL as requested (it may hold secrets: show only its host). */
  readonly url: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The response's status, set when its headers arrive; undefined until then, or when none came. */
  status: number | undefined;
}

/**
 * Hooks that watch a createFetch without changing what it does (`faultline/otel`'s
 * `instrumentFetch` fills them): `policy` wraps each policy calls run under, once; `attempt` runs
 * each attempt, say inside a client span, and must return what `run` returns.
 *
 * @example
 * ```ts
 * const observer: FetchObserver = {
 *   attempt: async (info, run) => {
 *     try { return await run(); } finally { console.debug(info.method, info.status); }
 *   },
 * };
 * ```
 * @public
 */
export interface FetchObserver {
  /** Wraps a policy createFetch runs calls under (the `policy` option or a default one). */
  readonly policy?: ((policy: Policy) => Policy) | undefined;
  /** Runs one attempt; `info.status` is set by the time `run`'s promise settles, if a response came. */
  readonly attempt?: (<R>(info: FetchAttemptInfo, run: () => Promise<R>) => Promise<R>) | undefined;
}

/** What createFetch validated once, shared by every call. @internal */
export interface FetchSettings {
  readonly baseUrl: string | undefined;
  readonly fetch: FetchLike | undefined;
  readonly idempotent: boolean | undefined;
  readonly makeKey: (() => string) | undefined;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly throwOnError: boolean;
  readonly vendor: string | undefined;
  readonly clock: Clock;
  /** Whether classify takes its reference time from `clock` (a caller's clock) rather than the host's. */
  readonly clockIsTime: boolean;
  readonly classifier: Classifier;
  readonly policyFor: (idempotent: boolean) => Policy;
  readonly observeAttempt: FetchObserver['attempt'];
}

/** An error response's parts, for `throwOnError: false`: the caller gets the response back. */
interface ErrorResponse {
  readonly response: Response;
  readonly text: string;
}

// Keyed by the errors themselves, so nothing per call is needed to find them again.
const errorResponses = new WeakMap<FaultError, ErrorResponse>();
// The fault as the policy saw it (retry class fitted to the call) → the fault as classified.
const asClassified = new WeakMap<FaultError, FaultError>();

/** The error response handed back when `throwOnError` is false: status, headers and the bounded body text. */
function rebuild({ response, text }: ErrorResponse): Response {
  const headers = new Headers(response.headers);
  // The body below is decoded and maybe truncated: the original length and encoding no longer hold.
  headers.delete('content-length');
  headers.delete('content-encoding');
  const copy = new Response(text === '' ? null : text, { status: response.status, statusText: response.statusText, headers });
  if (response.url !== '') Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function isReadableStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/**
 * One call: built once, then `run()`; the policy calls `attempt()` once per attempt.
 *
 * @example
 * ```ts
 * declare const settings: FetchSettings;
 * const res = await new FetchCall(settings, 'https://api.example.com/v1/user', undefined, undefined).run();
 * ```
 * @internal
 */
export class FetchCall<T> {
  readonly #s: FetchSettings;
  readonly #request: Request | undefined;
  readonly #url: string | URL | undefined;
  readonly #init: RequestInit;
  readonly #read: ReadAnswer<T> | undefined;
  readonly #idempotent: boolean;
  readonly #replayable: boolean;
  readonly #vendor: string | undefined;
  readonly #throw: boolean;

  constructor(settings: FetchSettings, input: string | URL | Request, init: FaultlineRequestInit | undefined, read: ReadAnswer<T> | undefined) {
    this.#s = settings;
    this.#read = read;
    const { idempotent, vendor, idempotencyKey, throwOnError, ...requestInit } = init ?? {};
    this.#request = typeof Request !== 'undefined' && input instanceof Request ? input : undefined;
    if (this.#request === undefined) {
      const raw = input instanceof URL ? input.href : String(input);
      this.#url = settings.baseUrl !== undefined && !isAbsolute(raw) ? joinUrl(settings.baseUrl, raw) : raw;
    }
    const method = (requestInit.method ?? this.#request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(requestInit.headers ?? this.#request?.headers);
    const key = typeof idempotencyKey === 'string' ? idempotencyKey : idempotencyKey === false ? undefined : idempotencyKey === true ? newIdempotencyKey : settings.makeKey;
    if (!headers.has(IDEMPOTENCY_HEADER) && key !== undefined && (typeof key === 'string' || needsKey(method))) {
      headers.set(IDEMPOTENCY_HEADER, typeof key === 'string' ? key : key());
    }
    this.#init = { ...requestInit, method, headers };
    this.#idempotent = idempotent ?? settings.idempotent ?? (isIdempotentMethod(method) || headers.has(IDEMPOTENCY_HEADER));
    this.#replayable = !isReadableStream(requestInit.body);
    this.#vendor = vendor ?? settings.vendor;
    this.#throw = throwOnError ?? settings.throwOnError;
  }

  /** Runs the call under its policy; rejects with the fault as classified (not as fitted to the call). */
  async run(): Promise<T | Response> {
    try {
      return await this.#s.policyFor(this.#idempotent).execute((context) => this.attempt(context), { signal: this.#init.signal ?? undefined });
    } catch (thrown) {
      const failure = isFaultError(thrown) ? thrown : await faultErrorOf(thrown, this.#s.classifier);
      const classified = asClassified.get(failure) ?? failure;
      const response = errorResponses.get(classified);
      if (!this.#throw && response !== undefined) return rebuild(response);
      throw classified;
    }
  }

  /** One attempt, through the observer when there is one. */
  attempt(context: AttemptContext): Promise<T | Response> {
    const observe = this.#s.observeAttempt;
    if (observe === undefined) return this.#attempt(context, undefined);
    const url = this.#request === undefined ? String(this.#url) : this.#request.url;
    const info: FetchAttemptInfo = { method: this.#init.method as string, url, attempt: context.attempt, status: undefined };
    return observe(info, () => this.#attempt(context, info));
  }

  /** One attempt: fetch, then read the answer or classify the error response (read and released now). */
  async #attempt({ signal }: AttemptContext, info: FetchAttemptInfo | undefined): Promise<T | Response> {
    const s = this.#s;
    let response: Response;
    try {
      const init: RequestInit = { ...this.#init, signal };
      const underlying = s.fetch ?? (globalThis.fetch as FetchLike);
      response = await (this.#request === undefined ? underlying(this.#url as string | URL, init) : underlying(this.#request.clone(), init));
    } catch (error) {
      throw this.#fitted(await faultErrorOf(error, s.classifier));
    }
    if (info !== undefined) info.status = response.status;
    if (response.status < 400) {
      if (this.#read !== undefined) {
        try {
          return await this.#read(response);
        } catch (error) {
          throw this.#fitted(await faultErrorOf(error, s.classifier));
        }
      }
      // A streamed body: an idle timeout between chunks, and an error event raised as the fault it names.
      if (s.idleTimeoutMs === 0 || !isStreamed(response)) return response;
      return withIdleTimeout(response, s.idleTimeoutMs, s.clock, (e) => this.#bodyError(e), (event, retryMs, delivered) => this.#eventError(response, event, retryMs, delivered));
    }
    // Read (bounded) and release the body now: the socket is free before any backoff sleep.
    const { text } = await readResponseText(response, s.maxBodyBytes, s.bodyTimeoutMs);
    const fault = s.classifier.classify(
      { status: response.status, headers: response.headers, body: text },
      { vendor: this.#vendor, url: response.url !== '' ? response.url : this.#url, maxBodyBytes: s.maxBodyBytes, ...(s.clockIsTime ? { now: s.clock.now() } : {}) },
    );
    const error = new FaultError(fault, { bodyText: text });
    errorResponses.set(error, { response, text });
    throw this.#fitted(error);
  }

  /** An error event inside a 200 stream, classified as classify reads it, with the response's headers. */
  #eventError(response: Response, event: SseEvent, retryMs: number | undefined, delivered: boolean): FaultError {
    const s = this.#s;
    const fault = s.classifier.classify(
      { status: response.status, headers: response.headers, body: eventText(event, retryMs) },
      { vendor: this.#vendor, url: response.url !== '' ? response.url : this.#url, maxBodyBytes: s.maxBodyBytes, ...(s.clockIsTime ? { now: s.clock.now() } : {}) },
    );
    return new FaultError(createFault({ ...fault, stream: { delivered } }), { bodyText: event.data });
  }

  /** A streamed body cut mid-way: the caller reads a FaultError (connection_reset, …), not the raw error. */
  #bodyError(error: unknown): unknown {
    const converted = faultErrorOf(error, this.#s.classifier);
    return converted instanceof FaultError ? converted : error;
  }

  /** The fault as it applies to this call (a POST's `idempotent` fault is not retried); the classified one is kept. */
  #fitted(error: FaultError): FaultError {
    const effective = retryClassFor(error.retry, { idempotent: this.#idempotent, replayable: this.#replayable });
    if (effective === error.retry) return error;
    const fitted = new FaultError(createFault({ ...error.fault, retry: effective }), { cause: error.cause });
    asClassified.set(fitted, error);
    return fitted;
  }
}
