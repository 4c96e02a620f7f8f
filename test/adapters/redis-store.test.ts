import fc from 'fast-check';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IoRedisLikeClient, redisStore } from '../../src/adapters/redis.js';
import { argv, scripts } from '../../src/adapters/redis/scripts.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { memoryStore } from '../../src/policy/memory-store.js';
import type { BreakerRule, StateStore } from '../../src/policy/state-store.js';
import type { StoreErrorEvent } from '../../src/policy/store-guard.js';
import { VirtualClock } from '../../src/testing/index.js';
import { type RedisServer, SKIP_REASON, redisServerPath, startRedis } from '../support/redis-server.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);

const arbRule: fc.Arbitrary<BreakerRule> = fc.oneof(
  fc.record({ threshold: fc.integer({ min: 1, max: 4 }), minimumCalls: fc.constant(1), windowMs: fc.constant(0), windowCalls: fc.constant(0), buckets: fc.constant(1) }),
  fc.record({ threshold: fc.double({ min: 0.1, max: 1, noNaN: true }), minimumCalls: fc.integer({ min: 1, max: 5 }), windowMs: fc.integer({ min: 10, max: 500 }), windowCalls: fc.constant(0), buckets: fc.integer({ min: 1, max: 6 }), slowCallRatio: fc.constantFrom(0, 0.25, 0.5, 1) }),
  fc.record({ threshold: fc.double({ min: 0.1, max: 1, noNaN: true }), minimumCalls: fc.integer({ min: 1, max: 5 }), windowMs: fc.constant(0), windowCalls: fc.integer({ min: 1, max: 8 }), buckets: fc.constant(1), slowCallRatio: fc.constantFrom(0, 0.25, 0.5, 1) }),
).chain((window) =>
  fc.record({
    breakMs: fc.integer({ min: 1, max: 200 }),
    maxBreakMs: fc.integer({ min: 200, max: 1000 }),
    breakFactor: fc.double({ min: 1, max: 3, noNaN: true }),
    halfOpenMaxCalls: fc.integer({ min: 1, max: 2 }),
    halfOpenSuccesses: fc.integer({ min: 1, max: 3 }),
  }).map((rest) => ({ ...window, ...rest })),
);

type Op =
  | { kind: 'advance'; ms: number }
  | { kind: 'record'; key: number; outcome: 'success' | 'failure' | 'slow' | 'release'; versionDelta: number }
  | { kind: 'transition'; key: number; to: 'read' | 'probe' | 'isolate' | 'reset' }
  | { kind: 'take'; key: number; intervalMs: number; burst: number; maxWaitMs: number }
  | { kind: 'adjust'; key: number; delta: number };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 300 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('record' as const), key: fc.constantFrom(0, 0, 0, 1), outcome: fc.constantFrom('success' as const, 'failure' as const, 'failure' as const, 'failure' as const, 'slow' as const, 'slow' as const, 'release' as const), versionDelta: fc.constantFrom(0, 0, -1) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('transition' as const), key: fc.constantFrom(0, 0, 0, 1), to: fc.constantFrom('read' as const, 'probe' as const, 'probe' as const, 'probe' as const, 'probe' as const, 'isolate' as const, 'reset' as const) }) },
  fc.record({ kind: fc.constant('take' as const), key: fc.constantFrom(0, 0, 0, 1), intervalMs: fc.constantFrom(1, 10, 33.3, 100), burst: fc.integer({ min: 1, max: 5 }), maxWaitMs: fc.constantFrom(0, 50, 1000) }),
  fc.record({ kind: fc.constant('adjust' as const), key: fc.constantFrom(0, 0, 0, 1), delta: fc.constantFrom(-1, 0.1, 0.5, -0.3) }),
);

/** Plays ops on a store and returns every answer. */
async function play(store: StateStore, run: string, rules: readonly BreakerRule[], ops: readonly Op[]): Promise<unknown[]> {
  let now = 1_000_000;
  const versions = [0, 0];
  const out: unknown[] = [];
  for (const op of ops) {
    if (op.kind === 'advance') {
      now += op.ms;
      continue;
    }
    const key = `${run}:${op.kind === 'take' ? 't' : op.kind === 'adjust' ? 'a' : 'b'}${op.key}`;
    const rule = rules[op.key] as BreakerRule;
    let answer: unknown;
    if (op.kind === 'record') answer = await store.record(key, op.outcome, (versions[op.key] ?? 0) + op.versionDelta, rule, now);
    else if (op.kind === 'transition') answer = await store.transition(key, op.to, rule, now);
    else if (op.kind === 'take') answer = await store.take(key, op, now);
    else answer = await store.adjust(key, { delta: op.delta, initial: 5, min: 0, max: 10 }, now);
    if (op.kind === 'record' || op.kind === 'transition') versions[op.key] = (answer as { version: number }).version;
    out.push(answer);
  }
  return out;
}

