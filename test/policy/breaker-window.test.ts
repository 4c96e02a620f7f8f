// The breaker's outcome windows, seen through the breaker's state after each call: the ring of the
// last N calls forgets the oldest outcome (failure and slowness alike), the time window drops the
// buckets that slid out one by one, and a clock that steps back keeps counting into the newest bucket.
import { describe, expect, it } from 'vitest';
import { FaultError, createFault } from '../../src/core/fault.js';
import { failureRatio } from '../../src/policy/breaker-strategy.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import type { Clock } from '../../src/policy/clock.js';
import { VirtualClock } from '../../src/testing/index.js';

const boom = (): never => {
  throw new FaultError(createFault({ code: 'internal', status: 500 }));
};

/** A clock the test sets by hand (it may step back); nothing here sleeps. */
function manualClock(): Clock & { at: number } {
  const clock = { at: 0, now: () => clock.at, sleep: () => Promise.resolve() };
  return clock;
}

describe('circuit breaker windows', () => {
  it('windowCalls: the oldest outcome leaves the ring as each new one arrives', async () => {
    const breaker = circuitBreaker({ strategy: failureRatio({ threshold: 0.6, minimumCalls: 2, windowCalls: 3 }) });
    const states: string[] = [];
    for (const outcome of 'FSSSFSF') {
      await breaker.execute(outcome === 'F' ? boom : () => 'ok').catch(() => undefined);
      states.push(breaker.state);
    }
    // ring after each: [F] [F,S] [F,S,S] [S,S,S] [S,S,F] [S,F,S] [F,S,F] = 2/3 >= 0.6
    expect(states).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'open']);
  });

  it('windowCalls: a slow call leaving the ring stops counting towards slowCallRatio', async () => {
    const clock = new VirtualClock(1_000_000_350);
    const breaker = circuitBreaker({
      strategy: failureRatio({ threshold: 1, minimumCalls: 4, windowCalls: 4, slowCallMs: 100, slowCallRatio: 0.5 }),
      clock,
    });
    const states: string[] = [];
    for (const outcome of ['slow', 'fast', 'fast', 'fast', 'fast', 'slow', 'slow']) {
      const ms = outcome === 'slow' ? 100 : 0;
      const p = breaker.execute(() => clock.sleep(ms).then(() => outcome));
      await clock.advance(ms);
      await p;
      states.push(breaker.state);
    }
    // ring after each: [s] [s,f] [s,f,f] [s,f,f,f] = 1/4 slow, [f,f,f,f], [f,f,f,s], [f,f,s,s] = 2/4 slow
    expect(states).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'open']);
  });

  it('windowMs: slow calls leave with their bucket', async () => {
    const clock = new VirtualClock(1_000_000_250); // 250 ms buckets; t = 0 starts one
    const breaker = circuitBreaker({
      strategy: failureRatio({ threshold: 1, minimumCalls: 4, windowMs: 1_000, buckets: 4, slowCallMs: 100, slowCallRatio: 0.5 }),
      clock,
    });
    const states: string[] = [];
    const call = async (outcome: 'slow' | 'fast'): Promise<void> => {
      const ms = outcome === 'slow' ? 100 : 0;
      const p = breaker.execute(() => clock.sleep(ms).then(() => outcome));
      await clock.advance(ms);
      await p;
      states.push(breaker.state);
    };
    await call('slow'); // ends at t=100
    await call('fast');
    await call('fast');
    await clock.advance(400);
    await call('fast'); // t=500: 1 slow of 4
    await clock.advance(500);
    await call('fast'); // t=1000: the first bucket (1 slow, 2 fast) slid out: 0 of 2
    await call('slow'); // ends at t=1100: 1 of 3
    await call('fast'); // 1 of 4
    await call('slow'); // ends at t=1200: 2 of 5
    await call('slow'); // ends at t=1300: 3 of 6
    expect(states).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'open']);
  });

  it('windowMs: each bucket that slides out takes its outcomes with it', async () => {
    const clock = new VirtualClock(1_000_000_350); // 250 ms buckets, not aligned to bucket 0
    const breaker = circuitBreaker({ strategy: failureRatio({ threshold: 0.6, minimumCalls: 2, windowMs: 1_000, buckets: 4 }), clock });
    const states: string[] = [];
    const at = async (ms: number, outcome: 'F' | 'S'): Promise<void> => {
      await clock.advance(ms);
      await breaker.execute(outcome === 'F' ? boom : () => 'ok').catch(() => undefined);
      states.push(breaker.state);
    };
    await at(0, 'F'); // t=0
    await at(250, 'S'); // t=250: 1/2
    await at(750, 'F'); // t=1000: F@0 slid out: 1/2
    await at(250, 'F'); // t=1250: S@250 slid out: 2/2
    expect(states).toEqual(['closed', 'closed', 'closed', 'open']);
  });

  it('windowMs: a quiet spell longer than the window forgets everything', async () => {
    const clock = new VirtualClock(1_000_000_350);
    const breaker = circuitBreaker({ strategy: failureRatio({ threshold: 0.5, minimumCalls: 3, windowMs: 1_000, buckets: 4 }), clock });
    await breaker.execute(boom).catch(() => undefined);
    await breaker.execute(boom).catch(() => undefined);
    await clock.advance(1_000);
    await breaker.execute(() => 'ok');
    await breaker.execute(() => 'ok');
    expect(breaker.state).toBe('closed'); // 0 failures of 2 calls
    await breaker.execute(boom).catch(() => undefined);
    expect(breaker.state).toBe('closed'); // 1/3
    await breaker.execute(boom).catch(() => undefined);
    expect(breaker.state).toBe('open'); // 2/4
  });

  it('windowMs: a clock that steps back counts into the newest bucket rather than rewriting an old one', async () => {
    const clock = manualClock();
    const breaker = circuitBreaker({ strategy: failureRatio({ threshold: 0.7, minimumCalls: 2, windowMs: 1_000, buckets: 4 }), clock });
    const states: string[] = [];
    const at = async (t: number, outcome: 'F' | 'S'): Promise<void> => {
      clock.at = t;
      await breaker.execute(outcome === 'F' ? boom : () => 'ok').catch(() => undefined);
      states.push(breaker.state);
    };
    await at(1_250, 'F'); // bucket of 1250..1499
    await at(0, 'S'); // stepped back: counted with the F at 1250
    await at(2_000, 'F'); // 2/3 < 0.7
    await at(2_250, 'F'); // the 1250 bucket (F and S) slid out: 2/2
    expect(states).toEqual(['closed', 'closed', 'closed', 'open']);
  });

  it('windowMs: after a step back, time returning to the newest bucket keeps what was counted there', async () => {
    const clock = manualClock();
    const breaker = circuitBreaker({ strategy: failureRatio({ threshold: 0.6, minimumCalls: 2, windowMs: 1_000, buckets: 4 }), clock });
    const states: string[] = [];
    const at = async (t: number, outcome: 'F' | 'S'): Promise<void> => {
      clock.at = t;
      await breaker.execute(outcome === 'F' ? boom : () => 'ok').catch(() => undefined);
      states.push(breaker.state);
    };
    await at(1_250, 'F');
    await at(1_000, 'S'); // stepped back one bucket: 1/2
    await at(1_250, 'F'); // the same bucket as the first call, which still counts: 2/3
    expect(states).toEqual(['closed', 'closed', 'open']);
  });
});
