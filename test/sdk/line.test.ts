/**
 * @line/bot-sdk's MessagingApiClient against a loopback server answering as api.line.me does
 * (test/fixtures/sdk/line.json). Its HTTPFetchError keeps the status, the headers (a fetch Headers) and the body
 * as text, and says only "400 - Bad Request"; classify reads LINE's `message`, `details[].property` and the
 * `x-line-request-id` header, never the `x-line-accepted-request-id` of the request a 409 points back to.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('line');
let server: Loopback;
let refusedUrl = '';

beforeAll(async () => {
  server = await startLoopback();
  refusedUrl = await closedPortUrl();
});
afterAll(() => server.close());

// The SDK retries nothing itself; a push is safe to send again only under the same X-Line-Retry-Key.
const RETRY_KEY = '123e4567-e89b-12d3-a456-426614174000';
const push = (baseURL = server.url) =>
  new messagingApi.MessagingApiClient({ channelAccessToken: 'not-a-token', baseURL }).pushMessage(
    { to: 'U4af4980629', messages: [{ type: 'text', text: 'Hello, world' }] },
    RETRY_KEY,
  );

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers,
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

// What the SDK's own test answers a push with (test/libs-messagingApi.spec.ts, the same as LINE's reference).
const SENT = { status: 200, body: { sentMessages: [{ id: '461230966842064897', quoteToken: 'IStG5h1Tz7b...' }] } };

describe('line: classify(HTTPFetchError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => push());
      expect(error).toBeInstanceOf(HTTPFetchError);
      expect((error as HTTPFetchError).status).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("LINE's `message` is the Fault's, not the SDK's \"400 - Bad Request\"", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(() => push())) as HTTPFetchError;
      const fault = classify(error);
      expect(fault.message).toBe((JSON.parse(error.body) as { message: string }).message);
      expect(fault.message).not.toBe(error.message);
    }
  });

  it('the 409 names the request that answers it, not the earlier one it points back to', async () => {
    const conflict = fixtures.find((f) => f.response.status === 409)!;
    server.script([conflict.response]);
    const error = (await thrown(() => push())) as HTTPFetchError;
    expect(error.headers.get('x-line-accepted-request-id')).toBe('123e4567-e89b-12d3-a456-426655440001');
    expect(classify(error).requestId).toBe('123e4567-e89b-12d3-a456-426655440002');
  });

  it('a refused connection (fetch TypeError) is connect_failed with no status', async () => {
    const fault = classify(await thrown(() => push(refusedUrl)));
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('line: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => push()));
      expect(server.requests).toHaveLength(1);
      const failure = (result as { error: FaultError }).error;
      expect(failure.fault.code).toBe(fixture.expected.code);
      expect(failure.cause).toBeInstanceOf(HTTPFetchError);
    });
  }

  it('a push whose connection is reset is sent again under the same retry key, then delivered', async () => {
    server.script(['reset', SENT]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => push()));
    expect(result).toMatchObject({ ok: true, value: SENT.body });
    expect(server.requests.map((r) => r.headers['x-line-retry-key'])).toEqual([RETRY_KEY, RETRY_KEY]);
    expect(clock.sleeps).toHaveLength(1);
  });
});
