// Properties of the full documented stack, pipeline(retry({ budget }), circuitBreaker, bulkhead, timeout),
// over generated vendor response sequences: fn is never called while the breaker is open, retries never
// exceed what the budget granted (checked against a milli-token model), nothing is left pending.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../src/core/fault.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { retryBudget } from '../../src/policy/budget.js';
import { bulkhead } from '../../src/policy/bulkhead.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import type { RetryBudget } from '../../src/policy/policy.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry } from '../../src/policy/retry.js';
import { timeout } from '../../src/policy/timeout.js';
import { arbResponseSequence } from '../../src/testing/arbitraries-entry.js';
import { VirtualClock, scripted } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 100);

describe('pipeline(retry({ budget }), circuitBreaker, bulkhead, timeout) (properties)', () => {
  it('never calls fn while the breaker is open, never retries beyond the budget, leaves no timer or listener', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbResponseSequence({ minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom(0, 50, 5_000),
        // How long each attempt takes; over 2 s the timeout aborts it (the attempt honours its signal).
        fc.array(fc.constantFrom(0, 0, 0, 100, 3_000), { minLength: 1, maxLength: 6 }),
        async (steps, calls, failures, maxTokens, gapMs, durations) => {
          const clock = new VirtualClock();
          const inner = retryBudget({ maxTokens, tokenRatio: 0.5 });
          let milli = maxTokens * 1000;
          let granted = 0;
          let budgetMismatch = 0;
          const budget: RetryBudget = {
            record(outcome) {
              milli = outcome === 'success' ? Math.min(maxTokens * 1000, milli + 500) : Math.max(0, milli - 1000);
              inner.record(outcome);
            },
            tryRetry() {
              const ok = inner.tryRetry();
              if (ok !== milli > (maxTokens * 1000) / 2) budgetMismatch++;
              if (ok) granted++;
              return ok;
            },
          };
          const retries = retry({ maxRetries: 3, idempotent: true, budget, clock, backoff: () => 10 });
          const breaker = circuitBreaker({ strategy: consecutiveFailures(failures), breakMs: 1_000, clock });
          const policy = pipeline(retries, breaker, bulkhead({ maxConcurrent: 2, maxQueue: 2, clock }), timeout({ timeoutMs: 2_000, clock }));
          let retried = 0;
          retries.onRetry(() => retried++);
          const play = scripted(steps);
          // Checked outside: an assertion thrown inside fn would be caught by the policies as a failure.
          const whileOpen: string[] = [];
          let attempt = 0;
          const fn = async ({ signal: attemptSignal }: { signal: AbortSignal }): ReturnType<typeof play> => {
            if (breaker.state === 'open' || breaker.state === 'isolated') whileOpen.push(breaker.state);
            const ms = durations[attempt++ % durations.length] ?? 0;
            if (ms > 0) await clock.sleep(ms, attemptSignal);
            return play();
          };
          const { signal, live } = countingController();
          for (let i = 0; i < calls; i++) {
            const pending = policy.execute(fn, { signal }).then(
              (v) => v,
              (e: unknown) => e,
            );
            await clock.runAll();
            const outcome = await pending;
            if (outcome instanceof Error) expect(isFaultError(outcome)).toBe(true);
            await clock.advance(gapMs);
          }
          expect(whileOpen).toEqual([]);
          expect(budgetMismatch).toBe(0);
          expect(retried).toBe(granted);
          expect(clock.pendingTimers).toBe(0);
          expect(live()).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
