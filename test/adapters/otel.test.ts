/**
 * faultline/otel against the real OpenTelemetry SDK (issue 19): every event of every policy,
 * driven on VirtualClock, reaches `faultline.policy.events` with its attributes; attempts and calls
 * reach their histograms; a pipeline's layers keep their own kind; retries, hedges and breaker
 * transitions add events to the active span, redacted; nothing unbounded is ever an attribute.
 */
import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { instrument } from '../../src/adapters/otel.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { bulkhead } from '../../src/policy/bulkhead.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { constantBackoff } from '../../src/policy/backoff.js';
import { fallback } from '../../src/policy/fallback.js';
import { hedge } from '../../src/policy/hedge.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { rateLimiter } from '../../src/policy/rate-limiter.js';
import { retry } from '../../src/policy/retry.js';
import { timeout } from '../../src/policy/timeout.js';
import { VirtualClock } from '../../src/testing/index.js';
import { collect, installContext, pointsOf, sdk, total } from './otel.support.js';

const EVENTS = 'faultline.policy.events';
const ATTEMPT = 'faultline.attempt.duration';
const CALL = 'faultline.call.duration';

const settle = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);
const never = (): Promise<string> => new Promise<string>(() => undefined);
const fault = (code: Parameters<typeof createFault>[0]['code'], status?: number): FaultError =>
  new FaultError(createFault(status === undefined ? { code } : { code, status }));

let providers: ReturnType<typeof sdk>[] = [];
function setup(): ReturnType<typeof sdk> {
  const s = sdk();
  providers.push(s);
  return s;
}
afterEach(async () => {
  for (const s of providers) await Promise.all([s.meterProvider.shutdown(), s.tracerProvider.shutdown()]);
  providers = [];
});

describe('instrument: the done-when of issue 19', () => {
  it('a retry that fails twice with a 503 then succeeds shows 2 retry events (service_unavailable) and 3 attempts', async () => {
    const { meterProvider, reader } = setup();
    const clock = new VirtualClock();
    const policy = instrument(retry({ maxRetries: 3, backoff: constantBackoff(100), clock }), { meterProvider, clock, name: 'search' });
    let calls = 0;
    const result = policy.execute(async () => {
      calls++;
      await clock.sleep(20);
      if (calls <= 2) throw new Response('upstream down', { status: 503 });
      return 'ok';
    });
    await clock.runAll();
    expect(await result).toBe('ok');
    const metrics = await collect(reader);
    const retries = pointsOf(metrics, EVENTS, { 'event.name': 'retry' });
    expect(retries.map((p) => [p.attributes, p.value])).toEqual([
      [{ 'event.name': 'retry', 'faultline.policy': 'retry', 'faultline.name': 'search', 'error.type': 'service_unavailable' }, 2],
    ]);
    expect(total(metrics, ATTEMPT)).toBe(3);
    const attempts = pointsOf(metrics, ATTEMPT).map((p) => [p.attributes['attempt.number'], p.attributes['faultline.outcome'], p.attributes['error.type'], p.value, p.sum]);
    expect(attempts).toEqual([
      [1, 'fault', 'service_unavailable', 1, 0.02],
      [2, 'fault', 'service_unavailable', 1, 0.02],
      [3, 'success', undefined, 1, 0.02],
    ]);
    const calls_ = pointsOf(metrics, CALL).map((p) => [p.attributes, p.value, p.sum]);
    expect(calls_).toEqual([[{ 'faultline.policy': 'retry', 'faultline.name': 'search', 'attempt.number': 3, 'faultline.outcome': 'success' }, 1, 0.26]]);
  });
});

