/**
 * meilisearch (meilisearch-js) against a loopback server answering as a Meilisearch instance does
 * (test/fixtures/sdk/meilisearch.json). Its MeilisearchApiError keeps the fetch Response (status, headers) as `response`
 * and the parsed body as `cause` ({message, code, type, link}); classify reads both. The SDK retries nothing itself.
 */
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('meilisearch');
let server: Loopback;
let client: Meilisearch;

beforeAll(async () => {
  server = await startLoopback();
  client = new Meilisearch({ host: server.url, apiKey: 'not-a-master-key' });
});
afterAll(() => server.close());

const search = () => client.index('movies').search('american');

type Body = { readonly message: string; readonly code: string; readonly type: string; readonly link: string };
const body = (fixture: SdkFixture) => fixture.response.body as Body;
const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers, body: JSON.stringify(fixture.response.body) });
const FOUND = { status: 200, body: { hits: [], query: 'american', processingTimeMs: 0, limit: 20, offset: 0, estimatedTotalHits: 0 } } as const;

describe('meilisearch: classify(MeilisearchApiError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(search);
      expect(error).toBeInstanceOf(MeilisearchApiError);
      expect((error as MeilisearchApiError).response.status).toBe(fixture.response.status);
      // The whole body is kept, parsed, as `cause`: the Fault is the response's, vendor code and wait included.
      expect((error as MeilisearchApiError).cause).toEqual(body(fixture));
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.vendorCode).toBe(body(fixture).code);
      expect(fault.message).toBe(body(fixture).message);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }
});

describe('meilisearch: a refused connection', () => {
  it('is a MeilisearchRequestError over fetch\'s TypeError: connect_failed, retried', async () => {
    const refused = new Meilisearch({ host: await closedPortUrl() });
    const query = () => refused.index('movies').search('american');
    const error = await thrown(query);
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    expect(clock.sleeps).toHaveLength(2);
  });
});

describe('meilisearch: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a full search queue (503) waits the Retry-After Meilisearch sent, then the search answers', async () => {
    const busy = fixtures.find((f) => f.response.status === 503)!;
    server.script([busy.response, FOUND]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(search));
    expect(result).toMatchObject({ ok: true, value: { hits: [], estimatedTotalHits: 0 } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([10_000]);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(search));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault.code).toBe(fixture.expected.code);
      expect(error.cause).toBeInstanceOf(MeilisearchApiError);
    });
  }
});
