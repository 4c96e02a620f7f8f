/**
 * algoliasearch (v5, Algolia's JavaScript client) against a loopback server answering as {appId}-dsn.algolia.net does
 * (test/fixtures/sdk/algolia.json). Its ApiError keeps the status and the body's `message` as its own message (with
 * " (Correlation-ID: …)" appended when that header came), DetailedApiError the body's `error` too, and each keeps the
 * answers it got in its `stackTrace` (status, headers, the body's text): classify reads the last one, so the Fault is
 * the response's. The transporter retries a 429 on the same host (`maxRateLimitRetries`, off here) and takes any other
 * non-2xx, non-4xx answer as the host's failure: with one host, a RetryError, whose stack trace is read the same way.
 */
import { ApiError, DetailedApiError, RetryError } from '@algolia/client-common';
import { algoliasearch } from 'algoliasearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback, startSilentServer } from './support.js';

const fixtures = loadFixtures('algolia');
const KEY = 'algolia-admin-key-not-real';
let server: Loopback;
let client: ReturnType<typeof algoliasearch>;

beforeAll(async () => {
  server = await startLoopback();
  // One host, and the SDK's own 429 retries (which sleep Retry-After on the real clock) off.
  client = algoliasearch('APPID', KEY, { hosts: [{ url: new URL(server.url).host, accept: 'readWrite', protocol: 'http' }], maxRateLimitRetries: 0 });
});
afterAll(() => server.close());

const search = () => client.searchSingleIndex({ indexName: 'products', searchParams: { query: 'phone' } });

type Body = { readonly message: string; readonly error?: unknown };
const body = (fixture: SdkFixture) => fixture.response.body as Body;
const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers, body: JSON.stringify(fixture.response.body) });
const answered = fixtures.filter((f) => f.response.status < 500);
const hostDown = fixtures.find((f) => f.response.status === 500)!;
const FOUND = { status: 200, body: { hits: [], nbHits: 0 } } as const;


describe('algolia: classify(ApiError) from the vendor responses', () => {
  for (const fixture of answered) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(search);
      expect(error).toBeInstanceOf(body(fixture).error === undefined ? ApiError : DetailedApiError);
      expect((error as ApiError).status).toBe(fixture.response.status);
      // A 4xx is no host failure; a 429 would be waited out on the same host, but maxRateLimitRetries is 0.
      expect(server.requests).toHaveLength(1);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // The last answer of its stack trace is the response: the same Fault, request id (Correlation-ID) and wait included.
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the body's message is the Fault's, without the SDK's \" (Correlation-ID: …)\"", async () => {
    expect(answered.some((f) => f.response.headers?.['correlation-id'] !== undefined)).toBe(true);
    for (const fixture of answered) {
      server.script([fixture.response]);
      const error = (await thrown(search)) as ApiError;
      expect(error.message.startsWith(body(fixture).message)).toBe(true);
      expect(classify(error).message).toBe(body(fixture).message);
    }
  });

  it('the API key the SDK sent appears in no Fault', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(search);
      expect(server.requests[0]!.headers['x-algolia-api-key']).toBe(KEY);
      expect(JSON.stringify(classify(error))).not.toContain(KEY);
    }
  });
});

describe('algolia: the transporter with one host', () => {
  it('a 500 is the host failing: a RetryError after one request, the response only in its stack trace', async () => {
    server.script([hostDown.response]);
    const error = await thrown(search);
    expect(error).toBeInstanceOf(RetryError);
    expect(server.requests).toHaveLength(1);
    const frames = (error as RetryError).stackTrace;
    expect(frames).toHaveLength(1);
    expect(frames[0]!.request.headers['x-algolia-api-key']).toBe('*****');
    const { status, headers, content } = frames[0]!.response;
    expectFault(classify(error), hostDown.expected);
    expect(essentials(classify(error))).toEqual(essentials(classify({ status, headers, body: content })));
  });

  it('a refused connection is connect_failed, retried: the RetryError keeps the socket error as an answer of status 0', async () => {
    const url = new URL(await closedPortUrl());
    const refused = algoliasearch('APPID', KEY, { hosts: [{ url: url.host, accept: 'readWrite', protocol: 'http' }] });
    const query = () => refused.searchSingleIndex({ indexName: 'products' });
    const error = (await thrown(query)) as RetryError;
    expect(error).toBeInstanceOf(RetryError);
    expect(error.stackTrace.at(-1)?.response).toMatchObject({ status: 0, isTimedOut: false });
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    expect(clock.sleeps).toHaveLength(2);
  });

  it("a host that never answers is the client's own timeout (client_timeout)", async () => {
    const silent = await startSilentServer();
    try {
      // The transporter's own deadline (50 ms): the only real wait in this file.
      const hung = algoliasearch('APPID', KEY, { hosts: [{ url: new URL(silent.url).host, accept: 'readWrite', protocol: 'http' }], timeouts: { connect: 50, read: 50, write: 50 } });
      const error = (await thrown(() => hung.searchSingleIndex({ indexName: 'products' }))) as RetryError;
      expect(error.stackTrace.at(-1)?.response).toMatchObject({ status: 0, isTimedOut: true });
      expect(classify(error)).toMatchObject({ code: 'client_timeout', retry: 'idempotent' });
    } finally {
      await silent.close();
    }
  });

  it('the host that failed is asked again on the next call', async () => {
    server.script([hostDown.response, FOUND]);
    expect(await thrown(search)).toBeInstanceOf(RetryError);
    expect(await search()).toMatchObject({ nbHits: 0 });
    expect(server.requests).toHaveLength(2);
  });
});

describe('algolia: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 is retried and the search answers', async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, FOUND]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(search));
    expect(result).toMatchObject({ ok: true, value: { nbHits: 0 } });
    expect(server.requests).toHaveLength(2);
    // The Retry-After the SDK kept in its stack trace, not a backoff of the policy's own.
    expect(clock.sleeps).toEqual([2000]);
  });

  for (const fixture of answered.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(search));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault.code).toBe(fixture.expected.code);
      expect(error.cause).toBeInstanceOf(ApiError);
    });
  }
});