describe('instrument: every event of every policy', () => {
  it('retry: retry, give_up and budget_exhausted, with the fault code', async () => {
    const { meterProvider, reader } = setup();
    const clock = new VirtualClock();
    const policy = instrument(retry({ maxRetries: 1, backoff: constantBackoff(1), clock }), { meterProvider });
    const failed = settle(policy.execute(() => Promise.reject(fault('rate_limited', 429))));
    await clock.runAll();
    expect(isFaultError(await failed)).toBe(true);
    const spent = { record: (): void => undefined, tryRetry: (): boolean => false };
    const thrifty = instrument(retry({ maxRetries: 5, budget: spent, clock }), { meterProvider });
    await settle(thrifty.execute(() => Promise.reject(fault('service_unavailable', 503))));
    const metrics = await collect(reader);
    expect(total(metrics, EVENTS, { 'event.name': 'retry', 'error.type': 'rate_limited', 'faultline.policy': 'retry' })).toBe(1);
    expect(total(metrics, EVENTS, { 'event.name': 'give_up', 'error.type': 'rate_limited' })).toBe(1);
    expect(total(metrics, EVENTS, { 'event.name': 'budget_exhausted', 'error.type': 'service_unavailable' })).toBe(1);
    expect(total(metrics, EVENTS, { 'event.name': 'give_up', 'error.type': 'service_unavailable' })).toBe(1);
    expect(total(metrics, CALL, { 'faultline.outcome': 'fault', 'error.type': 'rate_limited', 'attempt.number': 2 })).toBe(1);
  });

  it('hedge: hedge after a delay (no fault) and after a failure (its fault)', async () => {
    const { meterProvider, reader } = setup();
    const clock = new VirtualClock();
    const policy = instrument(hedge({ delayMs: 50, maxHedges: 2, clock }), { meterProvider });
    const result = policy.execute(({ attempt }) => (attempt === 1 ? never() : attempt === 2 ? Promise.reject(fault('service_unavailable', 503)) : Promise.resolve('third')));
    await clock.runAll();
    expect(await result).toBe('third');
    const metrics = await collect(reader);
    const hedges = pointsOf(metrics, EVENTS, { 'event.name': 'hedge' }).map((p) => [p.attributes['error.type'], p.attributes['faultline.policy'], p.value]);
    expect(hedges).toEqual([[undefined, 'hedge', 1], ['service_unavailable', 'hedge', 1]]);
    expect(total(metrics, ATTEMPT, { 'attempt.number': 2, 'error.type': 'service_unavailable' })).toBe(1);
    expect(total(metrics, ATTEMPT, { 'attempt.number': 3, 'faultline.outcome': 'success' })).toBe(1);
  });

  it('circuitBreaker: opened, refused, half_opened, closed and isolated', async () => {
    const { meterProvider, reader } = setup();
    const clock = new VirtualClock();
    const breaker = instrument(circuitBreaker({ strategy: consecutiveFailures(1), breakMs: 100, clock }), { meterProvider });
    await settle(breaker.execute(() => Promise.reject(fault('service_unavailable', 503))));
    await settle(breaker.execute(() => 'refused'));
    await clock.advance(100);
    expect(await breaker.execute(() => 'probe')).toBe('probe');
    breaker.isolate();
    expect(breaker.state).toBe('isolated');
    const metrics = await collect(reader);
    const seen = Object.fromEntries(pointsOf(metrics, EVENTS).map((p) => [p.attributes['event.name'], [p.attributes['faultline.policy'], p.attributes['error.type'], p.value]]));
    expect(seen).toEqual({
      breaker_opened: ['circuit_breaker', undefined, 1],
      breaker_refused: ['circuit_breaker', 'circuit_open', 1],
      breaker_half_opened: ['circuit_breaker', undefined, 1],
      breaker_closed: ['circuit_breaker', undefined, 1],
      breaker_isolated: ['circuit_breaker', undefined, 1],
    });
  });

  it('bulkhead, timeout and fallback: bulkhead_rejected, timeout and fallback', async () => {
    const { meterProvider, reader } = setup();
    const clock = new VirtualClock();
    const pool = instrument(bulkhead({ maxConcurrent: 1 }), { meterProvider });
    void pool.execute(never);
    expect(isFaultError(await settle(pool.execute(() => 'x')))).toBe(true);
    const deadline = instrument(timeout({ timeoutMs: 10, mode: 'aggressive', clock }), { meterProvider });
    const late = settle(deadline.execute(never));
    await clock.advance(10);
    expect(isFaultError(await late) && ((await late) as FaultError).code).toBe('client_timeout');
    const cached = instrument(fallback('cached'), { meterProvider });
    expect(await cached.execute(() => Promise.reject(fault('bad_gateway', 502)))).toBe('cached');
    const metrics = await collect(reader);
    expect(total(metrics, EVENTS, { 'event.name': 'bulkhead_rejected', 'faultline.policy': 'bulkhead', 'error.type': 'bulkhead_full' })).toBe(1);
    expect(total(metrics, EVENTS, { 'event.name': 'timeout', 'faultline.policy': 'timeout', 'error.type': 'client_timeout' })).toBe(1);
    expect(total(metrics, EVENTS, { 'event.name': 'fallback', 'faultline.policy': 'fallback', 'error.type': 'bad_gateway' })).toBe(1);
    // The fallback's call succeeded with its value; its one attempt failed.
    expect(total(metrics, CALL, { 'faultline.policy': 'fallback', 'faultline.outcome': 'success' })).toBe(1);
    expect(total(metrics, ATTEMPT, { 'faultline.policy': 'fallback', 'faultline.outcome': 'fault', 'error.type': 'bad_gateway' })).toBe(1);
  });

  it('rateLimiter: rate_limit_waited, rate_limit_refused and rate_changed', async () => {
    const { meterProvider, reader } = setup();
    const clock = new VirtualClock();
    const limiter = instrument(rateLimiter({ limit: 1, windowMs: 100, burst: 1, maxDelayMs: 100, adaptive: true, clock }), { meterProvider });
    await limiter.execute(() => 'first');
    const second = settle(limiter.execute(() => Promise.reject(fault('rate_limited', 429))));
    const third = settle(limiter.execute(() => 'third'));
    await clock.runAll();
    expect(isFaultError(await second)).toBe(true);
    expect(isFaultError(await third)).toBe(true);
    const metrics = await collect(reader);
    expect(total(metrics, EVENTS, { 'event.name': 'rate_limit_waited', 'faultline.policy': 'rate_limiter' })).toBe(1);
    expect(total(metrics, EVENTS, { 'event.name': 'rate_limit_refused', 'error.type': 'rate_limited' })).toBe(1);
    expect(total(metrics, EVENTS, { 'event.name': 'rate_changed' })).toBe(1);
  });
});

