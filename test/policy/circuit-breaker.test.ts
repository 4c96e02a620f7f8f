import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { consecutiveFailures, failureRatio } from '../../src/policy/breaker-strategy.js';
import { type BreakerStateChangeEvent, circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry } from '../../src/policy/retry.js';
import { VirtualClock } from '../../src/testing/index.js';

const fault = (code: Parameters<typeof createFault>[0]['code'], status?: number): FaultError =>
  new FaultError(createFault({ code, ...(status === undefined ? {} : { status }) }));
const fail = (code: Parameters<typeof createFault>[0]['code'] = 'internal', status = 500) => (): never => {
  throw fault(code, status);
};
const ok = (): string => 'ok';
const settle = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);

describe('circuitBreaker', () => {
  it('opens after n consecutive failures and refuses with circuit_open, source policy, retryAfterMs = time left', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(3), breakMs: 1_000, clock });
    for (let i = 0; i < 3; i++) await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('open');
    await clock.advance(400);
    let called = false;
    const error = await settle(breaker.execute(() => (called = true)));
    expect(called).toBe(false);
    expect(isFaultError(error) && { code: error.code, source: error.source, retryAfterMs: error.retryAfterMs }).toEqual({
      code: 'circuit_open',
      source: 'policy',
      retryAfterMs: 600,
    });
  });

  it('never opens on client errors (4xx other than 408/429) or cancellations, but does on 429 and 408', async () => {
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2) });
    for (let i = 0; i < 5; i++) await settle(breaker.execute(fail('not_found', 404)));
    for (let i = 0; i < 5; i++) await settle(breaker.execute(fail('cancelled', 499)));
    for (let i = 0; i < 5; i++) await settle(breaker.execute(fail('validation_failed', 422)));
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail('rate_limited', 429)));
    await settle(breaker.execute(fail('request_timeout', 408)));
    expect(breaker.state).toBe('open');
  });

  it('isFailure overrides what counts', async () => {
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), isFailure: (f) => f.code === 'not_found' });
    await settle(breaker.execute(fail('internal', 500)));
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail('not_found', 404)));
    expect(breaker.state).toBe('open');
  });

  it('lets halfOpenMaxCalls probes through at once and closes after halfOpenSuccesses', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 100, halfOpenMaxCalls: 2, halfOpenSuccesses: 2, clock });
    await settle(breaker.execute(fail()));
    await clock.advance(100);
    const gates: (() => void)[] = [];
    const probe = (): Promise<string> => new Promise((resolve) => gates.push(() => resolve('probe')));
    const a = breaker.execute(probe);
    const b = breaker.execute(probe);
    const c = await settle(breaker.execute(probe));
    expect(breaker.state).toBe('half-open');
    expect(isFaultError(c) && c.code).toBe('circuit_open');
    expect(gates).toHaveLength(2);
    gates[0]?.();
    await a;
    expect(breaker.state).toBe('half-open');
    gates[1]?.();
    await b;
    expect(breaker.state).toBe('closed');
  });

  it('a fractional breakFactor grows the break in whole milliseconds, rounded down as the shared stores do', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 101, breakFactor: 1.5, maxBreakMs: 10_000, clock });
    const breaks: number[] = [];
    breaker.onStateChange(({ to, breakMs }) => to === 'open' && breaks.push(breakMs));
    await settle(breaker.execute(fail()));
    for (let i = 0; i < 3; i++) {
      await clock.advance(10_000);
      await settle(breaker.execute(fail()));
    }
    // 101 × 1.5 = 151.5 → 151; 151 × 1.5 = 226.5 → 226; 226 × 1.5 = 339
    expect(breaks).toEqual([101, 151, 226, 339]);
  });

  it('re-opens after a failed probe for breakMs × breakFactor, capped at maxBreakMs, and closing resets it', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 100, breakFactor: 3, maxBreakMs: 500, clock });
    const events: BreakerStateChangeEvent[] = [];
    breaker.onStateChange((e) => events.push(e));
    await settle(breaker.execute(fail()));
    const breaks: number[] = [];
    for (let i = 0; i < 3; i++) {
      await clock.advance(1_000);
      await settle(breaker.execute(fail()));
      const refused = (await settle(breaker.execute(ok))) as FaultError;
      breaks.push(refused.retryAfterMs ?? -1);
    }
    expect(breaks).toEqual([300, 500, 500]);
    await clock.advance(1_000);
    await breaker.execute(ok);
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail()));
    expect(((await settle(breaker.execute(ok))) as FaultError).retryAfterMs).toBe(100);
    expect(events.slice(0, 3).map((e) => `${e.from}>${e.to}:${e.breakMs}`)).toEqual(['closed>open:100', 'open>half-open:100', 'half-open>open:300']);
  });

  it('an outer retry told to retry circuit_open waits exactly retryAfterMs, then its probe goes through', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 700, clock });
    await settle(breaker.execute(fail()));
    await clock.advance(200);
    const policy = pipeline(retry({ maxRetries: 1, clock, shouldRetry: (f) => f.code === 'circuit_open' }), breaker);
    const pending = policy.execute(ok);
    await clock.runAll();
    expect(await pending).toBe('ok');
    expect(clock.sleeps).toEqual([500]);
    expect(breaker.state).toBe('closed');
  });

  it('isolate() refuses every call until reset()', async () => {
    const breaker = circuitBreaker();
    breaker.isolate();
    expect(breaker.state).toBe('isolated');
    const error = await settle(breaker.execute(ok));
    expect(isFaultError(error) && [error.code, error.retryAfterMs]).toEqual(['circuit_open', undefined]);
    breaker.reset();
    expect(await breaker.execute(ok)).toBe('ok');
  });

  it('opens on the failure ratio of a sliding time window once minimumCalls is reached', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: failureRatio({ threshold: 0.5, minimumCalls: 4, windowMs: 1_000 }), clock });
    await breaker.execute(ok);
    await breaker.execute(ok);
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('closed');
    await clock.advance(1_000); // the first three slide out
    await breaker.execute(ok);
    await settle(breaker.execute(fail()));
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('closed'); // 2/3, under minimumCalls
    await breaker.execute(ok);
    expect(breaker.state).toBe('open'); // 2/4 = threshold
  });

  it('counts slow successes as failures', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2, { slowCallMs: 500 }), clock });
    const slow = async (): Promise<string> => {
      await clock.sleep(600);
      return 'slow';
    };
    for (let i = 0; i < 2; i++) {
      const p = breaker.execute(slow);
      await clock.advance(600);
      expect(await p).toBe('slow');
    }
    expect(breaker.state).toBe('open');
  });

  it('opens on slowCallRatio even when every call succeeds', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({
      strategy: failureRatio({ threshold: 1, minimumCalls: 2, windowCalls: 4, slowCallMs: 100, slowCallRatio: 0.5 }),
      clock,
    });
    await breaker.execute(ok);
    const p = breaker.execute(() => clock.sleep(100).then(() => 'slow'));
    await clock.advance(100);
    await p;
    expect(breaker.state).toBe('open');
  });

  it('validates options with TypeErrors naming option and range', () => {
    expect(() => circuitBreaker({ breakMs: -1 })).toThrow('circuitBreaker: breakMs must be a finite number >= 0, got -1');
    expect(() => circuitBreaker({ breakFactor: 0.5 })).toThrow('circuitBreaker: breakFactor must be a finite number >= 1, got 0.5');
    expect(() => circuitBreaker({ halfOpenMaxCalls: 0 })).toThrow('circuitBreaker: halfOpenMaxCalls must be an integer >= 1, got 0');
    expect(() => circuitBreaker({ breakMs: 10_000, maxBreakMs: 5_000 })).toThrow('circuitBreaker: maxBreakMs must be a finite number >= breakMs (10000), got 5000');
    expect(() => consecutiveFailures(0)).toThrow('consecutiveFailures: n must be an integer >= 1, got 0');
    expect(() => failureRatio({ threshold: 1.5, windowCalls: 10 })).toThrow('failureRatio: threshold must be a number in (0, 1], got 1.5');
    expect(() => failureRatio({ threshold: 0.5 })).toThrow(TypeError);
    expect(() => failureRatio({ windowMs: 1_000, windowCalls: 10 })).toThrow(TypeError);
  });
});
