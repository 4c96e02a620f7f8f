/**
 * Backoffs at their edges: a random source outside [0, 1) is pinned to exact values, a zero
 * initial delay stays zero at any attempt (no NaN from 0 × Infinity), and decorrelated jitter
 * reproduces Polly's stateful sequence exactly when every draw is the same.
 */
import { describe, expect, it } from 'vitest';
import { exponentialBackoff, type Jitter } from '../../src/policy/backoff.js';

const f = (t: number): number => 2 ** t * Math.tanh(Math.sqrt(4 * t));

describe('a random source that breaks its contract', () => {
  const full = exponentialBackoff({ initialMs: 100, factor: 2, maxMs: 10_000, jitter: 'full' });

  it('a draw below 0, or NaN, counts as 0', () => {
    for (const r of [-1, -1e-9, Number.NaN, -Infinity]) expect(full(3, 0, () => r)).toBe(0);
  });

  it('a draw of 1 or more counts as just below 1: the delay stays under its ceiling', () => {
    for (const r of [1, 1.5, 5, Infinity]) {
      const delay = full(3, 0, () => r);
      expect(delay).toBeLessThan(400);
      expect(delay).toBeCloseTo(400, 5);
    }
  });

  it('a draw inside [0, 1) is used as is', () => {
    expect(full(3, 0, () => 0)).toBe(0);
    expect(full(3, 0, () => 0.25)).toBe(100);
  });
});

describe('initialMs 0', () => {
  it.each<Jitter>(['none', 'full', 'equal', 'decorrelated'])('%s: every delay is 0, at any attempt and previous delay', (jitter) => {
    const backoff = exponentialBackoff({ initialMs: 0, factor: 2, maxMs: 1_000, jitter });
    for (const attempt of [1, 2, 3, 50, 5_000]) {
      for (const previous of [0, 500]) expect(backoff(attempt, previous, () => 0.5)).toBe(0);
    }
  });
});

describe('decorrelated jitter', () => {
  it("equals Polly V2's stateful sequence when every draw is 0.5", () => {
    const initialMs = 1_000;
    const backoff = exponentialBackoff({ initialMs, maxMs: 1e12, jitter: 'decorrelated' });
    // Polly: t = attempt(0-based) + U; next = f(t); delay = (next - prev) × initial / 1.4; prev = next.
    let prev = 0;
    let previousMs = 0;
    for (let attempt = 1; attempt <= 8; attempt++) {
      const next = f(attempt - 1 + 0.5);
      const expected = ((next - prev) * initialMs) / 1.4;
      prev = next;
      previousMs = backoff(attempt, previousMs, () => 0.5);
      expect(previousMs).toBeCloseTo(expected, 6);
    }
  });

  it('a previous delay outside what the formula allows is clamped to its bounds', () => {
    const backoff = exponentialBackoff({ initialMs: 1_400, maxMs: 1e12, jitter: 'decorrelated' });
    // unit = 1,000 ms; second retry (a = 1): prev is kept within [f(0), f(1)].
    expect(backoff(2, 0, () => 0.5)).toBeCloseTo(f(1.5) * 1_000, 6);
    expect(backoff(2, 1e9, () => 0.5)).toBeCloseTo((f(1.5) - f(1)) * 1_000, 6);
  });

  it('past the overflow it answers maxMs', () => {
    const backoff = exponentialBackoff({ initialMs: 100, maxMs: 5_000, jitter: 'decorrelated' });
    expect(backoff(2_000, 5_000, () => 0.5)).toBe(5_000);
  });
});