describe('instrument: pipelines', () => {
  it("a pipeline's events keep each layer's kind; durations carry the pipeline's", async () => {
    const { meterProvider, reader } = setup();
    const clock = new VirtualClock();
    const policy = instrument(
      pipeline(fallback('stale' as const), retry({ maxRetries: 1, idempotent: true, backoff: constantBackoff(5), clock }), timeout({ timeoutMs: 10, clock })),
      { meterProvider, clock, name: 'catalog' },
    );
    const result = policy.execute(({ signal }) => new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))));
    await clock.runAll();
    expect(await result).toBe('stale');
    const metrics = await collect(reader);
    const events = pointsOf(metrics, EVENTS).map((p) => [p.attributes['event.name'], p.attributes['faultline.policy'], p.attributes['error.type'], p.attributes['faultline.name'], p.value]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['timeout', 'timeout', 'client_timeout', 'catalog', 2],
        ['retry', 'retry', 'client_timeout', 'catalog', 1],
        ['give_up', 'retry', 'client_timeout', 'catalog', 1],
        ['fallback', 'fallback', 'client_timeout', 'catalog', 1],
      ]),
    );
    expect(events).toHaveLength(4);
    expect(pointsOf(metrics, ATTEMPT).map((p) => [p.attributes['faultline.policy'], p.attributes['attempt.number'], p.attributes['error.type'], p.sum])).toEqual([
      ['pipeline', 1, 'client_timeout', 0.01],
      ['pipeline', 2, 'client_timeout', 0.01],
    ]);
    expect(total(metrics, CALL, { 'faultline.policy': 'pipeline', 'faultline.outcome': 'success', 'attempt.number': 2 })).toBe(1);
  });
});

describe('instrument: one record per attempt and per call', () => {
  it('records every one of 700 calls, across collections', async () => {
    const { meterProvider, reader } = setup();
    const policy = instrument(retry(), { meterProvider });
    for (let i = 0; i < 700; i++) await policy.execute(() => i);
    const first = await collect(reader);
    expect([total(first, ATTEMPT), total(first, CALL)]).toEqual([700, 700]);
    await policy.execute(() => 'one more');
    expect(total(await collect(reader), CALL)).toBe(701);
  });
});

