import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHeaders } from '../../src/core/headers.js';
import { parseDuration, parseRateLimit } from '../../src/core/rate-limit.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);
const RUNS = Number(process.env.FC_RUNS ?? 200);
const rl = (h: Record<string, string>) => parseRateLimit(readHeaders(h), NOW);

describe('parseDuration', () => {
  it.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['26.604s', 26_604],
    ['0s', 0],
    ['1.5h', 5_400_000],
  ])('%s → %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '10', '1x', 's', '1m1', 'm1s', '1s ms', '-1s', undefined])('rejects %s', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('reads back any h/m/s composition', () => {
    fc.assert(
      fc.property(fc.nat({ max: 99 }), fc.nat({ max: 59 }), fc.nat({ max: 59 }), (h, m, s) => {
        expect(parseDuration(`${h}h${m}m${s}s`)).toBe(((h * 60 + m) * 60 + s) * 1000);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseRateLimit', () => {
  it('reads the current IETF structured-field draft with its policy', () => {
    expect(rl({ RateLimit: '"default";r=0;t=30', 'RateLimit-Policy': '"default";q=100;w=60' })).toEqual({ limit: 100, remaining: 0, resetMs: 30_000 });
    expect(rl({ RateLimit: '"burst";r=12;t=1' })).toEqual({ remaining: 12, resetMs: 1000 });
  });

  it('reads the older single-field and RateLimit-Limit/Remaining/Reset drafts', () => {
    expect(rl({ RateLimit: 'limit=100, remaining=0, reset=5' })).toEqual({ limit: 100, remaining: 0, resetMs: 5000 });
    expect(rl({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '7' })).toEqual({ limit: 100, remaining: 0, resetMs: 7000 });
  });

  it('reads X-RateLimit-Reset as delta seconds, epoch seconds, epoch ms or a duration', () => {
    expect(rl({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' })).toEqual({ limit: 60, remaining: 0, resetMs: 30_000 });
    expect(rl({ 'X-RateLimit-Reset': String(NOW / 1000 + 42) })).toEqual({ resetMs: 42_000 });
    expect(rl({ 'X-RateLimit-Reset': String(NOW + 1500) })).toEqual({ resetMs: 1500 });
    expect(rl({ 'x-ratelimit-reset': '6m0s', 'x-ratelimit-remaining': '0' })).toEqual({ remaining: 0, resetMs: 360_000 });
    expect(rl({ 'x-ratelimit-reset': '20ms' })).toEqual({ resetMs: 20 });
  });

  it('clamps a reset in the past to 0', () => {
    expect(rl({ 'X-RateLimit-Reset': String(NOW / 1000 - 100) })).toEqual({ resetMs: 0 });
  });

  it('ignores garbage and negative numbers', () => {
    expect(rl({ 'X-RateLimit-Reset': 'garbage' })).toBeUndefined();
    expect(rl({ 'X-RateLimit-Remaining': '-3' })).toBeUndefined();
    expect(rl({ 'X-RateLimit-Reset': 'May 5' })).toBeUndefined();
    expect(rl({})).toBeUndefined();
  });

  it('is total for arbitrary header values', () => {
    const names = fc.constantFrom('ratelimit', 'ratelimit-policy', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-reset-after');
    fc.assert(
      fc.property(fc.dictionary(names, fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String))), (h) => {
        const info = rl(h);
        if (info === undefined) return;
        for (const v of Object.values(info)) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
