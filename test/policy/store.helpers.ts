// Test fakes for the shared-state tests: a remote store that can be made to misbehave.
import { type StateStore, memoryStore } from '../../src/policy/state-store.js';

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
