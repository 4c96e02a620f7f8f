// Edges of the bulkhead the main and model tests pass over: refusal messages, defaults, the
// context fn receives, a caller that aborts at the worst moment, and a clock without timer().
import { describe, expect, it } from 'vitest';
import { FaultError, isFaultError } from '../../src/core/fault.js';
import { bulkhead } from '../../src/policy/bulkhead.js';
import type { Clock } from '../../src/policy/clock.js';
import type { AttemptContext } from '../../src/policy/policy.js';
import { VirtualClock } from '../../src/testing/index.js';

const settle = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function gate<T = string>(value: T): { promise: Promise<T>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = () => resolve(value)));
  return { promise, open };
}

/** A Clock with only now() and sleep(), whose sleeps end when the test says. */
function sleepOnlyClock(): Clock & { endSleeps: () => void; readonly pending: number } {
  const sleeps = new Set<() => void>();
  return {
    now: () => 0,
    sleep(_ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const end = (): void => {
          sleeps.delete(end);
          resolve();
        };
        sleeps.add(end);
        signal?.addEventListener('abort', () => {
          sleeps.delete(end);
          reject(new Error('sleep aborted'));
        }, { once: true });
      });
    },
    endSleeps: () => {
      for (const end of [...sleeps]) end();
    },
    get pending() {
      return sleeps.size;
    },
  };
}

describe('bulkhead: refusals say why', () => {
  it('a full bulkhead names its occupancy', async () => {
    const pool = bulkhead({ maxConcurrent: 2, maxQueue: 1 });
    const g = gate('done');
    const running = [pool.execute(() => g.promise), pool.execute(() => g.promise), pool.execute(() => g.promise)];
    const error = await settle(pool.execute(() => 'x'));
    expect(isFaultError(error) && [error.code, error.source, error.message]).toEqual(['bulkhead_full', 'policy', 'Bulkhead full: 2 running, 1 queued']);
    g.open();
    await Promise.all(running);
  });

  it('a waiter past queueTimeoutMs is told how long it waited', async () => {
    const clock = new VirtualClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 250, clock });
    const g = gate('done');
    const a = pool.execute(() => g.promise);
    const b = settle(pool.execute(() => 'b'));
    await clock.advance(250);
    const error = await b;
    expect(isFaultError(error) && [error.code, error.message]).toEqual(['bulkhead_full', 'Bulkhead queue wait exceeded 250 ms']);
    g.open();
    await a;
  });
});

describe('bulkhead: defaults', () => {
  it('runs 10 at once and queues none', async () => {
    const pool = bulkhead();
    const g = gate('done');
    const running = Array.from({ length: 10 }, () => pool.execute(() => g.promise));
    expect(pool.running).toBe(10);
    const error = await settle(pool.execute(() => 'x'));
    expect(isFaultError(error) && error.message).toBe('Bulkhead full: 10 running, 0 queued');
    g.open();
    await Promise.all(running);
    expect(pool.running).toBe(0);
  });

  it('without queueTimeoutMs a waiter waits as long as it takes', async () => {
    const clock = new VirtualClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, clock });
    const g = gate('done');
    const a = pool.execute(() => g.promise);
    const b = pool.execute(() => 'b');
    await clock.advance(3_600_000);
    expect([pool.running, pool.queued, clock.pendingTimers]).toEqual([1, 1, 0]);
    g.open();
    expect([await a, await b]).toEqual(['done', 'b']);
  });
});

describe('bulkhead: the context fn receives', () => {
  it('is a never-aborting signal and attempt 1 without a caller signal, running or queued', async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    const seen: AttemptContext[] = [];
    const g = gate('done');
    // The first call has a signal of its own: the queued one is the first to need the shared context.
    const a = pool.execute(() => g.promise, { signal: new AbortController().signal });
    const b = pool.execute((context) => seen.push(context));
    g.open();
    await Promise.all([a, b]);
    await pool.execute((context) => seen.push(context));
    expect(seen.map((c) => [c.signal instanceof AbortSignal, c.signal.aborted, c.attempt])).toEqual([
      [true, false, 1],
      [true, false, 1],
    ]);
  });

  it('is a never-aborting signal and attempt 1 for the very first call, which runs at once', async () => {
    const context = await bulkhead().execute((c) => c);
    expect([context.signal instanceof AbortSignal, context.signal.aborted, context.attempt]).toEqual([true, false, 1]);
  });

  it('carries the caller signal, running or queued', async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    const controller = new AbortController();
    const seen: AttemptContext[] = [];
    const g = gate('done');
    const a = pool.execute((context) => (seen.push(context), g.promise), { signal: controller.signal });
    const b = pool.execute((context) => seen.push(context), { signal: controller.signal });
    g.open();
    await Promise.all([a, b]);
    expect(seen.map((c) => [c.signal === controller.signal, c.attempt])).toEqual([
      [true, 1],
      [true, 1],
    ]);
  });
});

