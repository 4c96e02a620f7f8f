import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError, type FaultInit } from '../../src/core/fault.js';
import { constantBackoff, exponentialBackoff } from '../../src/policy/backoff.js';
import type { RetryBudget } from '../../src/policy/policy.js';
import { retry, type RetryOptions } from '../../src/policy/retry.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

const fail = (init: FaultInit): FaultError => new FaultError(createFault(init));
const backoff = exponentialBackoff({ initialMs: 100, factor: 2, maxMs: 10_000, jitter: 'none' });

/** Plays `script` one entry per attempt (an Error is thrown, anything else returned) and records attempt times. */
async function play(options: RetryOptions & { clock: VirtualClock }, script: unknown[], signal?: AbortSignal) {
  const times: number[] = [];
  const attempts: number[] = [];
  const policy = retry(options);
  const pending = policy
    .execute(({ attempt }) => {
      times.push(options.clock.now());
      attempts.push(attempt);
      const next = script[Math.min(attempts.length - 1, script.length - 1)];
      if (next instanceof Error) throw next;
      return next;
    }, signal === undefined ? undefined : { signal })
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  await options.clock.runAll();
  return { result: await pending, times, attempts, gaps: times.slice(1).map((t, i) => t - (times[i] as number)) };
}

describe('retry', () => {
  it('returns the first success without sleeping', async () => {
    const clock = new VirtualClock();
    const { result, times } = await play({ clock, backoff }, ['ok']);
    expect(result).toEqual({ ok: true, value: 'ok' });
    expect(times).toEqual([0]);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries an always fault with the backoff, numbering attempts from 1', async () => {
    const clock = new VirtualClock();
    const { result, attempts, gaps } = await play({ clock, backoff }, [fail({ code: 'service_unavailable' }), fail({ code: 'rate_limited' }), 'ok']);
    expect(result).toEqual({ ok: true, value: 'ok' });
    expect(attempts).toEqual([1, 2, 3]);
    expect(gaps).toEqual([100, 200]);
  });

  it('never retries a fault whose retry class is never', async () => {
    const clock = new VirtualClock();
    const { result, attempts } = await play({ clock, backoff, idempotent: true }, [fail({ code: 'payment_required' }), 'ok']);
    expect(attempts).toEqual([1]);
    expect(!result.ok && isFaultError(result.error) && result.error.code).toBe('payment_required');
  });

  it('retries an idempotent fault only when the call is idempotent', async () => {
    const clock = new VirtualClock();
    const no = await play({ clock, backoff }, [fail({ code: 'internal' }), 'ok']);
    expect(no.attempts).toEqual([1]);
    const yes = await play({ clock, backoff, idempotent: true }, [fail({ code: 'internal' }), 'ok']);
    expect(yes.attempts).toEqual([1, 2]);
  });

  it('waits the server hint instead of the backoff', async () => {
    const clock = new VirtualClock();
    const { gaps } = await play({ clock, backoff }, [fail({ code: 'rate_limited', retryAfterMs: 7_000 }), 'ok']);
    expect(gaps).toEqual([7_000]);
  });

  it('gives up at once when the hint exceeds maxRetryAfterMs, and waits a hint equal to it', async () => {
    const clock = new VirtualClock();
    const over = await play({ clock, backoff, maxRetryAfterMs: 5_000 }, [fail({ code: 'rate_limited', retryAfterMs: 5_001 }), 'ok']);
    expect(over.attempts).toEqual([1]);
    expect(clock.sleeps).toEqual([]);
    const equal = await play({ clock, backoff, maxRetryAfterMs: 5_000 }, [fail({ code: 'rate_limited', retryAfterMs: 5_000 }), 'ok']);
    expect(equal.gaps).toEqual([5_000]);
  });

  it('defaults maxRetryAfterMs to 60 s', async () => {
    const clock = new VirtualClock();
    const ok = await play({ clock, backoff }, [fail({ code: 'rate_limited', retryAfterMs: 60_000 }), 'ok']);
    expect(ok.gaps).toEqual([60_000]);
    const over = await play({ clock, backoff }, [fail({ code: 'rate_limited', retryAfterMs: 60_001 }), 'ok']);
    expect(over.attempts).toEqual([1]);
  });

  it('makes at most maxRetries retries, then rejects with the last fault', async () => {
    const clock = new VirtualClock();
    const last = fail({ code: 'bad_gateway', retry: 'always' });
    const { result, attempts } = await play({ clock, backoff, maxRetries: 2 }, [fail({ code: 'service_unavailable' }), fail({ code: 'service_unavailable' }), last]);
    expect(attempts).toEqual([1, 2, 3]);
    expect(!result.ok && result.error).toBe(last);
  });

  it("never exceeds the fault's retryLimit", async () => {
    const clock = new VirtualClock();
    const { attempts } = await play({ clock, backoff, maxRetries: 5 }, [fail({ code: 'internal', retry: 'always', retryLimit: 1 })]);
    expect(attempts).toEqual([1, 2]);
    const zero = await play({ clock, backoff, maxRetries: 5 }, [fail({ code: 'internal', retry: 'always', retryLimit: 0 })]);
    expect(zero.attempts).toEqual([1]);
  });

  it('classifies whatever fn throws and keeps it as the cause', async () => {
    const clock = new VirtualClock();
    const thrown = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const { result, attempts } = await play({ clock, backoff }, [thrown]);
    expect(attempts).toEqual([1]);
    expect(!result.ok && isFaultError(result.error)).toBe(true);
    if (!result.ok && isFaultError(result.error)) {
      expect(result.error.code).toBe('connection_reset');
      expect(result.error.cause).toBe(thrown);
    }
    const text = await play({ clock, backoff }, ['x', 'y'].map(() => 'plain') as unknown[]);
    expect(text.result.ok).toBe(true);
  });

  it('rejects with a FaultError for a thrown non-error', async () => {
    const clock = new VirtualClock();
    const policy = retry({ clock });
    const error = await policy.execute(() => { throw 'boom'; }).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('unknown');
    expect((error as FaultError).cause).toBe('boom');
  });

  it('lets shouldRetry override the decision, but not the limits', async () => {
    const clock = new VirtualClock();
    const seen: Array<[string, boolean, number]> = [];
    const { attempts } = await play(
      { clock, backoff, maxRetries: 2, shouldRetry: (fault, { idempotent, attempt }) => (seen.push([fault.code, idempotent, attempt]), true) },
      [fail({ code: 'not_found' })],
    );
    expect(attempts).toEqual([1, 2, 3]);
    expect(seen).toEqual([['not_found', false, 1], ['not_found', false, 2]]);
  });

  it('emits onRetry, onGiveUp and onSuccess, and unsubscribes', async () => {
    const clock = new VirtualClock();
    const policy = retry({ clock, backoff, maxRetries: 1 });
    const events: unknown[] = [];
    const offs = [
      policy.onRetry((e) => events.push(['retry', e.attempt, e.delayMs, e.fault.code])),
      policy.onGiveUp((e) => events.push(['giveUp', e.attempts, e.fault.code])),
      policy.onSuccess((e) => events.push(['success', e.attempts])),
    ];
    policy.onRetry(() => { throw new Error('a broken listener'); });
    let n = 0;
    const ok = policy.execute(() => (n++ === 0 ? Promise.reject(fail({ code: 'rate_limited' })) : 'ok'));
    await clock.runAll();
    expect(await ok).toBe('ok');
    const bad = policy.execute(() => Promise.reject(fail({ code: 'rate_limited' }))).catch((e: unknown) => e);
    await clock.runAll();
    await bad;
    expect(events).toEqual([
      ['retry', 1, 100, 'rate_limited'],
      ['success', 2],
      ['retry', 1, 100, 'rate_limited'],
      ['giveUp', 2, 'rate_limited'],
    ]);
    for (const off of offs) { off(); off(); }
    await policy.execute(() => 'again');
    expect(events).toHaveLength(4);
  });

  it('records every attempt in the budget, asks before every retry, and gives up when refused', async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    let allowance = 1;
    const budget: RetryBudget = {
      record: (outcome) => void log.push(outcome),
      tryRetry: () => (log.push('ask'), allowance-- > 0),
    };
    const policy = retry({ clock, backoff, budget, maxRetries: 5 });
    const exhausted: number[] = [];
    policy.onBudgetExhausted((e) => exhausted.push(e.attempts));
    const result = policy.execute(() => Promise.reject(fail({ code: 'service_unavailable' }))).catch((e: unknown) => e);
    await clock.runAll();
    expect(isFaultError(await result) && ((await result) as FaultError).code).toBe('service_unavailable');
    expect(log).toEqual(['failure', 'ask', 'failure', 'ask']);
    expect(exhausted).toEqual([2]);
    await policy.execute(() => 1);
    expect(log.at(-1)).toBe('success');
  });

  it('does not ask the budget when the fault is not retryable', async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    const budget: RetryBudget = { record: (o) => void log.push(o), tryRetry: () => (log.push('ask'), true) };
    await retry({ clock, budget }).execute(() => Promise.reject(fail({ code: 'not_found' }))).catch(() => undefined);
    expect(log).toEqual(['failure']);
  });

  describe('abort', () => {
    it('cancels a sleep: cancelled, no timer, no listener', async () => {
      const clock = new VirtualClock();
      const { controller, signal, live } = countingController();
      const policy = retry({ clock, backoff });
      const result = policy.execute(() => Promise.reject(fail({ code: 'service_unavailable' })), { signal }).catch((e: unknown) => e);
      await clock.advance(50);
      expect(clock.pendingTimers).toBe(1);
      controller.abort();
      const error = await result;
      expect(isFaultError(error) && error.code).toBe('cancelled');
      expect(clock.pendingTimers).toBe(0);
      expect(live()).toBe(0);
    });

    it('ends in cancelled within one microtask even when fn ignores the signal', async () => {
      const clock = new VirtualClock();
      const { controller, signal, live } = countingController();
      let settled: unknown;
      void retry({ clock }).execute(() => new Promise(() => undefined), { signal }).catch((e: unknown) => (settled = e));
      await Promise.resolve();
      controller.abort();
      await Promise.resolve();
      expect(isFaultError(settled) && settled.code).toBe('cancelled');
      expect(live()).toBe(0);
    });

    it('rejects at once for an already aborted signal without calling fn', async () => {
      let called = false;
      const error = await retry().execute(() => (called = true), { signal: AbortSignal.abort() }).catch((e: unknown) => e);
      expect(isFaultError(error) && error.code).toBe('cancelled');
      expect(called).toBe(false);
    });

    it('passes the caller signal to fn and removes its listener after success', async () => {
      const { signal, live } = countingController();
      let seen: AbortSignal | undefined;
      await retry().execute((ctx) => (seen = ctx.signal), { signal });
      expect(seen).toBe(signal);
      expect(live()).toBe(0);
    });
  });

  it.each([
    [{ maxRetries: -1 }, 'retry: maxRetries must be an integer >= 0, got -1'],
    [{ maxRetries: 1.5 }, 'retry: maxRetries must be an integer >= 0, got 1.5'],
    [{ maxRetries: Infinity }, 'retry: maxRetries must be an integer >= 0, got Infinity'],
    [{ maxRetries: '3' }, 'retry: maxRetries must be an integer >= 0, got "3"'],
    [{ maxRetryAfterMs: Number.NaN }, 'retry: maxRetryAfterMs must be a finite number >= 0, got NaN'],
    [{ idempotent: 'yes' }, 'retry: idempotent must be true or false, got "yes"'],
    [{ backoff: 100 }, 'retry: backoff must be a function, got 100'],
    [{ shouldRetry: true }, 'retry: shouldRetry must be a function, got true'],
    [{ clock: {} }, 'retry: clock must be an object with now() and sleep(ms, signal), got an object'],
    [{ random: 0.5 }, 'retry: random must be a function, got 0.5'],
    [{ budget: { record() {} } }, 'retry: budget must be an object with record(outcome) and tryRetry(), got an object'],
  ])('rejects %j at construction', (options, message) => {
    expect(() => retry(options as never)).toThrow(new TypeError(message));
  });

  it('rejects non-object options', () => {
    expect(() => retry(5 as never)).toThrow(new TypeError('retry: options must be an object, got 5'));
  });

  it('works with real 0-ms timers', async () => {
    let n = 0;
    const value = await retry({ backoff: constantBackoff(0) }).execute(() => (n++ < 2 ? Promise.reject(fail({ code: 'rate_limited' })) : n));
    expect(value).toBe(3);
  });
});
