/** circuitBreaker({ store, name }) and retryBudget({ store, name }): shared state, fleet-wide probes, a slow store never fails a call. */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault } from '../../src/core/fault.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { retryBudget } from '../../src/policy/budget.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { type StateStore, memoryStore } from '../../src/policy/state-store.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

const fail = (): Promise<never> => Promise.reject(new FaultError(createFault({ code: 'service_unavailable', status: 503 })));
const ok = (): Promise<string> => Promise.resolve('ok');

/** A memoryStore behind promises, that can be made to hang. */
function asyncStore(): StateStore & { hang: boolean } {
  const inner = memoryStore();
  const wrap = <A extends unknown[], T>(f: (...args: A) => T | PromiseLike<T>) => (...args: A): Promise<T> =>
    self.hang ? new Promise<T>(() => undefined) : Promise.resolve(f(...args));
  const self = {
    hang: false,
    synchronous: false,
    record: wrap(inner.record),
    transition: wrap(inner.transition),
    take: wrap(inner.take),
    adjust: wrap(inner.adjust),
  };
  return self;
}

describe('circuitBreaker with a store', () => {
  it('breakers with one name and one store open together, and let exactly halfOpenMaxCalls probes through', async () => {
    const clock = new VirtualClock(0);
    const store = asyncStore();
    const replicas = [0, 1, 2].map(() => circuitBreaker({ strategy: consecutiveFailures(3), breakMs: 1000, halfOpenMaxCalls: 2, store, name: 'api', clock }));
    for (const r of replicas) await expect(r.execute(fail)).rejects.toBeInstanceOf(FaultError);
    let calls = 0;
    const counted = async (): Promise<string> => (calls++, 'ok');
    // A replica learns the fleet's state from its own last answer: the two that recorded the first two failures
    // saw a closed breaker and send one more call each (ignored by the open breaker), then they know.
    for (const r of replicas) await r.execute(counted).catch(() => undefined);
    expect(calls).toBe(2);
    for (const r of replicas) await expect(r.execute(counted)).rejects.toMatchObject({ fault: { code: 'circuit_open', source: 'policy' } });
    expect(calls).toBe(2);
    calls = 0;
    await clock.advance(1000);
    // Half-open: two probes fleet-wide, whoever asks first.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowProbe = async (): Promise<string> => (calls++, await gate, 'ok');
    // Observed at once: the refused calls reject before the probes finish.
    const all = Promise.allSettled([...replicas, ...replicas].map((r) => r.execute(slowProbe)));
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(2);
    release();
    const settled = await all;
    expect(settled.filter((x) => x.status === 'fulfilled')).toHaveLength(2);
    expect(settled.filter((x) => x.status === 'rejected').map((x) => (x as PromiseRejectedResult).reason.fault.code)).toEqual(Array(4).fill('circuit_open'));
    // two successes with halfOpenSuccesses 1: closed for everyone
    await expect(replicas[2]!.execute(counted)).resolves.toBe('ok');
    expect(calls).toBe(3);
  });

  it('state changes reach replicas that did not see them, and isolate() applies fleet-wide', async () => {
    const clock = new VirtualClock(0);
    const store = memoryStore();
    const a = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store, name: 'x', clock });
    const b = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store, name: 'x', clock });
    const other = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store, name: 'y', clock });
    await expect(a.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await expect(b.execute(ok)).rejects.toMatchObject({ fault: { code: 'circuit_open', retryAfterMs: 1000 } });
    expect(b.state).toBe('open');
    await expect(other.execute(ok)).resolves.toBe('ok');
    other.isolate();
    await expect(other.execute(ok)).rejects.toMatchObject({ fault: { code: 'circuit_open' } });
    expect(other.state).toBe('isolated');
  });

  it('a store that hangs never fails the call: after storeTimeoutMs it falls back to local state, emits onStoreError, and resumes', async () => {
    const store = asyncStore();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2), store, name: 'slow', storeTimeoutMs: 20 });
    const errors: string[] = [];
    breaker.onStoreError(({ operation, timedOut }) => errors.push(`${operation}:${timedOut}`));
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    store.hang = true;
    const started = Date.now();
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toEqual(['record:true']);
    // while down, calls answer from local state without waiting
    const again = Date.now();
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(Date.now() - again).toBeLessThan(15);
    store.hang = false;
    await expect(breaker.execute(ok)).resolves.toBe('ok'); // background probe finds the store back
    await new Promise((r) => setTimeout(r, 30));
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    // shared again: a second breaker on the store sees it open
    const other = circuitBreaker({ strategy: consecutiveFailures(2), store, name: 'slow' });
    await expect(other.execute(ok)).rejects.toMatchObject({ fault: { code: 'circuit_open' } });
  });

  it('validates store and name', () => {
    expect(() => circuitBreaker({ store: memoryStore() })).toThrow('circuitBreaker: name must be a non-empty string when store is set, got undefined');
    expect(() => circuitBreaker({ store: {} as never, name: 'x' })).toThrow(TypeError);
    expect(() => retryBudget({ store: memoryStore() })).toThrow('retryBudget: name must be a non-empty string when store is set, got undefined');
  });
});

describe('retryBudget with a store', () => {
  it('budgets with one name share their tokens', () => {
    const store = memoryStore();
    const a = retryBudget({ maxTokens: 4, tokenRatio: 0.5, store, name: 'b' });
    const b = retryBudget({ maxTokens: 4, tokenRatio: 0.5, store, name: 'b' });
    a.record('failure');
    expect(b.tryRetry()).toBe(true);
    b.record('failure'); // fleet tokens 2: no more retries for anyone
    expect(b.tryRetry()).toBe(false);
    a.record('failure');
    expect(a.available).toBe(1);
    b.record('success');
    expect(b.available).toBe(1.5);
  });
});
