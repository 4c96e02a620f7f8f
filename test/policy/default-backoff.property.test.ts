/**
 * retry's default backoff is written out for bundle size; it must stay exactly exponentialBackoff().
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBackoff, exponentialBackoff } from '../../src/policy/backoff.js';

describe('defaultBackoff', () => {
  it('equals exponentialBackoff() for every attempt and random value', () => {
    const reference = exponentialBackoff();
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ noNaN: false })),
        fc.double({ min: 0, max: 1e6 }),
        fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true }), fc.double()),
        (attempt, previousMs, r) => {
          expect(Object.is(defaultBackoff(attempt, previousMs, () => r), reference(attempt, previousMs, () => r))).toBe(true);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });

  it('doubles from 200 ms to 30 s with full jitter', () => {
    expect(defaultBackoff(1, 0, () => 0.5)).toBe(100);
    expect(defaultBackoff(3, 0, () => 0.5)).toBe(400);
    expect(defaultBackoff(30, 0, () => 0.5)).toBe(15_000);
  });
});
