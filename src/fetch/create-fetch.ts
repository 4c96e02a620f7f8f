/**
 * `fetch`, with the failure classified and a policy applied: the everyday entry point. Each
 * attempt's error body is read (bounded) and released before the next attempt, so a retry loop
 * never holds a socket it no longer needs; what may be retried is decided per call from its
 * method, its idempotency key and the body's replayability.
 */
import { DEFAULT_MAX_BODY_BYTES, readResponseText } from '../core/body.js';
import { classify } from '../core/classify.js';
import { FaultError, createFault } from '../core/fault.js';
import { toFaultError } from '../core/network.js';
import { exponentialBackoff } from '../policy/backoff.js';
import { type Clock, type RandomSource, systemClock, systemRandom } from '../policy/clock.js';
import { pipeline } from '../policy/pipeline.js';
import type { AttemptContext, Policy } from '../policy/policy.js';
import { retry } from '../policy/retry.js';
import { timeout } from '../policy/timeout.js';
import { checkBoolean, checkClock, checkFunction, checkInteger, checkNumber, checkOptions, checkRandom, invalid } from '../policy/validate.js';
import { IDEMPOTENCY_HEADER, isIdempotentMethod, needsKey, newIdempotencyKey, retryClassFor } from './idempotency.js';

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
 * await api('/v1/runs', { method: 'POST', body, idempotencyKey: true, vendor: 'runs-api' });
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
 * A `fetch`-compatible function that classifies failures and applies a policy.
 *
 * @example
 * ```ts
 * const api: FaultlineFetch = createFetch({ vendor: 'runinfra' });
 * const res = await api('https://api.example.com/v1/chat/completions', { method: 'POST', body });
 * ```
 * @public
 */
export type FaultlineFetch = (input: string | URL | Request, init?: FaultlineRequestInit) => Promise<Response>;

/**
 * Options of {@link createFetch}.
 *
 * @example
 * ```ts
 * const options: CreateFetchOptions = { vendor: 'impulse', baseUrl: 'https://inference.impulselabs.ai', idempotencyKey: true };
 * ```
 * @public
 */
export interface CreateFetchOptions {
  /** The policy every call runs under; give it `retry` outermost and `timeout` innermost. @defaultValue `pipeline(retry({ maxRetries: 3, backoff: exponentialBackoff({ jitter: 'full' }) }), timeout({ timeoutMs }))` */
  readonly policy?: Policy | undefined;
  /** The profile id error responses are classified with (`impulse`, `openai`, …). @defaultValue detected per response */
  readonly vendor?: string | undefined;
  /** Prefix for relative URLs; joined with exactly one `/`. @defaultValue none */
  readonly baseUrl?: string | URL | undefined;
  /** The underlying fetch. @defaultValue `globalThis.fetch`, looked up at call time */
  readonly fetch?: FetchLike | undefined;
  /** Treat every call as safe (`true`) or unsafe (`false`) to repeat. @defaultValue by method: GET, HEAD, OPTIONS, PUT, DELETE, or an Idempotency-Key header */
  readonly idempotent?: boolean | undefined;
  /** `true` adds one `Idempotency-Key` per POST/PATCH call, the same on every retry; a function supplies the key. @defaultValue false */
  readonly idempotencyKey?: boolean | (() => string) | undefined;
  /** How much of an error body is read and classified. @defaultValue 65536 */
  readonly maxBodyBytes?: number | undefined;
  /** `false` resolves with the last error response instead of rejecting with its FaultError. @defaultValue true */
  readonly throwOnError?: boolean | undefined;
  /** Per-attempt deadline of the default policy, in ms. @defaultValue 30000 */
  readonly timeoutMs?: number | undefined;
  /** Time source of the default policy (and the reference time for Retry-After dates). @defaultValue systemClock */
  readonly clock?: Clock | undefined;
  /** Random source for the default policy's jitter. @defaultValue Math.random */
  readonly random?: RandomSource | undefined;
}

/**
 * Every option {@link createFetch} accepts; any other key is refused at construction.
 * @internal
 */
export const CREATE_FETCH_OPTIONS = [
  'policy', 'vendor', 'baseUrl', 'fetch', 'idempotent', 'idempotencyKey', 'maxBodyBytes', 'throwOnError', 'timeoutMs', 'clock', 'random',
  'classifier', // added by the classifier seam
] as const satisfies ReadonlyArray<keyof CreateFetchOptions | 'classifier'>;

/** A FaultError for an error response, with the body text the caller may want (never serialised). */
interface ResponseFault {
  readonly response: Response;
  readonly text: string;
}

const NAME = 'createFetch';
const responses = new WeakMap<FaultError, ResponseFault>();

function absolute(input: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(input);
}

