// The chaos server on its own: what it answers, what it records, and that close() leaves nothing open.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { type ChaosServer, type ChaosServerOptions, startChaosServer } from '../../src/testing/chaos-server.js';
import { until, useChaosHarness } from '../fetch/helpers.js';

// Unlike the createFetch files, this file has never checked that the clock ends with no timer due
// (it tests the server, not a client's timers); the check stays off here on purpose.
const h = useChaosHarness({ checkPendingTimers: false });

async function serve(options: Partial<ChaosServerOptions>): Promise<ChaosServer> {
  return h.serve({ vendor: 'fhir-inference', ...options });
}

/** A plain request (no retries), answered as a snapshot classify can read. */
async function send(s: ChaosServer, path = '/v1/infer', init: RequestInit = { method: 'POST', body: '{}' }) {
  const res = await fetch(`${s.url}${path}`, init);
  const body = await res.text();
  return { status: res.status, headers: Object.fromEntries(res.headers), body };
}

describe('startChaosServer', () => {
  it('listens on 127.0.0.1 with an ephemeral port', async () => {
    const s = await serve({ script: ['ok'] });
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    expect(s.port).toBeGreaterThan(0);
    expect((await send(s)).status).toBe(200);
  });

  it("renders faults in the vendor's own shape, with its request id and Retry-After", async () => {
    const s = await serve({ script: [{ type: 'fault', fault: { code: 'rate_limited', retryAfterMs: 7_000, limit: 60 } }] });
    const response = await send(s);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.headers['x-request-id']).toBe('req_000001');
    expect(JSON.parse(response.body)).toEqual({ detail: { error: 'rate_limit_exceeded', limit_per_minute: 60, plan: 'starter' } });
    const fault = classify(response, { vendor: 'fhir-inference' });
    expect([fault.code, fault.retryAfterMs, fault.requestId]).toEqual(['rate_limited', 7_000, 'req_000001']);
    expect(s.requests[0]?.fault?.code).toBe('rate_limited');
  });

  it('records method, path, idempotency key, body, time and what it did', async () => {
    const s = await serve({ script: ['service_unavailable', 'ok'] });
    await send(s, '/v1/infer?x=1', { method: 'POST', body: '{"a":1}', headers: { 'Idempotency-Key': 'k-1' } });
    await h.clock.advance(1_500);
    await send(s, '/v1/models', { method: 'GET' });
    expect(s.requests.map((r) => [r.index, r.method, r.path, r.idempotencyKey, r.body, r.at - Date.UTC(2026, 0, 1), r.action, r.status])).toEqual([
      [0, 'POST', '/v1/infer?x=1', 'k-1', '{"a":1}', 0, 'fault', 503],
      [1, 'GET', '/v1/models', undefined, '', 1_500, 'ok', 200],
    ]);
  });

  it('plays the same random mix for the same seed, and a different one for another', async () => {
    const mix = { faults: { rate_limited: 0.3, service_unavailable: 0.3 } };
    const run = async (seed: number): Promise<number[]> => {
      const s = await startChaosServer({ vendor: 'pulse', clock: h.clock, seed, ...mix });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await send(s)).status);
      await s.close();
      return statuses;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 429, 503]));
  });

  it('rate limits N requests per window, telling the time to the window end', async () => {
    const s = await serve({ behaviours: { rateLimit: { limit: 2, windowMs: 60_000 } } });
    expect((await send(s)).status).toBe(200);
    await h.clock.advance(10_000);
    expect((await send(s)).status).toBe(200);
    const limited = await send(s);
    expect(limited.status).toBe(429);
    expect(classify(limited, { vendor: 'fhir-inference' }).retryAfterMs).toBe(50_000);
    await h.clock.advance(50_000);
    expect((await send(s)).status).toBe(200);
  });

  it('is BUILDING for a while after the first request, then ACTIVE', async () => {
    const s = await h.serve({ vendor: 'impulse', behaviours: { building: { forMs: 5_000 } } });
    const first = await send(s);
    expect(first.status).toBe(503);
    expect(first.body).toContain('BUILDING');
    await h.clock.advance(4_999);
    expect((await send(s)).status).toBe(503);
    await h.clock.advance(1);
    expect((await send(s)).status).toBe(200);
  });

  it('answers quota_exhausted once the monthly cap is used', async () => {
    const s = await serve({ behaviours: { monthlyCap: { limit: 2, upgradeUrl: 'https://portal.example.com/billing' } } });
    expect((await send(s)).status).toBe(200);
    expect((await send(s)).status).toBe(200);
    const capped = await send(s);
    const fault = classify(capped, { vendor: 'fhir-inference' });
    expect([capped.status, fault.code, fault.upgradeUrl]).toEqual([429, 'quota_exhausted', 'https://portal.example.com/billing']);
  });

  it('counts duplicate side effects, and replays a repeated idempotency key instead of doing it again', async () => {
    const s = await serve({ script: [{ type: 'response', status: 502, body: 'upstream', commit: true }, 'ok', { type: 'response', status: 502, body: 'upstream', commit: true }, 'ok'] });
    await send(s, '/v1/runs', { method: 'POST', body: '{"job":1}' });
    await send(s, '/v1/runs', { method: 'POST', body: '{"job":1}' });
    expect(s.duplicateSideEffects).toBe(1);
    await send(s, '/v1/runs', { method: 'POST', body: '{"job":2}', headers: { 'idempotency-key': 'k' } });
    const replayed = await send(s, '/v1/runs', { method: 'POST', body: '{"job":2}', headers: { 'idempotency-key': 'k' } });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(s.duplicateSideEffects).toBe(1);
    expect(s.requests.map((r) => r.action)).toEqual(['response', 'ok', 'response', 'replay']);
  });

  it('adds latency on its clock', async () => {
    const s = await serve({ latencyMs: 250, script: ['ok'] });
    let done = false;
    const pending = send(s).then((r) => {
      done = true;
      return r;
    });
    await until(() => h.clock.pendingTimers === 1, 'latency timer');
    expect(done).toBe(false);
    await h.clock.advance(250);
    expect((await pending).status).toBe(200);
  });

  it('close() ends hanging requests and destroys every socket', async () => {
    const s = await serve({ script: ['hang', 'hang'] });
    const a = fetch(`${s.url}/a`).catch((e: unknown) => e);
    const b = fetch(`${s.url}/b`).catch((e: unknown) => e);
    await until(() => s.requests.length === 2, 'both requests');
    await s.close();
    expect(await a).toBeInstanceOf(TypeError);
    expect(await b).toBeInstanceOf(TypeError);
  });

  it('validates its options', async () => {
    await expect(startChaosServer({ vendor: 'nope' })).rejects.toThrow(new TypeError("startChaosServer: vendor must be a vendor profile or a built-in profile id, got 'nope'"));
    await expect(startChaosServer({ vendor: 'pulse', faults: { rate_limited: 0.8, internal: 0.5 } })).rejects.toThrow(/faults must be probabilities summing to at most 1/);
    await expect(startChaosServer({ vendor: 'pulse', script: ['teapot' as never] })).rejects.toThrow(/startChaosServer: script\[0\] must be/);
  });
});
