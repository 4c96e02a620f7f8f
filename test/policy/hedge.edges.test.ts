/**
 * hedge at its edges: each attempt's lazily made signal, attempts that settle after the call was
 * decided (they neither win again nor start new attempts), and which faults hedge by default.
 */
import { describe, expect, it } from 'vitest';
import type { FaultCode } from '../../src/core/codes.js';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { hedge, type HedgeWinEvent } from '../../src/policy/hedge.js';
import type { AttemptContext } from '../../src/policy/policy.js';
import { VirtualClock } from '../../src/testing/index.js';

const fail = (code: FaultCode): FaultError => new FaultError(createFault({ code, source: 'server' }));
const settle = <T>(p: Promise<T>) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

describe('hedge: attempt signals', () => {
  it('each attempt has one signal, however often it is read', async () => {
    const clock = new VirtualClock();
    const pairs: Array<[AbortSignal, AbortSignal]> = [];
    const result = hedge({ delayMs: 10, clock }).execute(async (ctx) => {
      pairs.push([ctx.signal, ctx.signal]);
      await clock.sleep(ctx.attempt === 1 ? 30 : 100);
      return ctx.attempt;
    });
    await clock.runAll();
    expect(await result).toBe(1);
    expect(pairs).toHaveLength(2);
    for (const [a, b] of pairs) expect(a).toBe(b);
    expect(pairs[1]?.[0].aborted).toBe(true);
  });

  it('a losing attempt that reads its signal only after the call settled finds it aborted (another attempt won)', async () => {
    const clock = new VirtualClock();
    let loser: AbortSignal | undefined;
    const result = hedge({ delayMs: 10, clock }).execute(async (ctx) => {
      await clock.sleep(ctx.attempt === 1 ? 100 : 20);
      if (ctx.attempt === 1) loser = ctx.signal;
      return ctx.attempt;
    });
    await clock.runAll();
    expect(await result).toBe(2);
    expect(loser?.aborted).toBe(true);
    const reason = loser?.reason as unknown;
    expect(isFaultError(reason) && [reason.code, reason.source, reason.message]).toEqual(['cancelled', 'policy', 'Another hedged attempt settled the call']);
  });

  it("the winner's signal is never aborted, even when read after the win", async () => {
    for (const attempts of [1, 2]) {
      const clock = new VirtualClock();
      let winner: AbortSignal | undefined;
      let context: AttemptContext | undefined;
      const result = hedge({ delayMs: 10, maxHedges: attempts - 1, clock }).execute(async (ctx) => {
        if (ctx.attempt === 1 && attempts === 2) return new Promise<never>(() => undefined);
        await clock.sleep(5);
        context = ctx;
        return ctx.attempt;
      });
      await clock.runAll();
      expect(await result).toBe(attempts);
      winner = context?.signal;
      expect(winner?.aborted).toBe(false);
    }
  });
});

describe('hedge: attempts that settle after the call', () => {
  it('a loser that ignores its abort and returns later does not win again', async () => {
    const clock = new VirtualClock();
    const policy = hedge({ delayMs: 10, clock });
    const wins: HedgeWinEvent[] = [];
    policy.onWin((e) => wins.push(e));
    const result = policy.execute(async ({ attempt }) => {
      await clock.sleep(attempt === 1 ? 100 : 20);
      return `value ${attempt}`;
    });
    await clock.runAll();
    expect(await result).toBe('value 2');
    expect(wins).toEqual([{ attempt: 2, started: 2 }]);
  });

  it('a loser that fails after the call settled starts no attempt and is not shown to shouldHedge', async () => {
    const clock = new VirtualClock();
    const asked: FaultCode[] = [];
    const started: number[] = [];
    const result = hedge({ delayMs: 10, maxHedges: 3, clock, shouldHedge: (f) => (asked.push(f.code), true) }).execute(async ({ attempt, signal }) => {
      started.push(attempt);
      if (attempt === 2) {
        await clock.sleep(5);
        return 'fast';
      }
      await clock.sleep(1_000, signal);
      return 'slow';
    });
    await clock.runAll();
    expect(await result).toBe('fast');
    expect(started).toEqual([1, 2]);
    expect(asked).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a non-hedgeable failure aborts the attempts still running (another attempt settled the call); their later failures change nothing', async () => {
    const clock = new VirtualClock();
    const started: number[] = [];
    let first: AbortSignal | undefined;
    const result = settle(
      hedge({ delayMs: 10, maxHedges: 2, clock }).execute(async ({ attempt, signal }) => {
        started.push(attempt);
        if (attempt === 1) first = signal;
        if (attempt === 2) {
          await clock.sleep(5);
          throw fail('invalid_request');
        }
        await clock.sleep(1_000, signal);
        return 'slow';
      }),
    );
    await clock.runAll();
    const r = await result;
    expect(!r.ok && isFaultError(r.error) && r.error.code).toBe('invalid_request');
    expect(started).toEqual([1, 2]);
    const reason = first?.reason as unknown;
    expect(isFaultError(reason) && [reason.code, reason.message]).toEqual(['cancelled', 'Another hedged attempt settled the call']);
  });
});

describe('hedge: which failures hedge by default', () => {
  it.each<[FaultCode, boolean]>([
    ['internal', true],
    ['client_timeout', true],
    ['service_unavailable', true],
    ['invalid_request', false],
    ['payment_required', false],
  ])('%s starts the next attempt: %s', async (code, hedges) => {
    const clock = new VirtualClock();
    const started: number[] = [];
    const result = settle(
      hedge({ delayMs: 1_000, clock }).execute(async ({ attempt }) => {
        started.push(clock.now());
        if (attempt === 1) throw fail(code);
        return 'second';
      }),
    );
    await clock.runAll();
    const r = await result;
    expect(started).toEqual(hedges ? [0, 0] : [0]);
    expect(r.ok ? r.value : isFaultError(r.error) && r.error.code).toBe(hedges ? 'second' : code);
  });
});

describe('hedge on a clock whose sleep ignores its signal (the hedge delay cannot be cancelled)', () => {
  it('a delay that fires after the call settled starts no attempt', async () => {
    const virtual = new VirtualClock();
    const clock = { now: () => virtual.now(), sleep: (ms: number) => virtual.sleep(ms) };
    const policy = hedge({ delayMs: 100, maxHedges: 2, clock });
    const hedges: unknown[] = [];
    policy.onHedge((e) => hedges.push(e));
    const started: number[] = [];
    expect(await policy.execute(({ attempt }) => (started.push(attempt), 'fast'))).toBe('fast');
    await virtual.runAll();
    expect(virtual.now()).toBe(100);
    expect(started).toEqual([1]);
    expect(hedges).toEqual([]);
  });
});

