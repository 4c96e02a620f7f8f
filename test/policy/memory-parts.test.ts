/**
 * The parts memoryStore is made of (memoryBreakers, memoryTake, memoryAdjust) and guardOperations: a store-backed
 * engine falls back to a local store with only the operations it calls, so what a policy bundles follows what it
 * uses. Each part alone answers exactly as memoryStore() does, guardOperations guards exactly the operations it is
 * given, and a bundle of one policy holds none of the other policies' store logic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/policy/events.js';
import { memoryAdjust, memoryBreakers, memoryStore, memoryTake } from '../../src/policy/memory-store.js';
import type { AdjustRequest, BreakerOutcome, BreakerRule, BreakerTransition, StateStore, TakeRequest } from '../../src/policy/state-store.js';
import { type StoreErrorEvent, guardOperations } from '../../src/policy/store-guard.js';
import { VirtualClock } from '../../src/testing/index.js';
import { minifiedBundle } from '../support/bundle.js';
import { breakerRule, remoteStore } from './store.helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 50);

const rule = (over: Partial<BreakerRule> = {}): BreakerRule => breakerRule({ threshold: 2, ...over });

/** Steps forward in time, far enough apart now and then to cross the default 10-minute ttl. */
const gap = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.constant(700_000));
const key = fc.constantFrom('a', 'b');

describe('memoryStore parts: each alone answers as memoryStore() does', () => {
  it('memoryBreakers(): record and transition', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('record' as const), key, outcome: fc.constantFrom<BreakerOutcome>('success', 'failure', 'release'), version: fc.integer({ min: 0, max: 3 }), gap }),
      fc.record({ kind: fc.constant('transition' as const), key, to: fc.constantFrom<BreakerTransition>('read', 'probe', 'isolate', 'reset'), gap }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const whole = memoryStore();
        const part = memoryBreakers();
        let now = 1_000_000;
        const r = rule();
        for (const o of ops) {
          now += o.gap;
          if (o.kind === 'record') expect(part.record(o.key, o.outcome, o.version, r, now)).toEqual(whole.record(o.key, o.outcome, o.version, r, now));
          else expect(part.transition(o.key, o.to, r, now)).toEqual(whole.transition(o.key, o.to, r, now));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('memoryTake() and memoryAdjust()', () => {
    const request: TakeRequest = { intervalMs: 250, burst: 2, maxWaitMs: 300 };
    const spend: AdjustRequest = { delta: -1, initial: 3, min: 0, max: 3 };
    const refill: AdjustRequest = { delta: 0.5, initial: 3, min: 0, max: 3 };
    const op = fc.record({ kind: fc.constantFrom('take', 'spend', 'refill'), key, gap });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const takeWhole = memoryStore();
        const adjustWhole = memoryStore();
        const take = memoryTake();
        const adjust = memoryAdjust();
        let now = 1_000_000;
        for (const o of ops) {
          now += o.gap;
          if (o.kind === 'take') expect(take(o.key, request, now)).toEqual(takeWhole.take(o.key, request, now));
          else {
            const r = o.kind === 'spend' ? spend : refill;
            expect(adjust(o.key, r, now)).toBe(adjustWhole.adjust(o.key, r, now));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('memoryStore() lists its operations in the same order as before it was split', () => {
    expect(Object.keys(memoryStore())).toEqual(['synchronous', 'record', 'transition', 'take', 'adjust']);
  });
});

describe('guardOperations', () => {
  const options = (clock: VirtualClock, emitter = new Emitter<StoreErrorEvent>()) => ({ timeoutMs: 50, clock, emitter });

  it('returns a synchronous store as it is', () => {
    const store = memoryStore();
    expect(guardOperations(store, options(new VirtualClock(0)), { take: memoryTake() })).toBe(store);
  });

  it('guards exactly the operations its local fallback answers', () => {
    const remote: StateStore = remoteStore();
    expect(Object.keys(guardOperations(remote, options(new VirtualClock(0)), memoryBreakers()))).toEqual(['synchronous', 'record', 'transition']);
    expect(Object.keys(guardOperations(remote, options(new VirtualClock(0)), { adjust: memoryAdjust() }))).toEqual(['synchronous', 'adjust']);
  });

  it('answers from the local part when the store fails, and reports the operation', async () => {
    const remote = remoteStore();
    remote.mode = 'reject';
    const emitter = new Emitter<StoreErrorEvent>();
    const events: StoreErrorEvent[] = [];
    emitter.on((e) => events.push(e));
    const guarded = guardOperations(remote, options(new VirtualClock(0), emitter), { take: memoryTake() });
    expect(await guarded.take('t', { intervalMs: 100, burst: 1, maxWaitMs: 0 }, 0)).toEqual({ granted: true, waitMs: 0 });
    expect(await guarded.take('t', { intervalMs: 100, burst: 1, maxWaitMs: 0 }, 0)).toEqual({ granted: false, waitMs: 100 });
    expect(events).toEqual([{ operation: 'take', timedOut: false, error: new Error('connection refused') }]);
  });
});

describe('what one policy bundles', () => {
  const bundle = (name: string): Promise<string> => minifiedBundle(`export { ${name} } from './src/mini.ts';`);

  // Property names survive minification, so each one marks a piece of store logic:
  // halfOpenSuccesses the breaker rule, burst the token bucket, `.initial` the counter.
  it('rateLimiter: a token bucket, no breaker rule and no counter', async () => {
    const code = await bundle('rateLimiter');
    expect(code).toContain('.burst');
    expect(code).not.toContain('halfOpenSuccesses');
    expect(code).not.toContain('.initial');
  });

  it('retryBudget: a counter, no breaker rule and no token bucket', async () => {
    const code = await bundle('retryBudget');
    expect(code).toContain('.initial');
    expect(code).not.toContain('halfOpenSuccesses');
    expect(code).not.toContain('.burst');
  });

  it('circuitBreaker: the breaker rule, no token bucket and no counter', async () => {
    const code = await bundle('circuitBreaker');
    expect(code).toContain('halfOpenSuccesses');
    expect(code).not.toContain('.burst');
    expect(code).not.toContain('.initial');
  });
});
