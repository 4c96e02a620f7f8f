/**
 * The `faultline/redis` entry: a {@link StateStore} on Redis, so every process
 * of a fleet shares one breaker, one retry budget and one rate-limit bucket
 * per name. Each operation is one Lua script call (atomic, no read-modify-write
 * race between processes) that reads the time from the Redis server, so the
 * hosts' clocks never have to agree. Keys expire when unused.
 */
import type {
  AdjustRequest,
  BreakerOutcome,
  BreakerRule,
  BreakerSnapshot,
  BreakerTransition,
  StateStore,
  TakeRequest,
  TakeResult,
} from '../policy/state-store.js';
import { checkOptionNames } from '../core/options.js';
import { checkInteger, checkOneOf, invalid } from '../policy/validate.js';
import { type Script, argv, scripts, toSnapshot, toTakeResult, toValue } from './redis/scripts.js';

/**
 * The two calls faultline needs from an ioredis client (`new Redis()`).
 * @public
 */
export interface IoRedisLikeClient {
  /** `EVALSHA sha numkeys key… arg…` */
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): PromiseLike<unknown>;
  /** `SCRIPT LOAD source` */
  script(subcommand: 'LOAD', source: string): PromiseLike<unknown>;
}

/**
 * The two calls faultline needs from a node-redis v4+ client (`createClient()`, connected).
 * @public
 */
export interface NodeRedisLikeClient {
  /** `EVALSHA` with keys and arguments. */
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): PromiseLike<unknown>;
  /** `SCRIPT LOAD source` */
  scriptLoad(source: string): PromiseLike<string>;
}

/**
 * A Redis client: ioredis or node-redis v4+.
 * @public
 */
export type RedisLikeClient = IoRedisLikeClient | NodeRedisLikeClient;

/**
 * Options of {@link redisStore}.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * const options: RedisStoreOptions = { client: new Redis(), prefix: 'checkout:', ttlMs: 3_600_000 };
 * ```
 * @public
 */
export interface RedisStoreOptions {
  /** A connected ioredis or node-redis (v4+) client. */
  readonly client: RedisLikeClient;
  /** Put before every key, to keep apps that share a Redis apart. @defaultValue 'faultline:' */
  readonly prefix?: string | undefined;
  /** A key unused for this long expires (a rate-limit bucket also lives as long as its reservations). @defaultValue 600000 */
  readonly ttlMs?: number | undefined;
  /**
   * Whose clock the scripts use: `'server'` (Redis `TIME`, immune to clock skew between hosts) or
   * `'client'` (the policy's clock, e.g. a `VirtualClock` in tests). @defaultValue 'server'
   */
  readonly time?: 'server' | 'client' | undefined;
}

/** Runs a script by SHA, loading it on first use and again after NOSCRIPT (a restarted or flushed Redis). */
function runner(client: RedisLikeClient): (script: Script<string>, key: string, args: string[]) => Promise<unknown> {
  const io = typeof (client as IoRedisLikeClient).evalsha === 'function';
  const load = (source: string): Promise<string> =>
    Promise.resolve(io ? (client as IoRedisLikeClient).script('LOAD', source) : (client as NodeRedisLikeClient).scriptLoad(source)).then(String);
  const evalsha = (sha: string, key: string, args: string[]): Promise<unknown> =>
    Promise.resolve(
      io ? (client as IoRedisLikeClient).evalsha(sha, 1, key, ...args) : (client as NodeRedisLikeClient).evalSha(sha, { keys: [key], arguments: args }),
    );
  return async (script, key, args) => {
    for (let attempt = 0; ; attempt++) {
      const sha = (script.sha ??= load(script.source));
      try {
        return await evalsha(await sha, key, args);
      } catch (error) {
        // A failed load or a Redis that lost its scripts: load again next time.
        if (script.sha === sha) script.sha = undefined;
        if (attempt > 0 || !/NOSCRIPT/.test(String((error as { message?: unknown } | null)?.message ?? error))) throw error;
      }
    }
  };
}

/**
 * Every option {@link redisStore} accepts; any other key is refused.
 * @internal
 */
