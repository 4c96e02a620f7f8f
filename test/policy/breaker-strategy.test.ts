// The breaker strategies are public, frozen data: their defaults, their limits, and the exact
// TypeErrors for the rules that span two options.
import { describe, expect, it } from 'vitest';
import { consecutiveFailures, failureRatio } from '../../src/policy/breaker-strategy.js';

describe('consecutiveFailures', () => {
  it('is frozen data with n = 5 and no slow calls by default', () => {
    const s = consecutiveFailures();
    expect(s).toEqual({ kind: 'consecutive', threshold: 5, minimumCalls: 1, windowMs: 0, windowCalls: 0, buckets: 0, slowCallMs: 0, slowCallRatio: 0 });
    expect(Object.isFrozen(s)).toBe(true);
    expect(consecutiveFailures(2, { slowCallMs: 750 })).toMatchObject({ threshold: 2, slowCallMs: 750 });
  });
});

describe('failureRatio', () => {
  it('windowMs gives a time window of 10 buckets; threshold 0.5 and minimumCalls 10 by default', () => {
    const s = failureRatio({ windowMs: 30_000 });
    expect(s).toEqual({ kind: 'time', threshold: 0.5, minimumCalls: 10, windowMs: 30_000, windowCalls: 0, buckets: 10, slowCallMs: 0, slowCallRatio: 0 });
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('windowCalls gives a window of the last N calls, with no buckets', () => {
    expect(failureRatio({ windowCalls: 50, threshold: 1, minimumCalls: 1, slowCallMs: 200, slowCallRatio: 1 })).toEqual({
      kind: 'calls',
      threshold: 1,
      minimumCalls: 1,
      windowMs: 0,
      windowCalls: 50,
      buckets: 0,
      slowCallMs: 200,
      slowCallRatio: 1,
    });
  });

  it('accepts the largest windows it documents', () => {
    expect(failureRatio({ windowCalls: 1_000_000 }).windowCalls).toBe(1_000_000);
    expect(failureRatio({ windowMs: 60_000, buckets: 10_000 }).buckets).toBe(10_000);
  });

  it('needs exactly one of windowMs and windowCalls', () => {
    const rule = 'failureRatio: windowMs must be given, or windowCalls given, but not both';
    expect(() => failureRatio({})).toThrow(`${rule}, got undefined`);
    expect(() => failureRatio({ windowMs: 1_000, windowCalls: 10 })).toThrow(`${rule}, got 1000`);
  });

  it('needs slowCallMs when slowCallRatio is set', () => {
    expect(() => failureRatio({ windowCalls: 10, slowCallRatio: 0.5 })).toThrow(
      new TypeError('failureRatio: slowCallMs must be a finite number > 0 when slowCallRatio is set, got undefined'),
    );
    expect(() => failureRatio({ windowCalls: 10, slowCallRatio: 0.5, slowCallMs: 0 })).toThrow('slowCallMs must be a finite number > 0 when slowCallRatio is set, got 0');
  });
});
