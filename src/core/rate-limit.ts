/**
 * Rate-limit headers: the IETF `RateLimit` / `RateLimit-Policy` fields (current structured-field
 * draft and the older `RateLimit-Limit/Remaining/Reset` form) and the de-facto `X-RateLimit-*`
 * family, whose reset may be delta seconds, epoch seconds, epoch milliseconds or a duration.
 */
import type { RateLimitInfo } from './fault.js';
import type { HeaderReader } from './profile.js';
import { NO_HEADERS, parseHttpDate, retryAfterFromHeaders } from './headers.js';

const UNITS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, 'µs': 0.001, ns: 0.000_001 };
const PART = /(\d{1,12}(?:\.\d{1,9})?)(ms|us|µs|ns|h|m|s)/g;

/**
 * A Go-style duration (`1s`, `6m0s`, `20ms`, `1h2m3.5s`) in milliseconds, or `undefined`.
 *
 * @example
 * ```ts
 * parseDuration('6m0s'); // 360000
 * ```
 * @public
 */
export function parseDuration(text: string | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const value = text.trim();
  if (value.length === 0 || value.length > 64) return undefined;
  let total = 0;
  let consumed = 0;
  for (const match of value.matchAll(PART)) {
    if (match.index !== consumed) return undefined;
    total += Number(match[1]) * (UNITS[match[2] as string] ?? Number.NaN);
    consumed += match[0].length;
  }
  return consumed === value.length && Number.isFinite(total) ? Math.round(total) : undefined;
}

function number(value: string | undefined): number | undefined {
  if (value === undefined || value.length > 32) return undefined;
  const n = Number(value.trim().split(/[,;\s]/)[0]);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * The time an absolute reset is measured from: the response's own `Date` when it has one, as Retry-After's HTTP-date
 * is (RFC 9110 §10.2.3), so a client clock that runs off the server's, or a response read later than it was sent (a
 * recorded one, a pasted one), still gives the wait the server meant; else `now`.
 */
function responseTime(headers: HeaderReader, now: number): number {
  const date = headers.get('date');
  return (date === undefined ? undefined : parseHttpDate(date, now)) ?? now;
}

/** A reset as delta seconds, epoch seconds, epoch ms or a duration → ms from the response's time. */
function resetToMs(value: string | undefined, now: number, headers: HeaderReader): number | undefined {
  if (value === undefined) return undefined;
  const n = number(value);
  if (n === undefined) {
    const duration = parseDuration(value);
    if (duration !== undefined) return duration;
    const at = parseHttpDate(value, now);
    return at === undefined ? undefined : Math.max(0, at - responseTime(headers, now));
  }
  if (n > 1e12) return Math.max(0, Math.round(n - responseTime(headers, now)));
  if (n > 1e9) return Math.max(0, Math.round(n * 1000 - responseTime(headers, now)));
  return Math.round(n * 1000);
}

/**
 * `key=value` pairs, keys trimmed (and lower-cased with `lower`): the parameters of a
 * structured-field item (`"default";r=50;t=30`, the item's name skipped) or the older single-field
 * draft (`limit=100, remaining=50, reset=5`).
 */
function pairs(parts: readonly string[], lower: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      const key = part.slice(0, eq).trim();
      out[lower ? key.toLowerCase() : key] = part.slice(eq + 1).trim();
    }
  }
  return out;
}

/** The first item's parameters of a structured field. */
function params(field: string): Record<string, string> {
  return pairs((field.split(',')[0] as string).split(';').slice(1), false);
}

/**
 * The facts that are known, or `undefined` when none is: the one place a RateLimitInfo is built,
 * so it never carries an `undefined` field.
 * @example
 * ```ts
 * rateLimitInfo(undefined, 0, 30_000); // { remaining: 0, resetMs: 30000 }
 * ```
 * @internal
 */
