import { describe, expect, it } from 'vitest';
import { readHeaders } from '../../src/core/headers.js';
import { parseDuration, parseRateLimit } from '../../src/core/rate-limit.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);
const rl = (h: Record<string, string>) => parseRateLimit(readHeaders(h), NOW);

describe('parseRateLimit: edges', () => {
  it('reads a reset given as an HTTP-date, measured from now', () => {
    expect(rl({ 'x-ratelimit-reset': 'Mon, 23 Nov 2026 08:00:30 GMT' })).toEqual({ resetMs: 30_000 });
    expect(rl({ 'ratelimit-reset': '2026-11-23T08:01:00Z', 'ratelimit-remaining': '0' })).toEqual({ remaining: 0, resetMs: 60_000 });
  });

  it('clamps an HTTP-date reset in the past to 0', () => {
    expect(rl({ 'x-ratelimit-reset': 'Mon, 23 Nov 2026 07:59:00 GMT' })).toEqual({ resetMs: 0 });
  });
});

describe('parseDuration: edges', () => {
  it('reads a duration with surrounding whitespace', () => {
    expect(parseDuration(' 1s ')).toBe(1000);
  });

  it('reads up to 64 characters and rejects a longer text', () => {
    expect(parseDuration('1s'.repeat(32))).toBe(32_000);
    expect(parseDuration(`${'1s'.repeat(32)}0s`)).toBeUndefined();
  });
});

describe('parseRateLimit: number and reset edges', () => {
  it('reads a count of up to 32 characters, padded, and ignores a longer one', () => {
    expect(rl({ 'x-ratelimit-remaining': ' 7' })).toEqual({ remaining: 7 });
    expect(rl({ 'x-ratelimit-remaining': `${' '.repeat(31)}7` })).toEqual({ remaining: 7 });
    expect(rl({ 'x-ratelimit-remaining': `${' '.repeat(32)}7` })).toBeUndefined();
  });

  it('reads 1e9 as delta seconds and 1e12 as epoch seconds (larger values are epoch ms / epoch s)', () => {
    expect(rl({ 'x-ratelimit-reset': '1000000000' })).toEqual({ resetMs: 1e12 });
    expect(rl({ 'x-ratelimit-reset': '1000000000000' })).toEqual({ resetMs: 1e15 - NOW });
  });

  it('ignores a boolean parameter in the structured-field form', () => {
    expect(rl({ RateLimit: '"default";r=0;t=30;tx' })).toEqual({ remaining: 0, resetMs: 30_000 });
  });

  it('reads structured-field parameters with spaces around them', () => {
    expect(rl({ RateLimit: '"default"; r=0; t=30' })).toEqual({ remaining: 0, resetMs: 30_000 });
  });

  it('reads a single-form RateLimit field by its keys even when a RateLimit-Policy is present', () => {
    expect(rl({ RateLimit: 'limit=50, remaining=0, reset=5', 'RateLimit-Policy': '"default";q=100;w=60' })).toEqual({ limit: 50, remaining: 0, resetMs: 5000 });
  });

  it('reads a RateLimit field shorter than 512 characters and ignores a longer one', () => {
    expect(rl({ ratelimit: `${' '.repeat(500)}remaining=0` })).toEqual({ remaining: 0 });
    expect(rl({ ratelimit: `${' '.repeat(501)}remaining=0` })).toBeUndefined();
  });

  it('reads a RateLimit-Policy shorter than 512 characters and ignores a longer one', () => {
    const policy = (pad: number) => `${' '.repeat(pad)}"default";q=100`;
    expect(policy(496)).toHaveLength(511);
    expect(rl({ RateLimit: '"default";r=1', 'RateLimit-Policy': policy(496) })).toEqual({ limit: 100, remaining: 1 });
    expect(rl({ RateLimit: '"default";r=1', 'RateLimit-Policy': policy(497) })).toEqual({ remaining: 1 });
  });

  it('reads a single-form field separated by semicolons by its keys', () => {
    expect(rl({ RateLimit: 'limit=100; remaining=0; reset=5' })).toEqual({ limit: 100, remaining: 0, resetMs: 5000 });
  });

  it('falls back to the RateLimit-* and X-RateLimit-* headers when the RateLimit field says nothing', () => {
    expect(rl({ RateLimit: 'unknown', 'x-ratelimit-remaining': '0' })).toEqual({ remaining: 0 });
    expect(rl({ RateLimit: '"default";q=5', 'ratelimit-remaining': '3' })).toEqual({ remaining: 3 });
  });

  it('reads any one of RateLimit-Limit, -Remaining and -Reset alone', () => {
    expect(rl({ 'ratelimit-limit': '100' })).toEqual({ limit: 100 });
    expect(rl({ 'ratelimit-remaining': '3' })).toEqual({ remaining: 3 });
    expect(rl({ 'ratelimit-reset': '7' })).toEqual({ resetMs: 7000 });
  });

  it('reads any one of X-RateLimit-Limit, -Remaining and -Reset alone', () => {
    expect(rl({ 'x-ratelimit-limit': '60' })).toEqual({ limit: 60 });
    expect(rl({ 'x-ratelimit-remaining': '0' })).toEqual({ remaining: 0 });
    expect(rl({ 'x-ratelimit-reset': '9' })).toEqual({ resetMs: 9000 });
  });

  it('reads X-RateLimit-Reset-After, in preference to X-RateLimit-Reset', () => {
    expect(rl({ 'x-ratelimit-reset-after': '12' })).toEqual({ resetMs: 12_000 });
    expect(rl({ 'x-ratelimit-reset-after': '12', 'x-ratelimit-reset': '99' })).toEqual({ resetMs: 12_000 });
  });

  it('falls through RateLimit-* headers it cannot read to X-RateLimit-*', () => {
    expect(rl({ 'ratelimit-limit': 'abc', 'x-ratelimit-remaining': '0' })).toEqual({ remaining: 0 });
  });

  it('ignores a bare word in the single-field form', () => {
    expect(rl({ RateLimit: 'limit=100, remaining=0, reset=5, resets' })).toEqual({ limit: 100, remaining: 0, resetMs: 5000 });
  });
});
