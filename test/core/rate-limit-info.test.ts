import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rateLimitInfo } from '../../src/core/rate-limit.js';

describe('rateLimitInfo: the facts that are known, and no others', () => {
  it('is undefined when nothing is known', () => {
    expect(rateLimitInfo(undefined, undefined, undefined)).toBeUndefined();
  });

  it('keeps zeroes', () => {
    expect(rateLimitInfo(0, 0, 0)).toEqual({ limit: 0, remaining: 0, resetMs: 0 });
  });

  it('carries exactly the given fields, never an undefined one', () => {
    const maybe = fc.option(fc.nat(), { nil: undefined });
    fc.assert(
      fc.property(maybe, maybe, maybe, (limit, remaining, resetMs) => {
        const info = rateLimitInfo(limit, remaining, resetMs);
        const expected = Object.fromEntries(Object.entries({ limit, remaining, resetMs }).filter(([, v]) => v !== undefined));
        if (Object.keys(expected).length === 0) expect(info).toBeUndefined();
        else {
          expect(info).toEqual(expected);
          expect(Object.keys(info ?? {})).toEqual(Object.keys(expected));
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });
});
