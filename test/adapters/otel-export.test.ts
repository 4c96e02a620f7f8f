/**
 * faultline/otel as a user's dashboard sees it: the Prometheus exporter, started on 127.0.0.1 and
 * scraped over loopback, shows the counters; and createFetch with `observe: instrumentFetch(...)`
 * against a loopback server gives one client span per attempt with the HTTP semantic conventions.
 */
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { instrument, instrumentFetch } from '../../src/adapters/otel.js';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { createFetch } from '../../src/fetch/create-fetch.js';
import { constantBackoff } from '../../src/policy/backoff.js';
import { retry } from '../../src/policy/retry.js';
import { VirtualClock } from '../../src/testing/index.js';
import { collect, sdk, total } from './otel.support.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A port free on 127.0.0.1 now (the exporter reads port 0 as "its default", so it needs a number). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A loopback server answering each request with the next status of `statuses` (the last one repeats). */
async function statusServer(statuses: readonly number[]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    const status = statuses[Math.min(hits++, statuses.length - 1)] as number;
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${hits}` });
    res.end(status < 400 ? '{"ok":true}' : '{"error":{"message":"overloaded"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits };
}

describe('the Prometheus exporter, scraped over loopback', () => {
  it('shows faultline_policy_events with its labels and the duration histograms', async () => {
    const port = await freePort();
    const exporter = new PrometheusExporter({ host: '127.0.0.1', port, preventServerStart: true });
    await exporter.startServer();
    const meterProvider = new MeterProvider({ readers: [exporter] });
    cleanups.push(() => meterProvider.shutdown());
    const clock = new VirtualClock();
    const policy = instrument(retry({ maxRetries: 3, backoff: constantBackoff(10), clock }), { meterProvider, clock, name: 'search' });
    let n = 0;
    const result = policy.execute(() => (++n <= 2 ? Promise.reject(new FaultError(createFault({ code: 'service_unavailable', status: 503 }))) : 'ok'));
    await clock.runAll();
    expect(await result).toBe('ok');
    const scrape = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(scrape).toMatch(/^faultline_policy_events(_total)?\{[^}]*event_name="retry"[^}]*\} 2\b/m);
    const line = scrape.split('\n').find((l) => l.startsWith('faultline_policy_events') && l.includes('event_name="retry"')) ?? '';
    for (const label of ['faultline_policy="retry"', 'faultline_name="search"', 'error_type="service_unavailable"']) expect(line).toContain(label);
    expect(scrape).toMatch(/^faultline_attempt_duration(_seconds)?_count\{[^}]*\} 1$/m);
    expect(scrape).toMatch(/^faultline_call_duration(_seconds)?_count\{[^}]*attempt_number="3"[^}]*\} 1$/m);
  });
});

describe('instrumentFetch: createFetch with a client span per attempt', () => {
  it('503, 503, 200 against a loopback server: three client spans, their statuses, and the policy metrics', async () => {
    const { meterProvider, reader, tracerProvider, spans } = sdk();
    cleanups.push(() => Promise.all([meterProvider.shutdown(), tracerProvider.shutdown()]));
    const server = await statusServer([503, 503, 200]);
    const api = createFetch({ baseUrl: server.url, random: () => 0, observe: instrumentFetch({ meterProvider, tracerProvider, name: 'loopback' }) });
    const res = await api('/v1/items?api_key=sk_live_abcdefghijklmnop');
    expect(res.status).toBe(200);
    expect(server.hits()).toBe(3);
    const finished = spans.getFinishedSpans();
    const port = Number(new URL(server.url).port);
    expect(finished.map((s) => [s.name, s.kind, s.attributes, s.status.code])).toEqual([
      ['GET', SpanKind.CLIENT, { 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'server.port': port, 'http.response.status_code': 503, 'error.type': 'service_unavailable' }, SpanStatusCode.ERROR],
      ['GET', SpanKind.CLIENT, { 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'server.port': port, 'http.request.resend_count': 1, 'http.response.status_code': 503, 'error.type': 'service_unavailable' }, SpanStatusCode.ERROR],
      ['GET', SpanKind.CLIENT, { 'http.request.method': 'GET', 'server.address': '127.0.0.1', 'server.port': port, 'http.request.resend_count': 2, 'http.response.status_code': 200 }, SpanStatusCode.UNSET],
    ]);
    expect(JSON.stringify(finished.map((s) => s.attributes))).not.toContain('sk_live');
    const metrics = await collect(reader);
    expect(total(metrics, 'faultline.policy.events', { 'event.name': 'retry', 'error.type': 'service_unavailable', 'faultline.name': 'loopback' })).toBe(2);
    expect(total(metrics, 'faultline.attempt.duration')).toBe(3);
    expect(total(metrics, 'faultline.call.duration', { 'faultline.outcome': 'success', 'faultline.policy': 'pipeline' })).toBe(1);
  });

  it('an error that ends the call leaves its span with the code and an error status; a user policy is instrumented once', async () => {
    const { meterProvider, reader, tracerProvider, spans } = sdk();
    cleanups.push(() => Promise.all([meterProvider.shutdown(), tracerProvider.shutdown()]));
    const server = await statusServer([404]);
    const policy = instrument(retry({ maxRetries: 1 }), { meterProvider });
    const api = createFetch({ baseUrl: server.url, policy, observe: instrumentFetch({ meterProvider, tracerProvider }) });
    const error = await api('/v1/missing', { method: 'DELETE' }).then(() => undefined, (e: unknown) => e);
    expect(isFaultError(error) && error.code).toBe('not_found');
    expect(spans.getFinishedSpans().map((s) => [s.name, s.attributes['http.response.status_code'], s.attributes['error.type'], s.status.code])).toEqual([['DELETE', 404, 'not_found', SpanStatusCode.ERROR]]);
    expect(total(await collect(reader), 'faultline.call.duration', { 'error.type': 'not_found' })).toBe(1);
  });
});
