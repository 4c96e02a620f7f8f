/**
 * Response headers in any form (a `Headers`, a plain object with any casing, entries, a Map) read
 * through one never-throwing interface, and the hints servers put in them: Retry-After and its
 * millisecond variants, request ids, and `x-should-retry`.
 */
import type { RetryClass } from './catalog.js';
import type { HeaderReader } from './profile.js';

/**
 * What readHeaders gives for no headers at all: the header rules skip it without asking it anything.
 * @internal
 */
export const NO_HEADERS: HeaderReader = Object.freeze({ get: () => undefined });
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
  return map.size === 0 ? NO_HEADERS : map;
}

// Plain lower-case records are read in place; a class, not a closure, so nothing is built per call.
class RecordReader implements HeaderReader {
  constructor(private readonly record: Readonly<Record<string, unknown>>) {}
  names(): string[] {
    return Object.keys(this.record);
  }
  get(name: string): string | undefined {
    try {
      const value = Object.hasOwn(this.record, name) ? this.record[name] : undefined;
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

interface ForeignHeaders {
  get(name: string): unknown;
  entries(): Iterable<unknown>;
}

// A Headers of any realm or library (undici, node-fetch): trust its get(), but not to be total:
// Headers#get throws on a name it finds invalid.
class HeadersReader implements HeaderReader {
  constructor(private readonly headers: ForeignHeaders) {}
  get(name: string): string | undefined {
    try {
      return valueOf(this.headers.get(name));
    } catch {
      return undefined;
    }
  }
  names(): string[] {
    const out: string[] = [];
    try {
      for (const [name] of this.headers.entries() as Iterable<[unknown]>) {
        if (typeof name === 'string' && out.push(name.toLowerCase()) >= MAX_HEADERS) break;
      }
    } catch {
      // What was read before the throw stands.
    }
    return out;
  }
}

/**
 * The names of the headers a reader from readHeaders holds (at most 256, lower case); none for a
 * reader built elsewhere.
 * @internal
 */
export function headerNames(headers: HeaderReader): Iterable<string> {
  return headers instanceof Map ? (headers as Map<string, string>).keys() : headers instanceof RecordReader || headers instanceof HeadersReader ? headers.names() : [];
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
    if (typeof input !== 'object' || input === null) return NO_HEADERS;
    if (Array.isArray(input)) return fromPairs(input);
    if (input instanceof Map) return fromPairs(input.entries());
    const maybe = input as { get?: unknown; entries?: unknown };
    // A Headers (of any realm or library: undici, node-fetch): trust its get(), but not to be
    // total: Headers#get throws on a name it finds invalid.
    if (typeof maybe.get === 'function' && typeof maybe.entries === 'function') return new HeadersReader(input as ForeignHeaders);
    // A headers class that is iterable but has no entries() (the Azure SDKs' HttpHeaders): its [name, value] pairs.
    if (typeof maybe.get === 'function' && typeof (input as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function') return fromPairs(input as Iterable<unknown>);
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
    return NO_HEADERS;
  }
}

const MONTHS: Readonly<Record<string, number>> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
// RFC 5322's obsolete zone names, which old servers still print; an HTTP-date itself is always GMT.
const ZONES: Readonly<Record<string, number>> = { gmt: 0, ut: 0, utc: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };
// IMF-fixdate and RFC 850 (`Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT`); asctime
// (`Sun Nov  6 08:49:37 1994`); RFC 3339. Each part is bounded, so matching is linear. Date.parse is
// not used: it accepts garbage ('May 5'), reads second 60 as second 0 of the same minute, reads a
// date without a zone as local time, and windows two-digit years its own way.
const IMF = /^[A-Za-z]{3,9},? +(\d{1,2})[ -]([A-Za-z]{3})[ -](\d{2}|\d{4}) +(\d{1,2}):(\d{2}):(\d{2})(?: +(?:([A-Za-z]{1,5})|([+-])(\d{2})(\d{2})))?$/;
const ASCTIME = /^[A-Za-z]{3} +([A-Za-z]{3}) +(\d{1,2}) +(\d{1,2}):(\d{2}):(\d{2}) +(\d{4})$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const YEAR_MS = 365.2425 * 86_400_000;

/**
 * A two-digit year as RFC 9110 §5.6.7 reads it: the year with those last two digits nearest
 * `now`, except that one more than 50 years in the future is the most recent past year instead.
 * @example
 * ```ts
 * windowYear(60, Date.UTC(2026, 0, 1)); // 2060
 * windowYear(80, Date.UTC(2026, 0, 1)); // 1980
 * ```
 * @internal
 */
export function windowYear(twoDigits: number, now: number): number {
  const current = new Date(Number.isFinite(now) ? now : 0).getUTCFullYear();
  let year = current - (((current % 100) + 100) % 100) + twoDigits;
  if (year > current + 50) year -= 100;
  else if (year <= current - 50) year += 100;
  return year;
}

/** Milliseconds since the epoch for calendar fields, or `undefined` when a field is out of range. */
function utc(year: number, month: number, day: number, h: number, m: number, s: number, offsetMin: number): number | undefined {
  // Second 60 is a leap second (RFC 9110 §5.6.7 allows it): Date.UTC carries it into the next minute.
  if (month < 0 || month > 11 || day < 1 || h > 23 || m > 59 || s > 60) return undefined;
  const at = Date.UTC(year, month, day, h, m, s) - offsetMin * 60_000;
  // A day past the month's end (31 Nov) rolls over in Date.UTC: refuse it instead.
  return new Date(Date.UTC(year, month, day)).getUTCDate() === day && Number.isFinite(at) ? at : undefined;
}

function offset(sign: string | undefined, hh: string | undefined, mm: string | undefined): number {
  return sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
}

/**
 * An HTTP-date (IMF-fixdate, RFC 850 or asctime) or an RFC 3339 time in ms since the epoch, or
 * `undefined` for anything else. A two-digit RFC 850 year is windowed around `now` (RFC 9110
 * §5.6.7); second 60 (a leap second) is the first second of the next minute.
 * @example
 * ```ts
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT'); // 784111777000
 * ```
 * @internal
 */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  const text = value.trim();
  if (text.length > 64) return undefined;
  let m = IMF.exec(text);
  if (m !== null) {
    const zone = m[7]?.toLowerCase();
    const zoneHours = zone === undefined ? 0 : Object.hasOwn(ZONES, zone) ? (ZONES[zone] as number) : undefined;
    if (zoneHours === undefined) return undefined;
    const y = m[3] as string;
    const year = y.length === 2 ? windowYear(Number(y), now) : Number(y);
    const month = MONTHS[(m[2] as string).toLowerCase()] ?? -1;
    return utc(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), zoneHours * 60 + offset(m[8], m[9], m[10]));
  }
  m = ASCTIME.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[1] as string).toLowerCase()] ?? -1;
    return utc(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), 0);
  }
  m = RFC3339.exec(text);
  if (m !== null) {
    const at = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset(m[9], m[10], m[11]));
    return at === undefined ? undefined : at + Math.round(Number(m[7] ?? 0) * 1000);
  }
  return undefined;
}