export const REDIS_STORE_OPTIONS = ['client', 'prefix', 'ttlMs', 'time'] as const satisfies ReadonlyArray<keyof RedisStoreOptions>;

/**
 * A {@link StateStore} on Redis (ioredis or node-redis v4+). Pass it as
 * `store` to `circuitBreaker`, `retryBudget` or `rateLimiter` with a `name`:
 * every process using the same Redis, prefix and name shares that state.
 * Policies never fail a call because Redis is slow or down: they fall back
 * to local state after `storeTimeoutMs`.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { circuitBreaker } from 'faultline';
 * import { redisStore } from 'faultline/redis';
 *
 * const store = redisStore({ client: new Redis(process.env.REDIS_URL!) });
 * const breaker = circuitBreaker({ store, name: 'payments-api' });
 * ```
 * @public
 */
export function redisStore(options: RedisStoreOptions): StateStore {
  if (typeof options !== 'object' || options === null) throw new TypeError(`redisStore: options must be an object, got ${String(options)}`);
  checkOptionNames('redisStore', options, REDIS_STORE_OPTIONS);
  const { client } = options;
  const ok = typeof client === 'object' && client !== null &&
    (typeof (client as IoRedisLikeClient).evalsha === 'function' && typeof (client as IoRedisLikeClient).script === 'function' ||
      typeof (client as NodeRedisLikeClient).evalSha === 'function' && typeof (client as NodeRedisLikeClient).scriptLoad === 'function');
  if (!ok) invalid('redisStore', 'client', 'an ioredis or node-redis v4+ client', client);
  const prefix = options.prefix === undefined ? 'faultline:' : options.prefix;
  if (typeof prefix !== 'string') invalid('redisStore', 'prefix', 'a string', prefix);
  const ttlMs = checkInteger('redisStore', 'ttlMs', options.ttlMs, 600_000, 1);
  const time = checkOneOf('redisStore', 'time', options.time, ['server', 'client'] as const);
  const ttl = String(ttlMs);
  const at = (now: number): string => (time === 'server' ? '' : String(Math.floor(now)));
  const run = runner(client);
  const { breaker, gcra, budget } = scripts();
  const breakerArgv = (op: 'record' | 'transition', action: string, version: number, now: number, rule: BreakerRule): string[] =>
    argv(breaker, {
      op,
      action,
      version,
      now: at(now),
      ttl,
      threshold: rule.threshold,
      minimumCalls: rule.minimumCalls,
      windowMs: rule.windowMs,
      windowCalls: rule.windowCalls,
      buckets: rule.buckets,
      breakMs: rule.breakMs,
      maxBreakMs: rule.maxBreakMs,
      breakFactor: rule.breakFactor,
      halfOpenMaxCalls: rule.halfOpenMaxCalls,
      halfOpenSuccesses: rule.halfOpenSuccesses,
      slowCallRatio: rule.slowCallRatio ?? 0,
    });
  return {
    synchronous: false,
    record: (key: string, outcome: BreakerOutcome, version: number, rule: BreakerRule, now: number): Promise<BreakerSnapshot> =>
      run(breaker, prefix + key, breakerArgv('record', outcome, version, now, rule)).then(toSnapshot),
    transition: (key: string, to: BreakerTransition, rule: BreakerRule, now: number): Promise<BreakerSnapshot> =>
      run(breaker, prefix + key, breakerArgv('transition', to, 0, now, rule)).then(toSnapshot),
    take: (key: string, request: TakeRequest, now: number): Promise<TakeResult> =>
      run(gcra, prefix + key, argv(gcra, { now: at(now), ttl, intervalMs: request.intervalMs, burst: request.burst, maxWaitMs: request.maxWaitMs })).then(toTakeResult),
    adjust: (key: string, request: AdjustRequest): Promise<number> =>
      run(budget, prefix + key, argv(budget, { ttl, delta: request.delta, initial: request.initial, min: request.min, max: request.max })).then(toValue),
  };
}

export type {
  AdjustRequest,
  BreakerOutcome,
  BreakerRule,
  BreakerSnapshot,
  BreakerStateName,
  BreakerTransition,
  StateStore,
  TakeRequest,
  TakeResult,
} from '../policy/state-store.js';
