import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { exponentialBackoff } from '../../src/policy/backoff.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry } from '../../src/policy/retry.js';
import { timeout } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController, seededRandom } from './retry.helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 150);

// One attempt: how long it takes (it honours its signal) and how it ends.
const attemptArb = fc.record({
  durationMs: fc.integer({ min: 0, max: 3_000 }),
  outcome: fc.constantFrom('ok', 'service_unavailable', 'internal', 'not_found', 'ignores-signal'),
});

function build(clock: VirtualClock, ms: number, mode: 'cooperative' | 'aggressive', seed: number) {
  return pipeline(
    retry({ maxRetries: 3, idempotent: true, clock, random: seededRandom(seed), backoff: exponentialBackoff({ initialMs: 100, maxMs: 2_000 }) }),
    timeout({ timeoutMs: ms, mode, clock }),
  );
}

describe('pipeline(retry, timeout) (properties)', () => {
  it('settles with a value or a FaultError and leaves no timer and no listener behind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(attemptArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 2_500 }),
        fc.constantFrom('cooperative' as const, 'aggressive' as const),
        fc.integer(),
        async (attempts, ms, mode, seed) => {
          const clock = new VirtualClock();
          const { signal, live } = countingController();
          const pending = build(clock, ms, mode, seed)
            .execute(async ({ signal: s, attempt }) => {
              const a = attempts[Math.min(attempt, attempts.length) - 1] ?? { durationMs: 0, outcome: 'ok' };
              // "ignores-signal" models a client that cannot be cancelled: it finishes in its own time.
              await clock.sleep(a.durationMs, a.outcome === 'ignores-signal' ? undefined : s);
              if (a.outcome === 'ok' || a.outcome === 'ignores-signal') return attempt;
              throw new FaultError(createFault({ code: a.outcome }));
            }, { signal })
            .then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
          await clock.runAll();
          const result = await pending;
          if (!result.ok) expect(isFaultError(result.error)).toBe(true);
          expect(clock.pendingTimers).toBe(0);
          expect(live()).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('aborting at any moment ends in cancelled within a microtask, with nothing pending', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(attemptArb.filter((a) => a.outcome !== 'ignores-signal'), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 2_500 }),
        fc.constantFrom('cooperative' as const, 'aggressive' as const),
        fc.integer({ min: 0, max: 15_000 }),
        async (attempts, ms, mode, abortAt) => {
          const clock = new VirtualClock();
          const { controller, signal, live } = countingController();
          let settled: { ok: boolean; error?: unknown } | undefined;
          void build(clock, ms, mode, 1)
            .execute(async ({ signal: s, attempt }) => {
              const a = attempts[Math.min(attempt, attempts.length) - 1] ?? { durationMs: 0, outcome: 'ok' };
              await clock.sleep(a.durationMs, s);
              if (a.outcome === 'ok') return attempt;
              throw new FaultError(createFault({ code: a.outcome as 'internal' }));
            }, { signal })
            .then(() => (settled = { ok: true }), (error: unknown) => (settled = { ok: false, error }));
          await clock.advance(abortAt);
          const before = settled;
          controller.abort();
          await Promise.resolve();
          await Promise.resolve();
          if (before === undefined) expect(isFaultError(settled?.error) && (settled?.error as FaultError).code).toBe('cancelled');
          expect(clock.pendingTimers).toBe(0);
          expect(live()).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
