/**
 * guardOperations over every operation: a shared store is never the reason a call fails or waits. A slow, rejecting or throwing store is
 * answered from local state (after at most timeoutMs), reported once per failure, and retried in the background
 * one operation at a time until it answers. Checked with both kinds of clock (with `timer`, and `sleep` only).
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/policy/clock.js';
import { Emitter } from '../../src/policy/events.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import type { AdjustRequest, StateStore } from '../../src/policy/state-store.js';
import { type StoreErrorEvent, guardOperations } from '../../src/policy/store-guard.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { remoteStore } from './store.helpers.js';

/** Every operation of `store` guarded, each falling back to a fresh memoryStore's. */
function guardStore(store: StateStore, options: Parameters<typeof guardOperations>[1]): StateStore {
  const { record, transition, take, adjust } = memoryStore();
  return guardOperations(store, options, { record, transition, take, adjust });
}


const spend: AdjustRequest = { delta: -1, initial: 10, min: 0, max: 10 };

/** A microtask-and-macrotask turn, for answers that settle without time passing. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Settles `value` while advancing virtual time in small steps; returns the value and the virtual time it took. */
async function settle<T>(clock: VirtualClock, value: T | PromiseLike<T>): Promise<{ value: T; tookMs: number }> {
  const start = clock.now();
  let done = false;
  let result!: T;
  let failure: unknown;
  let failed = false;
  Promise.resolve(value).then(
    (v) => ((done = true), (result = v)),
    (e: unknown) => ((done = true), (failed = true), (failure = e)),
  );
  await turn();
  for (let i = 0; !done && i < 1000; i++) await clock.advance(1);
  if (!done) throw new Error('never settled');
  if (failed) throw failure;
  return { value: result, tookMs: clock.now() - start };
}

const clocks: readonly (readonly [string, (vc: VirtualClock) => Clock])[] = [
  ['a clock with timer()', (vc) => vc],
  ['a clock with sleep() only', (vc) => ({ now: () => vc.now(), sleep: (ms: number, signal?: AbortSignal) => vc.sleep(ms, signal) })],
];

describe.each(clocks)('guardStore with %s', (_, makeClock) => {
  function setup() {
    const vc = new VirtualClock(0);
    const remote = remoteStore();
    const emitter = new Emitter<StoreErrorEvent>();
    const events: StoreErrorEvent[] = [];
    emitter.on((e) => events.push(e));
    const store = guardStore(remote, { timeoutMs: 50, clock: makeClock(vc), emitter });
    return { vc, remote, events, store };
  }

  it('passes a prompt answer through and leaves no timer behind', async () => {
    const { vc, remote, events, store } = setup();
    expect(store.synchronous).toBe(false);
    await settle(vc, store.adjust('k', spend, 0));
    const { value, tookMs } = await settle(vc, store.adjust('k', spend, 0));
    expect(value).toBe(8);
    expect(tookMs).toBe(0);
    expect(remote.calls).toBe(2);
    expect(events).toEqual([]);
    expect(vc.pendingTimers).toBe(0);
  });

  it('a store that hangs is answered from local state after timeoutMs, reported as timed out', async () => {
    const { vc, remote, events, store } = setup();
    await settle(vc, store.adjust('k', spend, 0)); // shared: 9
    remote.mode = 'hang';
    const { value, tookMs } = await settle(vc, store.adjust('k', spend, 0));
    expect(value).toBe(9); // local state starts from `initial`
    expect(tookMs).toBe(50);
    expect(events).toEqual([{ operation: 'adjust', timedOut: true, error: undefined }]);
  });

  it('a store that rejects is answered from local state at once, reported with its error, and leaves no timer', async () => {
    const { vc, remote, events, store } = setup();
    remote.mode = 'reject';
    const { value, tookMs } = await settle(vc, store.take('t', { intervalMs: 100, burst: 1, maxWaitMs: 0 }, 0));
    expect(value).toEqual({ granted: true, waitMs: 0 });
    expect(tookMs).toBe(0);
    expect(events).toEqual([{ operation: 'take', timedOut: false, error: new Error('connection refused') }]);
    expect(vc.pendingTimers).toBe(0);
  });

  it('a store that throws synchronously is answered from local state at once, reported with its error', async () => {
    const { vc, remote, events, store } = setup();
    remote.mode = 'throw';
    const rule = { threshold: 1, minimumCalls: 1, windowMs: 0, windowCalls: 0, buckets: 1, breakMs: 1000, maxBreakMs: 2000, breakFactor: 2, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 };
    const { value, tookMs } = await settle(vc, store.record('b', 'failure', 0, rule, 0));
    expect(value).toMatchObject({ state: 'open', version: 1, remainingMs: 1000 });
    expect(tookMs).toBe(0);
    expect(events).toEqual([{ operation: 'record', timedOut: false, error: new Error('store client broken') }]);
  });

  it('while down, answers locally at once, tries the store in the background one call at a time, and resumes sharing when it answers', async () => {
    const { vc, remote, events, store } = setup();
    for (let i = 0; i < 5; i++) await settle(vc, store.adjust('k', spend, 0)); // shared: 5
    remote.mode = 'hang';
    await settle(vc, store.adjust('k', spend, 0)); // times out: local 9
    const before = remote.calls;
    // down: local answers with no waiting; only the first of these reaches the store (it hangs)
    for (let i = 0; i < 3; i++) expect(await settle(vc, store.adjust('k', spend, 0))).toEqual({ value: 8 - i, tookMs: 0 });
    expect(remote.calls).toBe(before + 1);
    // the hanging background call times out; the store is still down, and the next call probes again
    await vc.advance(50);
    remote.mode = 'ok';
    expect((await settle(vc, store.adjust('k', spend, 0))).value).toBe(5); // local, while the probe (shared 5 → 4) answers
    expect(remote.calls).toBe(before + 2);
    await turn();
    expect((await settle(vc, store.adjust('k', spend, 0))).value).toBe(3); // shared again
    expect(events).toHaveLength(1); // background failures are not reported again
  });

  it('a background call that rejects lets the next call try again', async () => {
    const { vc, remote, store } = setup();
    for (let i = 0; i < 5; i++) await settle(vc, store.adjust('k', spend, 0)); // shared: 5
    remote.mode = 'reject';
    await settle(vc, store.adjust('k', spend, 0)); // down, local 9
    await settle(vc, store.adjust('k', spend, 0)); // background call rejects, local 8
    remote.mode = 'ok';
    await turn();
    await settle(vc, store.adjust('k', spend, 0)); // background call answers (shared 4), local 7
    await turn();
    expect((await settle(vc, store.adjust('k', spend, 0))).value).toBe(3);
  });

  it('a background call that throws synchronously is answered locally and does not stop later ones', async () => {
    const { vc, remote, store } = setup();
    for (let i = 0; i < 5; i++) await settle(vc, store.adjust('k', spend, 0)); // shared: 5
    remote.mode = 'reject';
    await settle(vc, store.adjust('k', spend, 0)); // down, local 9
    remote.mode = 'throw';
    expect((await settle(vc, store.adjust('k', spend, 0))).value).toBe(8);
    remote.mode = 'ok';
    await settle(vc, store.adjust('k', spend, 0)); // background call answers (shared 4), local 7
    await turn();
    expect((await settle(vc, store.adjust('k', spend, 0))).value).toBe(3);
  });
});

