/**
 * Bad options are rejected at construction: every option of every public factory, given the wrong
 * type, NaN, ±Infinity, a negative, an out-of-range number or an unknown enum value, throws a
 * `TypeError` whose message names the factory and the option:
 * `<factory>: <option> must be <rule>, got <value>`. And every public function, given garbage,
 * returns a value or throws a TypeError — never another kind of error. And every factory that takes
 * an options object refuses a key it does not know, naming the option that was probably meant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as main from '../../src/index.js';
import {
  bulkhead,
  circuitBreaker,
  consecutiveFailures,
  constantBackoff,
  createClassifier,
  createFetch,
  defineProfile,
  exponentialBackoff,
  failureRatio,
  fallback,
  hedge,
  pipeline,
  rateLimiter,
  retry,
  retryBudget,
  timeout,
} from '../../src/index.js';
import { memoryStore } from '../../src/store.js';
import * as testing from '../../src/testing/index.js';
import { VirtualClock, seededRandom, startChaosServer } from '../../src/testing/index.js';
import * as cockatielAdapter from '../../src/adapters/cockatiel.js';
import * as zodAdapter from '../../src/adapters/zod.js';
import * as redisAdapter from '../../src/adapters/redis.js';
import * as otelAdapter from '../../src/adapters/otel.js';
import { OTEL_OPTIONS } from '../../src/adapters/otel.js';
import { FAULT_FILTER_OPTIONS } from '../../src/adapters/cockatiel.js';
import { REDIS_STORE_OPTIONS } from '../../src/adapters/redis.js';
import { SCHEMA_FETCH_OPTIONS } from '../../src/adapters/zod-fetch.js';
import { CLASSIFIER_OPTIONS } from '../../src/core/classifier.js';
import { CREATE_FETCH_OPTIONS } from '../../src/fetch/create-fetch.js';
import { EXPONENTIAL_BACKOFF_OPTIONS } from '../../src/policy/backoff.js';
import { CONSECUTIVE_FAILURES_OPTIONS, FAILURE_RATIO_OPTIONS } from '../../src/policy/breaker-strategy.js';
import { RETRY_BUDGET_OPTIONS } from '../../src/policy/budget.js';
import { BULKHEAD_OPTIONS } from '../../src/policy/bulkhead.js';
import { CIRCUIT_BREAKER_OPTIONS } from '../../src/policy/circuit-breaker.js';
import { FALLBACK_OPTIONS } from '../../src/policy/fallback.js';
import { HEDGE_OPTIONS } from '../../src/policy/hedge.js';
import { RATE_LIMITER_OPTIONS } from '../../src/policy/rate-limiter.js';
import { RETRY_OPTIONS } from '../../src/policy/retry.js';
import { TIMEOUT_OPTIONS } from '../../src/policy/timeout.js';
import { VENDOR_PROFILE_KEYS } from '../../src/vendors/profile.js';

// ---- families of bad values ----------------------------------------------------------------------
const WRONG_TYPE: readonly unknown[] = ['1', true, {}, [], () => 1, 1n];
const num = (min: number, exclusive = false): unknown[] => [...WRONG_TYPE, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, min - 1, -1e9, ...(exclusive ? [min] : [])];
const int = (min: number): unknown[] => [...num(min), min + 0.5];
const ratio: unknown[] = [...num(0, true), 1.5, 2];
const bool: unknown[] = ['true', 1, 0, null, {}, []];
const fn: unknown[] = ['f', 1, {}, null, true, []];
const oneOf: unknown[] = ['nope', '', 'DELAY', 1, null, {}];
const clock: unknown[] = [1, 'x', null, {}, { now: () => 0 }, { sleep: () => Promise.resolve() }];
const obj: unknown[] = [1, 'x', null, true, () => 1];

interface Row {
  readonly factory: string;
  readonly option: string;
  readonly bad: readonly unknown[];
  /** Builds with `value` as the option; may return a promise (async factories). */
  readonly build: (value: unknown) => unknown;
}

const profileSpec = { id: 'acme', detect: () => false, parse: () => undefined, codes: {} };
const store = memoryStore();
const fakeRedis = { evalsha: () => Promise.resolve(null), script: () => Promise.resolve('sha') };

