/**
 * The events timeout, bulkhead, fallback, breaker refusals and the rate limiter emit (issue 19: every policy tells what it did, so
 * `faultline/otel` can count it): once per deadline, refusal or fallback, with what caused it,
 * and never when nothing happened.
 */
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { circuitBreaker, type BreakerRefusedEvent } from '../../src/policy/circuit-breaker.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import { rateLimiter, type RateLimitedEvent } from '../../src/policy/rate-limiter.js';
import { bulkhead, type BulkheadRejectedEvent } from '../../src/policy/bulkhead.js';
import { fallback, type FallbackEvent } from '../../src/policy/fallback.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { timeout, type TimeoutEvent } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';

const settle = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);
const never = (): Promise<string> => new Promise<string>(() => undefined);

describe('timeout.onTimeout', () => {
  it.each(['cooperative', 'aggressive'] as const)('fires once when the deadline passes (%s), before the call rejects', async (mode) => {
    const clock = new VirtualClock();
    const policy = timeout({ timeoutMs: 50, mode, clock });
    const seen: Array<TimeoutEvent & { at: number }> = [];
    policy.onTimeout((e) => seen.push({ ...e, at: clock.now() }));
    const call = settle(policy.execute(({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))));
    await clock.advance(49);
    expect(seen).toEqual([]);
    await clock.advance(1);
    const error = await call;
    expect(isFaultError(error) && error.code).toBe('client_timeout');
    expect(seen).toEqual([{ timeoutMs: 50, mode, at: 50 }]);
  });

  it('does not fire for a call that settles in time, nor for one the caller aborted', async () => {
    const clock = new VirtualClock();
    const policy = timeout({ timeoutMs: 50, mode: 'aggressive', clock });
    let fired = 0;
    policy.onTimeout(() => fired++);
    expect(await policy.execute(() => 'ok')).toBe('ok');
    const controller = new AbortController();
    const aborted = settle(policy.execute(never, { signal: controller.signal }));
    controller.abort();
    await aborted;
    await clock.runAll();
    expect(fired).toBe(0);
  });
});

describe('bulkhead.onRejected', () => {
  it('fires with reason full and the occupancy when there is no place and no room in line', async () => {
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    const seen: BulkheadRejectedEvent[] = [];
    pool.onRejected((e) => seen.push(e));
    void pool.execute(never);
    void pool.execute(never);
    const refused = await settle(pool.execute(() => 'c'));
    expect(isFaultError(refused) && refused.code).toBe('bulkhead_full');
    expect(seen).toEqual([{ reason: 'full', running: 1, queued: 1 }]);
  });

  it('fires with reason queue_timeout when a waiter is not given a place in time, not when it is', async () => {
    const clock = new VirtualClock();
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 2, queueTimeoutMs: 100, clock });
    const seen: BulkheadRejectedEvent[] = [];
    pool.onRejected((e) => seen.push(e));
    let open: () => void = () => undefined;
    void pool.execute(() => new Promise<void>((resolve) => (open = resolve)));
    const late = settle(pool.execute(() => 'late'));
    await clock.advance(100);
    expect(isFaultError(await late) && ((await late) as FaultError).code).toBe('bulkhead_full');
    expect(seen).toEqual([{ reason: 'queue_timeout', running: 1, queued: 0 }]);
    const served = pool.execute(() => 'served');
    open();
    expect(await served).toBe('served');
    await clock.runAll();
    expect(seen).toHaveLength(1);
  });
});

describe('fallback.onFallback', () => {
  it('fires with the handled fault when the fallback answers, inside a pipeline too', async () => {
    const policy = fallback('stale' as const, { on: ['service_unavailable'] });
    const seen: FallbackEvent[] = [];
    policy.onFallback((e) => seen.push(e));
    const outage = new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
    expect(await pipeline(policy).execute(() => Promise.reject(outage))).toBe('stale');
    expect(seen.map((e) => [e.fault.code, e.fault.status])).toEqual([['service_unavailable', 503]]);
  });

  it('does not fire on success nor for a fault it does not handle', async () => {
    const policy = fallback('stale', { on: ['service_unavailable'] });
    let fired = 0;
    policy.onFallback(() => fired++);
    expect(await policy.execute(() => 'fresh')).toBe('fresh');
    const other = await settle(policy.execute(() => Promise.reject(new FaultError(createFault({ code: 'not_found', status: 404 })))));
    expect(isFaultError(other) && other.code).toBe('not_found');
    expect(fired).toBe(0);
  });
});

describe('circuitBreaker.onRefused', () => {
  it('fires with the circuit_open fault for each refused call, not for calls let through', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1_000, clock });
    const seen: BreakerRefusedEvent[] = [];
    breaker.onRefused((e) => seen.push(e));
    await settle(breaker.execute(() => Promise.reject(new FaultError(createFault({ code: 'service_unavailable', status: 503 })))));
    expect(seen).toEqual([]);
    await clock.advance(400);
    const refused = await settle(breaker.execute(() => 'never runs'));
    expect(isFaultError(refused) && refused.code).toBe('circuit_open');
    expect(seen.map((e) => [e.fault.code, e.fault.retryAfterMs])).toEqual([['circuit_open', 600]]);
    await clock.advance(600);
    expect(await breaker.execute(() => 'probe')).toBe('probe');
    expect(seen).toHaveLength(1);
  });

  it('fires for a breaker whose state lives in a store, as for a local one', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1_000, clock, store: memoryStore(), name: 'payments' });
    const seen: BreakerRefusedEvent[] = [];
    breaker.onRefused((e) => seen.push(e));
    await settle(breaker.execute(() => Promise.reject(new FaultError(createFault({ code: 'service_unavailable', status: 503 })))));
    expect(breaker.state).toBe('open');
    const refused = await settle(breaker.execute(() => 'never runs'));
    expect(isFaultError(refused) && refused.code).toBe('circuit_open');
    expect(seen.map((e) => e.fault.code)).toEqual(['circuit_open']);
  });
});

describe('rateLimiter.onLimited', () => {
  it('fires when a call waits for a token, and when one is refused, never for a free token', async () => {
    const clock = new VirtualClock();
    const limiter = rateLimiter({ limit: 1, windowMs: 100, burst: 1, maxDelayMs: 100, clock });
    const seen: RateLimitedEvent[] = [];
    limiter.onLimited((e) => seen.push(e));
    expect(await limiter.execute(() => 'first')).toBe('first');
    expect(seen).toEqual([]);
    const second = limiter.execute(() => 'second');
    const third = settle(limiter.execute(() => 'third'));
    await clock.runAll();
    expect(await second).toBe('second');
    const refused = await third;
    expect(isFaultError(refused) && refused.code).toBe('rate_limited');
    expect(seen).toEqual([{ waitMs: 100, refused: false }, { waitMs: 200, refused: true }]);
  });
});
