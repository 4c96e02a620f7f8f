/**
 * box-node-sdk (the generated BoxClient) against a loopback server answering as api.box.com does (test/fixtures/sdk/box.json:
 * Box's guides, an issue showing the live API, the SDK's own fixtures). A response of 400 or more throws BoxApiError, whose
 * `responseInfo` keeps the status (`statusCode`), the headers as a plain record (`retry-after`, `box-request-id`), the parsed
 * body (`body`) and its text (`rawBody`), and Box's `code` and `request_id` again as `code` / `requestId` (JSON-encoded in
 * this version: `"\"not_found\""`); its message is the SDK's own (`404 "not_found" "Not Found"; Request ID: …`). A failure
 * with no response is a BoxSdkError with the fetch error as `error`. The SDK retries by default (BoxRetryStrategy: 5 attempts
 * for 429/5xx, 2 on network errors): `maxAttempts: 1, maxRetriesOnException: 0` turns it off.
 */
import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { BaseUrls, BoxRetryStrategy, NetworkSession } from 'box-node-sdk/networking';
import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('box');
const TOKEN = 'not-a-box-developer-token';
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const client = (base = server.url) =>
  new BoxClient({
    auth: new BoxDeveloperTokenAuth({ token: TOKEN }),
    networkSession: new NetworkSession({
      baseUrls: new BaseUrls({ baseUrl: base, uploadUrl: `${base}/api`, oauth2Url: `${base}/api/oauth2` }),
    }).withRetryStrategy(new BoxRetryStrategy({ maxAttempts: 1, maxRetriesOnException: 0 })),
  });
/** GET /2.0/files/12345 */
const getFile = (base?: string) => () => client(base).files.getFileById('12345');
const file = { type: 'file', id: '12345', etag: '1' };

const bodyText = (body: string | object | undefined) => (typeof body === 'string' ? body : JSON.stringify(body));
const raw = (f: (typeof fixtures)[number]) => ({ status: f.response.status, headers: f.response.headers ?? {}, body: bodyText(f.response.body) });

describe('box: classify(BoxApiError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getFile());
      expect(error).toBeInstanceOf(BoxApiError);
      const { responseInfo } = error as BoxApiError;
      expect(responseInfo.statusCode).toBe(fixture.response.status);
      expect(responseInfo.rawBody).toBe(bodyText(fixture.response.body));
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('the BoxApiError gives what the raw response gives', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(getFile());
      expect(essentials(classify(error))).toEqual(essentials(classify(raw(fixture))));
    }
  });

  it("Box's code and request id are read as sent, not as the SDK's JSON-encoded copies", async () => {
    const fixture = fixtures.find((f) => f.response.status === 404)!;
    server.script([fixture.response]);
    const error = (await thrown(getFile())) as BoxApiError;
    const fault = classify(error);
    expect(fault.vendorCode).toBe('not_found');
    expect(fault.requestId).toBe('1063648633582d352dd9890');
    expect(fault.vendorCode).not.toContain('"');
    expect(fault.requestId).not.toContain('"');
  });

  it('the developer token sent as the bearer token never reaches the Fault', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(getFile());
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(JSON.stringify(classify(error))).not.toContain(TOKEN);
    }
  });
});

describe('box: failures with no response', () => {
  it('a connection reset is a BoxSdkError and connection_reset, with no status', async () => {
    server.script(['reset']);
    const error = await thrown(getFile());
    expect(error).toBeInstanceOf(BoxSdkError);
    expect(error).not.toBeInstanceOf(BoxApiError);
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connection_reset', 'idempotent', undefined]);
  });

  it('a refused connection is a BoxSdkError and connect_failed, with no status', async () => {
    const error = await thrown(getFile(await closedPortUrl()));
    expect(error).toBeInstanceOf(BoxSdkError);
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('box: retry({ maxRetries: 2 }) around the SDK', () => {
  const limited = fixtures.find((f) => f.response.status === 429)!;

  it("a 429 waits the 100 s Box's Retry-After asks for, when the policy allows that long, and the call succeeds", async () => {
    server.script([limited.response, { status: 200, body: file }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, maxRetryAfterMs: 120_000, clock }).execute(getFile()));
    expect(result).toMatchObject({ ok: true, value: { id: '12345' } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([100_000]);
  });

  it('with the default cap (60 s) the same 429 gives up at once instead of sleeping', async () => {
    server.script([limited.response, { status: 200, body: file }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getFile()));
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expectFault((result as { error: FaultError }).error.fault, limited.expected);
  });

  it('a connection reset on the GET is retried when the policy is told it is idempotent', async () => {
    server.script(['reset', { status: 200, body: file }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(getFile()));
    expect(result).toMatchObject({ ok: true, value: { id: '12345' } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: sent once`, async () => {
      server.script([fixture.response, { status: 200, body: file }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(getFile()));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      const { fault, cause } = (result as { error: FaultError }).error;
      expectFault(fault, fixture.expected);
      expect(cause).toBeInstanceOf(BoxApiError);
    });
  }
});