describe('instrument: same policy, same behaviour', () => {
  it('keeps the type, the state, the controls and the events of the policy', async () => {
    const { meterProvider } = setup();
    const clock = new VirtualClock();
    const raw = circuitBreaker({ clock });
    const breaker = instrument(raw, { meterProvider });
    const changes: string[] = [];
    breaker.onStateChange(({ to }) => changes.push(to));
    breaker.isolate();
    expect([breaker.state, raw.state]).toEqual(['isolated', 'isolated']);
    breaker.reset();
    expect(changes).toEqual(['isolated', 'closed']);
    expect(await breaker.execute(({ attempt }) => attempt)).toBe(1);
    const pool = instrument(bulkhead({ maxConcurrent: 2 }), { meterProvider });
    void pool.execute(never);
    expect(pool.running).toBe(1);
  });

  it('passes on what the policy rejects with, untouched', async () => {
    const { meterProvider } = setup();
    const error = fault('not_found', 404);
    const policy = instrument(retry(), { meterProvider });
    expect(await settle(policy.execute(() => Promise.reject(error)))).toBe(error);
    const sync = new Error('thrown synchronously');
    expect(await settle(instrument(timeout({ timeoutMs: 10 }), { meterProvider }).execute(() => { throw sync; }))).toHaveProperty('cause', sync);
  });

  it('refuses a policy it instrumented already, and anything without execute', () => {
    const { meterProvider } = setup();
    const policy = retry();
    const once = instrument(policy, { meterProvider });
    expect(() => instrument(policy, { meterProvider })).toThrow(new TypeError('instrument: this policy is already instrumented; instrument it once and share the result'));
    expect(() => instrument(once, { meterProvider })).toThrow(TypeError);
    expect(() => instrument({} as never)).toThrow(new TypeError('instrument: policy must be a policy (an object with execute), got an object'));
    expect(() => instrument(retry(), { meterprovider: meterProvider } as never)).toThrow(new TypeError("instrument: unknown option 'meterprovider' — did you mean 'meterProvider'?"));
  });
});

describe('instrument: traces and secrets', () => {
  it('adds retry, hedge and breaker events to the active span, with code, status, vendor and a redacted request id', async () => {
    installContext();
    const { meterProvider, reader, tracerProvider, spans } = setup();
    const clock = new VirtualClock();
    const policy = instrument(pipeline(retry({ maxRetries: 1, backoff: constantBackoff(1), clock }), circuitBreaker({ strategy: consecutiveFailures(1), clock })), { meterProvider });
    const secret = 'sk-proj-abcdefghijklmnop1234';
    const leaky = new FaultError(createFault({ code: 'service_unavailable', status: 503, vendor: 'openai', requestId: `req_42 Bearer ${secret}`, message: `upstream said key=${secret}` }));
    const tracer = tracerProvider.getTracer('test');
    const result = tracer.startActiveSpan('checkout', (span) => settle(policy.execute(() => Promise.reject(leaky))).finally(() => span.end()));
    await clock.runAll();
    expect(isFaultError(await result)).toBe(true);
    const [span] = spans.getFinishedSpans();
    const events = span?.events.map((e) => [e.name, e.attributes]) ?? [];
    expect(events).toEqual([
      ['faultline.breaker_opened', { 'faultline.from': 'closed', 'faultline.to': 'open' }],
      ['faultline.retry', { 'attempt.number': 1, 'faultline.delay_ms': 1, 'error.type': 'service_unavailable', 'http.response.status_code': 503, 'faultline.vendor': 'openai', 'faultline.request_id': 'req_42 Bearer [REDACTED]' }],
    ]);
    expect(JSON.stringify(spans.getFinishedSpans().map((s) => [s.attributes, s.events]))).not.toContain(secret);
    const metrics = await collect(reader);
    const everything = JSON.stringify([...metrics.values()].flat().map((p) => p.attributes));
    for (const leak of [secret, 'req_42', 'upstream said', 'openai', 'https://']) expect(everything).not.toContain(leak);
    for (const p of [...metrics.values()].flat()) {
      for (const value of Object.values(p.attributes)) expect(['string', 'number']).toContain(typeof value);
    }
  });

  it('adds nothing when no span is active, and never fails the call for it', async () => {
    const { meterProvider } = setup();
    const clock = new VirtualClock();
    expect(trace.getActiveSpan()).toBeUndefined();
    const policy = instrument(retry({ maxRetries: 1, backoff: constantBackoff(1), clock }), { meterProvider });
    let n = 0;
    const result = policy.execute(() => (++n === 1 ? Promise.reject(fault('service_unavailable', 503)) : 'ok'));
    await clock.runAll();
    expect(await result).toBe('ok');
  });
});
