// Edges of the circuit breaker the main and model tests pass over: the refusal messages, the
// defaults, what a probe's odd outcomes (client error, cancellation, abort, a throwing isFailure) do,
// the slow-call boundary, and what isolate()/reset() emit and forget.
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { consecutiveFailures, failureRatio } from '../../src/policy/breaker-strategy.js';
import { type BreakerStateChangeEvent, circuitBreaker } from '../../src/policy/circuit-breaker.js';
import type { AttemptContext } from '../../src/policy/policy.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import { VirtualClock } from '../../src/testing/index.js';

type Code = Parameters<typeof createFault>[0]['code'];
const fault = (code: Code, status?: number): FaultError => new FaultError(createFault({ code, ...(status === undefined ? {} : { status }) }));
const fail = (code: Code = 'internal', status = 500) => (): never => {
  throw fault(code, status);
};
const ok = (): string => 'ok';
const settle = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);
const refusal = async (p: Promise<unknown>): Promise<FaultError> => {
  const error = await settle(p);
  if (!isFaultError(error)) throw new Error(`expected a FaultError, got ${String(error)}`);
  return error;
};
/** A call the test ends by hand. */
function held(): { fn: () => Promise<string>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve: () => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<string>((res, rej) => {
    resolve = () => res('held');
    reject = rej;
  });
  return { fn: () => promise, resolve, reject };
}

describe('circuitBreaker: refusals say why', () => {
  it('open: the message and retryAfterMs give the time left', async () => {
    const clock = new VirtualClock(1_000_000);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 1_000, clock });
    await settle(breaker.execute(fail()));
    await clock.advance(250);
    const error = await refusal(breaker.execute(ok));
    expect([error.code, error.source, error.message, error.retryAfterMs]).toEqual(['circuit_open', 'policy', 'Circuit open; the next probe may go in 750 ms', 750]);
  });

  it('isolated: refuses with its own message and no retryAfterMs', async () => {
    const breaker = circuitBreaker();
    breaker.isolate();
    const error = await refusal(breaker.execute(ok));
    expect([error.code, error.message, error.retryAfterMs]).toEqual(['circuit_open', 'Circuit isolated; refusing every call until reset', undefined]);
  });

  it('half-open with its probe in flight: refuses with no retryAfterMs', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 100, clock });
    await settle(breaker.execute(fail()));
    await clock.advance(100);
    const probe = held();
    const running = breaker.execute(probe.fn);
    const error = await refusal(breaker.execute(ok));
    expect([breaker.state, error.code, error.message, error.retryAfterMs]).toEqual([
      'half-open',
      'circuit_open',
      'Circuit half-open; waiting for the probes in flight',
      undefined,
    ]);
    probe.resolve();
    await running;
    expect(breaker.state).toBe('closed');
  });
});

describe('circuitBreaker: options', () => {
  it('strategy must be one made by consecutiveFailures or failureRatio', () => {
    for (const strategy of [1, 'x', null, {}, { kind: 'nope' }, { kind: 'window' }]) {
      expect(() => circuitBreaker({ strategy: strategy as never })).toThrow(
        'circuitBreaker: strategy must be consecutiveFailures(n) or failureRatio(options), got',
      );
    }
    for (const strategy of [consecutiveFailures(2), failureRatio({ windowCalls: 5 }), failureRatio({ windowMs: 1_000 })]) {
      expect(circuitBreaker({ strategy }).state).toBe('closed');
    }
  });

  it('a shared store must be a StateStore with record(), and needs a name', () => {
    for (const store of [1, null, {}, { take: () => undefined }]) {
      expect(() => circuitBreaker({ store: store as never, name: 'b' })).toThrow('circuitBreaker: store must be a StateStore, got');
    }
    expect(() => circuitBreaker({ store: memoryStore() })).toThrow('circuitBreaker: name must be a non-empty string when store is set, got undefined');
    expect(() => circuitBreaker({ store: memoryStore(), name: '' })).toThrow('circuitBreaker: name must be a non-empty string when store is set, got ""');
  });
});

