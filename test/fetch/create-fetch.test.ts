// createFetch on real sockets (127.0.0.1, Node's own undici fetch) against the chaos server, time on a VirtualClock.
import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../src/core/fault.js';
import { createFetch } from '../../src/entry/batteries.js';
import { resilientFetch } from '../../src/entry/batteries.js';
import { retry } from '../../src/policy/retry.js';
import { constantBackoff } from '../../src/policy/backoff.js';
import type { ChaosServer, ChaosServerOptions } from '../../src/testing/chaos-server.js';
import { drive, useChaosHarness } from './helpers.js';

const BAD_GATEWAY = { type: 'response', status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' } as const;

const h = useChaosHarness();

async function serve(options: Omit<ChaosServerOptions, 'vendor'> & { vendor?: ChaosServerOptions['vendor'] }): Promise<ChaosServer> {
  return h.serve({ vendor: 'stripe', ...options });
}

async function outcome(call: Promise<Response>): Promise<string> {
  return drive(h.clock, call).then(
    async (res) => `ok ${res.status}`,
    (error: unknown) => (isFaultError(error) ? error.code : `not a FaultError: ${String(error)}`),
  );
}

describe('createFetch: error responses', () => {
  it('turns an error response into a FaultError with the body text on a non-enumerable bodyText', async () => {
    const s = await serve({ script: [{ type: 'fault', fault: { code: 'payment_required', message: 'Your card was declined.' } }] });
    const api = createFetch({ clock: h.clock, random: () => 0.5 });
    const error = await drive(h.clock, api(`${s.url}/v1/charges`, { method: 'POST', body: '{}' })).catch((e: unknown) => e);
    expect(isFaultError(error)).toBe(true);
    if (!isFaultError(error)) return;
    expect(error.code).toBe('payment_required');
    expect(error.vendor).toBe('stripe');
    expect(error.requestId).toBe('req_000001');
    const bodyText = (error as unknown as { bodyText: string }).bodyText;
    expect(JSON.parse(bodyText)).toMatchObject({ error: { message: 'Your card was declined.' } });
    expect(Object.keys(error)).not.toContain('bodyText');
    expect(JSON.stringify(error)).not.toContain('bodyText');
    expect(s.requests).toHaveLength(1);
  });

  it('returns the last error response instead when throwOnError is false', async () => {
    const s = await serve({ script: [{ type: 'response', status: 404, headers: { 'x-request-id': 'r-1' }, body: '{"error":"not_found"}' }] });
    const api = createFetch({ clock: h.clock, throwOnError: false });
    const res = await drive(h.clock, api(`${s.url}/v1/missing`));
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('r-1');
    expect(await res.text()).toBe('{"error":"not_found"}');
    expect(res.url).toBe(`${s.url}/v1/missing`);
  });

  it('per call, init.throwOnError overrides the option', async () => {
    const s = await serve({ script: ['not_found'] });
    const api = createFetch({ clock: h.clock });
    const res = await drive(h.clock, api(`${s.url}/x`, { throwOnError: false }));
    expect(res.status).toBe(404);
    await res.text();
  });

  it('reads at most maxBodyBytes of an error body', async () => {
    const big = JSON.stringify({ error: { type: 'api_error', message: 'x'.repeat(200_000) } });
    const s = await serve({ script: [{ type: 'response', status: 500, body: big }] });
    const api = createFetch({ clock: h.clock, maxBodyBytes: 1024 });
    const error = await drive(h.clock, api(`${s.url}/x`, { method: 'POST' })).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('internal');
    expect((error as { bodyText: string }).bodyText.length).toBeLessThanOrEqual(1024);
  });

  it('releases each failed attempt body before the next attempt: the retry reuses the connection', async () => {
    const s = await serve({ script: ['service_unavailable', 'service_unavailable', 'ok'] });
    const api = createFetch({ clock: h.clock, random: () => 0.5 });
    expect(await outcome(api(`${s.url}/v1/things`))).toBe('ok 200');
    expect(s.requests).toHaveLength(3);
    expect(new Set(s.requests.map((r) => r.remotePort)).size).toBe(1);
  });

  it('passes 2xx and 3xx responses through untouched', async () => {
    const s = await serve({ script: [{ type: 'ok', status: 201, body: '{"id":"run_1"}' }, { type: 'ok', status: 304, body: '' }] });
    const api = createFetch({ clock: h.clock });
    const created = await drive(h.clock, api(`${s.url}/v1/runs`, { method: 'POST', body: '{}' }));
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 'run_1' });
    const notModified = await drive(h.clock, api(`${s.url}/v1/runs/1`, { headers: { 'if-none-match': '"a"' } }));
    expect(notModified.status).toBe(304);
  });
});

