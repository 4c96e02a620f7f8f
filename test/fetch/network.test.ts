// Network failures through createFetch on real sockets: each maps to its catalog code, keeps the
// original error as cause, and leaves no socket, timer or listener behind.
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isFaultError } from '../../src/core/fault.js';
import { createFetch } from '../../src/entry/batteries.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry } from '../../src/policy/retry.js';
import { timeout } from '../../src/policy/timeout.js';
import { drive, until, useChaosHarness } from './helpers.js';

const h = useChaosHarness();

/** A port that was just listening and is now closed: connecting is refused. */
async function refusedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address = s.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

function codeOf(error: unknown): string {
  return isFaultError(error) ? error.code : `not a FaultError: ${String(error)}`;
}

describe('createFetch: network failures', () => {
  it('a refused port is connect_failed, retried (the request never left), with the original as cause', async () => {
    const port = await refusedPort();
    const api = createFetch({ clock: h.clock, random: () => 0.5, timeoutMs: 10_000 });
    const error = await drive(h.clock, api(`http://127.0.0.1:${port}/v1/runs`, { method: 'POST', body: '{}' })).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('connect_failed');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    // connect_failed is retried even for a POST: 3 retries after the first attempt.
    expect(h.clock.sleeps).toHaveLength(3);
  });

  it('a reset mid-response is connection_reset, and a POST is not retried', async () => {
    const server = await h.serve({ vendor: 'stripe', script: ['reset', 'ok'] });
    const api = createFetch({ clock: h.clock });
    const error = await drive(h.clock, api(`${server.url}/v1/charges`, { method: 'POST', body: '{}' })).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('connection_reset');
    expect((error as Error).cause).toBeDefined();
    expect(server.requests).toHaveLength(1);
  });

  it('a reset mid-response on a GET is retried', async () => {
    const server = await h.serve({ vendor: 'stripe', script: ['reset', 'ok'] });
    const res = await drive(h.clock, createFetch({ clock: h.clock })(`${server.url}/v1/charges/ch_1`));
    expect(res.status).toBe(200);
    await res.text();
    expect(server.requests).toHaveLength(2);
  });

  it('a socket closed before the headers is connection_reset', async () => {
    const server = await h.serve({ vendor: 'stripe', script: ['close'] });
    const error = await drive(h.clock, createFetch({ clock: h.clock, policy: retry({ maxRetries: 0 }) })(`${server.url}/x`)).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('connection_reset');
  });

  it('a hang under a timeout is client_timeout, once per attempt', async () => {
    const server = await h.serve({ vendor: 'stripe', script: ['hang', 'hang'] });
    const api = createFetch({ clock: h.clock, policy: pipeline(retry({ maxRetries: 1, clock: h.clock, idempotent: true, random: () => 0 }), timeout({ timeoutMs: 5_000, clock: h.clock })) });
    const call = api(`${server.url}/v1/models`).catch((e: unknown) => e);
    await until(() => server.requests.length === 1, 'first request');
    await h.clock.advance(5_000);
    await until(() => server.requests.length === 2, 'second request');
    await h.clock.advance(5_000);
    const error = await call;
    expect(codeOf(error)).toBe('client_timeout');
  });

  it('the caller aborting an attempt in flight is cancelled, not retried', async () => {
    const server = await h.serve({ vendor: 'stripe', script: ['hang', 'ok'] });
    const controller = new AbortController();
    const call = createFetch({ clock: h.clock })(`${server.url}/v1/models`, { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => server.requests.length === 1, 'first request');
    controller.abort();
    expect(codeOf(await call)).toBe('cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('the caller aborting during a retry wait is cancelled at once', async () => {
    const server = await h.serve({ vendor: 'stripe', script: [{ type: 'fault', fault: { code: 'rate_limited', retryAfterMs: 30_000 } }, 'ok'] });
    const controller = new AbortController();
    const call = createFetch({ clock: h.clock })(`${server.url}/v1/models`, { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => h.clock.sleeps.length === 1, 'retry sleep');
    expect(h.clock.sleeps).toEqual([30_000]);
    controller.abort();
    expect(codeOf(await call)).toBe('cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const server = await h.serve({ vendor: 'stripe', script: ['ok'] });
    const error = await createFetch({ clock: h.clock })(`${server.url}/x`, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('cancelled');
    expect(server.requests).toHaveLength(0);
  });
});
