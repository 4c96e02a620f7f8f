import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { systemClock, type Clock } from '../../src/policy/clock.js';
import { timeout } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

const settle = <T>(p: Promise<T>) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
const code = (r: { ok: boolean; error?: unknown }): string | undefined => (isFaultError(r.error) ? r.error.code : undefined);

describe('timeout', () => {
  it('resolves with the value and clears its timer', async () => {
    const clock = new VirtualClock();
    const value = await timeout({ timeoutMs: 100, clock }).execute(() => 'ok');
    expect(value).toBe('ok');
    expect(clock.pendingTimers).toBe(0);
  });

  it('starts exactly one timer per call', async () => {
    const clock = new VirtualClock();
    const policy = timeout({ timeoutMs: 100, clock });
    const a = policy.execute(() => clock.sleep(10));
    expect(clock.pendingTimers).toBe(2);
    await clock.runAll();
    await a;
    expect(clock.pendingTimers).toBe(0);
  });

  it('cooperative: aborts the signal at the deadline, waits for fn, rejects with client_timeout from the policy', async () => {
    const clock = new VirtualClock();
    let aborted = -1;
    let finished = -1;
    const result = settle(
      timeout({ timeoutMs: 100, clock }).execute(async ({ signal }) => {
        signal.addEventListener('abort', () => (aborted = clock.now()));
        await clock.sleep(500);
        finished = clock.now();
        return 'late';
      }),
    );
    await clock.runAll();
    const r = await result;
    expect(aborted).toBe(100);
    expect(finished).toBe(500);
    expect(code(r)).toBe('client_timeout');
    expect((r as { error: FaultError }).error.source).toBe('policy');
    expect(clock.pendingTimers).toBe(0);
  });

  it('cooperative: fn that stops on abort rejects with client_timeout at the deadline', async () => {
    const clock = new VirtualClock();
    const result = settle(timeout({ timeoutMs: 100, clock }).execute(({ signal }) => clock.sleep(1_000, signal)));
    await clock.advance(100);
    const r = await result;
    expect(code(r)).toBe('client_timeout');
    expect(clock.now()).toBe(100);
    expect(clock.pendingTimers).toBe(0);
  });

  it('aggressive: rejects at the deadline even when fn never settles', async () => {
    const clock = new VirtualClock();
    let signalAborted = false;
    const result = settle(
      timeout({ timeoutMs: 100, mode: 'aggressive', clock }).execute(({ signal }) => {
        signal.addEventListener('abort', () => (signalAborted = true));
        return new Promise(() => undefined);
      }),
    );
    await clock.advance(100);
    const r = await result;
    expect(code(r)).toBe('client_timeout');
    expect(signalAborted).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('passes on what fn throws as a FaultError with the original as cause', async () => {
    const clock = new VirtualClock();
    const original = new FaultError(createFault({ code: 'bad_gateway' }));
    const r = await settle(timeout({ timeoutMs: 100, clock }).execute(() => Promise.reject(original)));
    expect(!r.ok && r.error).toBe(original);
    const plain = new Error('nope');
    const r2 = await settle(timeout({ timeoutMs: 100, clock }).execute(() => { throw plain; }));
    expect(code(r2)).toBe('unknown');
    expect((r2 as { error: FaultError }).error.cause).toBe(plain);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not abort the signal after a success (a fetch body may still be streaming)', async () => {
    const clock = new VirtualClock();
    let seen: AbortSignal | undefined;
    await timeout({ timeoutMs: 100, clock }).execute(({ signal }) => (seen = signal));
    await clock.runAll();
    expect(seen?.aborted).toBe(false);
  });

  it('caller abort: cancelled within a microtask in both modes, timer and listener removed', async () => {
    for (const mode of ['cooperative', 'aggressive'] as const) {
      const clock = new VirtualClock();
      const { controller, signal, live } = countingController();
      let fnSignal: AbortSignal | undefined;
      let settled: unknown;
      void timeout({ timeoutMs: 100, mode, clock })
        .execute((ctx) => { fnSignal = ctx.signal; return new Promise(() => undefined); }, { signal })
        .catch((e: unknown) => (settled = e));
      await Promise.resolve();
      controller.abort();
      await Promise.resolve();
      expect(isFaultError(settled) && settled.code).toBe('cancelled');
      expect(fnSignal?.aborted).toBe(true);
      expect(clock.pendingTimers).toBe(0);
      expect(live()).toBe(0);
    }
  });

  it('an aborted caller wins over a deadline that already fired (cooperative)', async () => {
    const clock = new VirtualClock();
    const { controller, signal } = countingController();
    const result = settle(timeout({ timeoutMs: 10, clock }).execute(() => clock.sleep(100), { signal }));
    await clock.advance(10);
    controller.abort();
    const r = await result;
    expect(code(r)).toBe('cancelled');
    await clock.runAll();
  });

  it('rejects at once for an already aborted caller signal', async () => {
    let called = false;
    const r = await settle(timeout({ timeoutMs: 10 }).execute(() => (called = true), { signal: AbortSignal.abort() }));
    expect(code(r)).toBe('cancelled');
    expect(called).toBe(false);
  });

  it('falls back to sleep with an AbortSignal for a clock without timer()', async () => {
    const virtual = new VirtualClock();
    const clock: Clock = { now: () => virtual.now(), sleep: (ms, signal) => virtual.sleep(ms, signal) };
    expect(await timeout({ timeoutMs: 100, clock }).execute(() => 'ok')).toBe('ok');
    expect(virtual.pendingTimers).toBe(0);
    const r = settle(timeout({ timeoutMs: 100, clock }).execute(({ signal }) => virtual.sleep(1_000, signal)));
    await virtual.runAll();
    expect(code(await r)).toBe('client_timeout');
    expect(virtual.pendingTimers).toBe(0);
  });

  it('works on the system clock with a real short deadline', async () => {
    const r = await settle(timeout({ timeoutMs: 5, clock: systemClock }).execute(({ signal }) => systemClock.sleep(10_000, signal)));
    expect(code(r)).toBe('client_timeout');
  });

  it.each([
    [{ timeoutMs: 0 }, 'timeout: timeoutMs must be a finite number > 0, got 0'],
    [{ timeoutMs: -5 }, 'timeout: timeoutMs must be a finite number > 0, got -5'],
    [{ timeoutMs: Number.NaN }, 'timeout: timeoutMs must be a finite number > 0, got NaN'],
    [{ timeoutMs: Infinity }, 'timeout: timeoutMs must be a finite number > 0, got Infinity'],
    [{}, 'timeout: timeoutMs must be a finite number > 0, got undefined'],
    [{ timeoutMs: '10' }, 'timeout: timeoutMs must be a finite number > 0, got "10"'],
    [{ timeoutMs: 10, mode: 'eager' }, `timeout: mode must be one of 'cooperative', 'aggressive', got "eager"`],
    [{ timeoutMs: 10, clock: { now: 1 } }, 'timeout: clock must be an object with now() and sleep(ms, signal), got an object'],
  ])('rejects %j at construction', (options, message) => {
    expect(() => timeout(options as never)).toThrow(new TypeError(message));
  });
});