describe('createFetch: idempotency', () => {
  it('does not retry a non-idempotent POST that gets a 502', async () => {
    const s = await serve({ script: [BAD_GATEWAY, 'ok'] });
    const api = createFetch({ clock: h.clock, random: () => 0.5 });
    const error = await drive(h.clock, api(`${s.url}/v1/orders`, { method: 'POST', body: '{"sku":1}' })).catch((e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('bad_gateway');
    // The caller sees the fault as classified, not as adjusted for this call.
    expect(isFaultError(error) && error.retry).toBe('idempotent');
    expect(s.requests).toHaveLength(1);
  });

  it('retries that POST when the call is marked idempotent (option or per call)', async () => {
    const s = await serve({ script: [BAD_GATEWAY, 'ok', BAD_GATEWAY, 'ok'] });
    expect(await outcome(createFetch({ clock: h.clock, idempotent: true })(`${s.url}/v1/orders`, { method: 'POST', body: '{}' }))).toBe('ok 200');
    expect(await outcome(createFetch({ clock: h.clock })(`${s.url}/v1/orders`, { method: 'POST', body: '{}', idempotent: true }))).toBe('ok 200');
    expect(s.requests).toHaveLength(4);
  });

  it('retries that POST when it carries an Idempotency-Key header', async () => {
    const s = await serve({ script: [BAD_GATEWAY, 'ok'] });
    const api = createFetch({ clock: h.clock });
    expect(await outcome(api(`${s.url}/v1/orders`, { method: 'POST', body: '{}', headers: { 'Idempotency-Key': 'order-7' } }))).toBe('ok 200');
    expect(s.requests.map((r) => r.idempotencyKey)).toEqual(['order-7', 'order-7']);
  });

  it('with idempotencyKey: true, every retry of one call carries the same key, and each call its own', async () => {
    const s = await serve({ script: [BAD_GATEWAY, BAD_GATEWAY, 'ok', 'ok'] });
    const api = createFetch({ clock: h.clock, idempotencyKey: true, random: () => 0.5 });
    expect(await outcome(api(`${s.url}/v1/orders`, { method: 'POST', body: '{"n":1}' }))).toBe('ok 200');
    expect(await outcome(api(`${s.url}/v1/orders`, { method: 'POST', body: '{"n":2}' }))).toBe('ok 200');
    const keys = s.requests.map((r) => r.idempotencyKey);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys.slice(0, 3)).toEqual([keys[0], keys[0], keys[0]]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('adds no key to a GET, and a GET that gets a 502 is retried', async () => {
    const s = await serve({ script: [BAD_GATEWAY, 'ok'] });
    const api = createFetch({ clock: h.clock, idempotencyKey: true });
    expect(await outcome(api(`${s.url}/v1/orders/7`))).toBe('ok 200');
    expect(s.requests.map((r) => r.idempotencyKey)).toEqual([undefined, undefined]);
  });

  it('decides per call even under a user policy built with idempotent: true', async () => {
    const s = await serve({ script: [BAD_GATEWAY, 'ok'] });
    const api = createFetch({ clock: h.clock, policy: retry({ maxRetries: 3, idempotent: true, clock: h.clock, backoff: constantBackoff(10) }) });
    expect(await outcome(api(`${s.url}/v1/orders`, { method: 'POST', body: '{}' }))).toBe('bad_gateway');
    expect(s.requests).toHaveLength(1);
  });

  it('never retries a streamed body, which cannot be sent twice', async () => {
    const s = await serve({ script: ['service_unavailable', 'ok'] });
    const api = createFetch({ clock: h.clock });
    const body = new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode('{}')); c.close(); } });
    expect(await outcome(api(`${s.url}/v1/upload`, { method: 'PUT', body, duplex: 'half' } as RequestInit))).toBe('service_unavailable');
    expect(s.requests).toHaveLength(1);
  });
});

describe('createFetch: requests', () => {
  it('joins baseUrl and relative paths with exactly one slash; absolute URLs pass through', async () => {
    const s = await serve({ script: ['ok', 'ok', 'ok'] });
    const api = createFetch({ clock: h.clock, baseUrl: `${s.url}/api/v1/` });
    await drive(h.clock, api('/runs?x=1'));
    await drive(h.clock, api('runs/2'));
    await drive(h.clock, api(`${s.url}/other`));
    expect(s.requests.map((r) => r.path)).toEqual(['/api/v1/runs?x=1', '/api/v1/runs/2', '/other']);
  });

  it('accepts a Request and retries it with its body intact', async () => {
    const s = await serve({ script: ['service_unavailable', 'ok'] });
    const api = createFetch({ clock: h.clock });
    const request = new Request(`${s.url}/v1/runs`, { method: 'PUT', body: '{"a":1}', headers: { 'x-test': 'yes' } });
    expect(await outcome(api(request))).toBe('ok 200');
    expect(s.requests.map((r) => [r.method, r.body, r.headers['x-test']])).toEqual([
      ['PUT', '{"a":1}', 'yes'],
      ['PUT', '{"a":1}', 'yes'],
    ]);
  });

  it('classifies with the per-call vendor over the option', async () => {
    const s = await serve({ script: [{ type: 'response', status: 429, body: '{"error":{"message":"slow","type":"rate_limit_error"}}' }] });
    const api = createFetch({ clock: h.clock, vendor: 'stripe', policy: retry({ maxRetries: 0 }) });
    const error = await drive(h.clock, api(`${s.url}/x`, { vendor: 'anthropic' })).catch((e: unknown) => e);
    expect(isFaultError(error) && error.vendor).toBe('anthropic');
  });

  it('resilientFetch is a createFetch with the defaults', async () => {
    const s = await serve({ script: ['ok'] });
    const res = await resilientFetch(`${s.url}/ping`);
    expect(res.status).toBe(200);
    await res.text();
  });

  it('validates options once, naming the option', () => {
    expect(() => createFetch({ maxBodyBytes: -1 })).toThrow(new TypeError('createFetch: maxBodyBytes must be an integer >= 0, got -1'));
    expect(() => createFetch({ baseUrl: 'not a url' })).toThrow(/createFetch: baseUrl must be an absolute URL/);
    expect(() => createFetch({ policy: {} as never })).toThrow(/createFetch: policy must be a policy/);
    expect(() => createFetch({ idempotencyKey: 'yes' as never })).toThrow(/createFetch: idempotencyKey must be true, false or a function/);
    expect(() => createFetch({ timeoutMs: 0 })).toThrow(/createFetch: timeoutMs must be a finite number > 0/);
  });
});
