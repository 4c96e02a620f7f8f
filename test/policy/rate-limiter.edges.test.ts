// Edges of rateLimiter the main tests pass over: the refusal message, defaults (burst, maxDelayMs,
// name), the context fn receives, an async store, what counts as a throttle, and the exact shape of
// the adaptive rate (floor, learned limits, the cubic regrowth).
import { describe, expect, it } from 'vitest';
import { FaultError, type RateLimitInfo, createFault, isFaultError } from '../../src/core/fault.js';
import type { AttemptContext } from '../../src/policy/policy.js';
import { type RateChangeEvent, rateLimiter } from '../../src/policy/rate-limiter.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import type { StateStore } from '../../src/policy/state-store.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

type Init = Parameters<typeof createFault>[0];
const rejectWith = (init: Init) => (): Promise<never> => Promise.reject(new FaultError(createFault(init)));
const throttle = rejectWith({ code: 'rate_limited', status: 429 });
const settle = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);

// The AWS SDK's adaptive retry curve: W(t) = C (t − K)³ + Wmax, K = ∛(Wmax (1 − β) / C).
const C = 0.4;
const BETA = 0.7;
const cubic = (wMax: number, seconds: number): number => C * (seconds - Math.cbrt((wMax * (1 - BETA)) / C)) ** 3 + wMax;

describe('rateLimiter: refusals and defaults', () => {
  it('a refusal says when the next call may go', async () => {
    const limiter = rateLimiter({ limit: 4, burst: 1, mode: 'reject', clock: new VirtualClock(0) });
    await limiter.execute(() => 'first');
    const error = await settle(limiter.execute(() => 'x'));
    expect(isFaultError(error) && [error.code, error.source, error.retryAfterMs, error.message]).toEqual([
      'rate_limited',
      'policy',
      250,
      'Rate limit: next call allowed in 250 ms',
    ]);
  });

  it('burst defaults to the limit per window (at least 1)', async () => {
    const clock = new VirtualClock(0);
    const five = rateLimiter({ limit: 5, mode: 'reject', clock });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(await settle(five.execute(() => 'ok')));
    expect(outcomes.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(isFaultError(outcomes[5])).toBe(true);
    const half = rateLimiter({ limit: 0.5, mode: 'reject', clock });
    expect(await half.execute(() => 'ok')).toBe('ok');
    expect(isFaultError(await settle(half.execute(() => 'ok')))).toBe(true);
  });

  it('maxDelayMs defaults to windowMs: a wait of one window is taken, a longer one refused', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 1, windowMs: 1_000, burst: 1, clock });
    const started: number[] = [];
    const calls = [0, 1].map(() => limiter.execute(() => started.push(clock.now())));
    const third = settle(limiter.execute(() => started.push(clock.now())));
    await clock.runAll();
    await Promise.all(calls);
    expect(started).toEqual([0, 1_000]);
    const error = await third;
    expect(isFaultError(error) && [error.code, error.retryAfterMs]).toEqual(['rate_limited', 2_000]);
  });

  it('without a name a limiter uses the bucket named "default"; other names have their own', async () => {
    const clock = new VirtualClock(0);
    const store = memoryStore();
    const unnamed = rateLimiter({ limit: 1, burst: 1, mode: 'reject', store, clock });
    const named = rateLimiter({ limit: 1, burst: 1, mode: 'reject', store, name: 'default', clock });
    const other = rateLimiter({ limit: 1, burst: 1, mode: 'reject', store, name: 'other', clock });
    expect(await unnamed.execute(() => 'a')).toBe('a');
    expect(isFaultError(await settle(named.execute(() => 'b')))).toBe(true);
    expect(await other.execute(() => 'c')).toBe('c');
  });

  it('a store must be a StateStore with take(); a name a non-empty string', () => {
    for (const store of [1, 'x', null, {}, { record: () => undefined }]) {
      expect(() => rateLimiter({ limit: 1, store: store as never })).toThrow('rateLimiter: store must be a StateStore, got');
    }
    for (const name of ['', 1, null]) {
      expect(() => rateLimiter({ limit: 1, name: name as never })).toThrow('rateLimiter: name must be a non-empty string, got');
    }
  });

  it('works with a store whose take() answers asynchronously', async () => {
    const clock = new VirtualClock(0);
    const inner = memoryStore();
    const store: StateStore = { ...inner, synchronous: false, take: (key, request, now) => Promise.resolve(inner.take(key, request, now)) } as StateStore;
    const limiter = rateLimiter({ limit: 2, burst: 1, store, clock });
    const failures: unknown[] = [];
    limiter.onStoreError((e) => failures.push(e));
    const started: number[] = [];
    const calls = [0, 1].map(() => limiter.execute(() => started.push(clock.now())));
    await clock.runAll();
    await Promise.all(calls);
    expect(started).toEqual([0, 500]);
    expect(failures).toEqual([]);
    expect(clock.pendingTimers).toBe(0); // the store's time limits were cleared as it answered
  });
});

describe('rateLimiter: the context fn receives', () => {
  for (const adaptive of [false, true]) {
    it(`is a never-aborting signal and attempt 1, or the caller signal (adaptive: ${adaptive})`, async () => {
      const limiter = rateLimiter({ limit: 10, adaptive, clock: new VirtualClock(0) });
      const seen: AttemptContext[] = [];
      await limiter.execute((context) => seen.push(context));
      const controller = new AbortController();
      await limiter.execute((context) => seen.push(context), { signal: controller.signal });
      expect(seen.map((c) => [c.signal instanceof AbortSignal, c.signal.aborted, c.attempt])).toEqual([
        [true, false, 1],
        [true, false, 1],
      ]);
      expect(seen[1]?.signal).toBe(controller.signal);
    });
  }
});

