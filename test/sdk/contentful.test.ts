/**
 * contentful (the Delivery API client) against a loopback server answering as cdn.contentful.com does
 * (test/fixtures/sdk/contentful.json: contentful.php's own tests). contentful-sdk-core's errorHandler throws a plain
 * Error named after the body's `sys.id`, whose message is the JSON of what it kept: status, statusText, the body's
 * message, details and requestId, and the request. The response's headers are not kept.
 */
import { createClient } from 'contentful';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('contentful');
let server: Loopback;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startLoopback();
  // retryOnError: false drops contentful-sdk-core's own retry of 429s and 5xx.
  client = createClient({ space: 'cfexampleapi', accessToken: 'not-a-token', host: server.url.replace('http://', ''), insecure: true, retryOnError: false });
});
afterAll(() => server.close());

const getEntries = () => client.getEntries();

// The SDK keeps the body, not the headers: this is what it could have kept.
const bodyOnly = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, body: fixture.response.body });
const sysId = (fixture: (typeof fixtures)[number]) => (JSON.parse(fixture.response.body as string) as { sys: { id: string } }).sys.id;

describe('contentful: classify(the errorHandler Error) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getEntries);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe(sysId(fixture));
      expect(JSON.parse((error as Error).message)).toMatchObject({ status: fixture.response.status });
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(bodyOnly(fixture))));
    });
  }

  it("the body's message is the Fault's, not the JSON the SDK wrote", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(getEntries)) as Error;
      const { message } = JSON.parse(fixture.response.body as string) as { message: string };
      expect(classify(error).message).toBe(message);
      expect(error.message).not.toBe(message);
    }
  });

  it('an Error whose message is JSON of another shape is no contentful status', () => {
    const fault = classify(new Error(JSON.stringify({ status: 429, message: 'You have exceeded the rate limit' })));
    expect(fault.status).toBeUndefined();
  });
});

describe('contentful: retry({ maxRetries: 2 }) around the SDK', () => {
  it('RateLimitExceeded is retried and the entries come back', async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, { status: 200, body: { sys: { type: 'Array' }, total: 0, skip: 0, limit: 100, items: [] } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getEntries));
    expect(result).toMatchObject({ ok: true, value: { total: 0 } });
    expect(server.requests).toHaveLength(2);
    // X-Contentful-RateLimit-Reset never reaches the error, so the wait is the policy's backoff.
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getEntries));
      expect(server.requests).toHaveLength(1);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
