/**
 * @linear/sdk against a loopback server. A refused or reset connection is an UnknownLinearError ('Fetch failed') whose
 * `raw` is undici's TypeError, its `cause.code` the socket's error: classify reads `raw` as the cause it is. The SDK
 * retries nothing itself. (Its GraphQL errors keep `raw.response` with the body, status and Headers; Linear answers a
 * rate limit with a 400 RATELIMITED and its reset in `x-ratelimit-requests-reset`, epoch ms: no public response shows
 * that body whole, so the header is checked on raw responses in test/vendors/session37-sdk-shapes.test.ts.)
 */
import { LinearClient, UnknownLinearError } from '@linear/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, startLoopback } from './support.js';

const KEY = 'lin_api_NotARealKey0000000000000000000000000';
const VIEWER = { data: { viewer: { id: 'a3b4c5d6-0000-4000-8000-000000000001', name: 'Test User', email: 'test@example.com' } } };
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const viewer = (baseUrl = server.url) => () => new LinearClient({ apiKey: KEY, apiUrl: `${baseUrl}/graphql` }).viewer;

describe('linear: a connection that fails', () => {
  it('a refused connection (UnknownLinearError, raw TypeError with cause.code ECONNREFUSED) is connect_failed', async () => {
    const error = await thrown(viewer(await closedPortUrl()));
    expect(error).toBeInstanceOf(UnknownLinearError);
    const rawError = (error as UnknownLinearError).raw as unknown as { cause?: { code?: string } };
    expect(rawError).toBeInstanceOf(TypeError);
    expect(rawError.cause?.code).toBe('ECONNREFUSED');
    expectFault(classify(error), { code: 'connect_failed', retry: 'always', status: undefined });
  });

  it('a reset after the request (raw TypeError with cause.code UND_ERR_SOCKET) is connection_reset', async () => {
    server.script(['reset']);
    const error = await thrown(viewer());
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(UnknownLinearError);
    expect(((error as UnknownLinearError).raw as unknown as { cause?: { code?: string } }).cause?.code).toBe('UND_ERR_SOCKET');
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent', status: undefined });
  });
});

describe('linear: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a reset query is retried when the caller says it is idempotent, and answers', async () => {
    server.script(['reset', { status: 200, body: VIEWER }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(viewer()));
    expect(result).toMatchObject({ ok: true, value: { id: VIEWER.data.viewer.id } });
    expect(server.requests).toHaveLength(2);
  });
});
