/**
 * The server-directed waits that are not a plain Retry-After, and the HTTP-date rules of RFC 9110
 * §5.6.7, as properties: every valid value reads as the stated ms; negative or garbage values are
 * no hint (the next header is read); two-digit years are windowed; a leap second parses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter, readHeaders, retryAfterFromHeaders, windowYear } from '../../src/core/headers.js';
import { parseRateLimit, serverWait } from '../../src/core/rate-limit.js';

const NOW = Date.UTC(2026, 0, 1);
const MS_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'x-amz-retry-after', 'grpc-retry-pushback-ms'] as const;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number): string => String(n).padStart(2, '0');
const wait = (h: Record<string, string>): number | undefined => retryAfterFromHeaders(readHeaders(h), NOW);
/** Whole seconds between 1970 and 9999. */
const instant = fc.integer({ min: 0, max: 253_402_300_799 }).map((s) => s * 1000);
const rfc850 = (at: number): string => {
  const d = new Date(at);
  return `${LONG_DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
};

describe('millisecond wait headers', () => {
  it.each(MS_HEADERS)('%s: any value >= 0 reads as that many ms (rounded), ahead of Retry-After', (name) => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (ms) => {
        expect(wait({ [name]: String(ms), 'retry-after': '7' })).toBe(Math.round(ms));
      }),
    );
  });

  it.each(MS_HEADERS)('%s: a negative or unreadable value is ignored, so Retry-After is read', (name) => {
    const bad = fc.oneof(
      fc.double({ min: -1e12, max: -Number.MIN_VALUE, noNaN: true }).map(String),
      fc.string({ maxLength: 12 }).filter((t) => Number.isNaN(Number(t)) || t.trim() === ''),
    );
    fc.assert(
      fc.property(bad, (value) => {
        expect(wait({ [name]: value, 'retry-after': '7' })).toBe(7000);
        expect(wait({ [name]: value })).toBeUndefined();
      }),
    );
  });

  it('x-amz-retry-after is milliseconds (smithy SDKs, retry behaviour 2.1)', () => {
    expect(wait({ 'x-amz-retry-after': '1500' })).toBe(1500);
  });
});

describe('HTTP-dates (RFC 9110 §5.6.7)', () => {
  it('any IMF-fixdate reads as its instant, and as a wait from now', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const text = new Date(at).toUTCString();
        expect(parseHttpDate(text, NOW)).toBe(at);
        expect(parseRetryAfter(text, { now: NOW })).toBe(Math.max(0, at - NOW));
      }),
    );
  });

  it('any asctime date reads as GMT, not local time', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const d = new Date(at);
        const text = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
        expect(parseHttpDate(text, NOW)).toBe(at);
      }),
    );
  });

  it('an RFC 850 date within 50 years of now reads as that date', () => {
    const window = fc.integer({ min: -49 * 365, max: 49 * 365 }).map((days) => NOW + days * 86_400_000);
    fc.assert(
      fc.property(window, fc.integer({ min: 0, max: 86_399 }), (day, s) => {
        const at = day + s * 1000;
        expect(parseHttpDate(rfc850(at), NOW)).toBe(at);
      }),
    );
  });

  it('a two-digit year is the one nearest now, and never more than 50 years in the future', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1900, max: 9000 }), (yy, current) => {
        const year = windowYear(yy, Date.UTC(current, 5, 1));
        expect(year % 100).toBe(yy);
        expect(year).toBeLessThanOrEqual(current + 50);
        expect(year).toBeGreaterThan(current - 50);
      }),
    );
    // In 2026: '60' is 2060 (34 years ahead), '80' is 1980 (2080 would be 54 ahead); Date.parse says 1960.
    expect(new Date(parseHttpDate('Thursday, 01-Jan-60 00:00:00 GMT', NOW) as number).getUTCFullYear()).toBe(2060);
    expect(new Date(parseHttpDate('Tuesday, 01-Jan-80 00:00:00 GMT', NOW) as number).getUTCFullYear()).toBe(1980);
  });

  it('second 60 (a leap second) is the first second of the next minute, in every format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_223_371_666 }), (minute) => {
        const next = (minute + 1) * 60_000;
        const d = new Date(minute * 60_000);
        const hm = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:60`;
        const date = `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
        expect(parseHttpDate(`${DAYS[d.getUTCDay()]}, ${date} ${hm} GMT`, NOW)).toBe(next);
        expect(parseHttpDate(`${d.toISOString().slice(0, 10)}T${hm}Z`, NOW)).toBe(next);
      }),
    );
    // Date.parse reads this as 23:59:00, a minute early.
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:60 GMT', { now: NOW - 30_000 })).toBe(30_000);
  });

  it('garbage and out-of-range fields are no date', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const at = parseHttpDate(text, NOW);
        if (at !== undefined) expect(Number.isFinite(at)).toBe(true);
      }),
    );
    for (const bad of ['May 5', 'foo 2020', 'Mon, 31 Nov 2026 08:00:00 GMT', 'Mon, 23 Nov 2026 24:00:00 GMT', 'Mon, 23 Nov 2026 08:60:00 GMT', 'Mon, 23 Nov 2026 08:00:61 GMT', 'Mon, 23 Foo 2026 08:00:00 GMT', 'Mon, 23 Nov 2026 08:00:00 XYZ']) {
      expect(parseHttpDate(bad, NOW), bad).toBeUndefined();
    }
  });
});

describe('a 429 whose only hint is a reset header', () => {
  const delta = fc.integer({ min: 0, max: 86_400 });
  it.each(['ratelimit-reset', 'x-ratelimit-reset', 'x-rate-limit-reset'])('%s (delta or epoch seconds) is the wait when nothing says what is left', (name) => {
    fc.assert(
      fc.property(delta, fc.boolean(), (s, epoch) => {
        const h = readHeaders({ [name]: String(epoch ? NOW / 1000 + s : s) });
        expect(serverWait(h, NOW, parseRateLimit(h, NOW))).toBe(s * 1000);
        expect(serverWait(h, NOW, parseRateLimit(h, NOW), undefined, 429)).toBe(s * 1000);
      }),
    );
  });

  it.each(['ratelimit-reset', 'x-ratelimit-reset', 'x-rate-limit-reset'])('%s next to remaining > 0 is the wait on a 429 only', (name) => {
    fc.assert(
      fc.property(delta, fc.integer({ min: 1, max: 1000 }), (s, remaining) => {
        const prefix = name.slice(0, name.length - '-reset'.length);
        const h = readHeaders({ [name]: String(s), [`${prefix}-remaining`]: String(remaining) });
        const info = parseRateLimit(h, NOW);
        expect(serverWait(h, NOW, info, undefined, 429)).toBe(s * 1000);
        // The same headers on any other response (a 200, a 404) are the window's schedule.
        expect(serverWait(h, NOW, info, undefined, 404)).toBeUndefined();
        expect(serverWait(h, NOW, info)).toBeUndefined();
      }),
    );
  });

  it('Retry-After and a body hint still come first', () => {
    const h = readHeaders({ 'x-ratelimit-reset': '30', 'retry-after': '5' });
    expect(serverWait(h, NOW, parseRateLimit(h, NOW), undefined, 429)).toBe(5000);
    const g = readHeaders({ 'x-ratelimit-reset': '30' });
    expect(serverWait(g, NOW, parseRateLimit(g, NOW), 2000, 429)).toBe(2000);
  });

  it('reads X\'s x-rate-limit-* family', () => {
    expect(parseRateLimit(readHeaders({ 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(NOW / 1000 + 900) }), NOW)).toEqual({ limit: 50, remaining: 0, resetMs: 900_000 });
  });
});

describe('a reset given as an instant', () => {
  // Any response time from 2004 on (a day before it is still past 10^9 s, where a reset reads as epoch seconds), and a
  // client clock up to a year either side of it.
  const sent = fc.integer({ min: 1_100_000_000, max: 4_000_000_000 }).map((s) => s * 1000);
  const skew = fc.integer({ min: -31_536_000, max: 31_536_000 }).map((s) => s * 1000);
  const delta = fc.integer({ min: 1, max: 86_400 });

  it.each(['ratelimit-reset', 'x-ratelimit-reset', 'x-rate-limit-reset'])('%s in epoch seconds is measured from the response’s Date, whatever the client clock', (name) => {
    fc.assert(
      fc.property(sent, skew, delta, (at, off, s) => {
        const h = readHeaders({ [name]: String(at / 1000 + s), date: new Date(at).toUTCString() });
        expect(parseRateLimit(h, at + off)?.resetMs).toBe(s * 1000);
      }),
    );
  });

  it('in epoch milliseconds too; with no Date it is measured from now', () => {
    fc.assert(
      fc.property(sent, delta, (at, s) => {
        expect(parseRateLimit(readHeaders({ 'x-ratelimit-reset': String(at + s * 1000), date: new Date(at).toUTCString() }), 0)?.resetMs).toBe(s * 1000);
        expect(parseRateLimit(readHeaders({ 'x-ratelimit-reset': String(at / 1000 + s) }), at)?.resetMs).toBe(s * 1000);
      }),
    );
  });

  it('already past when an error other than a 429 was sent is no wait; on a 429 it is “now”', () => {
    // XCover's 422s (corpus holdout 30): `x-ratelimit-remaining: -1` (unlimited) beside a reset years old.
    fc.assert(
      fc.property(sent, delta, fc.constantFrom(400, 403, 404, 422, 500, 503), (at, s, status) => {
        const h = readHeaders({ 'x-ratelimit-limit': '-1', 'x-ratelimit-remaining': '-1', 'x-ratelimit-reset': String(at / 1000 - s), date: new Date(at).toUTCString() });
        const info = parseRateLimit(h, at);
        expect(serverWait(h, at, info, undefined, status)).toBeUndefined();
        expect(serverWait(h, at, info, undefined, 429)).toBe(0);
      }),
    );
  });
});
