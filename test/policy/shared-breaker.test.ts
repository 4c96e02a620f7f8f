/** circuitBreaker({ store, name }) and retryBudget({ store, name }): shared state, fleet-wide probes, a slow store never fails a call. */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault } from '../../src/core/fault.js';
import { consecutiveFailures, failureRatio } from '../../src/policy/breaker-strategy.js';
import { retryBudget } from '../../src/policy/budget.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import type { AdjustRequest, StateStore } from '../../src/policy/state-store.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { remoteStore } from './store.helpers.js';

const fail = (): Promise<never> => Promise.reject(new FaultError(createFault({ code: 'service_unavailable', status: 503 })));
const ok = (): Promise<string> => Promise.resolve('ok');

/** A promise and whether it has settled yet. */
function track<T>(promise: Promise<T>): { readonly promise: Promise<T>; readonly settled: boolean } {
  const state = { promise, settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('circuitBreaker with a store', () => {
  it('breakers with one name and one store open together, and let exactly halfOpenMaxCalls probes through', async () => {
    const clock = new VirtualClock(0);
    const store = remoteStore();
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
    const clock = new VirtualClock(0);
    const store = remoteStore();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2), store, name: 'slow', storeTimeoutMs: 20, clock });
    const errors: string[] = [];
    breaker.onStoreError(({ operation, timedOut }) => errors.push(`${operation}:${timedOut}`));
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    store.mode = 'hang';
    // Virtual time: the call waits for the store exactly storeTimeoutMs, then answers from local state.
    const waiting = track(breaker.execute(ok));
    await clock.advance(19);
    expect(waiting.settled).toBe(false);
    await clock.advance(1);
    expect(waiting.settled).toBe(true);
    await expect(waiting.promise).resolves.toBe('ok');
    expect(errors).toEqual(['record:true']);
    // while down, calls answer from local state without waiting: settled with no time passing
    const local = track(breaker.execute(ok));
    await new Promise((r) => setImmediate(r));
    expect(local.settled).toBe(true);
    await expect(local.promise).resolves.toBe('ok');
    expect(clock.now()).toBe(20);
    store.mode = 'ok';
    await expect(breaker.execute(ok)).resolves.toBe('ok'); // background probe finds the store back
    await clock.advance(30);
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    // shared again: a second breaker on the store sees it open
    const other = circuitBreaker({ strategy: consecutiveFailures(2), store, name: 'slow', clock });
    await expect(other.execute(ok)).rejects.toMatchObject({ fault: { code: 'circuit_open' } });
  });

  it('validates store and name', () => {
    expect(() => circuitBreaker({ store: memoryStore() })).toThrow('circuitBreaker: name must be a non-empty string when store is set, got undefined');
    expect(() => circuitBreaker({ store: {} as never, name: 'x' })).toThrow(TypeError);
    expect(() => retryBudget({ store: memoryStore() })).toThrow('retryBudget: name must be a non-empty string when store is set, got undefined');
  });
});

