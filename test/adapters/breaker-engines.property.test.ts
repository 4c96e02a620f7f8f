/**
 * One breaker rule, three engines: the local breaker (circuitBreaker without a store, breaker-state.ts), a
 * breaker on memoryStore (breaker-record.ts) and a breaker on Redis (breaker.lua, through the real redis
 * adapter and a redis-server this test starts on 127.0.0.1). The same generated sequence of calls
 * (successes, failures, slow successes and failures, client errors), clock advances, isolate and reset goes
 * to all three; after every step each must have admitted or refused the same call, be in the same state and
 * have reported the same changes of state. Rules cover consecutive failures, call windows and time windows,
 * with and without slowCallRatio, escalating breaks and several probes.
 *
 * The store-level comparison (memoryStore vs the scripts, including token buckets, counters, stale versions
 * and probe leases, which the local breaker has no counterpart for) is in redis-store.test.ts.
 */
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisStore } from '../../src/adapters/redis.js';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { type BreakerStrategy, consecutiveFailures, failureRatio } from '../../src/policy/breaker-strategy.js';
import { type BreakerStateChangeEvent, type CircuitBreakerPolicy, circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import type { StateStore } from '../../src/policy/state-store.js';
import { VirtualClock } from '../../src/testing/index.js';
import { type RedisServer, SKIP_REASON, redisServerPath, startRedis } from '../support/redis-server.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);
/** How long a slow call takes; a strategy with slowCallMs counts it as slow when slowCallMs <= this. */
const SLOW_MS = 40;
const T0 = 1_000_000;

interface Config {
  readonly strategy: BreakerStrategy;
  readonly breakMs: number;
  readonly maxBreakMs: number;
  readonly breakFactor: number;
  readonly halfOpenMaxCalls: number;
  readonly halfOpenSuccesses: number;
}

const slowCallMs = fc.constantFrom(0, 0, 20, SLOW_MS, 60);
const ratio = fc.double({ min: 0.1, max: 1, noNaN: true });
const slowCallRatio = fc.constantFrom(undefined, 0.25, 0.5, 1);

const arbStrategy: fc.Arbitrary<BreakerStrategy> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), slowCallMs).map(([n, slow]) => consecutiveFailures(n, { slowCallMs: slow })),
  fc
    .record({ threshold: ratio, minimumCalls: fc.integer({ min: 1, max: 5 }), windowCalls: fc.integer({ min: 1, max: 8 }), slowCallMs, slowCallRatio })
    .map(({ slowCallRatio: r, ...o }) => failureRatio({ ...o, ...(o.slowCallMs > 0 && r !== undefined ? { slowCallRatio: r } : {}) })),
  fc
    .record({ threshold: ratio, minimumCalls: fc.integer({ min: 1, max: 5 }), windowMs: fc.integer({ min: 10, max: 500 }), buckets: fc.integer({ min: 1, max: 6 }), slowCallMs, slowCallRatio })
    .map(({ slowCallRatio: r, ...o }) => failureRatio({ ...o, ...(o.slowCallMs > 0 && r !== undefined ? { slowCallRatio: r } : {}) })),
);

const arbConfig: fc.Arbitrary<Config> = fc.record({
  strategy: arbStrategy,
  breakMs: fc.integer({ min: 1, max: 200 }),
  maxBreakMs: fc.integer({ min: 200, max: 1000 }),
  breakFactor: fc.double({ min: 1, max: 3, noNaN: true }),
  halfOpenMaxCalls: fc.integer({ min: 1, max: 2 }),
  halfOpenSuccesses: fc.integer({ min: 1, max: 3 }),
});

type Outcome = 'success' | 'failure' | 'slow' | 'slowFailure' | 'client';
type Step = { readonly kind: 'call'; readonly outcome: Outcome } | { readonly kind: 'advance'; readonly ms: number } | { readonly kind: 'isolate' | 'reset' };

const arbStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('call' as const), outcome: fc.constantFrom<Outcome>('success', 'failure', 'failure', 'slow', 'slowFailure', 'client') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 100, max: 1200 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('isolate' as const, 'reset' as const) }) },
);

