/**
 * @google-cloud/storage against a loopback server answering as storage.googleapis.com's JSON API does
 * (test/fixtures/sdk/google-cloud-storage.json: public issues printing the JSON API's error bodies). `apiEndpoint` points
 * the client at 127.0.0.1, which also turns its authentication off, so no token is fetched. A response of 400 or more throws
 * ApiError (from its nodejs-common util): `code` is the HTTP status (a number), `errors` the envelope's `errors[]` (each
 * `{message, domain, reason}`), `message` Google's `error.message` and `response` the teeny-request response (a stream
 * with `statusCode`, `headers` as a plain record and `body` the text). A failure with no response is node-fetch's
 * FetchError with the system `code` (ECONNRESET, ECONNREFUSED). The client retries 408/429/5xx and network errors by default
 * (`retryOptions.autoRetry`, 3 retries): `autoRetry: false, maxRetries: 0` turns it off.
 */
import { ApiError, Storage } from '@google-cloud/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('google-cloud-storage');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

/** GET /storage/v1/b/my-bucket/o/report.pdf with the client's retries off. */
const getMetadata = (base = server.url) => async () => {
  const storage = new Storage({ apiEndpoint: base, projectId: 'not-a-project', retryOptions: { autoRetry: false, maxRetries: 0 } });
  const [metadata] = await storage.bucket('my-bucket').file('report.pdf').getMetadata();
  return metadata;
};
const object = { kind: 'storage#object', id: 'my-bucket/report.pdf/1', name: 'report.pdf', bucket: 'my-bucket', generation: '1' };

const bodyText = (body: string | object | undefined) => (typeof body === 'string' ? body : JSON.stringify(body));
const raw = (f: (typeof fixtures)[number]) => ({ status: f.response.status, headers: f.response.headers ?? {}, body: bodyText(f.response.body) });

describe('google-cloud-storage: classify(ApiError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getMetadata());
      expect(error).toBeInstanceOf(ApiError);
      const apiError = error as ApiError;
      expect(apiError.code).toBe(fixture.response.status);
      expect(apiError.errors?.[0]?.reason).toBe(fixture.expected.vendorCode);
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('the ApiError gives what the raw response gives', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(getMetadata());
      expect(essentials(classify(error))).toEqual(essentials(classify(raw(fixture))));
    }
  });
});

describe('google-cloud-storage: failures with no response', () => {
  it('a connection reset is FetchError ECONNRESET and connection_reset, with no status', async () => {
    server.script(['reset']);
    const error = await thrown(getMetadata());
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as { code?: unknown }).code).toBe('ECONNRESET');
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connection_reset', 'idempotent', undefined]);
  });

  it('a refused connection is FetchError ECONNREFUSED and connect_failed, with no status', async () => {
    const error = await thrown(getMetadata(await closedPortUrl()));
    expect((error as { code?: unknown }).code).toBe('ECONNREFUSED');
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('google-cloud-storage: retry({ maxRetries: 2 }) around the SDK', () => {
  const unavailable = fixtures.find((f) => f.response.status === 503)!;
  const login = fixtures.find((f) => f.response.status === 401)!;

  it('a 503 backendError is retried and the call succeeds', async () => {
    server.script([unavailable.response, { status: 200, body: object }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getMetadata()));
    expect(result).toMatchObject({ ok: true, value: { name: 'report.pdf' } });
    expect(server.requests).toHaveLength(2);
    // No Retry-After: the policy waits its own backoff, once.
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a 401 Login Required is sent once', async () => {
    server.script([login.response, { status: 200, body: object }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(getMetadata()));
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    const { fault, cause } = (result as { error: FaultError }).error;
    expectFault(fault, login.expected);
    expect(cause).toBeInstanceOf(ApiError);
  });
});