describe('circuitBreaker: defaults', () => {
  it('consecutiveFailures(5), a 5 s break doubled by each failed probe, one probe at a time that closes on success', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ clock });
    for (let i = 0; i < 4; i++) await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('open');
    expect((await refusal(breaker.execute(ok))).retryAfterMs).toBe(5_000);
    await clock.advance(5_000);
    await settle(breaker.execute(fail())); // the probe fails
    expect((await refusal(breaker.execute(ok))).retryAfterMs).toBe(10_000);
    await clock.advance(10_000);
    const probe = held();
    const running = breaker.execute(probe.fn);
    expect((await refusal(breaker.execute(ok))).message).toContain('half-open'); // one probe at a time
    probe.resolve();
    await running;
    expect(breaker.state).toBe('closed'); // one success closes
  });

  it('maxBreakMs defaults to 60 s, or to breakMs when that is longer', async () => {
    const clock = new VirtualClock();
    const escalate = async (breakMs: number): Promise<number[]> => {
      const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs, clock });
      await settle(breaker.execute(fail()));
      const breaks: number[] = [];
      for (let i = 0; i < 2; i++) {
        await clock.advance(1_000_000);
        await settle(breaker.execute(fail()));
        breaks.push((await refusal(breaker.execute(ok))).retryAfterMs ?? -1);
      }
      return breaks;
    };
    expect(await escalate(40_000)).toEqual([60_000, 60_000]);
    expect(await escalate(100_000)).toEqual([100_000, 100_000]);
  });

  it('counts what is worth retrying (fault.retry !== never) as a failure by default', async () => {
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1) });
    await settle(breaker.execute(fail('unauthenticated', 401)));
    await settle(breaker.execute(fail('invalid_request', 400)));
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail('service_unavailable', 503)));
    expect(breaker.state).toBe('open');
  });

  it('hands fn a context with a never-aborting signal and attempt 1, or the caller signal', async () => {
    const breaker = circuitBreaker();
    const seen: AttemptContext[] = [];
    await breaker.execute((context) => seen.push(context));
    await breaker.execute((context) => seen.push(context));
    const controller = new AbortController();
    await breaker.execute((context) => seen.push(context), { signal: controller.signal });
    expect(seen.map((c) => [c.signal instanceof AbortSignal, c.signal.aborted, c.attempt])).toEqual([
      [true, false, 1],
      [true, false, 1],
      [true, false, 1],
    ]);
    expect(seen[2]?.signal).toBe(controller.signal);
  });
});

describe('circuitBreaker: what a probe outcome says about the upstream', () => {
  async function halfOpen(options: Parameters<typeof circuitBreaker>[0] = {}) {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 100, clock, ...options });
    await settle(breaker.execute(fail()));
    await clock.advance(100);
    return { clock, breaker };
  }

  it('a probe answered with a client error (404) shows the upstream is up: the breaker closes', async () => {
    const { breaker } = await halfOpen();
    await settle(breaker.execute(fail('not_found', 404)));
    expect(breaker.state).toBe('closed');
  });

  it('a cancelled probe frees its place and neither closes nor re-opens the breaker', async () => {
    const { breaker } = await halfOpen();
    const error = await refusal(breaker.execute(fail('cancelled', 499)));
    expect(error.code).toBe('cancelled');
    expect(breaker.state).toBe('half-open');
    expect(await breaker.execute(ok)).toBe('ok'); // the place was freed
    expect(breaker.state).toBe('closed');
  });

  it('a probe refused downstream (circuit_open, bulkhead_full) frees its place', async () => {
    const { breaker } = await halfOpen();
    await settle(breaker.execute(fail('bulkhead_full', 503)));
    await settle(breaker.execute(fail('circuit_open', 503)));
    expect(breaker.state).toBe('half-open');
    expect(await breaker.execute(ok)).toBe('ok');
  });

  it('a call whose caller signal is already aborted is refused without using up the probe', async () => {
    const { breaker } = await halfOpen();
    let called = false;
    const error = await refusal(breaker.execute(() => (called = true), { signal: AbortSignal.abort() }));
    expect([error.code, called]).toEqual(['cancelled', false]);
    expect(await breaker.execute(ok)).toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('a probe that fails after its caller aborted frees its place and counts nowhere', async () => {
    const { breaker } = await halfOpen();
    const probe = held();
    const controller = new AbortController();
    const running = settle(breaker.execute(probe.fn, { signal: controller.signal }));
    controller.abort();
    expect(isFaultError(await running) && ((await running) as FaultError).code).toBe('cancelled');
    probe.reject(fault('internal', 500));
    await Promise.resolve();
    await Promise.resolve();
    expect(breaker.state).toBe('half-open');
    expect(await breaker.execute(ok)).toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('an isFailure that throws counts the fault as a failure, closed or half-open', async () => {
    const isFailure = (): boolean => {
      throw new Error('bug in isFailure');
    };
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 100, isFailure, clock });
    const error = await refusal(breaker.execute(fail('not_found', 404)));
    expect(error.code).toBe('not_found'); // the call's own fault, not isFailure's
    expect(breaker.state).toBe('open');
    await clock.advance(100);
    await settle(breaker.execute(fail('not_found', 404)));
    expect(breaker.state).toBe('open');
    expect((await refusal(breaker.execute(ok))).retryAfterMs).toBe(200);
  });

  it('successes of an earlier half-open spell do not carry over to the next', async () => {
    const { clock, breaker } = await halfOpen({ halfOpenMaxCalls: 2, halfOpenSuccesses: 2, breakFactor: 1 });
    await breaker.execute(ok); // one success of the two needed
    expect(breaker.state).toBe('half-open');
    await settle(breaker.execute(fail())); // then a failed probe: open again
    expect(breaker.state).toBe('open');
    await clock.advance(100);
    await breaker.execute(ok);
    expect(breaker.state).toBe('half-open'); // one of two successes
    await breaker.execute(ok);
    expect(breaker.state).toBe('closed');
  });
});

