import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { rateLimiter } from '../../src/policy/rate-limiter.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

const RUNS = Number(process.env.FC_RUNS ?? 100);

const throttle = (limit?: number): FaultError =>
  new FaultError(createFault({ code: 'rate_limited', source: 'server', status: 429, ...(limit === undefined ? {} : { rateLimit: { limit, remaining: 0 } }) }));

describe('rateLimiter: GCRA', () => {
  it('lets a burst through, then one call per interval (reject mode gives retryAfterMs)', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 10, windowMs: 1000, burst: 3, mode: 'reject', clock });
    for (let i = 0; i < 3; i++) await expect(limiter.execute(() => i)).resolves.toBe(i);
    const refused = await limiter.execute(() => 'x').catch((e: unknown) => e);
    expect(isFaultError(refused)).toBe(true);
    expect((refused as FaultError).fault).toMatchObject({ code: 'rate_limited', source: 'policy', retryAfterMs: 100 });
    await clock.advance(100);
    await expect(limiter.execute(() => 'y')).resolves.toBe('y');
    await expect(limiter.execute(() => 'z')).rejects.toMatchObject({ fault: { code: 'rate_limited', retryAfterMs: 100 } });
  });

  it('delay mode waits for its token, in order, and refuses beyond maxDelayMs', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 4, windowMs: 1000, burst: 1, maxDelayMs: 600, clock });
    const started: number[] = [];
    const calls = [0, 1, 2].map(() => limiter.execute(() => started.push(clock.now())));
    const late = limiter.execute(() => started.push(clock.now())).catch((e: unknown) => e);
    await clock.runAll();
    await Promise.all(calls);
    expect(started).toEqual([0, 250, 500]);
    expect(clock.sleeps).toEqual([250, 500]);
    expect(((await late) as FaultError).fault).toMatchObject({ code: 'rate_limited', retryAfterMs: 750 });
  });

  it('an aborted wait rejects with cancelled and never calls fn', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 1, burst: 1, clock });
    await limiter.execute(() => 1);
    const controller = new AbortController();
    let called = false;
    const waiting = limiter.execute(() => (called = true), { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ fault: { code: 'cancelled' } });
    expect(called).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('property: in any span of d ms at most burst + d / interval calls start', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }),
        async (limit, windowMs, burst, gaps) => {
          const clock = new VirtualClock(0);
          const limiter = rateLimiter({ limit, windowMs, burst, mode: 'reject', clock, store: memoryStore() });
          const starts: number[] = [];
          for (const gap of gaps) {
            await clock.advance(gap);
            await limiter.execute(() => starts.push(clock.now())).catch(() => undefined);
          }
          const interval = windowMs / limit;
          for (let i = 0; i < starts.length; i++) {
            for (let j = i; j < starts.length; j++) {
              const span = (starts[j] as number) - (starts[i] as number);
              expect(j - i + 1).toBeLessThanOrEqual(burst + (span + 1e-3) / interval + 1e-9);
            }
          }
          // and a call is refused only when the bucket really is empty
          expect(starts.length).toBeGreaterThanOrEqual(Math.min(gaps.length, burst));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('validates options with exact messages', () => {
    expect(() => rateLimiter({ limit: 0 })).toThrow('rateLimiter: limit must be a finite number > 0, got 0');
    expect(() => rateLimiter({ limit: 1, burst: 0 })).toThrow('rateLimiter: burst must be an integer >= 1, got 0');
    expect(() => rateLimiter({ limit: 1, mode: 'queue' as never })).toThrow("rateLimiter: mode must be one of 'delay', 'reject', got \"queue\"");
    expect(() => rateLimiter({ limit: 1, name: '' })).toThrow('rateLimiter: name must be a non-empty string, got ""');
    expect(() => rateLimiter(undefined as never)).toThrow(TypeError);
  });

  it('two limiters with one memoryStore and one name share a bucket', async () => {
    const clock = new VirtualClock(0);
    const store = memoryStore();
    const a = rateLimiter({ limit: 2, burst: 2, mode: 'reject', store, name: 'api', clock });
    const b = rateLimiter({ limit: 2, burst: 2, mode: 'reject', store, name: 'api', clock });
    await a.execute(() => 1);
    await b.execute(() => 2);
    await expect(a.execute(() => 3)).rejects.toMatchObject({ fault: { code: 'rate_limited' } });
    await expect(b.execute(() => 3)).rejects.toMatchObject({ fault: { code: 'rate_limited' } });
  });
});

describe('rateLimiter: adaptive', () => {
  it('a 429 cuts the rate to 70 %, successes grow it back to the limit along a cubic curve', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 100, windowMs: 1000, adaptive: true, clock });
    const changes: string[] = [];
    limiter.onRateChange(({ reason }) => changes.push(reason));
    await expect(limiter.execute(() => Promise.reject(throttle()))).rejects.toBeInstanceOf(FaultError);
    expect(limiter.limit).toBeCloseTo(70, 6);
    await expect(limiter.execute(() => Promise.reject(throttle()))).rejects.toBeInstanceOf(FaultError);
    expect(limiter.limit).toBeCloseTo(49, 6);
    const seen: number[] = [];
    for (let t = 0; t < 30; t++) {
      await clock.advance(500);
      await limiter.execute(() => 'ok');
      seen.push(limiter.limit);
    }
    // monotone growth back to the ceiling, never past it
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
    expect(seen[0]).toBeLessThan(70);
    expect(seen.at(-1)).toBe(100);
    expect(changes.slice(0, 2)).toEqual(['throttled', 'throttled']);
    expect(changes).toContain('recovered');
  });

  it('learns the server limit from fault.rateLimit and observe(), and stays under it', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 120, windowMs: 60_000, burst: 10, adaptive: true, clock });
    await expect(limiter.execute(() => Promise.reject(throttle(60)))).rejects.toBeInstanceOf(FaultError);
    expect(limiter.limit).toBeCloseTo(54 * 0.7, 6); // capped at 90 % of 60, then cut to 70 %
    await clock.advance(600_000);
    await limiter.execute(() => 'ok');
    expect(limiter.limit).toBeCloseTo(54, 6); // grows back to just under what the server allows, not the configured 120
    limiter.observe({ limit: 100 });
    expect(limiter.limit).toBeCloseTo(90, 6); // a raised limit is taken at once
    limiter.observe({ limit: 30, remaining: 3 });
    expect(limiter.limit).toBeCloseTo(27, 6);
  });

  it('non-throttle failures and its own refusals do not change the rate', async () => {
    const clock = new VirtualClock(0);
    const limiter = rateLimiter({ limit: 1, burst: 1, mode: 'reject', adaptive: true, clock });
    await expect(limiter.execute(() => Promise.reject(new FaultError(createFault({ code: 'internal', status: 500 }))))).rejects.toBeInstanceOf(FaultError);
    await expect(limiter.execute(() => 'x')).rejects.toMatchObject({ fault: { code: 'rate_limited', source: 'policy' } });
    expect(limiter.limit).toBe(1);
  });

  it('a non-adaptive limiter ignores throttles', async () => {
    const limiter = rateLimiter({ limit: 5, clock: new VirtualClock(0) });
    await expect(limiter.execute(() => Promise.reject(throttle(1)))).rejects.toBeInstanceOf(FaultError);
    limiter.observe({ limit: 1 });
    expect(limiter.limit).toBe(5);
  });
});
