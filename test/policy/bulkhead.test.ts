import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../src/core/fault.js';
import { bulkhead } from '../../src/policy/bulkhead.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

const settle = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function gate(): { promise: Promise<string>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<string>((resolve) => (open = () => resolve('done')));
  return { promise, open };
}

describe('bulkhead', () => {
  it('runs maxConcurrent at once, queues maxQueue in order, refuses the rest with bulkhead_full', async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    const g = gate();
    const order: string[] = [];
    const a = pool.execute(() => (order.push('a'), g.promise));
    const b = pool.execute(() => (order.push('b'), 'b'));
    const c = await settle(pool.execute(() => 'c'));
    expect([pool.running, pool.queued]).toEqual([1, 1]);
    expect(isFaultError(c) && [c.code, c.source]).toEqual(['bulkhead_full', 'policy']);
    g.open();
    expect([await a, await b]).toEqual(['done', 'b']);
    expect(order).toEqual(['a', 'b']);
    expect([pool.running, pool.queued]).toEqual([0, 0]);
  });

  it('a queued waiter whose signal aborts leaves at once, with its listener, and frees its place', async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    const g = gate();
    const a = pool.execute(() => g.promise);
    const { controller, signal, live } = countingController();
    const b = settle(pool.execute(() => 'b', { signal }));
    controller.abort();
    const error = await b;
    expect(isFaultError(error) && error.code).toBe('cancelled');
    expect(live()).toBe(0);
    expect(pool.queued).toBe(0);
    const c = pool.execute(() => 'c'); // the freed place
    g.open();
    expect([await a, await c]).toEqual(['done', 'c']);
  });

  it('a waiter still queued after queueTimeoutMs is refused with bulkhead_full and leaves no timer', async () => {
    const clock = new VirtualClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 2, queueTimeoutMs: 100, clock });
    const g = gate();
    const a = pool.execute(() => g.promise);
    const b = settle(pool.execute(() => 'b'));
    await clock.advance(100);
    const error = await b;
    expect(isFaultError(error) && error.code).toBe('bulkhead_full');
    expect(pool.queued).toBe(0);
    const c = pool.execute(() => 'c');
    g.open();
    await a;
    expect(await c).toBe('c');
    await turn();
    expect(clock.pendingTimers).toBe(0);
  });

  it('validates options with TypeErrors naming option and range', () => {
    expect(() => bulkhead({ maxConcurrent: 0 })).toThrow('bulkhead: maxConcurrent must be an integer >= 1, got 0');
    expect(() => bulkhead({ maxQueue: -1 })).toThrow('bulkhead: maxQueue must be an integer >= 0, got -1');
    expect(() => bulkhead({ queueTimeoutMs: Number.NaN })).toThrow('bulkhead: queueTimeoutMs must be a finite number >= 0, got NaN');
  });
});
