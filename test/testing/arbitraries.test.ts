import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { isFault, isFaultError } from '../../src/core/fault.js';
import { retry } from '../../src/policy/retry.js';
import { arbFault, arbResponse, arbResponseSequence } from '../../src/testing/arbitraries-entry.js';
import { VirtualClock, scripted } from '../../src/testing/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 100);

describe('faultline/testing arbitraries', () => {
  it('arbFault gives Faults with the requested codes', () => {
    fc.assert(
      fc.property(arbFault({ codes: ['rate_limited', 'internal'], maxRetryAfterMs: 1_000 }), (fault) => {
        expect(isFault(fault)).toBe(true);
        expect(['rate_limited', 'internal']).toContain(fault.code);
        expect(fault.retryAfterMs ?? 0).toBeLessThanOrEqual(1_000);
      }),
      { numRuns: RUNS },
    );
  });

  it('arbResponse renders error responses that classify reads back as that vendor', async () => {
    await fc.assert(
      fc.asyncProperty(arbResponse(), async (res) => {
        expect(classify(res, { vendor: res.vendor }).vendor).toBe(res.vendor);
        // scripted throws every rendered error, even a GraphQL 200.
        const error = await scripted([res])().catch((e: unknown) => e);
        expect(isFaultError(error)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(() => arbResponse({ vendor: 'no-such-vendor' })).toThrow(TypeError);
  });

  it('arbResponseSequence respects its length bounds', () => {
    fc.assert(
      fc.property(arbResponseSequence({ minLength: 2, maxLength: 4 }), (steps) => steps.length >= 2 && steps.length <= 4),
      { numRuns: RUNS },
    );
  });

  it('scripted plays one step per call and a retry policy sees each one', async () => {
    const call = scripted([
      { status: 503, headers: { 'retry-after': '1' }, body: '' },
      { thrown: new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }) },
      { status: 200, headers: {}, body: 'ok' },
    ]);
    const clock = new VirtualClock();
    const pending = retry({ maxRetries: 3, idempotent: true, clock }).execute(call);
    await clock.runAll();
    expect((await pending).body).toBe('ok');
    expect(call.calls).toBe(3);
    expect(clock.sleeps[0]).toBe(1_000);
    const failing = scripted([{ status: 404, headers: {}, body: '' }]);
    const error = await failing().catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('not_found');
  });
});
