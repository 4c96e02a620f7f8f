/**
 * @microsoft/microsoft-graph-client against a loopback server answering as graph.microsoft.com does
 * (test/fixtures/sdk/microsoft-graph.json). Its GraphError keeps the status as `statusCode`, the envelope's
 * `error.code` as `code`, the inner error's `request-id` as `requestId`, the response's Headers as `headers`, and
 * `body` = the `error` member (not the whole envelope) as a JSON string. A refused or reset connection becomes a
 * GraphError with statusCode -1, code 'TypeError', message 'fetch failed', body 'TypeError: fetch failed' and no
 * cause: nothing tells whether the request went out. The SDK's RetryHandler (3 retries on 429/503/504) is in the
 * default chain; each request here turns it off with RetryHandlerOptions(0, 0).
 */
import { Client, GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('microsoft-graph');
// The SDK sends the token only to https Graph hosts, so none reaches the http loopback.
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJub3QiOiJhLXRva2VuIn0.fake';
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const graph = (baseUrl: string) => Client.init({ authProvider: (done) => done(null, TOKEN), baseUrl: `${baseUrl}/`, defaultVersion: 'v1.0' });
const getItem = (baseUrl = server.url) => () => graph(baseUrl).api('/me/drive/items/01ABC').middlewareOptions([new RetryHandlerOptions(0, 0)]).get();

const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers ?? {}, body: JSON.stringify(fixture.response.body) });
/** The SDK keeps the `error` member, not the envelope: all but which profile read it must match the response's. */
const sameAsBody = (fault: Fault) => {
  const { vendor: _vendor, ...rest } = essentials(fault);
  return rest;
};

describe('microsoft-graph: classify(GraphError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getItem());
      expect(error).toBeInstanceOf(GraphError);
      const graphError = error as GraphError;
      const envelope = fixture.response.body as { error: { code: string } };
      expect(graphError.statusCode).toBe(fixture.response.status);
      expect(graphError.code).toBe(envelope.error.code);
      expect(typeof graphError.body).toBe('string');
      expect(JSON.parse(graphError.body as string)).toEqual(envelope.error);
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('the GraphError reads as the raw response does', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(getItem());
      expect(sameAsBody(classify(error)), fixture.name).toEqual(sameAsBody(classify(raw(fixture))));
    }
  });
});

describe('microsoft-graph: a connection that fails', () => {
  it('a refused connection (GraphError statusCode -1, "fetch failed", no cause) is connection_reset: whether it was sent cannot be told', async () => {
    const error = await thrown(getItem(await closedPortUrl()));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: -1, code: 'TypeError', message: 'fetch failed' });
    expect((error as Error).cause).toBeUndefined();
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent', status: undefined });
  });

  it('a reset after the request (the same GraphError) is connection_reset, retried only when idempotent', async () => {
    server.script(['reset']);
    const error = await thrown(getItem());
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ statusCode: -1, code: 'TypeError', message: 'fetch failed' });
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent', status: undefined });
  });
});

describe('microsoft-graph: retry({ maxRetries: 2 }) around the SDK', () => {
  const throttled = fixtures.find((f) => f.response.status === 429)!;
  const item = { id: '01ABC', name: 'report.docx' };

  it('a 429 waits the Retry-After Graph sent (41 s) and the call succeeds', async () => {
    server.script([throttled.response, { status: 200, body: item }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getItem()));
    expect(result).toMatchObject({ ok: true, value: item });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([41000]);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response, { status: 200, body: item }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getItem()));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
