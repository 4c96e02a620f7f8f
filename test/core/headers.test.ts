import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseHttpDate,
  parseRetryAfter,
  readHeaders,
  retryAfterFromHeaders,
  retryHintFromHeaders,
} from '../../src/core/headers.js';
import { requestIdFromHeaders } from '../../src/core/request-id-headers.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);
const RUNS = Number(process.env.FC_RUNS ?? 200);

describe('readHeaders', () => {
  it('reads a Headers instance by lower-case name', () => {
    const h = readHeaders(new Headers({ 'Retry-After': '5', 'X-Request-Id': 'abc' }));
    expect(h.get('retry-after')).toBe('5');
    expect(h.get('x-request-id')).toBe('abc');
    expect(h.get('missing')).toBeUndefined();
  });

  it('reads a plain object with any casing, array and non-string values', () => {
    const h = readHeaders({ 'RETRY-after': '7', 'X-Multi': ['a', 'b'], 'X-Num': 5, 'X-Bool': true, 'X-Obj': {}, 'X-Null': null });
    expect(h.get('retry-after')).toBe('7');
    expect(h.get('x-multi')).toBe('a, b');
    expect(h.get('x-num')).toBe('5');
    expect(h.get('x-bool')).toBe('true');
    expect(h.get('x-obj')).toBeUndefined();
    expect(h.get('x-null')).toBeUndefined();
  });

  it('reads entries and Maps, joining repeated names', () => {
    expect(readHeaders([['X-A', '1'], ['x-a', '2']]).get('x-a')).toBe('1, 2');
    expect(readHeaders(new Map([['Request-Id', 'req_1']])).get('request-id')).toBe('req_1');
    expect(readHeaders([['bad'], 42, null, ['X-Ok', 'y']]).get('x-ok')).toBe('y');
  });

  it('trusts get() of a Headers-like object from another library', () => {
    const foreign = { get: (name: string) => (name === 'retry-after' ? '9' : null), entries: () => [][Symbol.iterator]() };
    expect(readHeaders(foreign).get('retry-after')).toBe('9');
    const throwing = { get: () => { throw new Error('boom'); }, entries: () => [][Symbol.iterator]() };
    expect(readHeaders(throwing).get('retry-after')).toBeUndefined();
  });

  it('reads an iterable headers class without entries() by its pairs (the Azure SDKs\' HttpHeaders)', async () => {
    const { createHttpHeaders } = await import('@azure/core-rest-pipeline');
    const h = readHeaders(createHttpHeaders({ 'X-Ms-Error-Code': 'BlobNotFound', 'x-ms-request-id': 'r-1' }));
    expect([h.get('x-ms-error-code'), h.get('x-ms-request-id')]).toEqual(['BlobNotFound', 'r-1']);
  });

  it('never throws: hostile input reads as no headers', () => {
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
    for (const input of [undefined, null, 42, 'x-a: 1', trap, { get x() { throw new Error('getter'); } }]) {
      expect(() => readHeaders(input).get('x')).not.toThrow();
    }
  });

  it('is total for arbitrary header objects', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), fc.string(), (obj, name) => {
        const got = readHeaders(obj).get(name.toLowerCase());
        expect(got === undefined || typeof got === 'string').toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds, decimals included', () => {
    expect(parseRetryAfter('34')).toBe(34_000);
    expect(parseRetryAfter(' 5 ')).toBe(5_000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('1.5')).toBe(1_500);
    expect(parseRetryAfter('0.25')).toBe(250);
  });

  it('reads an HTTP-date relative to the Date header when present', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:00:30 GMT', { date: 'Mon, 23 Nov 2026 08:00:00 GMT', now: 0 })).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:00:30 GMT', { date: 'garbage', now: NOW })).toBe(30_000);
  });

  it('reads an HTTP-date relative to now without a Date header, in each of the three HTTP forms and RFC 3339', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:01:00 GMT', { now: NOW })).toBe(60_000);
    expect(parseRetryAfter('Monday, 23-Nov-26 08:00:10 GMT', { now: NOW })).toBe(10_000);
    expect(parseRetryAfter('2026-11-23T08:00:02Z', { now: NOW })).toBe(2_000);
  });

  it('clamps a negative delay or a date in the past to 0', () => {
    expect(parseRetryAfter('-5')).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', { now: NOW })).toBe(0);
  });

  it('caps huge values to a finite number', () => {
    const ms = parseRetryAfter('99999999999999999999');
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('ignores garbage, including strings Date.parse would accept', () => {
    for (const v of ['', 'soon', 'abc', '1e3', 'Infinity', 'NaN', '0x10', '+5', '5.', '.5', '1,5', '12abc', 'May 5', 'foo 2020', 'Tue 3', 'x'.repeat(100)]) {
      expect(parseRetryAfter(v, { now: NOW }), v).toBeUndefined();
    }
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('is total and never negative for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const ms = parseRetryAfter(v, { now: NOW });
        expect(ms === undefined || (Number.isFinite(ms) && ms >= 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives back any whole number of seconds', () => {
    fc.assert(fc.property(fc.nat({ max: 10_000_000 }), (s) => { expect(parseRetryAfter(String(s))).toBe(s * 1000); }), { numRuns: RUNS });
  });
});

describe('parseHttpDate', () => {
  it('accepts real dates only', () => {
    expect(parseHttpDate('Mon, 23 Nov 2026 08:00:00 GMT')).toBe(NOW);
    expect(parseHttpDate('Mon Nov 23 08:00:00 2026')).toBeTypeOf('number');
    expect(parseHttpDate('May 5')).toBeUndefined();
  });
});

describe('retryAfterFromHeaders', () => {
  const read = (h: Record<string, string>) => retryAfterFromHeaders(readHeaders(h), NOW);

  it('prefers retry-after-ms, then x-ms-retry-after-ms, then Retry-After', () => {
    expect(read({ 'retry-after-ms': '1500', 'x-ms-retry-after-ms': '2500', 'Retry-After': '3' })).toBe(1500);
    expect(read({ 'x-ms-retry-after-ms': '2500', 'Retry-After': '3' })).toBe(2500);
    expect(read({ 'Retry-After': '3' })).toBe(3000);
    expect(read({ 'Retry-After': 'Mon, 23 Nov 2026 08:00:30 GMT', Date: 'Mon, 23 Nov 2026 08:00:20 GMT' })).toBe(10_000);
  });

  // openai-node's calculateRetryDelay ignores a retry-after-ms outside [0, 60 s) instead of retrying at once.
  it('skips an invalid or negative millisecond header for the next one', () => {
    expect(read({ 'retry-after-ms': 'soon', 'Retry-After': '3' })).toBe(3000);
    expect(read({ 'retry-after-ms': '-10' })).toBeUndefined();
    expect(read({ 'retry-after-ms': '-10', 'Retry-After': '3' })).toBe(3000);
    expect(read({ 'retry-after-ms': '12.6' })).toBe(13);
    expect(read({})).toBeUndefined();
  });
});

describe('requestIdFromHeaders', () => {
  it.each([
    ['x-request-id', 'req-1'],
    ['request-id', 'req_018EeWyXxfu5pfWkrYcMdjWG'],
    ['x-amzn-requestid', 'c3a3e0d6-8e0c-4c8e-9f2a-0b3a8f3e1c11'],
    ['x-amz-request-id', '4442587FB7D0A2F9'],
    ['x-ms-request-id', '0e9b2c4e-1a9b-4c2f-8f1d-3c2b1a0e9f8d'],
    ['x-github-request-id', 'CA3C:2B5F:1F2E3D:4A5B6C:5F8E9D0A'],
    ['cf-ray', '7d2a1b3c4e5f6a7b-SJC'],
  ])('reads %s', (name, id) => {
    expect(requestIdFromHeaders(readHeaders({ [name.toUpperCase()]: id }))).toBe(id);
  });

  it('prefers x-request-id over cf-ray and ignores empty values', () => {
    expect(requestIdFromHeaders(readHeaders({ 'cf-ray': 'ray', 'x-request-id': 'rid' }))).toBe('rid');
    expect(requestIdFromHeaders(readHeaders({ 'x-request-id': '', 'cf-ray': 'ray' }))).toBe('ray');
    expect(requestIdFromHeaders(readHeaders({}))).toBeUndefined();
  });
});

describe('retryHintFromHeaders', () => {
  it('reads x-should-retry and Stripe-Should-Retry as true/false, anything else as no hint', () => {
    expect(retryHintFromHeaders(readHeaders({ 'x-should-retry': 'true' }))).toBe('always');
    expect(retryHintFromHeaders(readHeaders({ 'X-Should-Retry': 'FALSE' }))).toBe('never');
    expect(retryHintFromHeaders(readHeaders({ 'Stripe-Should-Retry': 'false' }))).toBe('never');
    expect(retryHintFromHeaders(readHeaders({ 'x-should-retry': 'maybe' }))).toBeUndefined();
    expect(retryHintFromHeaders(readHeaders({}))).toBeUndefined();
  });
});
