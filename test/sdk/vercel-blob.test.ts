/**
 * @vercel/blob against a loopback server answering as the Vercel Blob API does (test/fixtures/sdk/vercel-blob.json: the
 * SDK's own tests). The SDK reads `{ error: { code, message } }` from a failed response and throws one Blob* error per
 * code (getBlobError): the error keeps only its class and a message of its own ("Vercel Blob: …"), no status, no
 * headers, no body, no code; BlobServiceRateLimited alone keeps a number, `retryAfter` (seconds, from Retry-After). The
 * API URL comes from VERCEL_BLOB_API_URL; the SDK retries unknown_error / service_unavailable / internal_server_error
 * and network errors itself, VERCEL_BLOB_RETRIES times (10 by default, real sleeps): 0 here. A failed fetch rejects
 * with undici's TypeError('fetch failed') and its cause.
 */
import * as blob from '@vercel/blob';
import { BlobServiceRateLimited, head } from '@vercel/blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type BlobFixture = SdkFixture & { readonly errorClass: string };
const fixtures = loadFixtures('vercel-blob') as readonly BlobFixture[];
const TOKEN = 'vercel_blob_rw_fakeStoreId_NotARealToken0000000000';
const BLOB_URL = 'https://fakestoreid.public.blob.vercel-storage.com/foo-id.txt';
/** The SDK's own test answer to a successful head() (index.node.test.ts, mockedFileMeta). */
const META = {
  url: BLOB_URL,
  downloadUrl: `${BLOB_URL}?download=1`,
  size: 12345,
  uploadedAt: '2023-05-04T15:12:07.818Z',
  pathname: 'foo.txt',
  contentType: 'text/plain',
  contentDisposition: 'attachment; filename="foo.txt"',
  etag: '"abc123"',
};
const ENV = ['VERCEL_BLOB_API_URL', 'VERCEL_BLOB_RETRIES', 'BLOB_READ_WRITE_TOKEN'] as const;
const saved = new Map<string, string | undefined>(ENV.map((k) => [k, process.env[k]]));
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
  process.env.VERCEL_BLOB_API_URL = server.url;
  process.env.VERCEL_BLOB_RETRIES = '0';
  delete process.env.BLOB_READ_WRITE_TOKEN;
});
afterAll(async () => {
  for (const [k, v] of saved) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await server.close();
});

const headBlob = () => head(BLOB_URL, { token: TOKEN });
const errorClass = (name: string) => (blob as unknown as Record<string, new (...args: never[]) => Error>)[name]!;

describe('vercel-blob: classify(Blob* errors) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(headBlob);
      expect(error).toBeInstanceOf(errorClass(fixture.errorClass));
      expect((error as Error).message).toMatch(/^Vercel Blob: /);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(JSON.stringify(fault)).not.toContain(TOKEN);
    });
  }

  // No real 429 body of the Blob API was found (the SDK's own tests have none either), so no response is served for
  // it: the SDK's own class, as createBlobServiceRateLimited builds it from a Retry-After, is classified directly.
  it('BlobServiceRateLimited (the SDK builds it from a 429 rate_limited): rate_limited, its retryAfter as the wait', () => {
    const error = new BlobServiceRateLimited(7);
    expect(error.retryAfter).toBe(7);
    expectFault(classify(error), { code: 'rate_limited', retry: 'always', retryAfterMs: 7000 });
  });
});

describe('vercel-blob: network failures', () => {
  it('a refused connection is connect_failed (no request arrives)', async () => {
    process.env.VERCEL_BLOB_API_URL = await closedPortUrl();
    try {
      const error = await thrown(headBlob);
      expect(error).toBeInstanceOf(TypeError);
      expectFault(classify(error), { code: 'connect_failed', retry: 'always' });
    } finally {
      process.env.VERCEL_BLOB_API_URL = server.url;
    }
  });

  it('a connection reset after the request was sent is connection_reset', async () => {
    server.script(['reset']);
    const error = await thrown(headBlob);
    expect(error).toBeInstanceOf(TypeError);
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('vercel-blob: retry({ maxRetries: 2 }) around the SDK', () => {
  const unavailable = fixtures.find((f) => f.errorClass === 'BlobServiceNotAvailable')!;
  const forbidden = fixtures.find((f) => f.errorClass === 'BlobAccessError')!;

  it('a 502 service_unavailable is retried after the policy’s own wait, and head() succeeds', async () => {
    server.script([unavailable.response, { status: 200, body: META }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(headBlob));
    expect(result).toMatchObject({ ok: true, value: { pathname: 'foo.txt', size: 12345 } });
    expect(server.requests).toHaveLength(2);
    // The Blob API sent no Retry-After: one wait of the policy's own.
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a 403 forbidden is sent once', async () => {
    server.script([forbidden.response, { status: 200, body: META }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(headBlob));
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expectFault((result as { error: FaultError }).error.fault, forbidden.expected);
  });
});