describe.skipIf(redisServerPath === undefined)(`redisStore (real redis-server)${redisServerPath === undefined ? ` — ${SKIP_REASON}` : ''}`, () => {
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

  it('Lua scripts give the same answers as memoryStore for any sequence of operations', async () => {
    let run = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.tuple(arbRule, arbRule), fc.array(arbOp, { minLength: 30, maxLength: 80 }), async (rules, ops) => {
        run++;
        const redis = redisStore({ client: io, prefix: 'prop:', time: 'client', ttlMs: 3_600_000 });
        const expected = await play(memoryStore({ ttlMs: 3_600_000 }), `r${run}`, rules, ops);
        const actual = await play(redis, `r${run}`, rules, ops);
        expect(actual).toEqual(expected);
        for (const answer of expected) {
          const a = answer as { state?: string; granted?: boolean };
          if (a.state !== undefined) seen.add(`${a.state}${a.granted === true ? '+' : ''}`);
        }
      }),
      { numRuns: RUNS },
    );
    // The generator must reach every state, or the comparison proves little.
    expect([...seen].sort()).toEqual(['closed', 'closed+', 'half-open', 'half-open+', 'isolated', 'open']);
  });

  it('works with node-redis v4+ clients too', async () => {
    const client = createClient({ url: server.url });
    await client.connect();
    try {
      const store = redisStore({ client, prefix: 'node-redis:' });
      expect(await store.take('bucket', { intervalMs: 1000, burst: 2, maxWaitMs: 0 }, 0)).toEqual({ granted: true, waitMs: 0 });
      expect(await store.take('bucket', { intervalMs: 1000, burst: 2, maxWaitMs: 0 }, 0)).toEqual({ granted: true, waitMs: 0 });
      const third = await store.take('bucket', { intervalMs: 1000, burst: 2, maxWaitMs: 0 }, 0);
      expect(third.granted).toBe(false);
      expect(third.waitMs).toBeGreaterThan(900);
      expect(await store.adjust('tokens', { delta: -1, initial: 10, min: 0, max: 10 }, 0)).toBe(9);
    } finally {
      await client.quit();
    }
  });

  it('uses the Redis server clock: a host clock years off changes nothing', async () => {
    const store = redisStore({ client: io, prefix: 'skew:' });
    const rule: BreakerRule = { threshold: 1, minimumCalls: 1, windowMs: 0, windowCalls: 0, buckets: 1, breakMs: 5000, maxBreakMs: 5000, breakFactor: 1, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 };
    const opened = await store.record('b', 'failure', 0, rule, 0);
    expect(opened.state).toBe('open');
    const probe = await store.transition('b', 'probe', rule, 9e15);
    expect(probe.granted).toBe(false);
    expect(probe.remainingMs).toBeGreaterThan(4000);
    expect(probe.remainingMs).toBeLessThanOrEqual(5000);
  });

  it('keys expire when unused and scripts reload after SCRIPT FLUSH', async () => {
    const store = redisStore({ client: io, prefix: 'ttl:', ttlMs: 50 });
    await store.adjust('a', { delta: -1, initial: 10, min: 0, max: 10 }, 0);
    expect(await io.pttl('ttl:a')).toBeGreaterThan(0);
    expect(await io.pttl('ttl:a')).toBeLessThanOrEqual(50);
    await io.script('FLUSH');
    expect(await store.adjust('a', { delta: -1, initial: 10, min: 0, max: 10 }, 0)).toBe(8);
    await new Promise((r) => setTimeout(r, 80));
    expect(await io.exists('ttl:a')).toBe(0);
  });

  it('rejects clients it cannot use', () => {
    expect(() => redisStore({ client: {} as never })).toThrow(TypeError);
    expect(() => redisStore({ client: io, ttlMs: 0 })).toThrow('redisStore: ttlMs must be an integer >= 1, got 0');
  });
});

