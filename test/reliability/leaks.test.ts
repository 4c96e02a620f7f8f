/**
 * Nothing leaks: after a generated mix of successful, failing, timed-out and aborted calls through
 * pipeline(fallback?, retry, circuitBreaker, bulkhead, rateLimiter?, hedge?, timeout), no timer is left
 * running, the caller's AbortSignal has no listener left, the bulkhead is empty and every call has
 * settled — with real timers (0-ms delays) and with a VirtualClock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BulkheadPolicy,
  type Clock,
  type FallbackPolicy,
  FaultError,
  type Policy,
  bulkhead,
  circuitBreaker,
  consecutiveFailures,
  constantBackoff,
  createFault,
  fallback,
  hedge,
  pipeline,
  rateLimiter,
  retry,
  retryBudget,
  systemClock,
  timeout,
} from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 40);

/** What one generated call does. */
type Kind =
  | 'ok' // resolves at once
  | 'ok-later' // resolves after a 0-ms timer
  | 'flaky' // fails with a retryable fault once, then succeeds
  | 'fail' // always fails, retryable
  | 'fatal' // fails with a fault that is never retried
  | 'throw-sync' // throws synchronously, not a FaultError
  | 'hang' // never settles on its own, honours its signal (ends by timeout)
  | 'hang-deaf' // never settles and ignores its signal (timeout must still end the call)
  | 'abort' // the caller aborts while it runs
  | 'pre-aborted'; // the caller's signal is aborted before execute

const KINDS: readonly Kind[] = ['ok', 'ok-later', 'flaky', 'fail', 'fatal', 'throw-sync', 'hang', 'hang-deaf', 'abort', 'pre-aborted'];

interface Setup {
  readonly fallback: boolean;
  readonly rateLimit: boolean;
  readonly hedge: boolean;
  readonly budget: boolean;
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  readonly breakAfter: number;
  readonly maxRetries: number;
  readonly mode: 'cooperative' | 'aggressive';
}

const setups: fc.Arbitrary<Setup> = fc.record({
  fallback: fc.boolean(),
  rateLimit: fc.boolean(),
  hedge: fc.boolean(),
  budget: fc.boolean(),
  maxConcurrent: fc.integer({ min: 1, max: 4 }),
  maxQueue: fc.integer({ min: 0, max: 8 }),
  breakAfter: fc.integer({ min: 1, max: 6 }),
  maxRetries: fc.integer({ min: 0, max: 2 }),
  mode: fc.constantFrom('cooperative' as const, 'aggressive' as const),
});
const mixes = fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 24 });
/** A cooperative timeout waits for `fn` by design, so a call that ignores its signal only ends when aggressive. */
const runnable = (setup: Setup, kinds: readonly Kind[]): Kind[] => kinds.map((k) => (k === 'hang-deaf' && setup.mode === 'cooperative' ? 'hang' : k));

/** A caller AbortSignal that counts the listeners still attached to it. */
function countedSignal(controller: AbortController): { signal: AbortSignal; live: () => number } {
  const signal = controller.signal;
  const listeners = new Map<unknown, boolean>();
  type Listen = (type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean) => void;
  const add = signal.addEventListener.bind(signal) as Listen;
  const remove = signal.removeEventListener.bind(signal) as Listen;
  signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean) => {
    if (type === 'abort' && listener !== null) listeners.set(listener, typeof options === 'object' && options.once === true);
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean) => {
    if (type === 'abort') listeners.delete(listener);
    remove(type, listener, options);
  }) as typeof signal.removeEventListener;
  // `once` listeners are dropped by the signal itself when it fires.
  const live = (): number => [...listeners.values()].filter((once) => !(once && signal.aborted)).length;
  return { signal, live };
}

const retryable = (): FaultError => new FaultError(createFault({ code: 'bad_gateway', status: 502, source: 'server' }));
const fatal = (): FaultError => new FaultError(createFault({ code: 'invalid_request', status: 400, source: 'server' }));

function build(setup: Setup, clock: Clock): { policy: FallbackPolicy<string>; pool: BulkheadPolicy } {
  const pool = bulkhead({ maxConcurrent: setup.maxConcurrent, maxQueue: setup.maxQueue, clock });
  const layers: Array<Policy | FallbackPolicy<string>> = [];
  if (setup.fallback) layers.push(fallback('fallback', { on: ['invalid_request', 'bulkhead_full', 'circuit_open'] }));
  layers.push(
    retry({
      maxRetries: setup.maxRetries,
      backoff: constantBackoff(0),
      idempotent: true,
      clock,
      ...(setup.budget ? { budget: retryBudget({ maxTokens: 5, tokenRatio: 0.5 }) } : {}),
    }),
    circuitBreaker({ strategy: consecutiveFailures(setup.breakAfter), breakMs: 1, clock }),
    pool,
  );
  if (setup.rateLimit) layers.push(rateLimiter({ limit: 1000, windowMs: 1, burst: 3, mode: 'delay', maxDelayMs: 1, clock }));
  if (setup.hedge) layers.push(hedge({ delayMs: 0, maxHedges: 2, clock }));
  layers.push(timeout({ timeoutMs: 1, mode: setup.mode, clock }));
  return { policy: pipeline(...layers), pool };
}

