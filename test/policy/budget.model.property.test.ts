// Model-based test: both retry budget designs under mixed outcomes, retry requests and clock
// advances, against reference models (integer milli-tokens; a plain list of timestamped events).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MeteredRetryBudget, retryBudget } from '../../src/policy/budget.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

type Op = { readonly op: 'success' | 'failure' | 'retry' } | { readonly op: 'advance'; readonly ms: number };

const opsArb = fc.array(
  fc.oneof(
    { arbitrary: fc.constantFrom<Op>({ op: 'success' }, { op: 'failure' }, { op: 'retry' }), weight: 8 },
    { arbitrary: fc.constantFrom(1, 100, 999, 1_000, 2_500, 20_000).map((ms): Op => ({ op: 'advance', ms })), weight: 1 },
  ),
  { maxLength: 200 },
);

describe('retryBudget (model-based)', () => {
  it('token design (gRPC throttling) matches milli-token arithmetic: failure −1, success +tokenRatio, retry while > half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0.1, 0.25, 0.5, 1), opsArb, (maxTokens, tokenRatio, ops) => {
        const budget = retryBudget({ maxTokens, tokenRatio });
        let milli = maxTokens * 1000;
        for (const o of ops) {
          if (o.op === 'success') {
            milli = Math.min(maxTokens * 1000, milli + Math.round(tokenRatio * 1000));
            budget.record('success');
          } else if (o.op === 'failure') {
            milli = Math.max(0, milli - 1000);
            budget.record('failure');
          } else if (o.op === 'retry') {
            expect(budget.tryRetry()).toBe(milli > (maxTokens * 1000) / 2);
          }
          expect(Math.round(budget.available * 1000)).toBe(milli);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('ratio design (Finagle) allows retries in the window up to ratio × first attempts + minPerSecond × window', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 0.1, 0.2, 0.5, 1),
        fc.constantFrom(0, 0.1, 1, 2),
        fc.constantFrom(1_000, 2_500, 10_000),
        fc.constantFrom(0, 1_700_000_000_000),
        opsArb,
        (ratio, minPerSecond, windowMs, start, ops) => {
          let now = start;
          // The budget only reads now(): a bare clock keeps the property synchronous.
          const clock = { now: () => now, sleep: () => Promise.resolve() };
          const budget: MeteredRetryBudget = retryBudget({ ratio, minPerSecond, windowMs, clock });
          const width = windowMs / 10;
          const events: { at: number; retry: boolean }[] = [];
          const inWindow = (): { attempts: number; retries: number } => {
            const current = Math.floor(now / width);
            const live = events.filter((e) => Math.floor(e.at / width) > current - 10);
            return { attempts: live.filter((e) => !e.retry).length, retries: live.filter((e) => e.retry).length };
          };
          for (const o of ops) {
            if (o.op === 'advance') {
              now += o.ms;
            } else if (o.op === 'retry') {
              const { attempts, retries } = inWindow();
              const allowed = retries + 1 <= ratio * Math.max(0, attempts - retries) + (minPerSecond * windowMs) / 1000;
              expect(budget.tryRetry()).toBe(allowed);
              if (allowed) events.push({ at: now, retry: true });
            } else {
              budget.record(o.op);
              events.push({ at: now, retry: false });
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
