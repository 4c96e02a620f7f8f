/**
 * @qdrant/js-client-rest against a loopback server answering as Qdrant does (test/fixtures/sdk/qdrant.json). A refusal
 * is the fetcher's ApiError (@qdrant/openapi-typescript-fetch): `status`, `headers` and the parsed body as `data`, so
 * classify reads it as the response. A 429 with Retry-After is QdrantClientResourceExhaustedError instead, which keeps
 * only the status text and `retry_after` in seconds, taken from the header's FIRST CHARACTER (the SDK reads
 * `headers.get('retry-after')?.[0]`): "12" becomes 1. The client retries nothing itself and has no knob for it.
 */
import { QdrantClient, QdrantClientResourceExhaustedError, QdrantClientTimeoutError } from '@qdrant/js-client-rest';
import { ApiError } from '@qdrant/openapi-typescript-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback, startSilentServer } from './support.js';

type QdrantFixture = SdkFixture & { readonly operation: 'get' | 'upsert'; readonly error: 'ApiError' | 'QdrantClientResourceExhaustedError' };
const fixtures = loadFixtures('qdrant') as readonly QdrantFixture[];
const apiErrors = fixtures.filter((f) => f.error === 'ApiError');
const exhausted = fixtures.find((f) => f.error === 'QdrantClientResourceExhaustedError')!;
// An upsert Qdrant has taken, in its ApiResponse envelope (src/actix/helpers.rs): result, status "ok", time.
const UPSERTED = { result: { operation_id: 0, status: 'completed' }, status: 'ok', time: 0.002 };

let server: Loopback;
let qdrant: QdrantClient;

beforeAll(async () => {
  server = await startLoopback();
  // checkCompatibility: false keeps the client from asking the server's version first.
  qdrant = new QdrantClient({ url: server.url, checkCompatibility: false });
});
afterAll(() => server.close());

const calls: Record<QdrantFixture['operation'], (c: QdrantClient) => Promise<unknown>> = {
  get: (c: QdrantClient) => c.getCollection('pretty_colors'),
  upsert: (c: QdrantClient) => c.upsert('pretty_colors', { wait: true, points: [{ id: 1, vector: Array.from({ length: 1536 }, () => 0.1) }] }),
};
const call = (fixture: QdrantFixture, c = qdrant) => () => calls[fixture.operation](c);

const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers ?? {}, body: JSON.stringify(fixture.response.body) });

describe('qdrant: classify(ApiError) from the vendor responses', () => {
  for (const fixture of apiErrors) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call(fixture));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: fixture.response.status, data: fixture.response.body });
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
      // The error's own message is only the status text.
      expect((error as Error).message).not.toBe(fault.message);
    });
  }
});

describe('qdrant: QdrantClientResourceExhaustedError (a 429 with Retry-After)', () => {
  it(exhausted.name, async () => {
    server.script([exhausted.response]);
    const error = await thrown(call(exhausted));
    expect(error).toBeInstanceOf(QdrantClientResourceExhaustedError);
    expect(error).toMatchObject({ message: 'Too Many Requests', retry_after: 1 });
    expectFault(classify(error), exhausted.expected);
  });

  it("a Retry-After of two digits: the SDK keeps its first, and classify reads the SDK's retry_after", async () => {
    // The fixture's response with a wait of two digits: Qdrant sends the seconds until its limiter refills, ceiled
    // (src/actix/helpers.rs), which run past 9 under a low write limit; 12 is picked to show what the SDK keeps.
    server.script([{ ...exhausted.response, headers: { 'retry-after': '12' } }]);
    const error = await thrown(call(exhausted));
    expect(error).toMatchObject({ retry_after: 1 });
    expect(classify(error)).toMatchObject({ code: 'rate_limited', retryAfterMs: 1000 });
  });

  it('a 429 without Retry-After stays the ApiError, read with its body', async () => {
    // helpers.rs sends Retry-After only when the limiter gave a wait.
    const noHint = { status: 429, body: exhausted.response.body! };
    server.script([noHint]);
    const error = await thrown(call(exhausted));
    expect(error).toBeInstanceOf(ApiError);
    expect(essentials(classify(error))).toEqual(essentials(classify(raw({ ...exhausted, response: noHint }))));
  });
});

describe('qdrant: network failures', () => {
  it('a refused connection (fetch failed, ECONNREFUSED underneath) is connect_failed', async () => {
    const refused = new QdrantClient({ url: await closedPortUrl(), checkCompatibility: false });
    const error = await thrown(() => refused.getCollection('pretty_colors'));
    expect(error).toBeInstanceOf(TypeError);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
  });

  it("a server that never answers: the client's `timeout` throws QdrantClientTimeoutError, client_timeout", async () => {
    const silent = await startSilentServer();
    try {
      // The client's own deadline (50 ms): the only real wait in this file.
      const hung = new QdrantClient({ url: silent.url, checkCompatibility: false, timeout: 50 });
      const error = await thrown(() => hung.getCollection('pretty_colors'));
      expect(error).toBeInstanceOf(QdrantClientTimeoutError);
      expect(classify(error)).toMatchObject({ code: 'client_timeout', retry: 'idempotent' });
    } finally {
      await silent.close();
    }
  });
});

describe('qdrant: retry({ maxRetries: 2 }) around the client', () => {
  it("a 429 waits the client's retry_after on the clock, then the upsert is taken", async () => {
    server.script([exhausted.response, { status: 200, body: UPSERTED }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(exhausted)));
    expect(result).toMatchObject({ ok: true, value: { status: 'completed' } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('Retry-After: 12 is waited as 1 s, what the SDK kept', async () => {
    server.script([{ ...exhausted.response, headers: { 'retry-after': '12' } }, { status: 200, body: UPSERTED }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(exhausted)));
    expect(result.ok).toBe(true);
    expect(clock.sleeps).toEqual([1000]);
  });

  for (const fixture of apiErrors) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(fixture)));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
