/**
 * `fetch`, with the failure classified and a policy applied: the everyday entry point. Options are
 * checked once here; each call is a FetchCall (fetch-call.ts). What may be retried is decided per
 * call from its method, its idempotency key and the body's replayability.
 */
import { DEFAULT_MAX_BODY_BYTES } from '../core/body.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { FETCH_DEFAULTS } from '../core/defaults.js';
import { exponentialBackoff } from '../policy/backoff.js';
import { type Clock, type RandomSource, systemClock, systemRandom } from '../policy/clock.js';
import { pipeline } from '../policy/pipeline.js';
import type { Policy } from '../policy/policy.js';
import { retry } from '../policy/retry.js';
import { timeout } from '../policy/timeout.js';
import { checkBoolean, checkClassifier, checkClock, checkFunction, checkInteger, checkNumber, checkOptions, checkRandom, invalid } from '../policy/validate.js';
import { FetchCall, type FetchLike, type FetchObserver, type FaultlineFetch, type FaultlineRequestInit, type FetchSettings, type ReadAnswer, type StreamFetchOptions } from './fetch-call.js';
import { newIdempotencyKey } from './idempotency.js';
import { streamFetch } from './stream-fetch.js';
import type { SseEvent } from '../core/sse-decoder.js';

export type { FaultlineFetch, FaultlineRequestInit, FetchAttemptInfo, FetchLike, FetchObserver, ReadAnswer } from './fetch-call.js';
export type { StreamFetchOptions } from './fetch-call.js';

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
  /** The policy every call runs under; give it `retry` outermost and `timeout` innermost. @defaultValue `pipeline(retry({ maxRetries: FETCH_DEFAULTS.maxRetries, backoff: exponentialBackoff({ jitter: 'full' }) }), timeout({ timeoutMs }))` */
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
  /** Per-attempt deadline of the default policy, until the response headers arrive: long enough for a non-streamed LLM completion, as their SDKs allow. @defaultValue 600000 (10 minutes) */
  readonly timeoutMs?: number | undefined;
  /** How long an error response's body may take to arrive; what came by then is classified. @defaultValue 5000 */
  readonly bodyTimeoutMs?: number | undefined;
  /** For a streamed answer (`text/event-stream`, NDJSON): the longest wait for the next chunk before the body errors with `client_timeout`. The same body errors with the FaultError an SSE error event names (after the chunk that carried it). 0 turns both off and hands the body over untouched. @defaultValue 60000 */
  readonly idleTimeoutMs?: number | undefined;
  /** Time source of the default policy (and the reference time for Retry-After dates). @defaultValue systemClock */
  readonly clock?: Clock | undefined;
  /** Random source for the default policy's jitter. @defaultValue Math.random */
  readonly random?: RandomSource | undefined;
  /** Classifies error responses and thrown errors (the default policy classifies with it too). @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Watches the calls without changing them: `instrumentFetch()` from `faultline/otel` records metrics and a client span per attempt. @defaultValue none */
  readonly observe?: FetchObserver | undefined;
}

/**
 * Every option {@link createFetch} accepts; any other key is refused at construction.
 * @internal
 */
export const CREATE_FETCH_OPTIONS = [
  'policy', 'vendor', 'baseUrl', 'fetch', 'idempotent', 'idempotencyKey', 'maxBodyBytes', 'throwOnError', 'timeoutMs', 'bodyTimeoutMs', 'idleTimeoutMs', 'clock', 'random', 'classifier', 'observe',
] as const satisfies ReadonlyArray<keyof CreateFetchOptions>;

const NAME = 'createFetch';

function defaultPolicy(idempotent: boolean, timeoutMs: number, clock: Clock, random: RandomSource, classifier: Classifier): Policy {
  return pipeline(
    retry({ maxRetries: FETCH_DEFAULTS.maxRetries, backoff: exponentialBackoff(FETCH_DEFAULTS.backoff), idempotent, clock, random, classifier }),
    timeout({ timeoutMs, clock, classifier }),
  );
}

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
  const settings = fetchSettings(options, factory);
  return <T = Response>(input: string | URL | Request, init?: FaultlineRequestInit, read?: ReadAnswer<T>): Promise<T | Response> =>
    new FetchCall<T>(settings, input, init, read).run();
}

/** createFetch's options, validated once into what every call shares. */
function fetchSettings(options: CreateFetchOptions | undefined, factory: string): FetchSettings {
  const o = checkOptions(factory, options, CREATE_FETCH_OPTIONS);
  const observer = o.observe;
  if (observer !== undefined && (typeof observer !== 'object' || observer === null)) invalid(factory, 'observe', 'an object with policy and/or attempt hooks', observer);
  const wrap = checkFunction<(policy: Policy) => Policy>(factory, 'observe.policy', observer?.policy) ?? ((policy: Policy) => policy);
  const observeAttempt = checkFunction<NonNullable<FetchObserver['attempt']>>(factory, 'observe.attempt', observer?.attempt);
  const given = o.policy;
  if (given !== undefined && typeof (given as Partial<Policy> | null)?.execute !== 'function') {
    invalid(factory, 'policy', 'a policy with execute(fn, options)', given);
  }
  const userPolicy = given === undefined ? undefined : wrap(given);
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
  const timeoutMs = checkNumber(factory, 'timeoutMs', o.timeoutMs, FETCH_DEFAULTS.timeoutMs, 0, true);
  const bodyTimeoutMs = checkNumber(factory, 'bodyTimeoutMs', o.bodyTimeoutMs, FETCH_DEFAULTS.bodyTimeoutMs);
  const idleTimeoutMs = checkNumber(factory, 'idleTimeoutMs', o.idleTimeoutMs, FETCH_DEFAULTS.idleTimeoutMs);
  const clock = checkClock(factory, o.clock, systemClock);
  const random = checkRandom(factory, o.random, systemRandom);
  const classifier = checkClassifier(factory, o.classifier, basicClassifier);
  let safePolicy: Policy | undefined;
  let unsafePolicy: Policy | undefined;
  const settings: FetchSettings = {
    baseUrl,
    fetch: fetchImpl,
    idempotent: forcedIdempotent,
    makeKey,
    maxBodyBytes,
    bodyTimeoutMs,
    idleTimeoutMs,
    throwOnError,
    vendor: o.vendor,
    clock,
    clockIsTime: o.clock !== undefined,
    classifier,
    policyFor: (idempotent) =>
      userPolicy ??
      (idempotent
        ? (safePolicy ??= wrap(defaultPolicy(true, timeoutMs, clock, random, classifier)))
        : (unsafePolicy ??= wrap(defaultPolicy(false, timeoutMs, clock, random, classifier)))),
    observeAttempt,
  };
  return settings;
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
  const settings = fetchSettings(options, NAME);
  const api = (input: string | URL | Request, init?: FaultlineRequestInit): Promise<Response> =>
    new FetchCall<Response>(settings, input, init, undefined).run() as Promise<Response>;
  api.stream = (input: string | URL | Request, init?: FaultlineRequestInit, streamOptions?: StreamFetchOptions): AsyncIterableIterator<SseEvent> =>
    streamFetch(settings, input, init, streamOptions);
  return api;
}
