/**
 * retry at its edges: events on a first-attempt success, what a cancelled call does (and does not)
 * report, backoffs that return nonsense, and what the backoff is told about the previous delay.
 */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError, type FaultInit } from '../../src/core/fault.js';
import type { Backoff } from '../../src/policy/backoff.js';
import type { RetryBudget } from '../../src/policy/policy.js';
import { retry } from '../../src/policy/retry.js';
import { neverSignal } from '../../src/policy/signal.js';
import { VirtualClock } from '../../src/testing/index.js';

const fail = (init: FaultInit): FaultError => new FaultError(createFault(init));

/** A budget that logs what it is told and asked. */
function loggingBudget(): RetryBudget & { log: string[] } {
  const log: string[] = [];
  return { log, record: (outcome) => void log.push(outcome), tryRetry: () => (log.push('ask'), true) };
}

describe('retry events and budget', () => {
  it('a first-attempt success emits onSuccess with attempts 1 and records a success', async () => {
    const budget = loggingBudget();
    const policy = retry({ budget });
    const seen: unknown[] = [];
    policy.onSuccess((e) => seen.push(e));
    expect(await policy.execute(() => 'ok')).toBe('ok');
    expect(seen).toEqual([{ attempts: 1 }]);
    expect(budget.log).toEqual(['success']);
  });

  it('a success on a retry is recorded in the budget after the failures before it', async () => {
    const clock = new VirtualClock();
    const budget = loggingBudget();
    const result = retry({ clock, budget, backoff: () => 10 }).execute(({ attempt }) => (attempt < 3 ? Promise.reject(fail({ code: 'service_unavailable' })) : 'ok'));
    await clock.runAll();
    expect(await result).toBe('ok');
    expect(budget.log).toEqual(['failure', 'ask', 'failure', 'ask', 'success']);
  });

  it('every attempt of a call without a caller signal gets the shared never-aborting signal', async () => {
    const clock = new VirtualClock();
    const signals: AbortSignal[] = [];
    const result = retry({ clock, backoff: () => 10 }).execute(({ attempt, signal }) => {
      signals.push(signal);
      return attempt < 3 ? Promise.reject(fail({ code: 'service_unavailable' })) : 'ok';
    });
    await clock.runAll();
    expect(await result).toBe('ok');
    expect(signals).toEqual([neverSignal(), neverSignal(), neverSignal()]);
    expect(signals.every((s) => s === neverSignal())).toBe(true);
  });

  it('a call cancelled while an attempt runs reports no failure, retry or give-up', async () => {
    const clock = new VirtualClock();
    const budget = loggingBudget();
    const policy = retry({ clock, budget, maxRetries: 3 });
    const events: string[] = [];
    policy.onRetry(() => events.push('retry'));
    policy.onGiveUp(() => events.push('giveUp'));
    const controller = new AbortController();
    const result = policy
      .execute(
        ({ signal }) =>
          new Promise((_, reject) => signal.addEventListener('abort', () => reject(fail({ code: 'service_unavailable' })))),
        { signal: controller.signal },
      )
      .catch((e: unknown) => e);
    controller.abort();
    const error = await result;
    await clock.runAll();
    expect(isFaultError(error) && error.code).toBe('cancelled');
    expect(events).toEqual([]);
    expect(budget.log).toEqual([]);
    expect(clock.sleeps).toEqual([]);
  });

  it('a retry that resolves after the caller aborted is not reported as a success', async () => {
    const clock = new VirtualClock();
    const budget = loggingBudget();
    const policy = retry({ clock, budget, backoff: () => 10 });
    const successes: unknown[] = [];
    policy.onSuccess((e) => successes.push(e));
    const controller = new AbortController();
    let release: (value: string) => void = () => undefined;
    const result = policy
      .execute(
        ({ attempt }) => (attempt === 1 ? Promise.reject(fail({ code: 'service_unavailable' })) : new Promise<string>((resolve) => (release = resolve))),
        { signal: controller.signal },
      )
      .catch((e: unknown) => e);
    await clock.advance(10);
    controller.abort();
    release('late');
    const error = await result;
    await clock.runAll();
    expect(isFaultError(error) && error.code).toBe('cancelled');
    expect(successes).toEqual([]);
    expect(budget.log).toEqual(['failure', 'ask']);
  });
});

describe('retry and its backoff', () => {
  it('a backoff returning NaN or a negative number means no wait: delayMs 0, no sleep, previousMs 0 next time', async () => {
    for (const bad of [Number.NaN, -5, 0]) {
      const clock = new VirtualClock();
      const previous: number[] = [];
      const backoff: Backoff = (_attempt, previousMs) => (previous.push(previousMs), bad);
      const policy = retry({ clock, backoff, maxRetries: 2 });
      const delays: number[] = [];
      policy.onRetry((e) => delays.push(e.delayMs));
      const result = policy.execute(() => Promise.reject(fail({ code: 'service_unavailable' }))).catch((e: unknown) => e);
      await clock.runAll();
      await result;
      expect(delays).toEqual([0, 0]);
      expect(previous).toEqual([0, 0]);
      expect(clock.sleeps).toEqual([]);
    }
  });

  it("tells the backoff its previous delay, unchanged by a retry that waited the server's hint", async () => {
    const clock = new VirtualClock();
    const calls: Array<[number, number]> = [];
    const backoff: Backoff = (attempt, previousMs) => (calls.push([attempt, previousMs]), attempt * 100);
    const script = [fail({ code: 'service_unavailable' }), fail({ code: 'rate_limited', retryAfterMs: 5_000 }), fail({ code: 'service_unavailable' }), 'ok'];
    const times: number[] = [];
    const result = retry({ clock, backoff, maxRetries: 5 }).execute(({ attempt }) => {
      times.push(clock.now());
      const step = script[attempt - 1];
      return step instanceof Error ? Promise.reject(step) : step;
    });
    await clock.runAll();
    expect(await result).toBe('ok');
    expect(calls).toEqual([[1, 0], [3, 100]]);
    expect(clock.sleeps).toEqual([100, 5_000, 300]);
    expect(times).toEqual([0, 100, 5_100, 5_400]);
  });
});

describe('retry options', () => {
  it('rejects a null budget with the rule', () => {
    expect(() => retry({ budget: null as never })).toThrow(new TypeError('retry: budget must be an object with record(outcome) and tryRetry(), got null'));
    expect(() => retry({ budget: { tryRetry: () => true } as never })).toThrow(TypeError);
  });

  it('maxRetries 0 makes exactly one attempt', async () => {
    let calls = 0;
    const error = await retry({ maxRetries: 0, backoff: () => 0 }).execute(() => (calls++, Promise.reject(fail({ code: 'service_unavailable' })))).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(isFaultError(error) && error.code).toBe('service_unavailable');
  });
});
