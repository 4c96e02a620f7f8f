import { describe, expect, expectTypeOf, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { constantBackoff } from '../../src/policy/backoff.js';
import { fallback } from '../../src/policy/fallback.js';
import { pipeline } from '../../src/policy/pipeline.js';
import type { AttemptContext, Policy } from '../../src/policy/policy.js';
import { retry } from '../../src/policy/retry.js';
import { timeout } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

/** A policy that logs entry and exit, to see the nesting order. */
const tracer = (name: string, log: string[]): Policy => ({
  async execute(fn, options) {
    log.push(`${name}>`);
    try {
      return await fn({ signal: options?.signal ?? new AbortController().signal, attempt: 1 });
    } finally {
      log.push(`<${name}`);
    }
  },
});

describe('pipeline', () => {
  it('nests policies with the first outermost', async () => {
    const log: string[] = [];
    await pipeline(tracer('a', log), tracer('b', log), tracer('c', log)).execute(() => log.push('fn'));
    expect(log).toEqual(['a>', 'b>', 'c>', 'fn', '<c', '<b', '<a']);
  });

  it('is itself a policy and composes further', async () => {
    const log: string[] = [];
    const inner = pipeline(tracer('b', log));
    await pipeline(tracer('a', log), inner).execute(() => log.push('fn'));
    expect(log).toEqual(['a>', 'b>', 'fn', '<b', '<a']);
  });

  it("gives fn retry's attempt number and the timeout's signal", async () => {
    const clock = new VirtualClock();
    const seen: Array<[number, boolean]> = [];
    const policy = pipeline(retry({ clock, backoff: constantBackoff(10) }), timeout({ timeoutMs: 50, clock }));
    const result = policy.execute((ctx: AttemptContext) => {
      seen.push([ctx.attempt, ctx.signal.aborted]);
      if (ctx.attempt < 3) return Promise.reject(new FaultError(createFault({ code: 'service_unavailable' })));
      return 'ok';
    });
    await clock.runAll();
    expect(await result).toBe('ok');
    expect(seen).toEqual([[1, false], [2, false], [3, false]]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('retries a timed-out attempt when the call is idempotent', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(retry({ clock, idempotent: true, maxRetries: 2, backoff: constantBackoff(5) }), timeout({ timeoutMs: 100, clock }));
    const times: number[] = [];
    const result = policy.execute(({ signal, attempt }) => {
      times.push(clock.now());
      return attempt === 1 ? clock.sleep(1_000, signal).then(() => 'slow') : 'fast';
    });
    await clock.runAll();
    expect(await result).toBe('fast');
    expect(times).toEqual([0, 105]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a fallback outermost catches what the retry gave up on, and its type joins the result', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(fallback('stale' as const), retry({ clock, maxRetries: 1, backoff: constantBackoff(1) }));
    const result = policy.execute(() => Promise.reject(new FaultError(createFault({ code: 'service_unavailable' }))) as Promise<number>);
    await clock.runAll();
    expect(await result).toBe('stale');
    expectTypeOf(result).toEqualTypeOf<Promise<number | 'stale'>>();
    const plain = pipeline(retry(), timeout({ timeoutMs: 10 }));
    expectTypeOf(plain.execute(() => 1)).toEqualTypeOf<Promise<number>>();
  });

  it('caller abort reaches every layer: cancelled, no timers, no listeners', async () => {
    const clock = new VirtualClock();
    const { controller, signal, live } = countingController();
    const policy = pipeline(retry({ clock, backoff: constantBackoff(10) }), timeout({ timeoutMs: 100, clock }));
    let fnSignal: AbortSignal | undefined;
    const result = policy.execute((ctx) => { fnSignal = ctx.signal; return new Promise(() => undefined); }, { signal }).catch((e: unknown) => e);
    await clock.advance(20);
    controller.abort();
    const error = await result;
    expect(isFaultError(error) && error.code).toBe('cancelled');
    expect(fnSignal?.aborted).toBe(true);
    await clock.runAll();
    expect(clock.pendingTimers).toBe(0);
    expect(live()).toBe(0);
  });

  it('rejects anything that is not a policy', () => {
    expect(() => pipeline()).toThrow(new TypeError('pipeline: policies must be one or more policies, got 0'));
    expect(() => pipeline(retry(), {} as never)).toThrow(new TypeError('pipeline: policies[1] must be a policy (an object with execute), got an object'));
  });
});
