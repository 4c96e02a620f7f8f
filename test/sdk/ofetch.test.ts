// ofetch@1 against the loopback server: FetchError keeps status, statusCode, data and
// response._data (the body already parsed); a reset or an abort is a FetchError with the cause.
import { FetchError, createFetch as createOfetch, ofetch } from 'ofetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, createFetch, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { HTTP_FIXTURES, answerOf, drive, httpMatrix, thrownBy } from './http-matrix.js';
import { startLoopback, startSilentServer } from './support.js';

describe('ofetch: the vendor matrix', () => {
  httpMatrix({
    // retry: 0 turns ofetch's own retries off (by default it retries GETs on 408/409/425/429/5xx).
    call: (url) => ofetch(url, { retry: 0 }),
    isClientError: (value) => value instanceof FetchError,
    // AWS's application/x-amz-json-1.0 is no JSON type to ofetch: it keeps the body as a Blob.
    unreadBody: ['aws/dynamodb-provisioned-throughput'],
  });
});

describe("ofetch: faultline's fetch as ofetch's fetch", () => {
  it('createFetch({ throwOnError: false }) keeps HTTP errors FetchErrors with their data, and one retry loop', async () => {
    const declined = HTTP_FIXTURES.find((f) => f.name === 'stripe/card-declined-generic')!;
    const server = await startLoopback([answerOf(declined)]);
    try {
      const clock = new VirtualClock();
      const $fetch = createOfetch({ fetch: createFetch({ throwOnError: false, clock, policy: retry({ maxRetries: 2, clock }) }) });
      const error = await thrownBy(() => $fetch(server.url, { method: 'POST', retry: 0 }));
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).status).toBe(402);
      expect([classify(error).code, classify(error).vendorCode]).toEqual(['payment_required', 'generic_decline']);
      expect(server.requests).toHaveLength(1);
      // A 503 is retried by faultline's loop alone (ofetch's retry: 0): 3 requests.
      server.script([{ status: 503, headers: { 'content-type': 'text/plain' }, body: 'no healthy upstream' }]);
      const outcome = await drive($fetch(server.url, { retry: 0 }).then(() => undefined), clock);
      expect((outcome as { error: unknown }).error).toBeInstanceOf(FetchError);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe('ofetch: deadlines and cancels', () => {
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let url = '';
  beforeAll(async () => {
    silent = await startSilentServer();
    url = silent.url;
  });
  afterAll(() => silent.close());

  it('its `timeout` option (a FetchError over a TimeoutError) is client_timeout', async () => {
    const error = await thrownBy(() => ofetch(url, { retry: 0, timeout: 20 }));
    expect(error).toBeInstanceOf(FetchError);
    expect(classify(error).code).toBe('client_timeout');
  });

  it('an aborted signal (a FetchError over an AbortError) is cancelled', async () => {
    const error = await thrownBy(() => ofetch(url, { retry: 0, signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(FetchError);
    expect([classify(error).code, classify(error).retry]).toEqual(['cancelled', 'never']);
  });
});
