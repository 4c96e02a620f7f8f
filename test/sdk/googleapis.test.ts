/**
 * @googleapis/drive (Drive v3 from googleapis, on googleapis-common and gaxios 7) against a loopback server answering as
 * www.googleapis.com does (test/fixtures/sdk/googleapis.json: Drive's handle-errors guide, an issue printing a Sheets
 * body). `rootUrl` points the client at 127.0.0.1 and an API key (sent as `?key=`) means no token request. A response of
 * 400 or more throws GaxiosError: `status` and `code` are the HTTP status (a number), `response` the fetch Response with
 * `response.data` the parsed Google envelope (`{error: {code, message, errors[].reason, status, details[]}}`) and
 * `response.headers` a Headers; its message is Google's `error.message`. A failure with no response is a GaxiosError whose
 * `code` is the system code (ECONNRESET, ECONNREFUSED) and `cause` the fetch error. googleapis-common turns gaxios' retry on
 * (3 retries for 429/5xx on a GET): `retry: false` turns it off.
 */
import { drive } from '@googleapis/drive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive as settle, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('googleapis');
const KEY = 'AIzaNotAKey-0000000000000000000000000';
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

/** GET /drive/v3/files/1aBcD?key=… with gaxios' retries off. */
const getFile = (base = server.url) => async () => {
  const res = await drive({ version: 'v3', auth: KEY, rootUrl: `${base}/` }).files.get({ fileId: '1aBcD' }, { retry: false });
  return res.data;
};
const file = { kind: 'drive#file', id: '1aBcD', name: 'report.pdf', mimeType: 'application/pdf' };

const bodyText = (body: string | object | undefined) => (typeof body === 'string' ? body : JSON.stringify(body));
const raw = (f: (typeof fixtures)[number]) => ({ status: f.response.status, headers: f.response.headers ?? {}, body: bodyText(f.response.body) });
type Gaxios = Error & { status?: number; code?: unknown; response?: { status: number; data: unknown; headers: Headers } };

describe('googleapis: classify(GaxiosError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = (await thrown(getFile())) as Gaxios;
      expect(error.constructor.name).toBe('GaxiosError');
      expect(error.status).toBe(fixture.response.status);
      // gaxios read the body: the envelope survives only as the parsed `response.data`.
      expect(error.response?.data).toEqual(JSON.parse(bodyText(fixture.response.body)));
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('the GaxiosError gives what the raw response gives (the Google profile reads the body gaxios kept)', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(getFile());
      expect(essentials(classify(error))).toEqual(essentials(classify(raw(fixture))));
    }
  });

  it('the API key sent as ?key= never reaches the Fault', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(getFile());
      expect(server.requests[0]!.url).toContain(`key=${KEY}`);
      expect(JSON.stringify(classify(error))).not.toContain(KEY);
    }
  });
});

describe('googleapis: failures with no response', () => {
  it('a connection reset is a GaxiosError with code ECONNRESET and connection_reset, with no status', async () => {
    server.script(['reset']);
    const error = (await thrown(getFile())) as Gaxios;
    expect(error.constructor.name).toBe('GaxiosError');
    expect(error.code).toBe('ECONNRESET');
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connection_reset', 'idempotent', undefined]);
  });

  it('a refused connection is a GaxiosError with code ECONNREFUSED and connect_failed, with no status', async () => {
    const error = (await thrown(getFile(await closedPortUrl()))) as Gaxios;
    expect(error.code).toBe('ECONNREFUSED');
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
    expect(JSON.stringify(fault)).not.toContain(KEY);
  });
});

describe('googleapis: retry({ maxRetries: 2 }) around the SDK', () => {
  const backend = fixtures.find((f) => f.expected.vendorCode === 'backendError')!;
  const limited = fixtures.find((f) => f.response.status === 429)!;

  it('a 500 backendError is retried (Drive says to, whatever the method) and the call succeeds', async () => {
    server.script([backend.response, { status: 200, body: file }]);
    const clock = new VirtualClock();
    const result = await settle(clock, retry({ maxRetries: 2, clock }).execute(getFile()));
    expect(result).toMatchObject({ ok: true, value: { id: '1aBcD' } });
    expect(server.requests).toHaveLength(2);
    // No Retry-After: the policy waits its own backoff, once.
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a 429 RATE_LIMIT_EXCEEDED is retried with backoff until the policy gives up', async () => {
    server.script([limited.response]);
    const clock = new VirtualClock();
    const result = await settle(clock, retry({ maxRetries: 2, clock }).execute(getFile()));
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
    expectFault((result as { error: FaultError }).error.fault, limited.expected);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: sent once`, async () => {
      server.script([fixture.response, { status: 200, body: file }]);
      const clock = new VirtualClock();
      const result = await settle(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(getFile()));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
