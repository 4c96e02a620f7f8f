/**
 * Response headers in any form (a `Headers`, a plain object with any casing, entries, a Map) read
 * through one never-throwing interface, and the hints servers put in them: Retry-After and its
 * millisecond variants, request ids, and `x-should-retry`.
 */
import type { RetryClass } from './catalog.js';
import type { HeaderReader } from './profile.js';

const EMPTY: HeaderReader = Object.freeze({ get: () => undefined });
const MAX_HEADERS = 256;

function valueOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

function fromPairs(pairs: Iterable<unknown>): HeaderReader {
  const map = new Map<string, string>();
  let n = 0;
  for (const pair of pairs) {
    if (++n > MAX_HEADERS) break;
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') continue;
    const value = valueOf(pair[1]);
    if (value === undefined) continue;
    const name = pair[0].toLowerCase();
    const prior = map.get(name);
    map.set(name, prior === undefined ? value : `${prior}, ${value}`);
  }
  // The Map itself reads as a HeaderReader: no wrapper closure per response.
  return map.size === 0 ? EMPTY : map;
}

// Plain lower-case records are read in place; a class, not a closure, so nothing is built per call.
class RecordReader implements HeaderReader {
  constructor(private readonly record: Readonly<Record<string, unknown>>) {}
  get(name: string): string | undefined {
    try {
      const value = Object.hasOwn(this.record, name) ? this.record[name] : undefined;
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Reads headers given as a `Headers`, a plain object (any casing; array values are joined with
 * `, `), an array of entries or a Map. Never throws: unreadable input reads as no headers.
 *
 * @example
 * ```ts
 * readHeaders({ 'Retry-After': '5' }).get('retry-after'); // '5'
 * ```
 * @public
 */
export function readHeaders(input: unknown): HeaderReader {
  try {
    if (typeof input !== 'object' || input === null) return EMPTY;
    if (Array.isArray(input)) return fromPairs(input);
    if (input instanceof Map) return fromPairs(input.entries());
    const maybe = input as { get?: unknown; entries?: unknown };
    // A Headers (of any realm or library: undici, node-fetch): trust its get(), but not to be
    // total: Headers#get throws on a name it finds invalid.
    if (typeof maybe.get === 'function' && typeof maybe.entries === 'function') {
      const get = maybe.get as (name: string) => unknown;
      return { get: (name) => { try { return valueOf(get.call(input, name)); } catch { return undefined; } } };
    }
    const record = input as Record<string, unknown>;
    const keys = Object.keys(record);
    // The common case (lower-case names, string values, as servers and fixtures write them) is read
    // in place, without copying into a Map.
    let inPlace = keys.length <= MAX_HEADERS;
    for (let i = 0; inPlace && i < keys.length; i++) {
      const key = keys[i] as string;
      inPlace = typeof record[key] === 'string' && key === key.toLowerCase();
    }
    if (inPlace) return new RecordReader(record);
    return fromPairs(keys.slice(0, MAX_HEADERS).map((key) => [key, record[key]]));
  } catch {
    return EMPTY;
  }
}

// A date with a time of day: IMF-fixdate, RFC 850, asctime or RFC 3339. Date.parse alone also
// accepts garbage such as 'May 5' or 'foo 2020', which must not become a delay.
const DATE_LIKE = /^(?:[A-Za-z]{3,9},? +\d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4} +\d{1,2}:\d{2}:\d{2}(?: +[A-Za-z]{1,5}| +[+-]\d{4})?|[A-Za-z]{3} +[A-Za-z]{3} +\d{1,2} +\d{1,2}:\d{2}:\d{2} +\d{4}|\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)$/;

/**
 * An HTTP-date or RFC 3339 time in ms since the epoch, or `undefined` for anything else.
 * @internal
 */
export function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  if (text.length > 64 || !DATE_LIKE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

const DELTA_SECONDS = /^\s*(-?)(\d{1,20})(\.\d{1,9})?\s*$/;

function clampMs(ms: number): number | undefined {
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, Math.round(ms)), Number.MAX_SAFE_INTEGER);
}

/** Options for {@link parseRetryAfter}. @public */
export interface RetryAfterOptions {
  /** The reference time for HTTP-dates when the response has no `Date` header (ms since the epoch). @defaultValue Date.now() */
  readonly now?: number;
  /** The response's `Date` header; an HTTP-date is measured from it when present. */
  readonly date?: string | undefined;
}

/**
 * A `Retry-After` value in milliseconds: delta-seconds (decimals allowed) or an HTTP-date, measured
 * from the response's `Date` header when given, else from `now`. Garbage gives `undefined`; a
 * negative value or a date in the past gives 0.
 *
 * @example
 * ```ts
 * parseRetryAfter('34'); // 34000
 * parseRetryAfter('Mon, 23 Nov 2026 08:00:30 GMT', { date: 'Mon, 23 Nov 2026 08:00:00 GMT' }); // 30000
 * ```
 * @public
 */
export function parseRetryAfter(value: string | undefined, options: RetryAfterOptions = {}): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const delta = DELTA_SECONDS.exec(value);
  if (delta !== null) return delta[1] === '-' ? 0 : clampMs(Number(`${delta[2]}${delta[3] ?? ''}`) * 1000);
  const at = parseHttpDate(value);
  if (at === undefined) return undefined;
  const base = typeof options.date === 'string' ? parseHttpDate(options.date) : undefined;
  const now = base ?? options.now ?? Date.now();
  return clampMs(at - now);
}

function parseMs(value: string | undefined): number | undefined {
  if (value === undefined || value.length > 32) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isNaN(n) ? undefined : clampMs(n);
}

/**
 * The server-directed delay in a response's headers: `retry-after-ms`, then `x-ms-retry-after-ms`,
 * then gRPC's `grpc-retry-pushback-ms`, then `Retry-After`.
 * @internal
 */
export function retryAfterFromHeaders(headers: HeaderReader, now: number): number | undefined {
  return (
    parseMs(headers.get('retry-after-ms')) ??
    parseMs(headers.get('x-ms-retry-after-ms')) ??
    // gRPC's server pushback (gRFC A6), in trailing metadata: a delay in ms.
    parseMs(headers.get('grpc-retry-pushback-ms')) ??
    parseRetryAfter(headers.get('retry-after'), { now, date: headers.get('date') })
  );
}

/** Request-id headers, most specific first. Adding one is a line. */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-ms-request-id',
  'x-github-request-id',
  'x-slack-req-id',
  'twilio-request-id',
  'x-goog-request-id',
  'x-cloud-trace-context',
  'apigw-requestid',
  'x-correlation-id',
  'cf-ray',
] as const;

/**
 * The request id from the first request-id header present.
 * @internal
 */
export function requestIdFromHeaders(headers: HeaderReader): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== undefined && value !== '') return value.slice(0, 200);
  }
  return undefined;
}

/**
 * The server's own verdict (`x-should-retry`, `stripe-should-retry`), which overrides every other rule.
 * @internal
 */
export function retryHintFromHeaders(headers: HeaderReader): RetryClass | undefined {
  const hint = headers.get('x-should-retry') ?? headers.get('stripe-should-retry');
  if (hint === undefined) return undefined;
  const v = hint.trim().toLowerCase();
  return v === 'true' ? 'always' : v === 'false' ? 'never' : undefined;
}
