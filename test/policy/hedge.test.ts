import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import type { FaultCode } from '../../src/core/codes.js';
import { hedge, type HedgeEvent, type HedgeWinEvent } from '../../src/policy/hedge.js';
import type { AttemptContext } from '../../src/policy/policy.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

const settle = <T>(p: Promise<T>) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
const fail = (code: FaultCode): FaultError => new FaultError(createFault({ code, source: 'server' }));

/** An attempt function whose attempt n takes `plan[n-1].ms` of virtual time, then returns or throws. */
function planned(clock: VirtualClock, plan: readonly { ms: number; value?: string; fault?: FaultCode }[]) {
  const log = { started: [] as number[], aborted: [] as number[], signals: [] as AbortSignal[] };
  const fn = async ({ signal, attempt }: AttemptContext): Promise<string> => {
    log.started.push(clock.now());
    log.signals.push(signal);
    signal.addEventListener('abort', () => log.aborted.push(attempt), { once: true });
    const step = plan[attempt - 1] ?? { ms: 0, fault: 'invalid_request' as const };
    await clock.sleep(step.ms, signal);
    if (step.fault !== undefined) throw fail(step.fault);
    return step.value ?? `value ${attempt}`;
  };
  return { fn, log };
}

describe('hedge', () => {
  it('a fast first attempt: one attempt, its value, no timer left', async () => {
    const clock = new VirtualClock();
    const policy = hedge({ delayMs: 100, clock });
    const wins: HedgeWinEvent[] = [];
    policy.onWin((e) => wins.push(e));
    const { fn, log } = planned(clock, [{ ms: 40 }]);
    const result = policy.execute(fn);
    await clock.runAll();
    expect(await result).toBe('value 1');
    expect(log.started).toEqual([0]);
    expect(wins).toEqual([{ attempt: 1, started: 1 }]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a slow first attempt: the hedge starts at delayMs, wins, and the first is aborted', async () => {
    const clock = new VirtualClock();
    const policy = hedge({ delayMs: 100, clock });
    const hedges: HedgeEvent[] = [];
    const wins: HedgeWinEvent[] = [];
    policy.onHedge((e) => hedges.push(e));
    policy.onWin((e) => wins.push(e));
    const { fn, log } = planned(clock, [{ ms: 1_000 }, { ms: 50 }]);
    const result = settle(policy.execute(fn));
    await clock.runAll();
    expect(await result).toEqual({ ok: true, value: 'value 2' });
    expect(log.started).toEqual([0, 100]);
    expect(log.aborted).toEqual([1]);
    expect(clock.now()).toBe(150);
    expect(hedges).toEqual([{ attempt: 2, after: 'delay' }]);
    expect(wins).toEqual([{ attempt: 2, started: 2 }]);
    const reason = log.signals[0]?.reason as unknown;
    expect(isFaultError(reason) && reason.code).toBe('cancelled');
    expect(clock.pendingTimers).toBe(0);
  });

  it('the first attempt can still win after a hedge started; the hedge is aborted', async () => {
    const clock = new VirtualClock();
    const { fn, log } = planned(clock, [{ ms: 120 }, { ms: 500 }]);
    const result = hedge({ delayMs: 100, clock }).execute(fn);
    await clock.runAll();
    expect(await result).toBe('value 1');
    expect(log.started).toEqual([0, 100]);
    expect(log.aborted).toEqual([2]);
    expect(clock.now()).toBe(120);
  });

  it('starts at most maxHedges extra attempts, each delayMs after the previous one', async () => {
    const clock = new VirtualClock();
    const { fn, log } = planned(clock, [{ ms: 10_000 }, { ms: 10_000 }, { ms: 10_000 }, { ms: 10_000 }]);
    const result = hedge({ delayMs: 100, maxHedges: 2, clock }).execute(fn);
    await clock.runAll();
    expect(await result).toBe('value 1');
    expect(log.started).toEqual([0, 100, 200]);
    expect(log.aborted.sort()).toEqual([2, 3]);
  });

  it('maxHedges 0 runs the call alone', async () => {
    const clock = new VirtualClock();
    const { fn, log } = planned(clock, [{ ms: 10_000 }, { ms: 1 }]);
    const result = hedge({ delayMs: 100, maxHedges: 0, clock }).execute(fn);
    await clock.runAll();
    expect(await result).toBe('value 1');
    expect(log.started).toEqual([0]);
  });

  it('a retryable failure starts the next attempt at once, without waiting for the delay', async () => {
    const clock = new VirtualClock();
    const policy = hedge({ delayMs: 100, clock });
    const hedges: HedgeEvent[] = [];
    policy.onHedge((e) => hedges.push(e));
    const { fn, log } = planned(clock, [{ ms: 30, fault: 'service_unavailable' }, { ms: 20 }]);
    const result = policy.execute(fn);
    await clock.runAll();
    expect(await result).toBe('value 2');
    expect(log.started).toEqual([0, 30]);
    expect(hedges.map((e) => [e.attempt, e.after, e.fault?.code])).toEqual([[2, 'failure', 'service_unavailable']]);
  });

  it('a fault of class never ends the call at once and aborts the attempts still running', async () => {
    const clock = new VirtualClock();
    const { fn, log } = planned(clock, [{ ms: 500 }, { ms: 50, fault: 'invalid_request' }]);
    const result = settle(hedge({ delayMs: 100, clock }).execute(fn));
    await clock.runAll();
    const r = await result;
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('invalid_request');
    expect(log.aborted).toEqual([1]);
    expect(clock.now()).toBe(150);
    expect(clock.pendingTimers).toBe(0);
  });

  it('shouldHedge decides which faults start the next attempt', async () => {
    const clock = new VirtualClock();
    const seen: FaultCode[] = [];
    const { fn, log } = planned(clock, [{ ms: 10, fault: 'service_unavailable' }, { ms: 10 }]);
    const result = settle(hedge({ delayMs: 100, clock, shouldHedge: (f) => (seen.push(f.code), false) }).execute(fn));
    await clock.runAll();
    const r = await result;
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('service_unavailable');
    expect(seen).toEqual(['service_unavailable']);
    expect(log.started).toEqual([0]);
  });

  it('when every attempt fails, rejects with the last fault once none is running', async () => {
    const clock = new VirtualClock();
    const { fn } = planned(clock, [{ ms: 300, fault: 'bad_gateway' }, { ms: 50, fault: 'service_unavailable' }]);
    const result = settle(hedge({ delayMs: 100, clock }).execute(fn));
    await clock.runAll();
    const r = await result;
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('bad_gateway');
    expect(clock.now()).toBe(300);
  });

  it('a thrown non-Fault is classified', async () => {
    const clock = new VirtualClock();
    const result = settle(
      hedge({ delayMs: 100, maxHedges: 0, clock }).execute(() => {
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }),
    );
    const r = await result;
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('connection_reset');
  });

  it('the caller aborting rejects with cancelled, aborts every attempt, and leaves no listener or timer', async () => {
    const clock = new VirtualClock();
    const { controller, signal, live } = countingController();
    const { fn, log } = planned(clock, [{ ms: 1_000 }, { ms: 1_000 }]);
    const result = settle(hedge({ delayMs: 100, clock }).execute(fn, { signal }));
    await clock.advance(150);
    expect(live()).toBe(1);
    controller.abort();
    const r = await result;
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('cancelled');
    expect(log.aborted.sort()).toEqual([1, 2]);
    expect(live()).toBe(0);
    await clock.runAll();
    expect(clock.pendingTimers).toBe(0);
  });

  it('a caller signal already aborted rejects without starting an attempt', async () => {
    const clock = new VirtualClock();
    let calls = 0;
    const r = await settle(hedge({ delayMs: 100, clock }).execute(() => ++calls, { signal: AbortSignal.abort() }));
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('cancelled');
    expect(calls).toBe(0);
  });

  it('after a success the caller listener is gone', async () => {
    const clock = new VirtualClock();
    const { signal, live } = countingController();
    expect(await hedge({ delayMs: 100, clock }).execute(() => 'ok', { signal })).toBe('ok');
    expect(live()).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('works on a clock with only now() and sleep()', async () => {
    const virtual = new VirtualClock();
    const clock = { now: () => virtual.now(), sleep: (ms: number, signal?: AbortSignal) => virtual.sleep(ms, signal) };
    const { fn, log } = planned(virtual, [{ ms: 1_000 }, { ms: 10 }]);
    const result = hedge({ delayMs: 100, clock }).execute(fn);
    await virtual.runAll();
    expect(await result).toBe('value 2');
    expect(log.started).toEqual([0, 100]);
    expect(virtual.pendingTimers).toBe(0);
  });

  it('rejects bad options with a TypeError naming them', () => {
    expect(() => hedge(undefined as never)).toThrow(new TypeError('hedge: delayMs must be a finite number >= 0, got undefined'));
    expect(() => hedge(5 as never)).toThrow(new TypeError('hedge: options must be an object, got 5'));
    expect(() => hedge({} as never)).toThrow(new TypeError('hedge: delayMs must be a finite number >= 0, got undefined'));
    expect(() => hedge({ delayMs: -1 })).toThrow(new TypeError('hedge: delayMs must be a finite number >= 0, got -1'));
    expect(() => hedge({ delayMs: 1, maxHedges: 1.5 })).toThrow(new TypeError('hedge: maxHedges must be an integer >= 0, got 1.5'));
    expect(() => hedge({ delayMs: 1, shouldHedge: 1 as never })).toThrow(new TypeError('hedge: shouldHedge must be a function, got 1'));
    expect(() => hedge({ delayMs: 1, clock: {} as never })).toThrow(TypeError);
  });
});
