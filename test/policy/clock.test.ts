/**
 * The clock module: what a cancelled wait rejects with (cancelledError), the host clock
 * (systemClock, driven here by 0-ms real timers only) and armTimer's choice between a clock's
 * timer() and its sleep().
 */
import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../src/core/fault.js';
import { armTimer, cancelledError, systemClock, systemRandom, type Clock } from '../../src/policy/clock.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

/** One 0-ms macrotask: a 0-ms timer started before it has fired when it resolves. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const abortedWith = (reason: unknown): AbortSignal => {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
};

describe('cancelledError', () => {
  it('a signal that timed out (reason named TimeoutError) gives client_timeout, with the reason as cause', () => {
    const reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const error = cancelledError(abortedWith(reason));
    expect(error.code).toBe('client_timeout');
    expect(error.source).toBe('client');
    expect(error.message).toBe('The operation timed out');
    expect(error.cause).toBe(reason);
    expect(cancelledError(abortedWith({ name: 'TimeoutError' })).code).toBe('client_timeout');
  });

  it('any other reason gives cancelled, with the reason as cause', () => {
    const reason = new DOMException('This operation was aborted', 'AbortError');
    const error = cancelledError(abortedWith(reason));
    expect(error.code).toBe('cancelled');
    expect(error.source).toBe('client');
    expect(error.message).toBe('The operation was cancelled');
    expect(error.cause).toBe(reason);
    expect(cancelledError(undefined).code).toBe('cancelled');
    expect(cancelledError(abortedWith('TimeoutError')).code).toBe('cancelled');
    expect(cancelledError(abortedWith({ name: 'AbortError' })).code).toBe('cancelled');
  });

  it('a null reason or a function named TimeoutError is a plain cancellation, never a crash', () => {
    expect(cancelledError(abortedWith(null)).code).toBe('cancelled');
    function TimeoutError(): void {}
    expect(cancelledError(abortedWith(TimeoutError)).code).toBe('cancelled');
  });
});

describe('systemClock', () => {
  it('now() is the host time', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('sleep(0) resolves on the next timer turn, with or without a signal, leaving no listener', async () => {
    await expect(systemClock.sleep(0)).resolves.toBeUndefined();
    const { signal, live } = countingController();
    await expect(systemClock.sleep(0, signal)).resolves.toBeUndefined();
    expect(live()).toBe(0);
  });

  it('a negative sleep waits no more than a 0-ms one', async () => {
    let done = false;
    void systemClock.sleep(-50).then(() => (done = true));
    await tick();
    expect(done).toBe(true);
  });

  it('a long sleep does not resolve on the next timer turn; aborting it rejects with cancelled and clears its timer and listener', async () => {
    const base = timeouts();
    const { controller, signal, live } = countingController();
    let outcome: unknown = 'pending';
    const sleeping = systemClock.sleep(60_000, signal).then(
      () => (outcome = 'resolved'),
      (error: unknown) => (outcome = error),
    );
    await tick();
    expect(outcome).toBe('pending');
    expect(timeouts()).toBe(base + 1);
    expect(live()).toBe(1);
    controller.abort();
    await sleeping;
    expect(isFaultError(outcome) && outcome.code).toBe('cancelled');
    expect(timeouts()).toBe(base);
    expect(live()).toBe(0);
  });

  it('a sleep whose signal aborted with a TimeoutError rejects with client_timeout', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal).catch((e: unknown) => e);
    controller.abort(new DOMException('timed out', 'TimeoutError'));
    const error = await sleeping;
    expect(isFaultError(error) && error.code).toBe('client_timeout');
  });

  it('an already aborted signal rejects at once, without starting a timer', async () => {
    const base = timeouts();
    const sleeping = systemClock.sleep(0, AbortSignal.abort()).catch((e: unknown) => e);
    expect(timeouts()).toBe(base);
    const error = await sleeping;
    expect(isFaultError(error) && error.code).toBe('cancelled');
  });

  it('timer(0) calls back on the next timer turn; timer(60 s) does not', async () => {
    const calls: string[] = [];
    const cancelLong = systemClock.timer?.(60_000, () => calls.push('long'));
    systemClock.timer?.(0, () => calls.push('short'));
    systemClock.timer?.(-5, () => calls.push('negative'));
    await tick();
    expect(calls).toEqual(['short', 'negative']);
    cancelLong?.();
  });

  it("timer()'s cancel function stops the callback and clears the host timer", async () => {
    const base = timeouts();
    let called = false;
    const cancel = systemClock.timer?.(0, () => (called = true));
    expect(timeouts()).toBe(base + 1);
    cancel?.();
    expect(timeouts()).toBe(base);
    await tick();
    expect(called).toBe(false);
  });
});

describe('armTimer', () => {
  it("uses the clock's timer() when it has one (no sleep is started)", async () => {
    const clock = new VirtualClock();
    let fired = -1;
    armTimer(clock, 100, () => (fired = clock.now()));
    expect(clock.pendingTimers).toBe(1);
    await clock.runAll();
    expect(fired).toBe(100);
    expect(clock.sleeps).toEqual([]);
  });

  it('falls back to sleep() on a clock without timer(); cancelling aborts the sleep', async () => {
    const virtual = new VirtualClock();
    const clock: Clock = { now: () => virtual.now(), sleep: (ms, signal) => virtual.sleep(ms, signal) };
    let fired = -1;
    armTimer(clock, 100, () => (fired = virtual.now()));
    expect(virtual.sleeps).toEqual([100]);
    await virtual.runAll();
    expect(fired).toBe(100);

    let called = false;
    const cancel = armTimer(clock, 100, () => (called = true));
    expect(virtual.pendingTimers).toBe(1);
    cancel();
    await virtual.runAll();
    expect(called).toBe(false);
    expect(virtual.pendingTimers).toBe(0);
  });
});

describe('systemRandom', () => {
  it('draws numbers in [0, 1) that vary', () => {
    const draws = Array.from({ length: 20 }, () => systemRandom());
    for (const r of draws) {
      expect(typeof r).toBe('number');
      expect(r >= 0 && r < 1).toBe(true);
    }
    expect(new Set(draws).size).toBeGreaterThan(1);
  });
});
