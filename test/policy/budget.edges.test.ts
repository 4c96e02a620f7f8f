// Edges of retryBudget the main and model tests pass over: which design a set of keys picks, the
// defaults of each, the documented limits, and what `available` says after retries and slides.
import { describe, expect, it } from 'vitest';
import { retryBudget } from '../../src/policy/budget.js';
import { memoryStore } from '../../src/policy/memory-store.js';

/** A clock the test sets by hand; the budget only reads now(). */
function manualClock(): { at: number; now: () => number; sleep: () => Promise<void> } {
  const clock = { at: 0, now: () => clock.at, sleep: () => Promise.resolve() };
  return clock;
}

describe('retryBudget: design chosen by the keys given', () => {
  it('no options: the token design, 10 tokens, +0.1 per success, retries while above 5', () => {
    const budget = retryBudget();
    expect(budget.available).toBe(10);
    for (let i = 0; i < 5; i++) budget.record('failure');
    expect([budget.available, budget.tryRetry()]).toEqual([5, false]);
    budget.record('success');
    expect([budget.available, budget.tryRetry()]).toEqual([5.1, true]);
  });

  it('any one ratio key alone picks the ratio design, with minPerSecond 10 and windowMs 10 s by default', () => {
    // A fresh ratio budget allows minPerSecond × window seconds; a token budget would say 10.
    expect(retryBudget({ ratio: 0.5 }).available).toBe(100);
    expect(retryBudget({ minPerSecond: 3 }).available).toBe(30);
    expect(retryBudget({ windowMs: 2_000 }).available).toBe(20);
    expect(retryBudget({ clock: manualClock() }).available).toBe(100);
  });

  it('any one token key alone keeps the token design', () => {
    expect(retryBudget({ tokenRatio: 0.5 }).available).toBe(10);
    expect(retryBudget({ maxTokens: 3 }).available).toBe(3);
    expect(retryBudget({ store: memoryStore(), name: 'edges' }).available).toBe(10);
  });

  it('keys of both designs are refused with a TypeError that names the two shapes', () => {
    const rule = 'retryBudget: options must be either { maxTokens, tokenRatio } or { ratio, minPerSecond, windowMs }, not both, got';
    expect(() => retryBudget({ ratio: 0.1, tokenRatio: 0.5 } as never)).toThrow(rule);
    expect(() => retryBudget({ windowMs: 1_000, name: 'x' } as never)).toThrow(rule);
    expect(() => retryBudget({ clock: manualClock(), storeTimeoutMs: 5 } as never)).toThrow(rule);
  });
});

describe('retryBudget: a shared store', () => {
  it('must be a StateStore with adjust(), named', () => {
    for (const store of [1, null, {}, { record: () => undefined }]) {
      expect(() => retryBudget({ store: store as never, name: 'x' })).toThrow('retryBudget: store must be a StateStore, got');
    }
    expect(() => retryBudget({ store: memoryStore(), name: '' })).toThrow('retryBudget: name must be a non-empty string when store is set, got ""');
  });

  it('starts full, and its local view moves with record()', () => {
    const budget = retryBudget({ maxTokens: 4, tokenRatio: 0.5, store: memoryStore(), name: 'shared-edges' });
    expect(budget.available).toBe(4);
    budget.record('failure');
    expect(budget.available).toBe(3);
    budget.record('success');
    expect(budget.available).toBe(3.5);
  });
});

describe('retryBudget: token design limits', () => {
  it('accepts maxTokens 1000 and tokenRatio 1, the documented maxima', () => {
    const budget = retryBudget({ maxTokens: 1_000, tokenRatio: 1 });
    expect(budget.available).toBe(1_000);
    budget.record('failure');
    budget.record('success');
    expect(budget.available).toBe(1_000);
  });

  it('never goes below zero tokens', () => {
    const budget = retryBudget({ maxTokens: 1 });
    budget.record('failure');
    budget.record('failure');
    expect(budget.available).toBe(0);
    budget.record('success');
    expect(budget.available).toBe(0.1);
  });
});

describe('retryBudget: ratio design', () => {
  it('available counts down as retries are granted', () => {
    const clock = manualClock();
    const budget = retryBudget({ ratio: 1, minPerSecond: 0, windowMs: 1_000, clock });
    for (let i = 0; i < 3; i++) budget.record('failure');
    expect(budget.available).toBe(3);
    expect(budget.tryRetry()).toBe(true);
    // 3 attempts of which 1 was a retry: 2 first attempts allow 2 retries, 1 used.
    expect(budget.available).toBe(1);
  });

  it('is never negative when the first attempts slide out before their retries', () => {
    const clock = manualClock();
    const budget = retryBudget({ ratio: 1, minPerSecond: 0, windowMs: 1_000, clock });
    budget.record('failure');
    budget.record('failure');
    clock.at = 500;
    expect(budget.tryRetry()).toBe(true);
    clock.at = 1_000; // the attempts at t=0 slid out, the retry at t=500 did not
    expect(budget.available).toBe(0);
    expect(budget.tryRetry()).toBe(false);
    clock.at = 1_500; // and now the retry has gone too
    budget.record('failure');
    expect(budget.available).toBe(1);
  });

  it('a quiet spell longer than the window forgets every attempt and retry', () => {
    const clock = manualClock();
    const budget = retryBudget({ ratio: 1, minPerSecond: 0, windowMs: 1_000, clock });
    for (let i = 0; i < 3; i++) budget.record('failure');
    expect(budget.tryRetry()).toBe(true);
    expect(budget.available).toBe(1);
    clock.at = 5_000;
    expect(budget.available).toBe(0);
    expect(budget.tryRetry()).toBe(false);
  });

  it('a retry counts until its own bucket slides out', () => {
    const clock = manualClock();
    const budget = retryBudget({ ratio: 1, minPerSecond: 2, windowMs: 1_000, clock });
    budget.record('failure');
    clock.at = 150;
    expect(budget.tryRetry()).toBe(true);
    clock.at = 1_000; // the attempt at t=0 slid out; the retry at t=150 still counts against the floor of 2
    expect(budget.available).toBe(1);
    clock.at = 1_100;
    expect(budget.available).toBe(2);
  });

  it('a clock that steps back counts into the newest bucket', () => {
    const clock = manualClock();
    clock.at = 1_250;
    const budget = retryBudget({ ratio: 1, minPerSecond: 0, windowMs: 1_000, clock });
    budget.record('failure'); // bucket of 1200..1299
    clock.at = 0;
    budget.record('failure'); // counted with it
    clock.at = 2_150; // 1200..1299 is still in the window (2150 - 1000 = 1150)
    expect(budget.available).toBe(2);
    clock.at = 2_250; // now it has slid out, both attempts with it
    expect(budget.available).toBe(0);
  });
});
