/**
 * The `faultline/redis` entry: a {@link StateStore} on Redis, so every process
 * of a fleet shares one breaker, one retry budget and one rate-limit bucket
 * per name. Each operation is one Lua script call (atomic, no read-modify-write
 * race between processes) that reads the time from the Redis server, so the
 * hosts' clocks never have to agree. Keys expire when unused.
 */
import {
  type AdjustRequest,
  type BreakerOutcome,
  type BreakerRule,
  type BreakerSnapshot,
  type BreakerTransition,
  STATE_NAMES,
  type StateStore,
  type TakeRequest,
  type TakeResult,
} from '../policy/state-store.js';
import { checkOptionNames } from '../core/options.js';
import { checkInteger, checkOneOf, invalid } from '../policy/validate.js';

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

/**
 * Every option {@link redisStore} accepts; any other key is refused.
 * @internal
 */
export const REDIS_STORE_OPTIONS = ['client', 'prefix', 'ttlMs', 'time'] as const satisfies ReadonlyArray<keyof RedisStoreOptions>;

// Shared by the scripts: the time, and numbers written so they read back as the same double.
const PRELUDE = `
local function now_ms(arg)
  if arg ~= '' then return tonumber(arg) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function num(v) return string.format('%.17g', v) end
`;

// The breaker rule of state-store.ts (recordOutcome / transitionBreaker), line for line.
const BREAKER = `${PRELUDE}
local key = KEYS[1]
local op, arg, version, now, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), now_ms(ARGV[4]), ARGV[5]
local threshold, minimum, windowMs, windowCalls, buckets = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local breakMs, maxBreakMs, factor, maxProbes, successes = tonumber(ARGV[11]), tonumber(ARGV[12]), tonumber(ARGV[13]), tonumber(ARGV[14]), tonumber(ARGV[15])
local slowRatio = tonumber(ARGV[16]) or 0
local h, dirty, cleared = {}, {}, false
local raw = redis.call('HGETALL', key)
for i = 1, #raw, 2 do h[raw[i]] = tonumber(raw[i + 1]) end
local function g(f) return h[f] or 0 end
local function set(f, v) h[f] = v; dirty[f] = true end
local function clear()
  for f in pairs(h) do
    if f ~= 's' and f ~= 'v' and f ~= 'u' and f ~= 'b' then h[f] = nil end
  end
  cleared = true
end
local function brk() local b = g('b'); if b == 0 then b = breakMs end; return b end
local function open(b)
  clear(); set('s', 1); set('v', g('v') + 1); set('b', b); set('u', now + b)
end
local function trips(calls, failures, slow)
  return calls >= minimum and (failures >= threshold * calls or (slowRatio > 0 and slow >= slowRatio * calls))
end
local function count(failed, slow)
  if windowMs > 0 then
    local width = math.max(1, math.floor(windowMs / buckets))
    local epoch = math.floor(now / width)
    local i = epoch % buckets
    if g('t' .. i) ~= epoch then set('t' .. i, epoch); set('n' .. i, 0); set('f' .. i, 0); set('w' .. i, 0) end
    set('n' .. i, g('n' .. i) + 1)
    if failed then set('f' .. i, g('f' .. i) + 1) end
    if slow then set('w' .. i, g('w' .. i) + 1) end
    local calls, failures, slowCalls = 0, 0, 0
    for j = 0, buckets - 1 do
      if g('t' .. j) > epoch - buckets then calls = calls + g('n' .. j); failures = failures + g('f' .. j); slowCalls = slowCalls + g('w' .. j) end
    end
    return trips(calls, failures, slowCalls)
  end
  if windowCalls > 0 then
    local pushed = g('rn')
    local i = pushed % windowCalls
    if pushed >= windowCalls then
      local old = g('r' .. i)
      set('rf', g('rf') - old % 2); set('rw', g('rw') - math.floor(old / 2))
    end
    local bits = 0
    if failed then bits = bits + 1 end
    if slow then bits = bits + 2 end
    set('r' .. i, bits)
    set('rn', pushed + 1)
    if failed then set('rf', g('rf') + 1) end
    if slow then set('rw', g('rw') + 1) end
    return trips(math.min(pushed + 1, windowCalls), g('rf'), g('rw'))
  end
  if failed then set('c', g('c') + 1) else set('c', 0) end
  return g('c') >= threshold
end
local granted = 0
local s = g('s')
if op == 'record' then
  if s == 0 and arg ~= 'release' then
    if count(arg == 'failure' or arg == 'slow', arg == 'slow') then open(brk()) end
  elseif s == 2 and version == g('v') then
    set('p', math.max(0, g('p') - 1))
    if arg == 'failure' or arg == 'slow' then
      open(math.min(maxBreakMs, math.floor(brk() * factor)))
    elseif arg == 'success' then
      set('k', g('k') + 1)
      if g('k') >= successes then clear(); set('s', 0); set('v', g('v') + 1); set('b', breakMs); set('u', 0) end
    end
  end
elseif arg == 'isolate' then
  clear(); set('s', 3); set('v', g('v') + 1)
elseif arg == 'reset' then
  clear(); set('s', 0); set('v', g('v') + 1); set('b', breakMs); set('u', 0)
elseif arg == 'probe' then
  if s == 0 then
    granted = 1
  elseif s == 1 and now >= g('u') then
    clear(); set('s', 2); set('v', g('v') + 1); set('p', 0); set('k', 0)
  end
  if g('s') == 2 then
    if g('p') >= maxProbes and now >= g('u') then set('p', 0) end
    if g('p') < maxProbes then set('p', g('p') + 1); set('u', now + maxBreakMs); granted = 1 end
  end
end
if cleared then
  redis.call('DEL', key)
  dirty = h
end
local args = {}
for f in pairs(dirty) do
  if h[f] ~= nil then args[#args + 1] = f; args[#args + 1] = num(h[f]) end
end
if #args > 0 then redis.call('HSET', key, unpack(args)) end
if #args > 0 or raw[1] ~= nil then redis.call('PEXPIRE', key, ttl) end
local remaining = 0
if g('s') == 1 then remaining = math.max(0, g('u') - now) end
return { g('s'), num(g('v')), num(remaining), num(brk()), granted }
`;