describe('circuitBreaker with a store: outcomes and controls', () => {
  const faultOf = (code: Parameters<typeof createFault>[0]['code']) => (): Promise<never> => Promise.reject(new FaultError(createFault({ code })));

  it('reset() closes the breaker for every process sharing it, and restores breakMs', async () => {
    const clock = new VirtualClock(0);
    const store = memoryStore();
    const a = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store, name: 'r', clock });
    const changes: string[] = [];
    a.onStateChange(({ from, to, breakMs }) => changes.push(`${from}>${to}:${breakMs}`));
    await expect(a.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await clock.advance(1000);
    await expect(a.execute(fail)).rejects.toBeInstanceOf(FaultError); // failed probe: break 2000
    a.reset();
    expect(a.state).toBe('closed');
    await expect(a.execute(ok)).resolves.toBe('ok');
    const b = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store, name: 'r', clock });
    await expect(b.execute(ok)).resolves.toBe('ok');
    await expect(b.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await expect(b.execute(ok)).rejects.toMatchObject({ fault: { code: 'circuit_open', retryAfterMs: 1000 } });
    expect(changes).toEqual(['closed>open:1000', 'open>half-open:1000', 'half-open>open:2000', 'open>closed:1000']);
  });

  it('a success that takes slowCallMs or longer counts as a failure; a faster one does not', async () => {
    const clock = new VirtualClock(10_000);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2, { slowCallMs: 100 }), store: memoryStore(), name: 's', clock });
    const taking = (ms: number) => async (): Promise<string> => {
      const result = breaker.execute(() => clock.sleep(ms).then(() => 'ok'));
      await clock.advance(ms);
      return result;
    };
    await expect(taking(100)()).resolves.toBe('ok');
    await expect(taking(99)()).resolves.toBe('ok'); // fast: the count starts again
    await expect(taking(100)()).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    await expect(taking(150)()).resolves.toBe('ok');
    expect(breaker.state).toBe('open');
  });

  it('slowCallRatio opens a shared breaker on the same calls as a local one, slow failures included', async () => {
    const strategy = failureRatio({ windowCalls: 4, minimumCalls: 4, threshold: 1, slowCallMs: 100, slowCallRatio: 0.5 });
    // fast ok, slow ok, fast failure, slow failure: 2 failures of 4 (under threshold 1), 2 slow of 4 (the ratio)
    const calls: readonly (readonly [ms: number, fails: boolean])[] = [[10, false], [100, false], [10, true], [150, true]];
    const statesOf = async (store: StateStore | undefined): Promise<string[]> => {
      const clock = new VirtualClock(10_000);
      const breaker = circuitBreaker({ strategy, clock, ...(store === undefined ? {} : { store, name: 'slow-ratio' }) });
      const states: string[] = [];
      for (const [ms, fails] of calls) {
        const settled = breaker.execute(() => clock.sleep(ms).then(() => (fails ? fail() : 'ok'))).catch(() => undefined);
        await clock.advance(ms);
        await settled;
        states.push(breaker.state);
      }
      return states;
    };
    const expected = ['closed', 'closed', 'closed', 'open'];
    expect(await statesOf(undefined)).toEqual(expected);
    expect(await statesOf(memoryStore())).toEqual(expected);
    const recorded: string[] = [];
    const store = memoryStore();
    const spy: StateStore = { ...store, synchronous: true, record: (...args) => (recorded.push(args[1]), store.record(...args)) };
    expect(await statesOf(spy)).toEqual(expected);
    expect(recorded).toEqual(['success', 'slow', 'failure', 'slow']);
  });

  it('without slowCallRatio a slow call is recorded as a plain failure (a store that predates `slow` never sees it)', async () => {
    const clock = new VirtualClock(10_000);
    const recorded: string[] = [];
    const store = memoryStore();
    const spy: StateStore = { ...store, synchronous: true, record: (...args) => (recorded.push(args[1]), store.record(...args)) };
    const breaker = circuitBreaker({ strategy: failureRatio({ windowCalls: 4, slowCallMs: 100 }), store: spy, name: 'plain', clock });
    const result = breaker.execute(() => clock.sleep(100).then(() => 'ok'));
    await clock.advance(100);
    await expect(result).resolves.toBe('ok');
    expect(recorded).toEqual(['failure']);
  });

  it('cancelled, circuit_open and bulkhead_full outcomes neither count as failures nor break a run of them', async () => {
    const clock = new VirtualClock(0);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2), store: memoryStore(), name: 'n', clock });
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    for (const code of ['cancelled', 'circuit_open', 'bulkhead_full'] as const) {
      await expect(breaker.execute(faultOf(code))).rejects.toMatchObject({ fault: { code } });
    }
    const controller = new AbortController();
    const aborted = breaker.execute(({ signal }) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))), { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ fault: { code: 'cancelled' } });
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    expect(breaker.state).toBe('open');
  });

  it('a neutral outcome while closed costs no store round trip', async () => {
    const inner = memoryStore();
    let records = 0;
    const store: StateStore = { ...inner, record: (...args) => (records++, inner.record(...args)) };
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2), store, name: 'q', clock: new VirtualClock(0) });
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(records).toBe(1);
    await expect(breaker.execute(faultOf('bulkhead_full'))).rejects.toMatchObject({ fault: { code: 'bulkhead_full' } });
    expect(records).toBe(1);
    await expect(breaker.execute(faultOf('not_found'))).rejects.toMatchObject({ fault: { code: 'not_found' } });
    expect(records).toBe(2);
  });

  it('a probe that fails with a client error (not a failure) closes the breaker like a success', async () => {
    const clock = new VirtualClock(0);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store: memoryStore(), name: 'p', clock });
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await clock.advance(1000);
    await expect(breaker.execute(faultOf('not_found'))).rejects.toMatchObject({ fault: { code: 'not_found' } });
    expect(breaker.state).toBe('closed');
  });

  it('a probe cancelled by its caller gives its slot back at once', async () => {
    const clock = new VirtualClock(0);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store: memoryStore(), name: 'c', clock });
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await clock.advance(1000);
    const controller = new AbortController();
    const probe = breaker.execute(({ signal }) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))), { signal: controller.signal });
    await new Promise((r) => setImmediate(r));
    await expect(breaker.execute(ok)).rejects.toMatchObject({ fault: { code: 'circuit_open' } }); // the slot is taken
    controller.abort();
    await expect(probe).rejects.toMatchObject({ fault: { code: 'cancelled' } });
    expect(breaker.state).toBe('half-open');
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });
});