describe('circuitBreaker: closed-state counting', () => {
  it('a cancellation between failures neither counts nor breaks the run', async () => {
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2) });
    await settle(breaker.execute(fail()));
    await settle(breaker.execute(fail('cancelled', 499)));
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('open');
  });

  it('a failure after the caller aborted does not count', async () => {
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1) });
    const call = held();
    const controller = new AbortController();
    const running = settle(breaker.execute(call.fn, { signal: controller.signal }));
    controller.abort();
    await running;
    call.reject(fault('internal', 500));
    await Promise.resolve();
    await Promise.resolve();
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('open');
  });

  it('a success taking exactly slowCallMs is slow; one ms less is not', async () => {
    const clock = new VirtualClock(1_700_000_000_123);
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1, { slowCallMs: 300 }), clock });
    const take = async (ms: number): Promise<void> => {
      const p = breaker.execute(() => clock.sleep(ms).then(() => 'done'));
      await clock.advance(ms);
      expect(await p).toBe('done');
    };
    await take(299);
    await take(0);
    expect(breaker.state).toBe('closed');
    await take(300);
    expect(breaker.state).toBe('open');
  });

  it('a slow failure counts as slow for slowCallRatio', async () => {
    const clock = new VirtualClock(5_000);
    const breaker = circuitBreaker({
      strategy: failureRatio({ threshold: 1, minimumCalls: 2, windowCalls: 10, slowCallMs: 100, slowCallRatio: 0.5 }),
      clock,
    });
    await breaker.execute(ok);
    const p = settle(breaker.execute(() => clock.sleep(100).then(() => Promise.reject(fault('internal', 500)))));
    await clock.advance(100);
    await p;
    expect(breaker.state).toBe('open'); // failures 1/2 < 1, but slow 1/2 >= 0.5
  });

  it('fast calls never count as slow under slowCallRatio', async () => {
    const clock = new VirtualClock(5_000);
    const breaker = circuitBreaker({
      strategy: failureRatio({ threshold: 1, minimumCalls: 2, windowCalls: 10, slowCallMs: 100, slowCallRatio: 0.5 }),
      clock,
    });
    for (let i = 0; i < 3; i++) await breaker.execute(ok);
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('closed');
  });
});

describe('circuitBreaker: isolate() and reset()', () => {
  it('isolating twice is one change of state; reset() of a closed breaker is none', async () => {
    const breaker = circuitBreaker();
    const events: string[] = [];
    breaker.onStateChange(({ from, to }) => events.push(`${from}>${to}`));
    breaker.reset();
    breaker.isolate();
    breaker.isolate();
    breaker.reset();
    breaker.reset();
    expect(events).toEqual(['closed>isolated', 'isolated>closed']);
  });

  it('reset() of a closed breaker forgets the failures it had counted', async () => {
    const breaker = circuitBreaker({ strategy: consecutiveFailures(2) });
    await settle(breaker.execute(fail()));
    breaker.reset();
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('closed');
    await settle(breaker.execute(fail()));
    expect(breaker.state).toBe('open');
  });

  it('reset() of an open breaker forgets the escalated break', async () => {
    const clock = new VirtualClock();
    const breaker = circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 100, breakFactor: 4, clock });
    const events: BreakerStateChangeEvent[] = [];
    breaker.onStateChange((e) => events.push(e));
    await settle(breaker.execute(fail()));
    await clock.advance(100);
    await settle(breaker.execute(fail()));
    expect((await refusal(breaker.execute(ok))).retryAfterMs).toBe(400);
    breaker.reset();
    expect(events.at(-1)).toEqual({ from: 'open', to: 'closed', breakMs: 100 });
    await settle(breaker.execute(fail()));
    expect((await refusal(breaker.execute(ok))).retryAfterMs).toBe(100);
  });
});