/** One row per option: `base` are valid options the factory needs, `wrap` how the factory is called. */
function rows(factory: string, call: (options: Record<string, unknown>) => unknown, base: Record<string, unknown>, options: Record<string, readonly unknown[]>): Row[] {
  return Object.entries(options).map(([option, bad]) => ({ factory, option, bad, build: (value) => call({ ...base, [option]: value }) }));
}

const any = (f: unknown): ((o: Record<string, unknown>) => unknown) => f as (o: Record<string, unknown>) => unknown;

const TABLE: Row[] = [
  ...rows('retry', any(retry), {}, {
    maxRetries: int(0),
    backoff: fn,
    maxRetryAfterMs: num(0),
    idempotent: bool,
    shouldRetry: fn,
    budget: [...obj, {}, { record: () => undefined }],
    clock,
    random: fn,
  }),
  ...rows('timeout', any(timeout), { timeoutMs: 10 }, { timeoutMs: num(0, true), mode: oneOf, clock }),
  ...rows('hedge', any(hedge), { delayMs: 10 }, { delayMs: num(0), maxHedges: int(0), shouldHedge: fn, clock }),
  ...rows('fallback', (o) => fallback('x', o as never), {}, { on: ['x', 1, null, {}, ['nope'], [1], ['rate_limited', 'Rate_Limited']] }),
  ...rows('exponentialBackoff', any(exponentialBackoff), {}, {
    initialMs: num(0),
    factor: [...num(1), 0.5],
    maxMs: num(0),
    jitter: oneOf,
  }),
  { factory: 'exponentialBackoff', option: 'maxMs', bad: [10, 0], build: (v) => exponentialBackoff({ initialMs: 100, maxMs: v as number }) },
  { factory: 'constantBackoff', option: 'ms', bad: [...num(0), undefined], build: (v) => constantBackoff(v as number) },
  ...rows('circuitBreaker', any(circuitBreaker), {}, {
    strategy: [...obj, {}, { kind: 'nope' }],
    breakMs: num(0),
    maxBreakMs: num(0),
    breakFactor: [...num(1), 0.5],
    halfOpenMaxCalls: int(1),
    halfOpenSuccesses: int(1),
    isFailure: fn,
    clock,
  }),
  { factory: 'circuitBreaker', option: 'maxBreakMs', bad: [10, 0], build: (v) => circuitBreaker({ breakMs: 100, maxBreakMs: v as number }) },
  ...rows('circuitBreaker', any(circuitBreaker), { store, name: 'b' }, {
    store: [...obj, {}, { take: () => undefined }],
    name: ['', 1, null, {}],
    storeTimeoutMs: num(0, true),
  }),
  { factory: 'consecutiveFailures', option: 'n', bad: int(1), build: (v) => consecutiveFailures(v as number) },
  ...rows('consecutiveFailures', (o) => consecutiveFailures(5, o as never), {}, { slowCallMs: num(0) }),
  ...rows('failureRatio', any(failureRatio), { windowCalls: 20 }, {
    threshold: ratio,
    minimumCalls: int(1),
    windowCalls: [...int(1), 1_000_001],
    slowCallMs: num(0),
    slowCallRatio: ratio,
  }),
  ...rows('failureRatio', any(failureRatio), {}, { windowMs: num(0, true) }),
  ...rows('failureRatio', any(failureRatio), { windowMs: 1000 }, { buckets: [...int(1), 10_001] }),
  ...rows('bulkhead', any(bulkhead), {}, { maxConcurrent: int(1), maxQueue: int(0), queueTimeoutMs: num(0), clock }),
  ...rows('retryBudget', any(retryBudget), {}, { maxTokens: [...num(0, true), 1001], tokenRatio: ratio }),
  ...rows('retryBudget', any(retryBudget), { store, name: 'r' }, {
    store: [...obj, {}, { record: () => undefined }],
    name: ['', 1, null, {}],
    storeTimeoutMs: num(0, true),
  }),
  ...rows('retryBudget', any(retryBudget), {}, { ratio: num(0), minPerSecond: num(0), windowMs: num(0, true), clock }),
  ...rows('rateLimiter', any(rateLimiter), { limit: 10 }, {
    limit: num(0, true),
    windowMs: num(0, true),
    burst: int(1),
    mode: oneOf,
    maxDelayMs: num(0),
    adaptive: bool,
    clock,
  }),
  ...rows('rateLimiter', any(rateLimiter), { limit: 10, store, name: 'l' }, {
    store: [...obj, {}, { record: () => undefined }],
    name: ['', 1, null, {}],
    storeTimeoutMs: num(0, true),
  }),
  ...rows('memoryStore', any(memoryStore), {}, { ttlMs: num(0, true) }),
  ...rows('createFetch', any(createFetch), {}, {
    policy: [...obj, {}, { execute: 1 }],
    vendor: [1, true, {}, null],
    baseUrl: ['relative/path', '', 1, {}, null, 'http//x'],
    fetch: fn,
    idempotent: bool,
    idempotencyKey: ['yes', 1, null, {}],
    maxBodyBytes: int(0),
    throwOnError: bool,
    timeoutMs: num(0, true),
    clock,
    random: fn,
    observe: [1, 'x', null, { policy: 1 }, { attempt: 'x' }],
  }),
  ...rows('instrument', (v) => otelAdapter.instrument(retry(), v as never), {}, {
    meterProvider: [1, 'x', null, {}, { getMeter: 1 }],
    tracerProvider: [1, 'x', null, {}, { getTracer: 1 }],
    name: ['', 1, null, {}, 'x'.repeat(65)],
    clock: [1, 'x', null, {}],
  }),
  ...rows('instrumentFetch', (v) => otelAdapter.instrumentFetch(v as never), {}, {
    meterProvider: [1, null, {}],
    tracerProvider: [1, null, {}],
    name: ['', 1],
  }),
  ...rows('createClassifier', any(createClassifier), { profiles: [] }, {
    profiles: [undefined, null, 'openai', {}, [1], [{}], [{ id: 'x' }], [profileSpec, profileSpec]],
    maxBodyBytes: int(0),
  }),
  ...rows('defineProfile', any(defineProfile), profileSpec, {
    id: ['', 'Has Space', 'UPPER', 1, null, 'x'.repeat(65)],
    detect: fn,
    parse: fn,
    render: ['x', 1, {}, null],
    codes: [null, 1, 'x', { a: 'not_a_code' }, { a: { code: 'nope' } }, { a: { code: 'internal', retry: 'sometimes' } }, { a: { code: 'internal', remedy: 'pray' } }, { a: { code: 'internal', retryLimit: -1 } }, { a: { code: 'internal', retryLimit: 1.5 } }],
    statuses: [{ 500: 'nope' }, { 500: { code: 'internal', retry: 'x' } }],
    hosts: ['api.acme.dev', [1], [''], {}],
    keys: ['error', [1], {}],
    contentTypes: ['text/plain', [1]],
    expressible: [1, 'x', { vendorCodes: ['missing'] }, { codes: ['nope'] }, { retryAfter: 'h' }, { requestId: 'yes' }],
  }),
  ...rows('redisStore', any(redisAdapter.redisStore), { client: fakeRedis }, {
    client: [undefined, null, 1, {}, { evalsha: () => 1 }],
    prefix: [1, {}, true],
    ttlMs: int(1),
    time: oneOf,
  }),
  { factory: 'VirtualClock', option: 'startMs', bad: [...WRONG_TYPE, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], build: (v) => new VirtualClock(v as number) },
  { factory: 'VirtualClock.advance', option: 'ms', bad: num(0), build: (v) => new VirtualClock().advance(v as number) },
  { factory: 'seededRandom', option: 'seed', bad: [...WRONG_TYPE, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], build: (v) => seededRandom(v as number) },
  ...rows('startChaosServer', any(startChaosServer), { vendor: 'openai' }, {
    vendor: [undefined, 'no-such-vendor', 1, null, {}],
    clock,
    seed: [...WRONG_TYPE, null, Number.NaN, Number.POSITIVE_INFINITY],
    script: ['ok', 1, {}, ['nope'], [{ type: 'nope' }]],
    faults: [{ rate_limited: -1 }, { rate_limited: Number.NaN }, { rate_limited: '0.5' }, { nope: 0.1 }, { rate_limited: 0.8, internal: 0.8 }],
    latencyMs: [-1, Number.NaN, 'x', [5, 1], [-1, 2], {}],
    behaviours: [1, 'x', { rateLimit: { limit: -1, windowMs: 1000 } }, { rateLimit: { limit: 1, windowMs: 0 } }, { building: { forMs: Number.NaN } }, { monthlyCap: { limit: 'x' } }],
  }),
  ...rows('handleFaults', any(cockatielAdapter.handleFaults), {}, {
    retry: ['always', 1, {}, ['sometimes']],
    codes: ['internal', 1, {}, ['nope']],
    idempotent: bool,
    classify: fn,
  }),
  { factory: 'retryAfterBackoff', option: 'inner', bad: [undefined, null, 1, 'x', {}, { next: 1 }], build: (v) => cockatielAdapter.retryAfterBackoff(v as never) },
  { factory: 'parseBody', option: 'schema', bad: [undefined, null, 1, 'x', {}, { safeParse: 1 }], build: (v) => zodAdapter.parseBody(v as never) },
  { factory: 'pipeline', option: 'policies[0]', bad: [undefined, null, 1, 'x', {}, { execute: 1 }], build: (v) => pipeline(v as never) },
  { factory: 'pipeline', option: 'policies[1]', bad: [undefined, null, {}], build: (v) => pipeline(retry(), v as never) },
];

