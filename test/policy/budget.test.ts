import { describe, expect, it } from 'vitest';
import { FaultError, createFault } from '../../src/core/fault.js';
import { retryBudget } from '../../src/policy/budget.js';
import { retry } from '../../src/policy/retry.js';
import { VirtualClock } from '../../src/testing/index.js';

const unavailable = (): never => {
  throw new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
};

describe('retryBudget', () => {
  it('token design: one budget shared by two retry policies stops retries once tokens fall to half', async () => {
    const budget = retryBudget({ maxTokens: 4, tokenRatio: 0.5 });
    const clock = new VirtualClock();
    const a = retry({ maxRetries: 10, budget, clock, backoff: () => 0 });
    const b = retry({ maxRetries: 10, budget, clock, backoff: () => 0 });
    let calls = 0;
    const fn = (): never => {
      calls++;
      return unavailable();
    };
    const exhausted: number[] = [];
    a.onBudgetExhausted(({ attempts }) => exhausted.push(attempts));
    await a.execute(fn).catch(() => undefined);
    // 4 → 3 (retry) → 2 (no longer > 2): two attempts.
    expect(calls).toBe(2);
    expect(exhausted).toEqual([2]);
    await b.execute(fn).catch(() => undefined);
    expect(calls).toBe(3); // b's first attempt, no retry left
    for (let i = 0; i < 2; i++) budget.record('success');
    expect(budget.available).toBe(2);
    expect(budget.tryRetry()).toBe(false);
    budget.record('success');
    expect(budget.tryRetry()).toBe(true);
  });

  it('ratio design: retries stay under ratio × requests plus the per-second floor, and the window slides', () => {
    let now = 0;
    const clock = { now: () => now, sleep: () => Promise.resolve() };
    const budget = retryBudget({ ratio: 0.5, minPerSecond: 0, windowMs: 1_000, clock });
    for (let i = 0; i < 4; i++) budget.record('failure');
    expect(budget.available).toBe(2);
    // Each granted retry is an attempt the retry policy records when it ends.
    const granted = [0, 1, 2].map(() => {
      const ok = budget.tryRetry();
      if (ok) budget.record('failure');
      return ok;
    });
    expect(granted).toEqual([true, true, false]);
    now = 1_000;
    expect(budget.tryRetry()).toBe(false);
    const floor = retryBudget({ ratio: 0, minPerSecond: 2, windowMs: 1_000, clock });
    expect([floor.tryRetry(), floor.tryRetry(), floor.tryRetry()]).toEqual([true, true, false]);
  });

  it('validates options with TypeErrors naming option and range', () => {
    expect(() => retryBudget({ maxTokens: 0 })).toThrow('retryBudget: maxTokens must be a finite number > 0, got 0');
    expect(() => retryBudget({ maxTokens: 5000 })).toThrow('retryBudget: maxTokens must be a finite number in (0, 1000], got 5000');
    expect(() => retryBudget({ tokenRatio: 2 })).toThrow('retryBudget: tokenRatio must be a finite number in (0, 1], got 2');
    expect(() => retryBudget({ ratio: -1 })).toThrow('retryBudget: ratio must be a finite number >= 0, got -1');
    expect(() => retryBudget({ windowMs: 0 })).toThrow('retryBudget: windowMs must be a finite number > 0, got 0');
    expect(() => retryBudget({ ratio: 0.1, maxTokens: 10 } as never)).toThrow(TypeError);
  });
});