describe('guardStore', () => {
  it('names the failed operation in each event', async () => {
    const vc = new VirtualClock(0);
    const remote = remoteStore();
    remote.mode = 'throw';
    const emitter = new Emitter<StoreErrorEvent>();
    const names: string[] = [];
    emitter.on(({ operation }) => names.push(operation));
    const rule = { threshold: 1, minimumCalls: 1, windowMs: 0, windowCalls: 0, buckets: 1, breakMs: 1000, maxBreakMs: 2000, breakFactor: 2, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 };
    const calls = [
      (st: StateStore) => st.record('b', 'failure', 0, rule, 0),
      (st: StateStore) => st.transition('b', 'probe', rule, 0),
      (st: StateStore) => st.take('t', { intervalMs: 1, burst: 1, maxWaitMs: 0 }, 0),
      (st: StateStore) => st.adjust('a', spend, 0),
    ];
    for (const call of calls) {
      // a fresh guard per operation: a guard already down would not report again
      const store = guardStore(remote, { timeoutMs: 50, clock: vc, emitter });
      await settle(vc, call(store));
    }
    expect(names).toEqual(['record', 'transition', 'take', 'adjust']);
  });

  it('with a clock that has timer(), store timeouts do not show up in the clock\'s sleeps', async () => {
    const vc = new VirtualClock(0);
    const remote = remoteStore();
    const store = guardStore(remote, { timeoutMs: 50, clock: vc, emitter: new Emitter<StoreErrorEvent>() });
    await settle(vc, store.adjust('a', spend, 0));
    remote.mode = 'hang';
    await settle(vc, store.adjust('a', spend, 0));
    expect(vc.sleeps).toEqual([]);
  });

  it('returns a synchronous store as it is', () => {
    const store = memoryStore();
    expect(guardStore(store, { timeoutMs: 10, clock: new VirtualClock(), emitter: new Emitter<StoreErrorEvent>() })).toBe(store);
  });

  it('reports nothing, and still falls back, when nobody listens', async () => {
    const vc = new VirtualClock(0);
    const remote = remoteStore();
    remote.mode = 'reject';
    const store = guardStore(remote, { timeoutMs: 50, clock: vc, emitter: new Emitter<StoreErrorEvent>() });
    expect((await settle(vc, store.adjust('k', spend, 0))).value).toBe(9);
  });
});
