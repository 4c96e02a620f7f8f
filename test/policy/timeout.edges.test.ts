/**
 * timeout at its edges: the attempt's lazily created signal (one per call, aborted with the right
 * reason whenever fn first reads it), when a cooperative call settles, and what the rejection
 * carries: the deadline's own error, or that error's fault with fn's late failure as the cause.
 */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { timeout } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';

const settled = <T>(p: Promise<T>, clock: VirtualClock) =>
  p.then(
    (value) => ({ ok: true as const, value, at: clock.now() }),
    (error: unknown) => ({ ok: false as const, error, at: clock.now() }),
  );

describe('timeout: the attempt signal', () => {
  it('is one signal per call, however often fn reads it', async () => {
    const clock = new VirtualClock();
    let first: AbortSignal | undefined;
    let second: AbortSignal | undefined;
    const result = timeout({ timeoutMs: 100, clock }).execute(async (ctx) => {
      first = ctx.signal;
      await clock.sleep(200);
      second = ctx.signal;
    });
    const r = settled(result, clock);
    await clock.runAll();
    await r;
    expect(second).toBe(first);
    expect(first?.aborted).toBe(true);
  });

  it('read for the first time after the deadline, it is already aborted with the timeout error the call rejects with', async () => {
    const clock = new VirtualClock();
    let signal: AbortSignal | undefined;
    const result = settled(
      timeout({ timeoutMs: 100, clock }).execute(async (ctx) => {
        await clock.sleep(200);
        signal = ctx.signal;
        return 'late';
      }),
      clock,
    );
    await clock.runAll();
    const r = await result;
    expect(signal?.aborted).toBe(true);
    expect(!r.ok && r.error).toBe(signal?.reason);
  });

  it("read for the first time after the caller aborted, it is aborted with the caller's reason", async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    let release: () => void = () => undefined;
    let signal: AbortSignal | undefined;
    const result = settled(
      timeout({ timeoutMs: 100, clock }).execute(
        async (ctx) => {
          await new Promise<void>((resolve) => (release = resolve));
          signal = ctx.signal;
        },
        { signal: controller.signal },
      ),
      clock,
    );
    const reason = new Error('user left');
    controller.abort(reason);
    release();
    const r = await result;
    await Promise.resolve();
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('cancelled');
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(reason);
    await clock.runAll();
  });
});

describe('timeout: what the call settles with, and when', () => {
  it('cooperative: settles when fn settles, not at the deadline', async () => {
    const clock = new VirtualClock();
    const result = settled(timeout({ timeoutMs: 100, clock }).execute(() => clock.sleep(500).then(() => 'late')), clock);
    await clock.runAll();
    const r = await result;
    expect(r.ok).toBe(false);
    expect(r.at).toBe(500);
  });

  it('aggressive: settles at the deadline', async () => {
    const clock = new VirtualClock();
    const result = settled(timeout({ timeoutMs: 100, mode: 'aggressive', clock }).execute(() => clock.sleep(500).then(() => 'late')), clock);
    await clock.runAll();
    const r = await result;
    expect(r.ok).toBe(false);
    expect(r.at).toBe(100);
  });

  it("the timeout error: client_timeout from the policy, 'Timed out after <ms> ms', the same object the signal aborted with", async () => {
    for (const mode of ['cooperative', 'aggressive'] as const) {
      const clock = new VirtualClock();
      let signal: AbortSignal | undefined;
      const result = settled(
        timeout({ timeoutMs: 250, mode, clock }).execute(async (ctx) => {
          signal = ctx.signal;
          await clock.sleep(1_000);
          return 'late';
        }),
        clock,
      );
      await clock.runAll();
      const r = await result;
      const error = !r.ok ? r.error : undefined;
      expect(isFaultError(error) && error.code).toBe('client_timeout');
      expect((error as FaultError).source).toBe('policy');
      expect((error as FaultError).message).toBe('Timed out after 250 ms');
      expect(error).toBe(signal?.reason);
      expect((error as FaultError).cause).toBeUndefined();
    }
  });

  it('cooperative: fn failing after the deadline still times out, with what fn threw as the cause', async () => {
    const clock = new VirtualClock();
    const thrown = new FaultError(createFault({ code: 'bad_gateway' }));
    let signal: AbortSignal | undefined;
    const result = settled(
      timeout({ timeoutMs: 100, clock }).execute(async (ctx) => {
        signal = ctx.signal;
        await clock.sleep(300);
        throw thrown;
      }),
      clock,
    );
    await clock.runAll();
    const r = await result;
    const error = !r.ok ? (r.error as FaultError) : undefined;
    expect(error?.code).toBe('client_timeout');
    expect(error?.message).toBe('Timed out after 100 ms');
    expect(error?.cause).toBe(thrown);
    expect(error).not.toBe(signal?.reason);
  });

  it("sets the deadline with the clock's timer(), not a sleep", async () => {
    const clock = new VirtualClock();
    const result = timeout({ timeoutMs: 100, clock }).execute(() => new Promise(() => undefined));
    expect(clock.pendingTimers).toBe(1);
    expect(clock.sleeps).toEqual([]);
    void result.catch(() => undefined);
  });
});

describe('timeout on a clock whose sleep ignores its signal (the deadline cannot be cancelled)', () => {
  it("a deadline that fires after the call settled changes nothing: fn's signal stays unaborted", async () => {
    for (const mode of ['cooperative', 'aggressive'] as const) {
      const virtual = new VirtualClock();
      const clock = { now: () => virtual.now(), sleep: (ms: number) => virtual.sleep(ms) };
      let signal: AbortSignal | undefined;
      const result = timeout({ timeoutMs: 100, mode, clock }).execute((ctx) => ((signal = ctx.signal), 'ok'));
      expect(await result).toBe('ok');
      await virtual.runAll();
      expect(virtual.now()).toBe(100);
      expect(signal?.aborted).toBe(false);
    }
  });
});