/** An ioredis-like client whose scripts all answer `reply`. */
const answering = (reply: unknown): IoRedisLikeClient => ({
  script: () => Promise.resolve('sha'),
  evalsha: () => Promise.resolve(reply),
});

describe('redisStore: replies are checked before use', () => {
  const rule: BreakerRule = { threshold: 1, minimumCalls: 1, windowMs: 0, windowCalls: 0, buckets: 1, breakMs: 100, maxBreakMs: 100, breakFactor: 1, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 };
  const take = { intervalMs: 100, burst: 1, maxWaitMs: 0 };
  const adjust = { delta: -1, initial: 5, min: 0, max: 5 };

  it('each script reads its arguments as locals declared from its table, in the order of the table', () => {
    for (const script of Object.values(scripts())) {
      script.argv.forEach((name, i) => expect(script.source).toContain(`local ${name} = tonumber(ARGV[${i + 1}]) or ARGV[${i + 1}]\n`));
      const body = script.source.slice(script.source.indexOf('local function now_ms'));
      for (const name of script.argv) expect(body, `${name} is never read`).toMatch(new RegExp(`[^'.:\\w]${name}\\b(?!')`));
    }
    const { budget } = scripts();
    expect(argv(budget, { max: 10, min: 0, initial: 10, delta: -1, ttl: 5 })).toEqual(['5', '-1', '10', '0', '10']);
  });

  it('a well-formed reply becomes the answer', async () => {
    expect(await redisStore({ client: answering(['half-open', '3', '0', '200', 1]) }).record('b', 'success', 3, rule, 0)).toEqual({
      state: 'half-open',
      version: 3,
      remainingMs: 0,
      breakMs: 200,
      granted: true,
    });
    expect(await redisStore({ client: answering([0, 7]) }).take('t', take, 0)).toEqual({ granted: false, waitMs: 7 });
    expect(await redisStore({ client: answering('4.5') }).adjust('a', adjust, 0)).toBe(4.5);
  });

  it.each([
    ['not an array', 'OK'],
    ['too short', ['open', '1', '0', '100']],
    ['too long', ['open', '1', '0', '100', 0, 0]],
    ['a state code instead of a name', [1, '1', '0', '100', 0]],
    ['an unknown state', ['opened', '1', '0', '100', 0]],
    ['a version that is not a number', ['open', 'x', '0', '100', 0]],
    ['an empty number', ['open', '1', '', '100', 0]],
    ['a granted flag that is not 0 or 1', ['open', '1', '0', '100', '1']],
    ['null', null],
  ])('a breaker reply that is %s rejects with a clear error', async (_name, reply) => {
    const store = redisStore({ client: answering(reply) });
    await expect(store.record('b', 'failure', 0, rule, 0)).rejects.toThrow(/^redisStore: unexpected reply from the breaker script: /);
    await expect(store.transition('b', 'probe', rule, 0)).rejects.toThrow(/^redisStore: unexpected reply from the breaker script: /);
  });

  it('a bad token bucket or counter reply rejects too', async () => {
    for (const reply of [[1], [2, 0], [1, 'soon'], 'yes']) {
      await expect(redisStore({ client: answering(reply) }).take('t', take, 0)).rejects.toThrow(/^redisStore: unexpected reply from the gcra script: /);
    }
    for (const reply of [['4'], 'many', null, Number.NaN]) {
      await expect(redisStore({ client: answering(reply) }).adjust('a', adjust, 0)).rejects.toThrow(/^redisStore: unexpected reply from the budget script: /);
    }
  });

  it('a breaker on a store answering nonsense runs on local state and reports the error; the call does not fail', async () => {
    const clock = new VirtualClock(0);
    const breaker = circuitBreaker({ store: redisStore({ client: answering({ state: 'open' }) }), name: 'b', clock, strategy: consecutiveFailures(1) });
    const events: StoreErrorEvent[] = [];
    breaker.onStoreError((e) => events.push(e));
    expect(await breaker.execute(() => 'ok')).toBe('ok');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ operation: 'transition', timedOut: false });
    expect(String(events[0]?.error)).toMatch(/unexpected reply from the breaker script: \{"state":"open"\}/);
    // local state from then on: one failure opens it
    await expect(breaker.execute(() => Promise.reject(new Error('ECONNRESET')))).rejects.toThrow();
    expect(breaker.state).toBe('open');
  });
});
