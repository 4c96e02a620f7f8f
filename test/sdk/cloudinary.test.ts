/**
 * cloudinary (the Node SDK, v2 API) against a loopback server answering as api.cloudinary.com does
 * (test/fixtures/sdk/cloudinary.json). It rejects with plain objects, not Errors: the Admin and Provisioning APIs with
 * `{request_options, query_params, error: {…the body's error, http_code}}` (request_options.auth is "key:secret"),
 * the uploader with the body's error itself plus `http_code`. No headers are kept. classify reads `http_code` and the
 * error's message, and nothing of request_options. The SDK retries nothing itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type Cloudinary = (typeof import('cloudinary'))['v2'];
type Call = 'admin' | 'upload' | 'provisioning';

const fixtures = loadFixtures('cloudinary') as readonly (SdkFixture & { readonly call: Call })[];
const API_SECRET = 'Sx9vQ2mLw8rT4zKp1nB7cYd3Hf0';
const PROVISIONING_SECRET = 'pZ4kW9qR2tY7uV3nM8bC1xL6hJ0';
let server: Loopback;
let cloudinary: Cloudinary;

beforeAll(async () => {
  server = await startLoopback();
  // The SDK picks http or https once, as it loads, from the upload_prefix it is configured with then.
  process.env.CLOUDINARY_URL = `cloudinary://123456789012345:${API_SECRET}@democloud?upload_prefix=${encodeURIComponent(server.url)}`;
  cloudinary = (await import('cloudinary')).v2;
  cloudinary.config({ upload_prefix: server.url, account_id: 'acc-1', provisioning_api_key: 'prov-key', provisioning_api_secret: PROVISIONING_SECRET });
});
afterAll(() => server.close());

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const CALLS: Record<Call, () => Promise<unknown>> = {
  admin: () => cloudinary.api.resource('nonexistent'),
  upload: () => cloudinary.uploader.upload(PIXEL, { public_id: 'avatars/7' }),
  provisioning: () => cloudinary.provisioning.account.sub_accounts(true),
};
const call = (fixture: (typeof fixtures)[number]) => CALLS[fixture.call]();

type BodyError = { readonly message: string };
const bodyError = (fixture: SdkFixture) => (JSON.parse(fixture.response.body as string) as { error: BodyError }).error;
/** Where the rejection keeps the body's error: under `error` (Admin, Provisioning) or as itself (uploader). */
const keptError = (fixture: (typeof fixtures)[number], rejection: unknown) =>
  (fixture.call === 'upload' ? rejection : (rejection as { error: unknown }).error) as BodyError & { http_code: number };
/** Every six characters of a secret: no piece of it may show. */
const pieces = (secret: string) => Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6));

describe('cloudinary: classify(rejection) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const rejection = await thrown(() => call(fixture));
      expect(rejection).not.toBeInstanceOf(Error);
      const kept = keptError(fixture, rejection);
      expect(kept).toMatchObject({ ...bodyError(fixture), http_code: fixture.response.status });
      const fault = classify(rejection);
      expectFault(fault, fixture.expected);
      expect(fault.message).toBe(bodyError(fixture).message);
    });
  }

  it('no piece of the API secret the SDK keeps in request_options.auth reaches the Fault', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const rejection = await thrown(() => call(fixture));
      const secret = fixture.call === 'provisioning' ? PROVISIONING_SECRET : API_SECRET;
      if (fixture.call !== 'upload') {
        expect((rejection as { request_options: { auth: string } }).request_options.auth).toContain(secret);
      }
      const seen = JSON.stringify(classify(rejection));
      for (const piece of [...pieces(API_SECRET), ...pieces(PROVISIONING_SECRET)]) expect(seen).not.toContain(piece);
    }
  });
});

describe('cloudinary: a refused connection', () => {
  it('the Admin API rejects with the socket error, the uploader with {error: socket error}: both connect_failed', async () => {
    const upload_prefix = await closedPortUrl();
    const admin = await thrown(() => cloudinary.api.resource('nonexistent', { upload_prefix }));
    const upload = await thrown(() => cloudinary.uploader.upload(PIXEL, { upload_prefix }));
    expect((admin as { code?: string }).code).toBe('ECONNREFUSED');
    expect((upload as { error: { code?: string } }).error.code).toBe('ECONNREFUSED');
    for (const rejection of [admin, upload]) {
      expect(classify(rejection)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
    }
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => cloudinary.api.resource('nonexistent', { upload_prefix })));
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    expect(clock.sleeps).toHaveLength(2);
  });
});

describe('cloudinary: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures.filter((f) => f.expected.retry === 'always')) {
    it(`${fixture.name}: retried, and the sub-accounts are listed`, async () => {
      server.script([fixture.response, { status: 200, body: { sub_accounts: [] } }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => call(fixture)));
      expect(result).toMatchObject({ ok: true, value: { sub_accounts: [] } });
      expect(server.requests).toHaveLength(2);
      // The body names no wait and the SDK keeps no headers: the policy's own backoff.
      expect(clock.sleeps).toHaveLength(1);
    });
  }

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => call(fixture)));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault.code).toBe(fixture.expected.code);
      expect(keptError(fixture, error.cause).http_code).toBe(fixture.response.status);
    });
  }
});
