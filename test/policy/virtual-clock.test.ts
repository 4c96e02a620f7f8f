import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../src/core/fault.js';
import { VirtualClock } from '../../src/testing/index.js';

describe('VirtualClock', () => {
  it('starts at startMs and never moves on its own', async () => {
    const clock = new VirtualClock(1_000);
    let done = false;
    void clock.sleep(10).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(clock.now()).toBe(1_000);
    expect(done).toBe(false);
    expect(clock.pendingTimers).toBe(1);
  });

  it('fires due timers in time order, ties in start order, and sets now to each timer', async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    void clock.sleep(30).then(() => log.push(`c@${clock.now()}`));
    void clock.sleep(10).then(() => log.push(`a@${clock.now()}`));
    void clock.sleep(10).then(() => log.push(`b@${clock.now()}`));
    await clock.advance(20);
    expect(log).toEqual(['a@10', 'b@10']);
    expect(clock.now()).toBe(20);
    await clock.advance(10);
    expect(log).toEqual(['a@10', 'b@10', 'c@30']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('lets continuations start new sleeps that fire within the same advance', async () => {
    const clock = new VirtualClock();
    const times: number[] = [];
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(100);
        await Promise.resolve();
        times.push(clock.now());
      }
    })();
    await clock.advance(250);
    expect(times).toEqual([100, 200]);
    await clock.runAll();
    expect(times).toEqual([100, 200, 300]);
  });

  it('rejects an aborted sleep with cancelled and removes its timer and listener', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    expect(clock.pendingTimers).toBe(1);
    controller.abort();
    const error = await sleeping.catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('cancelled');
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const clock = new VirtualClock();
    const error = await clock.sleep(5, AbortSignal.abort()).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('cancelled');
    expect(clock.pendingTimers).toBe(0);
  });

  it('records every sleep duration in order', async () => {
    const clock = new VirtualClock();
    void clock.sleep(5);
    void clock.sleep(-3);
    expect(clock.sleeps).toEqual([5, 0]);
    await clock.runAll();
  });

  it('timer() fires a callback unless cancelled, and counts as pending', async () => {
    const clock = new VirtualClock();
    let fired = 0;
    clock.timer(50, () => fired++);
    const cancel = clock.timer(60, () => fired++);
    expect(clock.pendingTimers).toBe(2);
    cancel();
    await clock.runAll();
    expect(fired).toBe(1);
    expect(clock.now()).toBe(50);
  });

  it('runAll stops at its cap for a clock that never idles', async () => {
    const clock = new VirtualClock();
    const forever = (): void => void clock.sleep(1).then(forever);
    forever();
    await expect(clock.runAll(20)).rejects.toThrow(/still pending after 20 timers/);
  });

  it('rejects bad arguments with a TypeError', async () => {
    expect(() => new VirtualClock(Number.NaN)).toThrow(TypeError);
    await expect(new VirtualClock().advance(-1)).rejects.toThrow(TypeError);
  });
});