type Work = (context: { signal: AbortSignal; attempt: number }) => Promise<string> | string;

/** The function a call of `kind` runs; `later` schedules on the clock under test. */
function work(kind: Kind, later: (fn: () => void) => void): Work {
  return ({ signal, attempt }) => {
    switch (kind) {
      case 'ok':
      case 'abort':
      case 'pre-aborted':
        if (kind === 'ok') return 'ok';
        return new Promise<string>((resolve, reject) => {
          if (signal.aborted) return reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          void resolve;
        });
      case 'ok-later':
        return new Promise((resolve) => later(() => resolve('ok')));
      case 'flaky':
        if (attempt === 1) throw retryable();
        return 'ok';
      case 'fail':
        return Promise.reject(retryable());
      case 'fatal':
        throw fatal();
      case 'throw-sync':
        throw new RangeError('boom');
      case 'hang':
        return new Promise<string>((_, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      case 'hang-deaf':
        return new Promise<string>(() => undefined);
    }
  };
}

const PENDING = Symbol('pending');
const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

interface Launched {
  readonly settled: Promise<unknown>;
  readonly live: () => number;
  readonly abort: () => void;
  readonly kind: Kind;
}

function launch(policy: FallbackPolicy<string>, kind: Kind, later: (fn: () => void) => void): Launched {
  const controller = new AbortController();
  const counted = countedSignal(controller);
  if (kind === 'pre-aborted') controller.abort();
  const settled = policy.execute(work(kind, later), { signal: counted.signal }).then(
    (value) => ({ ok: value }),
    (error: unknown) => ({ error }),
  );
  return { settled, live: counted.live, abort: () => controller.abort(), kind };
}

describe('nothing leaks', () => {
  it('with real timers (systemClock, 0-ms delays): no Timeout, no listener, empty bulkhead, nothing pending', async () => {
    await fc.assert(
      fc.asyncProperty(setups, mixes, async (setup, kinds) => {
        await macrotask();
        const before = timers();
        const { policy, pool } = build(setup, systemClock);
        const calls = runnable(setup, kinds).map((kind) => launch(policy, kind, (fn) => setTimeout(fn, 0)));
        await macrotask();
        for (const call of calls) if (call.kind === 'abort') call.abort();
        // Every call must settle well within a few ms of real time: the timeout is 1 ms and every
        // other delay is 0 ms. Race each against a sentinel that fires only after that.
        let handle: ReturnType<typeof setTimeout> | undefined;
        const sentinel = new Promise<typeof PENDING>((resolve) => {
          handle = setTimeout(() => resolve(PENDING), 2_000);
        });
        const outcomes = await Promise.all(calls.map((c) => Promise.race([c.settled, sentinel])));
        clearTimeout(handle);
        expect(outcomes.filter((o) => o === PENDING)).toHaveLength(0);
        for (const o of outcomes) {
          if ('error' in (o as object)) expect((o as { error: unknown }).error).toBeInstanceOf(FaultError);
          else expect(['ok', 'fallback']).toContain((o as { ok: unknown }).ok);
        }
        // Let any 0-ms timers drain, then count.
        await new Promise((resolve) => setTimeout(resolve, 0));
        await macrotask();
        expect(timers() - before).toBeLessThanOrEqual(0);
        for (const call of calls) expect(call.live()).toBe(0);
        expect(pool.queued).toBe(0);
        expect(pool.running).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('with a VirtualClock: pendingTimers === 0 once every call has settled', async () => {
    await fc.assert(
      fc.asyncProperty(setups, mixes, async (setup, kinds) => {
        const clock = new VirtualClock();
        const { policy, pool } = build(setup, clock);
        const calls = runnable(setup, kinds).map((kind) => launch(policy, kind, (fn) => void clock.sleep(0).then(fn)));
        await clock.advance(0);
        for (const call of calls) if (call.kind === 'abort') call.abort();
        let done = false;
        const all = Promise.all(calls.map((c) => c.settled)).then(() => {
          done = true;
        });
        for (let i = 0; i < 200 && !done; i++) await clock.advance(1);
        expect(done).toBe(true);
        await all;
        expect(clock.pendingTimers).toBe(0);
        for (const call of calls) expect(call.live()).toBe(0);
        expect(pool.queued).toBe(0);
        expect(pool.running).toBe(0);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('the counting wrapper sees a listener that is left behind (the check can fail)', () => {
    const controller = new AbortController();
    const counted = countedSignal(controller);
    const listener = (): void => undefined;
    counted.signal.addEventListener('abort', listener);
    expect(counted.live()).toBe(1);
    counted.signal.removeEventListener('abort', listener);
    expect(counted.live()).toBe(0);
  });

  it('the timer count sees a timer that is left behind (the check can fail)', async () => {
    await macrotask();
    const before = timers();
    const handle = setTimeout(() => undefined, 60_000);
    expect(timers() - before).toBe(1);
    clearTimeout(handle);
    await macrotask();
    expect(timers() - before).toBe(0);
  });
});
