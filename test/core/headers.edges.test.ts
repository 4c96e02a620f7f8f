import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter, readHeaders, retryAfterFromHeaders, retryHintFromHeaders } from '../../src/core/headers.js';
import { requestIdFromHeaders } from '../../src/core/request-id-headers.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);
const many = (n: number, name: (i: number) => string): [string, string][] => Array.from({ length: n }, (_, i) => [name(i), `v${i}`]);

describe('readHeaders: values', () => {
  it('joins the string and number items of an array value and drops the rest', () => {
    const h = readHeaders({ 'X-Multi': ['a', null, 5, {}, true, 'b'] });
    expect(h.get('x-multi')).toBe('a, 5, b');
  });

  it('reads an array value with nothing usable in it as missing', () => {
    expect(readHeaders({ 'X-Empty': [] }).get('x-empty')).toBeUndefined();
    expect(readHeaders({ 'X-Objects': [{}, null] }).get('x-objects')).toBeUndefined();
  });

  it('converts the number values of an all-lower-case record', () => {
    const h = readHeaders({ 'retry-after': 5, 'x-ratelimit-remaining': 0 });
    expect(h.get('retry-after')).toBe('5');
    expect(h.get('x-ratelimit-remaining')).toBe('0');
  });

  it('skips an entry without a string name, and a value-less repeat of a name', () => {
    expect(readHeaders([[5, 'x'], ['X-Ok', 'y']]).get('x-ok')).toBe('y');
    expect(readHeaders([['X-A', '1'], ['x-a', null], ['x-a', undefined]]).get('x-a')).toBe('1');
  });
});

describe('readHeaders: shapes', () => {
  it('reads a string or number as no headers, not as a record of characters', () => {
    for (const input of ['retry-after', 42, true, undefined, null]) {
      const h = readHeaders(input);
      expect(h.get('0')).toBeUndefined();
      expect(h.get('length')).toBeUndefined();
    }
  });

  it('reads a record whose header is named "get" as a record, not as a Headers-like object', () => {
    const h = readHeaders({ get: () => '5', 'retry-after': '7' });
    expect(h.get('retry-after')).toBe('7');
    expect(readHeaders({ entries: () => [][Symbol.iterator](), 'retry-after': '7' }).get('retry-after')).toBe('7');
  });

  it('reads a value that a getter turns into a non-string after construction as missing', () => {
    let reads = 0;
    const record = {
      get 'retry-after'(): unknown {
        return reads++ === 0 ? '5' : 5;
      },
    };
    expect(readHeaders(record).get('retry-after')).toBeUndefined();
  });

  it('reads a header whose getter throws after construction as missing, without throwing', () => {
    let reads = 0;
    const record = {
      get 'retry-after'(): string {
        if (reads++ > 0) throw new Error('gone');
        return '5';
      },
    };
    const headers = readHeaders(record);
    expect(headers.get('retry-after')).toBeUndefined();
    expect(headers.get('missing')).toBeUndefined();
  });

  it('never throws for a Headers instance, even for a name Headers itself rejects', () => {
    const h = readHeaders(new Headers({ 'Retry-After': '5' }));
    expect(h.get('retry-after')).toBe('5');
    expect(() => h.get('bad name')).not.toThrow();
    expect(h.get('bad name')).toBeUndefined();
  });
});

describe('readHeaders: at most 256 headers are read', () => {
  it('from entries', () => {
    const h = readHeaders(many(300, (i) => `x-h${i}`));
    expect(h.get('x-h255')).toBe('v255');
    expect(h.get('x-h256')).toBeUndefined();
  });

  it('from a record with mixed-case names', () => {
    const h = readHeaders(Object.fromEntries(many(300, (i) => `X-H${i}`)));
    expect(h.get('x-h0')).toBe('v0');
    expect(h.get('x-h255')).toBe('v255');
    expect(h.get('x-h256')).toBeUndefined();
    expect(readHeaders(Object.fromEntries(many(256, (i) => `X-H${i}`))).get('x-h255')).toBe('v255');
  });

  it('from a record with lower-case names', () => {
    const h = readHeaders(Object.fromEntries(many(300, (i) => `x-h${i}`)));
    expect(h.get('x-h255')).toBe('v255');
    expect(h.get('x-h299')).toBeUndefined();
    expect(readHeaders(Object.fromEntries(many(256, (i) => `x-h${i}`))).get('x-h255')).toBe('v255');
  });
});

describe('parseHttpDate / parseRetryAfter: edges', () => {
  it('reads a date with surrounding whitespace', () => {
    expect(parseHttpDate('  Mon, 23 Nov 2026 08:00:30 GMT\t')).toBe(NOW + 30_000);
    expect(parseRetryAfter(' Mon, 23 Nov 2026 08:00:30 GMT ', { now: NOW })).toBe(30_000);
  });

  it('reads a date of up to 64 characters and rejects a longer one', () => {
    const at64 = `Monday, 23 Nov 2026 08:00:30${' '.repeat(32)} GMT`;
    expect(at64).toHaveLength(64);
    expect(parseHttpDate(at64)).toBe(NOW + 30_000);
    expect(parseHttpDate(`Monday, 23 Nov 2026 08:00:30${' '.repeat(33)} GMT`)).toBeUndefined();
  });

  it('reads a Retry-After of up to 64 characters and ignores a longer one', () => {
    expect(parseRetryAfter(`${' '.repeat(63)}5`)).toBe(5000);
    expect(parseRetryAfter(`${' '.repeat(64)}5`)).toBeUndefined();
  });

  it('reads a retry-after-ms of up to 32 characters and skips a longer one', () => {
    expect(retryAfterFromHeaders(readHeaders({ 'retry-after-ms': `${' '.repeat(31)}5` }), NOW)).toBe(5);
    expect(retryAfterFromHeaders(readHeaders({ 'retry-after-ms': `${' '.repeat(32)}5`, 'retry-after': '2' }), NOW)).toBe(2000);
  });

  it('skips an empty or blank retry-after-ms instead of reading it as 0', () => {
    expect(retryAfterFromHeaders(readHeaders({ 'retry-after-ms': '', 'retry-after': '2' }), NOW)).toBe(2000);
    expect(retryAfterFromHeaders(readHeaders({ 'retry-after-ms': '   ', 'retry-after': '3' }), NOW)).toBe(3000);
  });

  it('skips a retry-after-ms that is not a finite number', () => {
    const h = readHeaders({ 'retry-after-ms': 'Infinity', 'x-ms-retry-after-ms': '1e400', 'retry-after': '2' });
    expect(retryAfterFromHeaders(h, NOW)).toBe(2000);
  });
});

describe('requestIdFromHeaders: edges', () => {
  it('keeps the first 200 characters of an overlong request id', () => {
    const id = `req_${'x'.repeat(296)}`;
    expect(requestIdFromHeaders(readHeaders({ 'x-request-id': id }))).toBe(id.slice(0, 200));
    const exact = 'r'.repeat(200);
    expect(requestIdFromHeaders(readHeaders({ 'x-request-id': exact }))).toBe(exact);
  });
});

describe('retryHintFromHeaders: edges', () => {
  it('reads a hint with surrounding whitespace', () => {
    expect(retryHintFromHeaders(readHeaders({ 'x-should-retry': ' true ' }))).toBe('always');
    expect(retryHintFromHeaders(readHeaders({ 'stripe-should-retry': 'false\t' }))).toBe('never');
  });
});
