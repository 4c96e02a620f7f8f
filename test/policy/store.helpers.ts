// Test fakes for the shared-state tests: a remote store that can be made to misbehave.
import { memoryStore } from '../../src/policy/memory-store.js';
import type { BreakerRule, StateStore } from '../../src/policy/state-store.js';

/** A breaker rule: three consecutive failures, 1 s break doubling up to 8 s, one probe; `over` changes any of it. */
export const breakerRule = (over: Partial<BreakerRule> = {}): BreakerRule => ({
  threshold: 3,
  minimumCalls: 1,
  windowMs: 0,
  windowCalls: 0,
  buckets: 1,
  breakMs: 1000,
  maxBreakMs: 8000,
  breakFactor: 2,
  halfOpenMaxCalls: 1,
  halfOpenSuccesses: 1,
  ...over,
});

/** How the fake remote store answers. */
export type Mode = 'ok' | 'hang' | 'reject' | 'throw';

/** A remote store over its own memoryStore, whose answers can be made to hang, reject or throw. */
export function remoteStore(): StateStore & { mode: Mode; calls: number } {
  const inner = memoryStore();
  const wrap =
    <A extends unknown[], T>(f: (...args: A) => T | PromiseLike<T>) =>
    (...args: A): Promise<T> => {
      self.calls++;
      if (self.mode === 'throw') throw new Error('store client broken');
      if (self.mode === 'hang') return new Promise<T>(() => undefined);
      if (self.mode === 'reject') return Promise.reject(new Error('connection refused'));
      return Promise.resolve(f(...args));
    };
  const self = {
    mode: 'ok' as Mode,
    calls: 0,
    synchronous: false,
    record: wrap(inner.record),
    transition: wrap(inner.transition),
    take: wrap(inner.take),
    adjust: wrap(inner.adjust),
  };
  return self;
}
