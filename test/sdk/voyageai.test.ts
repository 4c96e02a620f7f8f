/**
 * voyageai (Fern-generated) against a loopback server. Its VoyageAIError keeps the status as `statusCode`, the parsed
 * body (`{"detail": …}`) as `body` and the response as `rawResponse`. No HTTP error is served: Voyage's docs
 * (https://docs.voyageai.com/docs/error-codes) list the statuses but show no body, and no public report shows one.
 * What is checked here is the connection: a refused or reset connection is a
 * VoyageAIError whose message is 'fetch failed' with no status and no cause, so nothing tells whether the request
 * went out. The SDK retries 408/429/5xx twice by default; `maxRetries: 0` here.
 */
import { VoyageAIClient, VoyageAIError } from 'voyageai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, startLoopback } from './support.js';

const KEY = 'pa-NotARealKey0000000000000000000000000000';
// A successful /v1/embeddings answer, only the members the SDK hands back.
const EMBEDDED = { object: 'list', data: [{ object: 'embedding', embedding: [0.01, -0.02], index: 0 }], model: 'voyage-3', usage: { total_tokens: 1 } };
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const embed = (baseUrl = server.url) => () =>
  new VoyageAIClient({ apiKey: KEY, baseUrl, maxRetries: 0, timeoutInSeconds: 5 }).embed({ input: ['hello'], model: 'voyage-3' });

describe('voyageai: a connection that fails', () => {
  it("a refused connection (VoyageAIError 'fetch failed', no cause) is connection_reset: whether it was sent cannot be told", async () => {
    const error = await thrown(embed(await closedPortUrl()));
    expect(error).toBeInstanceOf(VoyageAIError);
    expect((error as VoyageAIError).statusCode).toBeUndefined();
    expect((error as Error).message).toContain('fetch failed');
    expect((error as Error).cause).toBeUndefined();
    const fault = classify(error);
    expectFault(fault, { code: 'connection_reset', retry: 'idempotent', status: undefined });
    expect(JSON.stringify(fault)).not.toContain(KEY);
  });

  it('a reset after the request (the same VoyageAIError) is connection_reset', async () => {
    server.script(['reset']);
    const error = await thrown(embed());
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(error).toBeInstanceOf(VoyageAIError);
    expect((error as Error).message).toContain('fetch failed');
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent', status: undefined });
  });
});

describe('voyageai: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a reset embed is retried when the caller says it is idempotent, and the embedding comes back', async () => {
    server.script(['reset', { status: 200, body: EMBEDDED }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(embed()));
    expect(result).toMatchObject({ ok: true, value: { model: 'voyage-3' } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('without `idempotent: true` a reset embed (a POST) is sent once', async () => {
    server.script(['reset', { status: 200, body: EMBEDDED }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(embed()));
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expectFault((result as { error: FaultError }).error.fault, { code: 'connection_reset', retry: 'idempotent' });
  });
});
