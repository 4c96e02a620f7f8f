import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantBackoff, exponentialBackoff, type Jitter } from '../../src/policy/backoff.js';
import { seededRandom } from './retry.helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const JITTERS: Jitter[] = ['none', 'full', 'equal', 'decorrelated'];

/** Runs a backoff over `n` retries the way retry does, threading the previous delay. */
function schedule(backoff: ReturnType<typeof exponentialBackoff>, n: number, random: () => number): number[] {
  const out: number[] = [];
  let previous = 0;
  for (let attempt = 1; attempt <= n; attempt++) out.push((previous = backoff(attempt, previous, random)));
  return out;
}

describe('exponentialBackoff', () => {
  it('without jitter doubles from initialMs up to maxMs', () => {
    const backoff = exponentialBackoff({ initialMs: 1_000, factor: 2, maxMs: 30_000, jitter: 'none' });
    expect(schedule(backoff, 7, Math.random)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('defaults to 200 ms × 2 up to 30 s with full jitter', () => {
    const backoff = exponentialBackoff();
    expect(backoff(1, 0, () => 0.999_999)).toBeCloseTo(200, 0);
    expect(backoff(1, 0, () => 0)).toBe(0);
    expect(backoff(20, 0, () => 0.5)).toBe(15_000);
  });

  it('equal jitter stays in the upper half', () => {
    const backoff = exponentialBackoff({ initialMs: 100, jitter: 'equal' });
    expect(backoff(2, 0, () => 0)).toBe(100);
    expect(backoff(2, 0, () => 0.5)).toBe(150);
  });

  it('decorrelated jitter follows Polly V2 for the first two retries', () => {
    const backoff = exponentialBackoff({ initialMs: 1_000, maxMs: 1e9, jitter: 'decorrelated' });
    const f = (t: number): number => 2 ** t * Math.tanh(Math.sqrt(4 * t));
    const first = backoff(1, 0, () => 0.5);
    expect(first).toBeCloseTo((f(0.5) * 1_000) / 1.4, 6);
    // The state Polly carries (f(0.5)) is recovered exactly from the first delay.
    expect(backoff(2, first, () => 0.25)).toBeCloseTo(((f(1.25) - f(0.5)) * 1_000) / 1.4, 6);
  });

  it('decorrelated medians sit near initialMs × 2^(attempt-1)', () => {
    const backoff = exponentialBackoff({ initialMs: 1_000, maxMs: 1e9, jitter: 'decorrelated' });
    const random = seededRandom(7);
    const firsts = Array.from({ length: 2_001 }, () => backoff(1, 0, random)).sort((a, b) => a - b);
    expect(firsts[1_000]).toBeGreaterThan(700);
    expect(firsts[1_000]).toBeLessThan(1_300);
  });

  it.each(JITTERS)('%s: every delay is finite, >= 0 and <= maxMs, at any attempt (property)', (jitter) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (initialMs, factor, extra, attempt, previous, r) => {
          const maxMs = initialMs + extra;
          const backoff = exponentialBackoff({ initialMs, factor, maxMs, jitter });
          const delay = backoff(attempt, previous, () => r);
          expect(Number.isFinite(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(maxMs);
          if (jitter !== 'decorrelated') {
            const ceiling = initialMs === 0 ? 0 : Math.min(maxMs, initialMs * factor ** (attempt - 1));
            expect(delay).toBeLessThanOrEqual(ceiling + 1e-6);
            if (jitter === 'equal') expect(delay).toBeGreaterThanOrEqual(ceiling / 2 - 1e-6);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each(JITTERS)('%s: the same seed gives the same schedule (property)', (jitter) => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, n) => {
        const backoff = exponentialBackoff({ initialMs: 100, maxMs: 60_000, jitter });
        expect(schedule(backoff, n, seededRandom(seed))).toEqual(schedule(backoff, n, seededRandom(seed)));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(JITTERS)('%s: no Infinity or NaN at attempt 10,000', (jitter) => {
    const backoff = exponentialBackoff({ initialMs: 200, factor: 2, maxMs: 30_000, jitter });
    const delays = schedule(backoff, 10_000, seededRandom(1));
    expect(delays.filter((d) => !(Number.isFinite(d) && d >= 0 && d <= 30_000))).toEqual([]);
    expect(backoff(10_000, 30_000, () => 0.5)).toBe(jitter === 'full' || jitter === 'equal' ? (jitter === 'full' ? 15_000 : 22_500) : 30_000);
  });

  it('survives a random source that breaks its contract', () => {
    for (const jitter of JITTERS) {
      const backoff = exponentialBackoff({ initialMs: 100, jitter });
      for (const r of [Number.NaN, -1, 1, 5, Infinity]) {
        const d = backoff(3, 100, () => r);
        expect(d >= 0 && d <= 30_000).toBe(true);
      }
    }
  });

  it.each([
    [{ initialMs: -1 }, 'exponentialBackoff: initialMs must be a finite number >= 0, got -1'],
    [{ initialMs: Number.NaN }, 'exponentialBackoff: initialMs must be a finite number >= 0, got NaN'],
    [{ factor: 0.5 }, 'exponentialBackoff: factor must be a finite number >= 1, got 0.5'],
    [{ maxMs: Infinity }, 'exponentialBackoff: maxMs must be a finite number >= 0, got Infinity'],
    [{ initialMs: 500, maxMs: 100 }, 'exponentialBackoff: maxMs must be a finite number >= initialMs (500), got 100'],
    [{ jitter: 'ful' }, `exponentialBackoff: jitter must be one of 'full', 'none', 'equal', 'decorrelated', got "ful"`],
    [{ initialMs: '100' }, 'exponentialBackoff: initialMs must be a finite number >= 0, got "100"'],
  ])('rejects %j at construction', (options, message) => {
    expect(() => exponentialBackoff(options as never)).toThrow(new TypeError(message));
  });
});

describe('constantBackoff', () => {
  it('returns the same delay for every attempt', () => {
    const backoff = constantBackoff(750);
    expect([1, 2, 100, 10_000].map((a) => backoff(a, 0, Math.random))).toEqual([750, 750, 750, 750]);
    expect(constantBackoff(0)(1, 0, Math.random)).toBe(0);
  });

  it.each([-1, Number.NaN, Infinity, undefined, '5'])('rejects %p', (ms) => {
    expect(() => constantBackoff(ms as never)).toThrow(TypeError);
    expect(() => constantBackoff(ms as never)).toThrow(/^constantBackoff: ms must be a finite number >= 0, got /);
  });
});