describe('circuitBreaker with a store: refusals and store round trips', () => {
  const hold = (): { promise: Promise<string>; release: () => void } => {
    let release!: () => void;
    const promise = new Promise<string>((r) => (release = () => r('ok')));
    return { promise, release };
  };

  it('each refusal names the breaker and its state; open and half-open say when to come back, isolated does not', async () => {
    const clock = new VirtualClock(0);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store: memoryStore(), name: 'payments', clock });
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    await clock.advance(300);
    await expect(breaker.execute(ok)).rejects.toMatchObject({ message: 'Circuit payments is open', fault: { code: 'circuit_open', retryAfterMs: 700 } });
    await clock.advance(700);
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError); // failed probe: the break is now 2000
    await clock.advance(2000);
    const probe = hold();
    const probing = breaker.execute(() => probe.promise);
    await new Promise((r) => setImmediate(r));
    await expect(breaker.execute(ok)).rejects.toMatchObject({ message: 'Circuit payments is half-open', fault: { code: 'circuit_open', retryAfterMs: 2000 } });
    probe.release();
    await expect(probing).resolves.toBe('ok');
    breaker.isolate();
    const refused = await breaker.execute(ok).then(() => undefined, (e: FaultError) => e);
    expect(refused).toMatchObject({ message: 'Circuit payments is isolated', fault: { code: 'circuit_open' } });
    expect(refused?.fault).not.toHaveProperty('retryAfterMs');
  });

  it('a call whose signal is already aborted is refused as cancelled without running', async () => {
    const breaker = circuitBreaker({ store: memoryStore(), name: 'a', clock: new VirtualClock(0) });
    let ran = false;
    const controller = new AbortController();
    controller.abort();
    await expect(breaker.execute(() => ((ran = true), 'ok'), { signal: controller.signal })).rejects.toMatchObject({ fault: { code: 'cancelled' } });
    expect(ran).toBe(false);
  });

  it('a failure after the caller aborted does not count; one with a live signal does', async () => {
    const clock = new VirtualClock(0);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), store: memoryStore(), name: 'ab', clock });
    const controller = new AbortController();
    const failsOnAbort = ({ signal }: { signal: AbortSignal }): Promise<never> =>
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new FaultError(createFault({ code: 'service_unavailable', status: 503 })))));
    const call = breaker.execute(failsOnAbort, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ fault: { code: 'service_unavailable' } });
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(fail, { signal: new AbortController().signal })).rejects.toBeInstanceOf(FaultError);
    expect(breaker.state).toBe('open');
  });

  it('an open breaker refuses without a store round trip until its break is over', async () => {
    const clock = new VirtualClock(0);
    const inner = memoryStore();
    let transitions = 0;
    const store: StateStore = { ...inner, transition: (...args) => (transitions++, inner.transition(...args)) };
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1000, store, name: 'o', clock });
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    const before = transitions;
    for (let i = 0; i < 3; i++) await expect(breaker.execute(ok)).rejects.toMatchObject({ fault: { code: 'circuit_open' } });
    expect(transitions).toBe(before);
    await clock.advance(1000);
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(transitions).toBe(before + 1);
  });

  it('with a store that answers later, a failed call settles after the store has recorded it', async () => {
    const inner = memoryStore();
    const later =
      <A extends unknown[], T>(f: (...args: A) => T | PromiseLike<T>) =>
      (...args: A): Promise<T> =>
        new Promise<T>((resolve) => setImmediate(() => resolve(f(...args))));
    const store: StateStore = { synchronous: false, record: later(inner.record), transition: later(inner.transition), take: later(inner.take), adjust: later(inner.adjust) };
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), store, name: 'late', clock: new VirtualClock(0) });
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    await expect(breaker.execute(fail)).rejects.toBeInstanceOf(FaultError);
    expect(breaker.state).toBe('open');
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
  it('budgets with different names keep separate tokens', () => {
    const store = memoryStore();
    const a = retryBudget({ maxTokens: 2, tokenRatio: 0.5, store, name: 'a' });
    const b = retryBudget({ maxTokens: 2, tokenRatio: 0.5, store, name: 'b' });
    a.record('failure');
    a.record('failure');
    b.record('success');
    expect(b.available).toBe(2);
    expect(b.tryRetry()).toBe(true);
  });

  it('with a store that answers later, available is the fleet count from the last answer plus the changes not answered yet', async () => {
    const inner = memoryStore();
    const pending: (() => void)[] = [];
    const store: StateStore = {
      ...inner,
      synchronous: false,
      adjust: (key: string, request: AdjustRequest, now: number) => new Promise<number>((resolve) => pending.push(() => resolve(inner.adjust(key, request, now) as number))),
    };
    // a generous storeTimeoutMs: every answer here comes within a few turns
    const budget = retryBudget({ maxTokens: 10, tokenRatio: 0.5, store, name: 'late', storeTimeoutMs: 10_000 });
    const other = retryBudget({ maxTokens: 10, tokenRatio: 0.5, store: inner, name: 'late' });
    const answer = async (): Promise<void> => {
      pending.shift()?.();
      await new Promise((r) => setImmediate(r));
    };
    budget.record('failure');
    budget.record('failure');
    budget.record('failure');
    expect(budget.available).toBe(7); // local estimate until the store answers
    other.record('failure');
    other.record('failure'); // the fleet, without our three: 8
    await answer(); // store: 7; ours not answered yet: -2
    expect(budget.available).toBe(5);
    await answer(); // store: 6; -1 in flight
    expect(budget.available).toBe(5);
    budget.record('success'); // local 5.5, +0.5 in flight
    await answer(); // store: 5; +0.5 in flight
    expect(budget.available).toBe(5.5);
    await answer(); // store 5.5, nothing in flight
    expect(budget.available).toBe(5.5);
    for (let i = 0; i < 9; i++) other.record('success'); // fleet 10
    budget.record('success');
    budget.record('failure');
    await answer(); // store: 10 (clamped); -1 in flight → 9
    expect(budget.available).toBe(9);
    for (let i = 0; i < 12; i++) other.record('failure'); // fleet 0
    await answer(); // store: 0; nothing in flight
    expect(budget.available).toBe(0);
    budget.record('failure');
    budget.record('success');
    await answer(); // store 0 (clamped), +0.5 in flight → 0.5
    expect(budget.available).toBe(0.5);
    expect(budget.tryRetry()).toBe(false);
  });
});