describe('rateLimiter (adaptive): what is a throttle', () => {
  it('any 429, and a server rate_limited without a status, cut the rate', async () => {
    const limiter = rateLimiter({ limit: 100, adaptive: true, clock: new VirtualClock(0) });
    await settle(limiter.execute(rejectWith({ code: 'quota_exhausted', status: 429 })));
    expect(limiter.limit).toBeCloseTo(70, 9);
    await settle(limiter.execute(rejectWith({ code: 'rate_limited', source: 'server' })));
    expect(limiter.limit).toBeCloseTo(49, 9);
  });

  it('a refusal by another limiter inside fn is not a throttle', async () => {
    const clock = new VirtualClock(0);
    const outer = rateLimiter({ limit: 100, adaptive: true, clock });
    const inner = rateLimiter({ limit: 1, burst: 1, mode: 'reject', clock });
    await inner.execute(() => 'uses the only token');
    const error = await settle(outer.execute(() => inner.execute(() => 'x')));
    expect(isFaultError(error) && [error.code, error.source]).toEqual(['rate_limited', 'policy']);
    expect(outer.limit).toBe(100);
  });

  it('one cut per round trip: 429s for calls sent before the last cut do not cut again', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 100, adaptive: true, clock });
    const gates: ((e: unknown) => void)[] = [];
    const hold = (): Promise<never> => new Promise((_, reject) => gates.push(reject));
    const a = settle(limiter.execute(hold));
    const b = settle(limiter.execute(hold));
    await clock.advance(10);
    while (gates.length < 2) await Promise.resolve();
    const answer = new FaultError(createFault({ code: 'rate_limited', status: 429 }));
    gates[0]?.(answer);
    await a;
    expect(limiter.limit).toBeCloseTo(70, 9);
    gates[1]?.(answer);
    await b;
    expect(limiter.limit).toBeCloseTo(70, 9); // b was sent at the old rate
    await settle(limiter.execute(throttle)); // sent after the cut
    expect(limiter.limit).toBeCloseTo(49, 9);
  });
});

describe('rateLimiter (adaptive): the rate', () => {
  it('never falls below a tenth of the ceiling, and a throttle there changes (and emits) nothing', async () => {
    const limiter = rateLimiter({ limit: 100, adaptive: true, clock: new VirtualClock(0) });
    const events: RateChangeEvent[] = [];
    limiter.onRateChange((e) => events.push(e));
    for (let i = 0; i < 10; i++) await settle(limiter.execute(throttle));
    expect(limiter.limit).toBeCloseTo(10, 9);
    const count = events.length;
    await settle(limiter.execute(throttle));
    expect(limiter.limit).toBeCloseTo(10, 9);
    expect(events).toHaveLength(count);
  });

  it('grows back along the cubic curve from the time of the last throttle', async () => {
    const clock = new VirtualClock(1_000_000);
    const limiter = rateLimiter({ limit: 100, windowMs: 1_000, adaptive: true, clock });
    const events: RateChangeEvent[] = [];
    limiter.onRateChange((e) => events.push(e));
    await settle(limiter.execute(throttle));
    await settle(limiter.execute(throttle)); // 100 → 70 → 49, Wmax = 70
    await limiter.execute(() => 'ok'); // t = 0: W(0) = β·Wmax = 49
    expect(limiter.limit).toBeCloseTo(49, 9);
    await clock.advance(1_000);
    await limiter.execute(() => 'ok');
    expect(limiter.limit).toBeCloseTo(cubic(70, 1), 9);
    expect(limiter.limit).toBeCloseTo(61.736, 2);
    expect(events.at(-1)).toEqual({ limit: limiter.limit, reason: 'recovered' });
    await clock.advance(2_500);
    await limiter.execute(() => 'ok');
    expect(limiter.limit).toBeCloseTo(cubic(70, 3.5), 9);
  });

  it('ignores observations without a usable limit', () => {
    const limiter = rateLimiter({ limit: 100, adaptive: true, clock: new VirtualClock(0) });
    for (const info of [undefined, null, 5, 'x', {}, { limit: 0 }, { limit: -5 }, { limit: Number.POSITIVE_INFINITY }, { limit: Number.NaN }, { limit: '50' }]) {
      expect(() => limiter.observe(info as unknown as RateLimitInfo)).not.toThrow();
    }
    expect(limiter.limit).toBe(100);
  });

  it('a lower server limit caps the rate but does not pull a rate already under it, nor reset its regrowth', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 100, windowMs: 1_000, adaptive: true, clock });
    const events: RateChangeEvent[] = [];
    await settle(limiter.execute(throttle)); // 70, Wmax = 100
    limiter.onRateChange((e) => events.push(e));
    limiter.observe({ limit: 90 }); // ceiling 81 > 70
    expect(limiter.limit).toBeCloseTo(70, 9);
    expect(events).toEqual([]);
    await limiter.execute(() => 'ok'); // t = 0 on the curve towards 100: still 70
    expect(limiter.limit).toBeCloseTo(70, 9);
  });

  it('a higher server limit learned after a throttle is kept by the next success', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 100, windowMs: 1_000, adaptive: true, clock });
    await settle(limiter.execute(throttle)); // 70
    const events: RateChangeEvent[] = [];
    limiter.onRateChange((e) => events.push(e));
    limiter.observe({ limit: 200 }); // ceiling 180, taken at once
    expect(limiter.limit).toBeCloseTo(180, 9);
    expect(events).toEqual([{ limit: limiter.limit, reason: 'learned' }]);
    await limiter.execute(() => 'ok');
    expect(limiter.limit).toBeCloseTo(180, 9);
  });
});