function joinUrl(base: string, path: string): string {
  if (path === '') return base;
  let end = base.length;
  // A loop, not /\/+$/: an unanchored-start regex over a run of slashes is quadratic.
  while (end > 0 && base.charCodeAt(end - 1) === 0x2f) end--;
  return `${base.slice(0, end)}/${path.replace(/^\/+/, '')}`;
}

function isReadableStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

/** The error response handed back when `throwOnError` is false: status, headers and the bounded body text. */
function rebuild(fault: ResponseFault): Response {
  const { response, text } = fault;
  const headers = new Headers(response.headers);
  // The body below is decoded and maybe truncated: the original length and encoding no longer hold.
  headers.delete('content-length');
  headers.delete('content-encoding');
  const copy = new Response(text === '' ? null : text, { status: response.status, statusText: response.statusText, headers });
  if (response.url !== '') Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function defaultPolicy(idempotent: boolean, timeoutMs: number, clock: Clock, random: RandomSource): Policy {
  return pipeline(
    retry({ maxRetries: 3, backoff: exponentialBackoff({ initialMs: 200, factor: 2, maxMs: 30_000, jitter: 'full' }), idempotent, clock, random }),
    timeout({ timeoutMs, clock }),
  );
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
 * The engine behind {@link createFetch}; with `read`, a call resolves with what `read` makes of the answer.
 *
 * @example
 * ```ts
 * const call = createFetchCore({ clock });
 * const body = await call('https://api.example.com/v1/user', undefined, (res) => res.json());
 * ```
 * @internal
 */
export type FetchCore = <T = Response>(input: string | URL | Request, init?: FaultlineRequestInit, read?: ReadAnswer<T>) => Promise<T | Response>;

/**
 * Validates createFetch's options once and returns the engine adapters build on (`faultline/zod`
 * parses the answer within each attempt, so a malformed body of an idempotent call is retried).
 * `factory` is the name its option errors start with.
 *
 * @example
 * ```ts
 * const call = createFetchCore({ throwOnError: true }, 'createSchemaFetch');
 * ```
 * @internal
 */
export function createFetchCore(options?: CreateFetchOptions, factory: string = NAME): FetchCore {
  const o = checkOptions(factory, options, CREATE_FETCH_OPTIONS);
  const userPolicy = o.policy;
  if (userPolicy !== undefined && typeof (userPolicy as Partial<Policy> | null)?.execute !== 'function') {
    invalid(factory, 'policy', 'a policy with execute(fn, options)', userPolicy);
  }
  if (o.vendor !== undefined && typeof o.vendor !== 'string') invalid(factory, 'vendor', 'a profile id string', o.vendor);
  let baseUrl: string | undefined;
  if (o.baseUrl !== undefined) {
    try {
      baseUrl = new URL(String(o.baseUrl)).href;
    } catch {
      invalid(factory, 'baseUrl', 'an absolute URL', o.baseUrl);
    }
  }
  const fetchImpl = checkFunction<FetchLike>(factory, 'fetch', o.fetch);
  const forcedIdempotent = o.idempotent === undefined ? undefined : checkBoolean(factory, 'idempotent', o.idempotent, false);
  const keyOption = o.idempotencyKey;
  if (keyOption !== undefined && typeof keyOption !== 'boolean' && typeof keyOption !== 'function') {
    invalid(factory, 'idempotencyKey', 'true, false or a function returning a key', keyOption);
  }
  const makeKey: (() => string) | undefined = keyOption === true ? newIdempotencyKey : typeof keyOption === 'function' ? keyOption : undefined;
  const maxBodyBytes = checkInteger(factory, 'maxBodyBytes', o.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  const throwOnError = checkBoolean(factory, 'throwOnError', o.throwOnError, true);
  const timeoutMs = checkNumber(factory, 'timeoutMs', o.timeoutMs, 30_000, 0, true);
  const clock = checkClock(factory, o.clock, systemClock);
  const random = checkRandom(factory, o.random, systemRandom);
  const vendor = o.vendor;
  const useClockNow = o.clock !== undefined;
  let safePolicy: Policy | undefined;
  let unsafePolicy: Policy | undefined;
  const policyFor = (idempotent: boolean): Policy =>
    userPolicy ??
    (idempotent
      ? (safePolicy ??= defaultPolicy(true, timeoutMs, clock, random))
      : (unsafePolicy ??= defaultPolicy(false, timeoutMs, clock, random)));

  return async function faultlineFetch<T = Response>(input: string | URL | Request, init?: FaultlineRequestInit, read?: ReadAnswer<T>): Promise<T | Response> {
    const { idempotent: callIdempotent, vendor: callVendor, idempotencyKey: callKey, throwOnError: callThrow, ...requestInit } = init ?? {};
    const request = typeof Request !== 'undefined' && input instanceof Request ? input : undefined;
    let url: string | URL | undefined;
    if (request === undefined) {
      const raw = input instanceof URL ? input.href : String(input);
      url = baseUrl !== undefined && !absolute(raw) ? joinUrl(baseUrl, raw) : raw;
    }
    const method = (requestInit.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(requestInit.headers ?? request?.headers);
    const key = typeof callKey === 'string' ? callKey : callKey === false ? undefined : callKey === true ? newIdempotencyKey : makeKey;
    if (!headers.has(IDEMPOTENCY_HEADER) && key !== undefined && (typeof key === 'string' || needsKey(method))) {
      headers.set(IDEMPOTENCY_HEADER, typeof key === 'string' ? key : key());
    }
    const idempotent = callIdempotent ?? forcedIdempotent ?? (isIdempotentMethod(method) || headers.has(IDEMPOTENCY_HEADER));
    const call = { idempotent, replayable: !isReadableStream(requestInit.body) };
    const profile = callVendor ?? vendor;
    const shouldThrow = callThrow ?? throwOnError;
    const underlying = fetchImpl ?? (globalThis.fetch as FetchLike);
    const originals = new WeakMap<FaultError, FaultError>();

    const attempt = async ({ signal }: AttemptContext): Promise<T | Response> => {
      let response: Response;
      try {
        const attemptInit: RequestInit = { ...requestInit, method, headers, signal };
        response = await (request === undefined ? underlying(url as string | URL, attemptInit) : underlying(request.clone(), attemptInit));
      } catch (error) {
        throw adjust(toFaultError(error));
      }
      if (response.status < 400) {
        if (read === undefined) return response;
        try {
          return await read(response);
        } catch (error) {
          throw adjust(toFaultError(error));
        }
      }
      // Read (bounded) and release the body now: the socket is free before any backoff sleep.
      const text = await readResponseText(response, maxBodyBytes, 5_000);
      const fault = classify(
        { status: response.status, headers: response.headers, body: text },
        { vendor: profile, url: response.url !== '' ? response.url : url, maxBodyBytes, ...(useClockNow ? { now: clock.now() } : {}) },
      );
      const error = new FaultError(fault);
      Object.defineProperty(error, 'bodyText', { value: text, enumerable: false, configurable: true });
      responses.set(error, { response, text });
      throw adjust(error);
    };

    // The policy sees the fault as it applies to this call; the caller gets the fault as classified.
    const adjust = (error: FaultError): FaultError => {
      const effective = retryClassFor(error.retry, call);
      if (effective === error.retry) return error;
      const adjusted = new FaultError(createFault({ ...error.fault, retry: effective }), { cause: error });
      originals.set(adjusted, error);
      return adjusted;
    };

    try {
      return await policyFor(idempotent).execute(attempt, { signal: requestInit.signal ?? undefined });
    } catch (thrown) {
      const failure = toFaultError(thrown);
      const original = originals.get(failure) ?? failure;
      const fromResponse = responses.get(original);
      if (!shouldThrow && fromResponse !== undefined) return rebuild(fromResponse);
      throw original;
    }
  };
}

/**
 * Builds a `fetch`-compatible function that classifies every failure and runs each call under a
 * policy. An error response (status 400 and above; 2xx and 3xx are answers) rejects with a
 * `FaultError` classified from its status, headers and body (read up to `maxBodyBytes`; the text
 * is on the error's non-enumerable `bodyText`); a thrown network error rejects with its catalog
 * code and the original as `cause`. Faults of class `idempotent` are retried only when the call
 * is: GET, HEAD, OPTIONS, PUT, DELETE, an `Idempotency-Key` header, or `idempotent: true`. The
 * caller's `signal` aborts the attempt, any wait, and the call.
 *
 * @example
 * ```ts
 * const api = createFetch({ vendor: 'runs-api', baseUrl: 'https://api.example.com', idempotencyKey: true });
 * try {
 *   const res = await api('/v1/runs', { method: 'POST', body: JSON.stringify(job) });
 * } catch (error) {
 *   if (isFaultError(error) && error.code === 'payment_required') topUp();
 * }
 * ```
 * @public
 */
export function createFetch(options?: CreateFetchOptions): FaultlineFetch {
  const call = createFetchCore(options);
  return (input, init) => call(input, init);
}

/**
 * `fetch` with faultline's defaults: error responses and network errors become `FaultError`s,
 * retried (up to 3 times, full-jitter exponential backoff, honouring `Retry-After`) when the
 * fault and the call's idempotency allow, each attempt limited to 30 s.
 *
 * @example
 * ```ts
 * import { resilientFetch } from 'faultline';
 * const res = await resilientFetch('https://api.example.com/v1/models');
 * ```
 * @public
 */
export const resilientFetch: FaultlineFetch = /* @__PURE__ */ createFetch();
