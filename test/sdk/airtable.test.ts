/**
 * airtable (airtable.js) against a loopback server answering as api.airtable.com does (test/fixtures/sdk/airtable.json).
 * Its AirtableError is a plain object, not an Error: `{error, message, statusCode}`. airtable.js keeps Airtable's `type`
 * and `message` only for a 422 or a status it has no words for (a 404 keeps the message alone); for 401, 403, 413, 429,
 * 500 and 503 it writes its own code and sentence and drops the body. It keeps no headers. It retries a 429 itself, on
 * real timers (5 s doubling, jittered), unless `noRetryIfRateLimited: true`.
 */
import Airtable from 'airtable';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('airtable');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const table = (noRetryIfRateLimited = true) => new Airtable({ apiKey: 'patNotAKey', endpointUrl: server.url, noRetryIfRateLimited }).base('app1')('Table');
const firstPage = (noRetryIfRateLimited = true) => () => table(noRetryIfRateLimited).select().firstPage();

const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers ?? {}, body: JSON.stringify(fixture.response.body) });
const byStatus = (status: number) => fixtures.find((f) => f.response.status === status)!;
const page = { records: [{ id: 'rec1', createdTime: '2020-04-20T16:20:00.000Z', fields: { Name: 'Rebecca' } }] };

describe('airtable: classify(AirtableError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(firstPage());
      expect(error).toBeInstanceOf(Airtable.Error);
      expect(error).not.toBeInstanceOf(Error);
      expect((error as Airtable.Error).statusCode).toBe(fixture.response.status);
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it("a 422 keeps Airtable's type and message: the same Fault as the response, in Airtable's words", async () => {
    const fixture = byStatus(422);
    server.script([fixture.response]);
    const error = (await thrown(firstPage())) as Airtable.Error;
    expect(error).toMatchObject({ error: 'INVALID_FILTER_BY_FORMULA', statusCode: 422 });
    const fault = classify(error);
    expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    expect(fault.message).toBe('The formula for filtering records is invalid: please check your formula text.');
  });

  it("the Fault's message is what the AirtableError says, not its toString", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(firstPage())) as Airtable.Error;
      const fault = classify(error);
      expect(fault.message).toBe(error.message);
      expect(fault.message).not.toContain('[Http code');
    }
  });

  it("where the SDK wrote its own code over Airtable's, that code is the vendorCode (the response's is gone)", async () => {
    const fixture = byStatus(403);
    server.script([fixture.response]);
    const error = (await thrown(firstPage())) as Airtable.Error;
    expect(error).toEqual(expect.objectContaining({ error: 'NOT_AUTHORIZED', message: 'You are not authorized to perform this operation' }));
    expect(classify(raw(fixture)).vendorCode).toBe('INVALID_PERMISSIONS');
    expect(classify(error)).toMatchObject({ code: 'permission_denied', vendorCode: 'NOT_AUTHORIZED', message: error.message });
  });
});

describe("airtable: the SDK's own 429 retries (noRetryIfRateLimited)", () => {
  it('noRetryIfRateLimited: true sends a 429 once; left off, the SDK sends it again on its own timer', async () => {
    const limited = byStatus(429);
    server.script([limited.response, { status: 200, body: page }]);
    await thrown(firstPage(true));
    expect(server.requests).toHaveLength(1);

    server.script([limited.response, { status: 200, body: page }]);
    // Its backoff is Math.random() × 5 s × 2^n on a real setTimeout: with the jitter at 0 it fires at once.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const records = await firstPage(false)();
    expect(records.map((r) => r.id)).toEqual(['rec1']);
    expect(server.requests).toHaveLength(2);
  });
});

describe('airtable: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 is retried after the backoff (Airtable sends no Retry-After) and the page is read', async () => {
    server.script([byStatus(429).response, { status: 200, body: page }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(firstPage()));
    expect(result.ok && result.value.map((r) => r.id)).toEqual(['rec1']);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(firstPage()));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      const { fault, cause } = (result as { error: FaultError }).error;
      expectFault(fault, fixture.expected);
      expect(cause).toBeInstanceOf(Airtable.Error);
    });
  }
});