// gcra() of state-store.ts.
const TAKE = `${PRELUDE}
local now, ttl, interval, burst, maxWait = now_ms(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local nxt = math.max(tat, now) + interval
local wait = nxt - burst * interval - now
local waitMs = 0
if wait > 1e-3 then
  waitMs = math.ceil(wait)
  if wait > maxWait then return { 0, waitMs } end
end
redis.call('SET', KEYS[1], num(nxt), 'PX', ttl + math.ceil(nxt - now))
return { 1, waitMs }
`;

// adjust() of memoryStore.
const ADJUST = `${PRELUDE}
local ttl, delta, initial, lo, hi = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local v = tonumber(redis.call('GET', KEYS[1]) or initial)
v = math.min(hi, math.max(lo, v + delta))
redis.call('SET', KEYS[1], num(v), 'PX', ttl)
return num(v)
`;


/** Runs a script by SHA, loading it on first use and again after NOSCRIPT (a restarted or flushed Redis). */
function runner(client: RedisLikeClient): (script: { source: string; sha?: Promise<string> | undefined }, key: string, args: string[]) => Promise<unknown> {
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

function breakerArgs(op: string, arg: string, version: number, now: string, ttl: string, rule: BreakerRule): string[] {
  return [op, arg, String(version), now, ttl, String(rule.threshold), String(rule.minimumCalls), String(rule.windowMs), String(rule.windowCalls),
    String(rule.buckets), String(rule.breakMs), String(rule.maxBreakMs), String(rule.breakFactor), String(rule.halfOpenMaxCalls), String(rule.halfOpenSuccesses), String(rule.slowCallRatio ?? 0)];
}

function toSnapshot(reply: unknown): BreakerSnapshot {
  const r = reply as readonly unknown[];
  return {
    state: STATE_NAMES[Number(r[0])] ?? 'closed',
    version: Number(r[1]),
    remainingMs: Number(r[2]),
    breakMs: Number(r[3]),
    granted: Number(r[4]) === 1,
  };
}

/**
 * A {@link StateStore} on Redis (ioredis or node-redis v4+). Pass it as
 * `store` to `circuitBreaker`, `retryBudget` or `rateLimiter` with a `name`:
 * every process using the same Redis, prefix and name shares that state.
 * Policies never fail a call because Redis is slow or down: they fall back
 * to local state after `storeTimeoutMs`.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
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
  const breaker: { source: string; sha?: Promise<string> | undefined } = { source: BREAKER };
  const take: { source: string; sha?: Promise<string> | undefined } = { source: TAKE };
  const adjust: { source: string; sha?: Promise<string> | undefined } = { source: ADJUST };
  return {
    synchronous: false,
    record: (key: string, outcome: BreakerOutcome, version: number, rule: BreakerRule, now: number): Promise<BreakerSnapshot> =>
      run(breaker, prefix + key, breakerArgs('record', outcome, version, at(now), ttl, rule)).then(toSnapshot),
    transition: (key: string, to: BreakerTransition, rule: BreakerRule, now: number): Promise<BreakerSnapshot> =>
      run(breaker, prefix + key, breakerArgs('transition', to, 0, at(now), ttl, rule)).then(toSnapshot),
    take: (key: string, request: TakeRequest, now: number): Promise<TakeResult> =>
      run(take, prefix + key, [at(now), ttl, String(request.intervalMs), String(request.burst), String(request.maxWaitMs)]).then((reply) => {
        const r = reply as readonly unknown[];
        return { granted: Number(r[0]) === 1, waitMs: Number(r[1]) };
      }),
    adjust: (key: string, request: AdjustRequest, now: number): Promise<number> =>
      run(adjust, prefix + key, [at(now), ttl, String(request.delta), String(request.initial), String(request.min), String(request.max)]).then(Number),
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
