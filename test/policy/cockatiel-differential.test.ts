// Differential test against cockatiel 3.2: for generated vendor response sequences, a consecutive-failures
// breaker inside a retry, with equal settings, gives the same pass/fail per call and the same number of
// attempts per call as cockatiel's wrap(retry, circuitBreaker).
//
// Intended differences, neutralised here so the rest can be compared exactly:
// 1. faultline waits the server's Retry-After; cockatiel waits only its backoff. Here sleeps take no
//    virtual time in either library, so the breaker's clock sees the same instants.
// 2. faultline gives up early when a hint exceeds `maxRetryAfterMs` or a vendor's `retryLimit` is reached;
//    cockatiel knows neither. Here maxRetryAfterMs is huge and `retryLimit` is stripped from the faults.
// 3. A client error (retry class `never`, e.g. 404) counts as a success for faultline's breaker (the
//    upstream answered) and resets its consecutive count; cockatiel leaves its count unchanged for an
//    error its filter does not handle. Here such responses are replaced by successes.
// 4. While half-open, cockatiel makes concurrent callers wait for the probe; faultline refuses them with
//    `circuit_open` (and allows `halfOpenMaxCalls` probes). Calls here are sequential, so it never shows.
// 5. A failed probe re-opens faultline's breaker for breakMs × breakFactor; cockatiel's constant
//    `halfOpenAfter` corresponds to breakFactor 1, used here.
import * as cockatiel from 'cockatiel';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { FaultError, createFault, isRetryable } from '../../src/core/fault.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import type { Clock } from '../../src/policy/clock.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry } from '../../src/policy/retry.js';
import { arbResponseSequence } from '../../src/testing/arbitraries-entry.js';
import type { ScriptedStep } from '../../src/testing/index.js';
import { basicClassifier } from '../../src/core/basic-classifier.js';
import { faultErrorOf } from '../../src/core/fault-error-of.js';

// What every policy does with a thrown value, with no vendor profile (these inputs hold no unread body).
const toFaultError = (thrown: unknown): FaultError => faultErrorOf(thrown, basicClassifier) as FaultError;

const RUNS = Number(process.env.FC_RUNS ?? 100);

/** What one step does to a call: return, or throw this value. */
type Play = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

function prepare(step: ScriptedStep): Play {
  if ('thrown' in step) return { ok: false, error: step.thrown };
  if (step.vendor === undefined && step.status < 300) return { ok: true };
  const fault = classify(step, { vendor: step.vendor });
  if (fault.retry === 'never') return { ok: true }; // difference 3
  return { ok: false, error: new FaultError(createFault({ ...fault, retryLimit: undefined })) }; // difference 2
}

function player(plays: readonly Play[]): { fn: () => Promise<string>; calls: () => number } {
  let i = 0;
  return {
    fn: async () => {
      const play = plays[Math.min(i, plays.length - 1)] as Play;
      i++;
      if (play.ok) return 'ok';
      throw play.error;
    },
    calls: () => i,
  };
}

const isFailure = (error: unknown): boolean => isRetryable(toFaultError(error).fault, { idempotent: true });

describe('differential: faultline pipeline(retry, circuitBreaker) vs cockatiel wrap(retry, circuitBreaker)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('same pass/fail per call and same attempts per call', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbResponseSequence({ minLength: 1, maxLength: 15 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.constantFrom(0, 10, 500, 1_000, 2_000), { minLength: 1, maxLength: 8 }),
        async (steps, threshold, maxRetries, gaps) => {
          const plays = steps.map(prepare);
          const breakMs = 1_000;
          // Difference 1: sleeps take no time; both libraries read the same (faked) Date.
          const clock: Clock = { now: () => Date.now(), sleep: () => Promise.resolve() };
          const ours = pipeline(
            retry({ maxRetries, idempotent: true, backoff: () => 0, maxRetryAfterMs: Number.MAX_SAFE_INTEGER, clock }),
            circuitBreaker({ strategy: consecutiveFailures(threshold), breakMs, breakFactor: 1, clock }),
          );
          const theirs = cockatiel.wrap(
            cockatiel.retry(cockatiel.handleWhen(isFailure), { maxAttempts: maxRetries, backoff: new cockatiel.ConstantBackoff(0) }),
            cockatiel.circuitBreaker(cockatiel.handleWhen(isFailure), { halfOpenAfter: breakMs, breaker: new cockatiel.ConsecutiveBreaker(threshold) }),
          );
          const a = player(plays);
          const b = player(plays);
          for (const gap of gaps) {
            const beforeA = a.calls();
            const beforeB = b.calls();
            const passA = await ours.execute(a.fn).then(() => true, () => false);
            const passB = await theirs.execute(b.fn).then(() => true, () => false);
            expect({ pass: passA, attempts: a.calls() - beforeA }).toEqual({ pass: passB, attempts: b.calls() - beforeB });
            vi.setSystemTime(Date.now() + gap);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
