// ky@1 against the loopback server: HTTPError holds the fetch Response with its body unread, so
// only the async path (`classifyResponse`, which every policy uses) sees an `insufficient_quota`.
import ky, { HTTPError, TimeoutError } from 'ky';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, classifyResponse, createFetch, pipeline, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { HTTP_FIXTURES, answerOf, drive, httpMatrix, retried, thrownBy } from './http-matrix.js';
import { startLoopback, startSilentServer } from './support.js';

// A reset surfaces as fetch's TypeError('fetch failed'); an HTTP error as HTTPError.
const isKyError = (value: unknown): boolean => value instanceof HTTPError || value instanceof TimeoutError || value instanceof TypeError;

describe('ky: the vendor matrix', () => {
  httpMatrix({
    // retry: 0 turns ky's own retries off.
    call: (url) => ky(url, { retry: 0 }),
    isClientError: isKyError,
    unreadBody: true,
  });
});

describe('ky: the unread body', () => {
  const quota = HTTP_FIXTURES.find((f) => f.name === 'openai/429-insufficient-quota');

  it('sync classify sees status and headers only; classifyResponse and retry() read the body', async () => {
    const server = await startLoopback([answerOf(quota!)]);
    try {
      const error = await thrownBy(() => ky(server.url, { retry: 0 }));
      // Sync: a 429 with nothing read is a rate limit; the body says billing.
      expect(classify(error).code).toBe('rate_limited');
      const other = await thrownBy(() => ky(server.url, { retry: 0 }));
      expect((await classifyResponse(other)).code).toBe('quota_exhausted');
      server.script([answerOf(quota!)]);
      const { result } = await retried({ call: (url) => ky(url, { retry: 0 }), isClientError: isKyError }, server.url);
      expect(result.ok).toBe(false);
      // Read on the async path: a billing error is not retried.
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe("ky: faultline's fetch as ky's fetch", () => {
  it('createFetch({ throwOnError: false }) keeps HTTP errors ky HTTPErrors, and one retry loop', async () => {
    const server = await startLoopback([answerOf(HTTP_FIXTURES.find((f) => f.name === 'openai/401-invalid-api-key-redacted')!)]);
    try {
      const clock = new VirtualClock();
      const api = ky.create({ retry: 0, fetch: createFetch({ throwOnError: false, clock, policy: pipeline(retry({ maxRetries: 2, clock })) }) });
      const error = await thrownBy(() => api(server.url));
      expect(error).toBeInstanceOf(HTTPError);
      expect((await classifyResponse(error)).code).toBe('unauthenticated');
      expect(server.requests).toHaveLength(1);
      // A 503 is retried by faultline's loop alone: 3 requests, not 3 × ky's.
      server.script([{ status: 503, headers: { 'content-type': 'text/plain' }, body: 'no healthy upstream' }]);
      const outcome = await drive(api(server.url).then(() => undefined), clock);
      expect(outcome.ok).toBe(false);
      expect((outcome as { error: unknown }).error).toBeInstanceOf(HTTPError);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe('ky: deadlines and cancels', () => {
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let url = '';
  beforeAll(async () => {
    silent = await startSilentServer();
    url = silent.url;
  });
  afterAll(() => silent.close());

  it("its `timeout` option (ky's TimeoutError) is client_timeout", async () => {
    const error = await thrownBy(() => ky(url, { retry: 0, timeout: 20 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(classify(error).code).toBe('client_timeout');
  });

  it('an aborted signal (DOMException AbortError) is cancelled', async () => {
    const error = await thrownBy(() => ky(url, { retry: 0, signal: AbortSignal.abort() }));
    expect([classify(error).code, classify(error).retry]).toEqual(['cancelled', 'never']);
  });
});