/** Each factory also rejects a non-object options argument. */
const OPTIONS_ARG: ReadonlyArray<readonly [string, (v: unknown) => unknown]> = [
  ['retry', (v) => retry(v as never)],
  ['timeout', (v) => timeout(v as never)],
  ['hedge', (v) => hedge(v as never)],
  ['fallback', (v) => fallback(1, v as never)],
  ['exponentialBackoff', (v) => exponentialBackoff(v as never)],
  ['circuitBreaker', (v) => circuitBreaker(v as never)],
  ['consecutiveFailures', (v) => consecutiveFailures(3, v as never)],
  ['failureRatio', (v) => failureRatio(v as never)],
  ['bulkhead', (v) => bulkhead(v as never)],
  ['retryBudget', (v) => retryBudget(v as never)],
  ['rateLimiter', (v) => rateLimiter(v as never)],
  ['memoryStore', (v) => memoryStore(v as never)],
  ['createFetch', (v) => createFetch(v as never)],
  ['createClassifier', (v) => createClassifier(v as never)],
  ['defineProfile', (v) => defineProfile(v as never)],
  ['redisStore', (v) => redisAdapter.redisStore(v as never)],
  ['startChaosServer', (v) => startChaosServer(v as never)],
  ['handleFaults', (v) => cockatielAdapter.handleFaults(v as never)],
  ['instrument', (v) => otelAdapter.instrument(retry(), v as never)],
  ['instrumentFetch', (v) => otelAdapter.instrumentFetch(v as never)],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Calls `build(value)` and returns what it threw (awaiting async factories), or `undefined`. */
async function thrownBy(build: () => unknown): Promise<unknown> {
  try {
    const out = build();
    if (out instanceof Promise) {
      const value: unknown = await out;
      // An async factory that accepted the value: close what it started.
      await (value as { close?: () => Promise<void> } | undefined)?.close?.();
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

const show = (v: unknown): string => {
  try {
    return typeof v === 'bigint' ? `${v}n` : typeof v === 'function' ? 'fn' : JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

describe('bad options are rejected at construction', () => {
  const cases = TABLE.flatMap((row) => row.bad.map((value) => [`${row.factory}: ${row.option} = ${show(value)}`, row, value] as const));

  it.each(cases)('%s', async (_name, row, value) => {
    const error = await thrownBy(() => row.build(value));
    expect(error, `${row.factory} accepted ${row.option} = ${show(value)}`).toBeInstanceOf(TypeError);
    // `<factory>: [<profile id>: ]<option>[.sub|[i]] must be <rule>, got <value>`
    const format = new RegExp(`^${escape(row.factory)}: (?:[a-z0-9+.-]+: )?${escape(row.option)}\\S* must be .+, got .+$`, 's');
    expect((error as Error).message).toMatch(format);
  });

  it.each(OPTIONS_ARG)('%s rejects a non-object options argument', async (factory, build) => {
    for (const value of [1, 'x', true, null, []]) {
      if (value === null && (factory === 'retry' || factory === 'bulkhead')) continue;
      const error = await thrownBy(() => build(value));
      expect(error, `${factory}(${show(value)})`).toBeInstanceOf(TypeError);
      expect((error as Error).message.startsWith(`${factory}: `)).toBe(true);
    }
  });

  it('the table covers every public factory', () => {
    const covered = new Set([...TABLE.map((r) => r.factory.split('.')[0]), ...OPTIONS_ARG.map(([f]) => f)]);
    for (const name of ['retry', 'timeout', 'hedge', 'fallback', 'pipeline', 'exponentialBackoff', 'constantBackoff', 'circuitBreaker', 'consecutiveFailures',
      'failureRatio', 'bulkhead', 'retryBudget', 'rateLimiter', 'createFetch', 'createClassifier', 'defineProfile', 'memoryStore', 'redisStore',
      'VirtualClock', 'seededRandom', 'startChaosServer', 'handleFaults', 'retryAfterBackoff', 'parseBody', 'instrument', 'instrumentFetch']) {
      expect(covered.has(name), name).toBe(true);
    }
  });
});

// ---- options checked by name -------------------------------------------------------------------
interface NamedFactory {
  readonly factory: string;
  /** Builds with these options (may return a promise). */
  readonly build: (options: Record<string, unknown>) => unknown;
  /** Valid options the factory needs besides the key under test. */
  readonly base: Record<string, unknown>;
  /** Its list of valid names. */
  readonly names: readonly string[];
  /** The listed names it cannot do without: `undefined` there fails a value check, not the name check. */
  readonly required?: readonly string[];
  /** The valid names, sorted, as the message lists them. */
  readonly listed: string;
  /** Near misses and the name each should suggest. */
  readonly typos: ReadonlyArray<readonly [string, string]>;
}

const SEAM = 'classifier'; // listed by every policy that classifies what a call threw, and createFetch
const NAMED: readonly NamedFactory[] = [
  { factory: 'retry', build: any(retry), base: {}, names: RETRY_OPTIONS, listed: `backoff, budget, ${SEAM}, clock, idempotent, maxRetries, maxRetryAfterMs, random, shouldRetry`, typos: [['maxAttempts', 'maxRetries'], ['maxretries', 'maxRetries'], ['shouldRety', 'shouldRetry']] },
  { factory: 'timeout', build: any(timeout), base: { timeoutMs: 10 }, names: TIMEOUT_OPTIONS, required: ['timeoutMs'], listed: `${SEAM}, clock, mode, timeoutMs`, typos: [['ms', 'timeoutMs'], ['timeoutms', 'timeoutMs'], ['timeout', 'timeoutMs']] },
  { factory: 'hedge', build: any(hedge), base: { delayMs: 10 }, names: HEDGE_OPTIONS, required: ['delayMs'], listed: `${SEAM}, clock, delayMs, maxHedges, shouldHedge`, typos: [['delayMS', 'delayMs']] },
  { factory: 'fallback', build: (o) => fallback('x', o as never), base: {}, names: FALLBACK_OPTIONS, listed: `${SEAM}, on`, typos: [['On', 'on']] },
  { factory: 'exponentialBackoff', build: any(exponentialBackoff), base: {}, names: EXPONENTIAL_BACKOFF_OPTIONS, listed: 'factor, initialMs, jitter, maxMs', typos: [['intialMs', 'initialMs']] },
  {
    factory: 'circuitBreaker', build: any(circuitBreaker), base: {}, names: CIRCUIT_BREAKER_OPTIONS,
    listed: `breakFactor, breakMs, ${SEAM}, clock, halfOpenMaxCalls, halfOpenSuccesses, isFailure, maxBreakMs, name, store, storeTimeoutMs, strategy`,
    typos: [['breakms', 'breakMs'], ['halfOpenMaxCall', 'halfOpenMaxCalls']],
  },
  { factory: 'consecutiveFailures', build: (o) => consecutiveFailures(5, o as never), base: {}, names: CONSECUTIVE_FAILURES_OPTIONS, listed: 'slowCallMs', typos: [['slowCallMS', 'slowCallMs']] },
  {
    factory: 'failureRatio', build: any(failureRatio), base: { windowCalls: 20 }, names: FAILURE_RATIO_OPTIONS, required: ['windowCalls'],
    listed: 'buckets, minimumCalls, slowCallMs, slowCallRatio, threshold, windowCalls, windowMs', typos: [['treshold', 'threshold']],
  },
  { factory: 'bulkhead', build: any(bulkhead), base: {}, names: BULKHEAD_OPTIONS, listed: `${SEAM}, clock, maxConcurrent, maxQueue, queueTimeoutMs`, typos: [['maxConcurent', 'maxConcurrent']] },
  {
    factory: 'retryBudget', build: any(retryBudget), base: {}, names: RETRY_BUDGET_OPTIONS,
    listed: `clock, maxTokens, minPerSecond, name, ratio, store, storeTimeoutMs, tokenRatio, windowMs`, typos: [['maxToken', 'maxTokens']],
  },
  {
    factory: 'rateLimiter', build: any(rateLimiter), base: { limit: 10 }, names: RATE_LIMITER_OPTIONS, required: ['limit'],
    listed: `adaptive, burst, ${SEAM}, clock, limit, maxDelayMs, mode, name, store, storeTimeoutMs, windowMs`, typos: [['brust', 'burst']],
  },
  { factory: 'memoryStore', build: any(memoryStore), base: {}, names: ['ttlMs'], listed: 'ttlMs', typos: [['ttlms', 'ttlMs']] },
  {
    factory: 'createFetch', build: any(createFetch), base: {}, names: CREATE_FETCH_OPTIONS,
    listed: `baseUrl, bodyTimeoutMs, ${SEAM}, clock, fetch, idempotencyKey, idempotent, idleTimeoutMs, maxBodyBytes, observe, policy, random, throwOnError, timeoutMs, vendor`,
    typos: [['baseURL', 'baseUrl'], ['timeout', 'timeoutMs']],
  },
  {
    factory: 'createSchemaFetch', build: any(zodAdapter.createSchemaFetch), base: { schema: z.object({}) }, names: SCHEMA_FETCH_OPTIONS, required: ['schema'],
    listed: `baseUrl, bodyTimeoutMs, ${SEAM}, clock, fetch, idempotencyKey, idempotent, idleTimeoutMs, maxBodyBytes, observe, policy, random, schema, throwOnError, timeoutMs, vendor`,
    typos: [['schemas', 'schema']],
  },
  { factory: 'createClassifier', build: any(createClassifier), base: { profiles: [] }, names: CLASSIFIER_OPTIONS, required: ['profiles'], listed: 'maxBodyBytes, profiles', typos: [['profile', 'profiles']] },
  {
    factory: 'defineProfile', build: any(defineProfile), base: profileSpec, names: VENDOR_PROFILE_KEYS, required: ['id', 'detect', 'parse', 'codes'],
    listed: 'codes, contentTypes, detect, expressible, hosts, id, keys, parse, render, statuses', typos: [['host', 'hosts'], ['ID', 'id']],
  },
  { factory: 'instrument', build: (o) => otelAdapter.instrument(retry(), o as never), base: {}, names: OTEL_OPTIONS, listed: 'clock, meterProvider, name, tracerProvider', typos: [['meterprovider', 'meterProvider'], ['tracerprovider', 'tracerProvider']] },
  { factory: 'instrumentFetch', build: any(otelAdapter.instrumentFetch), base: {}, names: OTEL_OPTIONS, listed: 'clock, meterProvider, name, tracerProvider', typos: [['names', 'name']] },
  { factory: 'redisStore', build: any(redisAdapter.redisStore), base: { client: fakeRedis }, names: REDIS_STORE_OPTIONS, required: ['client'], listed: 'client, prefix, time, ttlMs', typos: [['perfix', 'prefix']] },
  {
    factory: 'startChaosServer', build: any(startChaosServer), base: { vendor: 'openai' }, names: ['vendor', 'script', 'faults', 'seed', 'latencyMs', 'behaviours', 'clock'], required: ['vendor'],
    listed: 'behaviours, clock, faults, latencyMs, script, seed, vendor', typos: [['latency', 'latencyMs']],
  },
  { factory: 'handleFaults', build: any(cockatielAdapter.handleFaults), base: {}, names: FAULT_FILTER_OPTIONS, listed: 'classify, codes, idempotent, retry', typos: [['code', 'codes']] },
];

describe('options are checked by name', () => {
  it('the table has every factory that takes an options object', () => {
    const named = new Set(NAMED.map((f) => f.factory));
    for (const [factory] of OPTIONS_ARG) expect(named.has(factory), factory).toBe(true);
  });

  const unknown = NAMED.flatMap((f) => [['foo', 1], ['foo', undefined]].map(([key, value]) => [`${f.factory}: ${String(key)} = ${String(value)}`, f, key as string, value] as const));
  it.each(unknown)('%s is refused, with the valid names listed', async (_name, f, key, value) => {
    const error = await thrownBy(() => f.build({ ...f.base, [key]: value }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(`${f.factory}: unknown option '${key}'; valid options are ${f.listed}`);
  });

  const typos = NAMED.flatMap((f) => f.typos.map(([typo, meant]) => [`${f.factory}: ${typo} → ${meant}`, f, typo, meant] as const));
  it.each(typos)('%s', async (_name, f, typo, meant) => {
    for (const value of [1, undefined]) {
      const error = await thrownBy(() => f.build({ ...f.base, [typo]: value }));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(`${f.factory}: unknown option '${typo}' — did you mean '${meant}'?`);
    }
  });

  it('the listed names are exactly what the message lists', () => {
    for (const f of NAMED) expect([...f.names].sort().join(', '), f.factory).toBe(f.listed);
  });

  it.each(NAMED.map((f) => [f.factory, f] as const))('%s: any key not listed is refused; any listed key set to undefined is not', async (_name, f) => {
    const runs = f.factory === 'startChaosServer' ? 10 : Number(process.env.FC_RUNS ?? 100);
    const stranger = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ...f.names.map((n) => n.toUpperCase())))
      .filter((key) => !f.names.includes(key));
    await fc.assert(fc.asyncProperty(stranger, fc.constantFrom(undefined, 0, 'x', null), async (key, value) => {
      const error = await thrownBy(() => f.build({ ...f.base, [key]: value }));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message.startsWith(`${f.factory}: unknown option '${key}'`)).toBe(true);
    }), { numRuns: runs });
    const optional = f.names.filter((n) => !(f.required ?? []).includes(n));
    await fc.assert(fc.asyncProperty(fc.subarray(optional), async (keys) => {
      const error = await thrownBy(() => f.build({ ...f.base, ...Object.fromEntries(keys.map((k) => [k, undefined])) }));
      expect(error).toBeUndefined();
    }), { numRuns: runs });
    for (const key of f.required ?? []) {
      const error = await thrownBy(() => f.build({ ...f.base, [key]: undefined }));
      expect(String((error as Error | undefined)?.message)).not.toMatch(/unknown option/);
    }
  });
});

// ---- garbage into every public function --------------------------------------------------------
const GARBAGE: readonly unknown[] = [
  undefined, null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', '\u0000', true, 1n, Symbol('s'), [], [1, 'a'], {}, { a: 1 },
  () => 1, new Date(Number.NaN), /x/, new Map(), Object.create(null),
  // (a Proxy whose traps throw is not here: its own error propagates by design; classify's fuzz covers it)
];

function publicFunctions(): Array<[string, (...args: unknown[]) => unknown]> {
  const out: Array<[string, (...args: unknown[]) => unknown]> = [];
  for (const [entry, mod] of [['faultline', main], ['faultline/testing', testing], ['faultline/cockatiel', cockatielAdapter], ['faultline/zod', zodAdapter], ['faultline/redis', redisAdapter], ['faultline/otel', otelAdapter]] as const) {
    for (const [name, value] of Object.entries(mod)) {
      // Classes are checked through their constructors in the table above.
      if (typeof value === 'function' && !/^class\s/.test(Function.prototype.toString.call(value))) out.push([`${entry}:${name}`, value as (...args: unknown[]) => unknown]);
    }
  }
  return out;
}

/** Functions whose job is to run user code or do I/O: garbage in gives a rejected promise, checked separately. */
const SKIP = new Set(['faultline:resilientFetch']);
const ASYNC = new Set(['faultline:classifyResponse', 'faultline/testing:startChaosServer']);

describe('every public function given garbage returns a value or throws TypeError', () => {
  const fns = publicFunctions();

  it('finds the public functions', () => {
    expect(fns.length).toBeGreaterThan(30);
  });

  it.each(fns.filter(([n]) => !SKIP.has(n)))('%s', async (name, f) => {
    for (const a of GARBAGE) {
      for (const args of [[a], [a, a], ['x', a], [{}, a]]) {
        let error: unknown;
        try {
          const out = f(...args);
          if (out instanceof Promise) {
            if (!ASYNC.has(name)) await out.catch((e: unknown) => { error = e; });
            else await out.then((v) => (v as { close?: () => Promise<void> } | undefined)?.close?.(), (e: unknown) => { error = e; });
          }
        } catch (e) {
          error = e;
        }
        if (error === undefined) continue;
        // A FaultError is the documented outcome of a call that ran and failed (resilientFetch, a parser).
        if (main.isFaultError(error)) continue;
        expect(error, `${name}(${args.map(show).join(', ')}) threw ${String((error as Error)?.stack ?? error)}`).toBeInstanceOf(TypeError);
      }
    }
  });
});