describe('bulkhead: callers that give up', () => {
  it('an already-aborted caller is refused with cancelled and takes no place', async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    let called = false;
    const error = await settle(pool.execute(() => (called = true), { signal: AbortSignal.abort() }));
    expect([isFaultError(error) && error.code, called, pool.running, pool.queued]).toEqual(['cancelled', false, 0, 0]);
    expect(await pool.execute(() => 'free')).toBe('free');
  });

  it('a caller that aborts just after being handed a place gives it straight back, and fn never runs', async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 2 });
    let finishA: (v: string) => void = () => undefined;
    const first = new Promise<string>((resolve) => (finishA = resolve));
    const a = pool.execute(() => first);
    // Registered after the bulkhead's own continuation: runs once A's place went to B, before B starts.
    const controller = new AbortController();
    void first.then(() => controller.abort());
    let called = false;
    const b = settle(pool.execute(() => (called = true), { signal: controller.signal }));
    const c = pool.execute(() => 'c');
    finishA('a');
    expect(await a).toBe('a');
    const error = await b;
    expect([isFaultError(error) && error.code, called]).toEqual(['cancelled', false]);
    await turn();
    expect([pool.running, pool.queued]).toEqual([0, 0]); // B's place went on to C, which has finished
    expect(await c).toBe('c');
  });

  it('a plain error thrown by fn comes out as a FaultError and frees the place', async () => {
    const pool = bulkhead({ maxConcurrent: 1 });
    const cause = new Error('boom');
    const error = await settle(pool.execute(() => Promise.reject(cause)));
    expect(error).toBeInstanceOf(FaultError);
    expect((error as FaultError).cause).toBe(cause);
    expect(pool.running).toBe(0);
  });
});

describe('bulkhead: a clock without timer()', () => {
  it('times a waiter out with clock.sleep', async () => {
    const clock = sleepOnlyClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 100, clock });
    const g = gate('done');
    const a = pool.execute(() => g.promise);
    const b = settle(pool.execute(() => 'b'));
    expect(clock.pending).toBe(1);
    clock.endSleeps();
    const error = await b;
    expect(isFaultError(error) && [error.code, error.message]).toEqual(['bulkhead_full', 'Bulkhead queue wait exceeded 100 ms']);
    expect(pool.queued).toBe(0);
    g.open();
    await a;
  });

  it('a waiter handed a place stops its deadline sleep', async () => {
    const clock = sleepOnlyClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 100, clock });
    const g = gate('done');
    const a = pool.execute(() => g.promise);
    const b = pool.execute(() => 'b');
    g.open();
    expect([await a, await b]).toEqual(['done', 'b']);
    expect(clock.pending).toBe(0);
  });

  it('a deadline that ends in the same turn the waiter is handed its place neither refuses it nor miscounts the line', async () => {
    const clock = sleepOnlyClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 2, queueTimeoutMs: 100, clock });
    let finishA: (v: string) => void = () => undefined;
    const a = pool.execute(() => new Promise<string>((resolve) => (finishA = resolve)));
    const gb = gate('b');
    const b = pool.execute(() => gb.promise);
    const order: string[] = [];
    const c = settle(pool.execute(() => (order.push('c'), 'c')));
    // A ends, then both deadline sleeps end, before any continuation runs: B is handed A's place first.
    finishA('a');
    clock.endSleeps();
    expect(await a).toBe('a');
    await turn();
    // B got the place (its late deadline is ignored); C's own deadline refused C.
    expect(pool.running).toBe(1);
    expect(pool.queued).toBe(0);
    const refused = await c;
    expect(isFaultError(refused) && refused.code).toBe('bulkhead_full');
    gb.open();
    expect(await b).toBe('b');
    expect(order).toEqual([]);
    expect([pool.running, pool.queued]).toEqual([0, 0]);
  });
});