/** One breaker and its clock; `settle` waits until a store-backed isolate/reset has been answered. */
interface Engine {
  readonly name: string;
  readonly clock: VirtualClock;
  readonly breaker: CircuitBreakerPolicy;
  readonly changes: string[];
  readonly settle: () => Promise<void>;
}

function engine(name: string, config: Config, store: StateStore | undefined, key: string, settle: () => Promise<void> = async () => undefined): Engine {
  const clock = new VirtualClock(T0);
  const breaker = circuitBreaker({ ...config, clock, ...(store === undefined ? {} : { store, name: key, storeTimeoutMs: 60_000 }) });
  const changes: string[] = [];
  breaker.onStateChange((e: BreakerStateChangeEvent) => changes.push(`${e.from}->${e.to} ${e.breakMs}`));
  breaker.onStoreError((e) => changes.push(`store error: ${e.operation} ${String(e.error)}`));
  return { name, clock, breaker, changes, settle };
}

const upstreamDown = (): FaultError => new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
const notFound = (): FaultError => new FaultError(createFault({ code: 'not_found', status: 404 }));

/** Plays one step; returns what a call saw (`ok`, or the code it failed with, and whether it ran). */
async function play(e: Engine, step: Step): Promise<string> {
  if (step.kind === 'advance') {
    await e.clock.advance(step.ms);
    return 'advanced';
  }
  if (step.kind !== 'call') {
    if (step.kind === 'isolate') e.breaker.isolate();
    else e.breaker.reset();
    await e.settle();
    return step.kind;
  }
  let ran = false;
  const { outcome } = step;
  try {
    await e.breaker.execute(async () => {
      ran = true;
      if (outcome === 'slow' || outcome === 'slowFailure') await e.clock.advance(SLOW_MS);
      if (outcome === 'failure' || outcome === 'slowFailure') throw upstreamDown();
      if (outcome === 'client') throw notFound();
      return 'ok';
    });
    return 'ran: ok';
  } catch (error) {
    return `${ran ? 'ran' : 'refused'}: ${isFaultError(error) ? error.fault.code : String(error)}`;
  }
}

const view = (e: Engine, answer: string): unknown => ({ answer, state: e.breaker.state, changes: [...e.changes], now: e.clock.now() });

describe.skipIf(redisServerPath === undefined)(`one breaker rule: local, memoryStore and Redis agree${redisServerPath === undefined ? ` — ${SKIP_REASON}` : ''}`, () => {
  let server: RedisServer;
  let io: Redis;
  beforeAll(async () => {
    server = await startRedis();
    io = new Redis(server.port, '127.0.0.1', { lazyConnect: false });
  });
  afterAll(async () => {
    io?.disconnect();
    await server?.stop();
  });

  /**
   * isolate() and reset() do not wait for the store: after them, three Redis round trips (SCRIPT LOAD on
   * first use, EVALSHA, one spare), each after every queued promise callback ran, let the answer land.
   */
  const roundTrip = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      await io.ping();
    }
    await new Promise((r) => setImmediate(r));
  };

  it('the same calls, clock and controls give the same admissions, states and changes of state after every step', async () => {
    let run = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(arbConfig, fc.array(arbStep, { minLength: 10, maxLength: 60 }), async (config, steps) => {
        run++;
        const redis = redisStore({ client: io, prefix: `engines:${run}:`, time: 'client', ttlMs: 3_600_000 });
        const engines = [
          engine('local', config, undefined, 'b'),
          engine('memoryStore', config, memoryStore({ ttlMs: 3_600_000 }), 'b'),
          engine('redis', config, redis, 'b', roundTrip),
        ] as const;
        for (const [i, step] of steps.entries()) {
          const [local, ...stores] = engines;
          const expected = view(local, await play(local, step));
          for (const e of stores) expect(view(e, await play(e, step)), `${e.name} after step ${i} (${JSON.stringify(step)})`).toEqual(expected);
          seen.add(local.breaker.state);
        }
        for (const change of engines[0].changes) seen.add(change.split(' ')[0] as string);
      }),
      { numRuns: RUNS },
    );
    // The generator must reach every state and the usual changes, or agreeing proves little.
    for (const s of ['closed', 'open', 'half-open', 'isolated', 'closed->open', 'open->half-open', 'half-open->closed', 'half-open->open']) expect(seen).toContain(s);
  });
});
