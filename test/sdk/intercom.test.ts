/**
 * intercom-client (Fern-generated) against a loopback server answering as api.intercom.io does
 * (test/fixtures/sdk/intercom.json). An HTTP error is an IntercomError (UnauthorizedError for a 401) keeping the status
 * as `statusCode`, the parsed error.list body as `body` and the response (status, Headers, …) as `rawResponse`.
 * A refused or reset connection is an IntercomError whose message is 'fetch failed' with no status and no cause:
 * nothing tells whether the request went out. The SDK retries 408/429/5xx twice by default; `maxRetries: 0` here.
 */
import { IntercomClient, IntercomError } from 'intercom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type IntercomFixture = SdkFixture & { readonly now?: number };
const fixtures = loadFixtures('intercom') as readonly IntercomFixture[];
const TOKEN = 'dG9rOm5vdC1hLXJlYWwtdG9rZW4=';
const CONTACT_ID = '63a07ddf05a32042dffac965';
const CONTACT = { type: 'contact', id: CONTACT_ID, role: 'user', email: 'joe@example.com' };
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const client = (baseUrl: string) => new IntercomClient({ token: TOKEN, baseUrl, maxRetries: 0, timeoutInSeconds: 5 });
const find = (baseUrl = server.url) => () => client(baseUrl).contacts.find({ contact_id: CONTACT_ID });
const options = (fixture: IntercomFixture) => (fixture.now === undefined ? {} : { now: fixture.now });
const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers ?? {}, body: JSON.stringify(fixture.response.body) });

describe('intercom: classify(IntercomError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(find());
      expect(error).toBeInstanceOf(IntercomError);
      expect((error as IntercomError).statusCode).toBe(fixture.response.status);
      expect((error as IntercomError).body).toEqual(fixture.response.body);
      expectFault(classify(error, options(fixture)), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('the IntercomError reads as the raw response does', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(find());
      const { vendor: _a, ...fromError } = essentials(classify(error, options(fixture)));
      const { vendor: _b, ...fromResponse } = essentials(classify(raw(fixture), options(fixture)));
      expect(fromError, fixture.name).toEqual(fromResponse);
    }
  });

  it('the bearer token never reaches the Fault', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = await thrown(find());
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(JSON.stringify(classify(error))).not.toContain(TOKEN);
    }
  });
});

describe('intercom: a connection that fails', () => {
  it("a refused connection (IntercomError 'fetch failed', no cause) is connection_reset: whether it was sent cannot be told", async () => {
    const error = await thrown(find(await closedPortUrl()));
    expect(error).toBeInstanceOf(IntercomError);
    expect((error as IntercomError).statusCode).toBeUndefined();
    expect((error as Error).message).toContain('fetch failed');
    expect((error as Error).cause).toBeUndefined();
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent', status: undefined });
  });

  it('a reset after the request (the same IntercomError) is connection_reset', async () => {
    server.script(['reset']);
    const error = await thrown(find());
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(IntercomError);
    expect((error as Error).message).toContain('fetch failed');
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent', status: undefined });
  });
});

describe('intercom: retry({ maxRetries: 2 }) around the SDK', () => {
  const limited = fixtures.find((f) => f.response.status === 429)!;

  it('a 429 rate_limit_exceeded waits until X-RateLimit-Reset and the contact is found', async () => {
    server.script([limited.response, { status: 200, body: CONTACT }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(find()));
    expect(result).toMatchObject({ ok: true, value: { id: CONTACT_ID } });
    expect(server.requests).toHaveLength(2);
    // The reset is read against the response's Date header: ten seconds, whatever the wall clock says.
    expect(clock.sleeps).toEqual([10000]);
  });

  it('a reset GET is retried (a find is idempotent when the caller says so) and the contact is found', async () => {
    server.script(['reset', { status: 200, body: CONTACT }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(find()));
    expect(result).toMatchObject({ ok: true, value: { id: CONTACT_ID } });
    expect(server.requests).toHaveLength(2);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response, { status: 200, body: CONTACT }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(find()));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