export function rateLimitInfo(limit: number | undefined, remaining: number | undefined, resetMs: number | undefined): RateLimitInfo | undefined {
  const out: { limit?: number; remaining?: number; resetMs?: number } = {};
  if (limit !== undefined) out.limit = limit;
  if (remaining !== undefined) out.remaining = remaining;
  if (resetMs !== undefined) out.resetMs = resetMs;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Limit, remaining and reset as one convention writes them, or `undefined` when none of them reads. */
function facts(limit: string | undefined, remaining: string | undefined, reset: string | undefined, now: number, headers: HeaderReader): RateLimitInfo | undefined {
  return rateLimitInfo(number(limit), number(remaining), resetToMs(reset, now, headers));
}

/**
 * Rate-limit facts from response headers, or `undefined` when there are none. A reset given as an instant (epoch
 * seconds or ms, an HTTP-date) is measured from the response's `Date` header when it has one, else from `now`.
 *
 * @example
 * ```ts
 * parseRateLimit(readHeaders({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }), Date.now());
 * // { remaining: 0, resetMs: 30000 }
 * ```
 * @public
 */
export function parseRateLimit(headers: HeaderReader, now: number): RateLimitInfo | undefined {
  // Most snapshots carry no headers: a dozen lookups that all miss are skipped.
  if (headers === NO_HEADERS) return undefined;
  const field = headers.get('ratelimit');
  if (field !== undefined && field.length < 512) {
    if (field.includes(';')) {
      // Structured-field draft: RateLimit: "policy";r=remaining;t=reset, RateLimit-Policy: "policy";q=quota;w=window
      const p = params(field);
      const policy = headers.get('ratelimit-policy');
      const q = policy !== undefined && policy.length < 512 ? params(policy) : {};
      const info = facts(q.q, p.r, p.t, now, headers);
      if (info !== undefined) return info;
    }
    const k = pairs(field.split(/[,;]/), true);
    const info = facts(k.limit, k.remaining, k.reset, now, headers);
    if (info !== undefined) return info;
  }
  // Most responses carry none of these: look them up, and build objects only for what is there.
  const limit = headers.get('ratelimit-limit');
  const remaining = headers.get('ratelimit-remaining');
  const reset = headers.get('ratelimit-reset');
  if (limit !== undefined || remaining !== undefined || reset !== undefined) {
    const ietf = facts(limit, remaining, reset, now, headers);
    if (ietf !== undefined) return ietf;
  }
  const xLimit = headers.get('x-ratelimit-limit');
  const xRemaining = headers.get('x-ratelimit-remaining');
  const xReset = headers.get('x-ratelimit-reset-after') ?? headers.get('x-ratelimit-reset');
  if (xLimit !== undefined || xRemaining !== undefined || xReset !== undefined) {
    const x = facts(xLimit, xRemaining, xReset, now, headers);
    if (x !== undefined) return x;
  }
  // X's (Twitter's) spelling, `x-rate-limit-*`, with the reset in epoch seconds.
  const tLimit = headers.get('x-rate-limit-limit');
  const tRemaining = headers.get('x-rate-limit-remaining');
  const tReset = headers.get('x-rate-limit-reset');
  if (tLimit !== undefined || tRemaining !== undefined || tReset !== undefined) return facts(tLimit, tRemaining, tReset, now, headers);
  // Brevo's (Sendinblue's), its only wait on a 429: the reset in seconds (developers.brevo.com/docs/limit-headers);
  // QStash's burst limit, its reset in epoch seconds (upstash.com/docs/qstash/api/api-ratelimiting); and Linear's request
  // budget, its reset in epoch milliseconds (linear.app/developers/rate-limiting), sent beside a RATELIMITED under a 400.
  for (const family of ['x-sib-ratelimit-', 'burst-ratelimit-', 'x-ratelimit-requests-']) {
    const reset = headers.get(`${family}reset`);
    if (reset !== undefined) return facts(headers.get(`${family}limit`), headers.get(`${family}remaining`), reset, now, headers);
  }
  // Contentful's, on every API and on every response: the seconds until the next request is accepted, beside the
  // per-second budget (contentful.com/developers/docs/references/content-management-api, "API rate limits"; its SDKs read
  // the reset as seconds: contentful.net's SecondsUntilNextRequest, contentful-management.rb's reset_time).
  const contentful = headers.get('x-contentful-ratelimit-reset');
  if (contentful !== undefined) return facts(headers.get('x-contentful-ratelimit-second-limit'), headers.get('x-contentful-ratelimit-second-remaining'), contentful, now, headers);
  return undefined;
}

/**
 * How long the server asked a caller to wait: its Retry-After headers first, then a hint the body
 * gave, then the time until the rate limit resets — when it says nothing is left, when it does not
 * say what is left (a 429 whose only hint is `RateLimit-Reset`, `X-RateLimit-Reset` or
 * `X-Rate-Limit-Reset`), or when the response is a 429 (`status`). A reset next to a remaining
 * count above zero on any other response is the window's schedule, not a wait; so is one already past.
 * @example
 * ```ts
 * serverWait(readHeaders({ 'x-ratelimit-reset': '30' }), Date.now(), { resetMs: 30_000 }); // 30000
 * ```
 * @internal
 */
export function serverWait(headers: HeaderReader, now: number, rateLimit: RateLimitInfo | undefined, bodyHint?: number, status?: number): number | undefined {
  const reset = rateLimit?.resetMs;
  // A reset already due when an error other than a 429 was sent says nothing is to wait for (XCover's 422s carry
  // `x-ratelimit-remaining: -1`, unlimited, beside a years-old reset).
  const waitForReset =
    rateLimit !== undefined && (rateLimit.remaining === 0 || status === 429 || (rateLimit.remaining === undefined && (reset !== 0 || status === undefined)));
  return retryAfterFromHeaders(headers, now) ?? bodyHint ?? (waitForReset ? reset : undefined);
}