/** 10^9 seconds: a Retry-After at least this large reads as epoch seconds when it is near the response's time. */
const EPOCH_LIKE_MS = 1e12;
const EPOCH_WINDOW_MS = 86_400_000;

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
 * negative value or a date in the past gives 0. A "delay" of 10^9 seconds or more that lies within a
 * day of that time is epoch seconds, as some servers send the reset there.
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
  if (delta !== null && delta[1] === '-') return 0;
  const ms = delta === null ? undefined : Number(`${delta[2]}${delta[3] ?? ''}`) * 1000;
  // Delay-seconds of 10^9 or more is 31 years: a number that large is no delay.
  if (ms !== undefined && ms < EPOCH_LIKE_MS) return clampMs(ms);
  const clock = options.now ?? Date.now();
  const base = (typeof options.date === 'string' ? parseHttpDate(options.date, clock) : undefined) ?? clock;
  // Some servers send the reset's epoch seconds where delay-seconds belong (Heroku's legacy API:
  // `Retry-After: 1353003093` beside `Date: Thu, 15 Nov 2012 18:11:22 GMT`): within a day of the
  // response's own time, the number is that instant. Further off it is a huge delay, capped.
  if (ms !== undefined) return Math.abs(ms - base) <= EPOCH_WINDOW_MS ? clampMs(ms - base) : clampMs(ms);
  const at = parseHttpDate(value, clock);
  return at === undefined ? undefined : clampMs(at - base);
}

/** A delay in ms; a negative or unreadable one is no hint at all, so the next header is read. */
function parseMs(value: string | undefined): number | undefined {
  if (value === undefined || value.length > 32) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isNaN(n) || n < 0 ? undefined : clampMs(n);
}

/**
 * The server-directed delay in a response's headers: `retry-after-ms`, then `x-ms-retry-after-ms`,
 * then AWS's `x-amz-retry-after`, then gRPC's `grpc-retry-pushback-ms`, then `Retry-After`. The
 * millisecond headers are ignored when negative or unreadable (the next one is read instead).
 * @internal
 */
export function retryAfterFromHeaders(headers: HeaderReader, now: number): number | undefined {
  if (headers === NO_HEADERS) return undefined;
  return (
    parseMs(headers.get('retry-after-ms')) ??
    parseMs(headers.get('x-ms-retry-after-ms')) ??
    // AWS (SDK retry behaviour 2.1, smithy): a delay in ms.
    parseMs(headers.get('x-amz-retry-after')) ??
    // gRPC's server pushback (gRFC A6), in trailing metadata: a delay in ms.
    parseMs(headers.get('grpc-retry-pushback-ms')) ??
    parseRetryAfter(headers.get('retry-after'), { now, date: headers.get('date') })
  );
}

/**
 * The server's own verdict (`x-should-retry`, `stripe-should-retry`), which overrides every other rule.
 * @internal
 */
export function retryHintFromHeaders(headers: HeaderReader): RetryClass | undefined {
  if (headers === NO_HEADERS) return undefined;
  const hint = headers.get('x-should-retry') ?? headers.get('stripe-should-retry');
  if (hint === undefined) return undefined;
  const v = hint.trim().toLowerCase();
  return v === 'true' ? 'always' : v === 'false' ? 'never' : undefined;
}
