/**
 * stream-chat's server-side client (a StreamChat with the secret, axios underneath) against a loopback server at
 * `baseURL`, answering as chat.stream-io-api.com does (test/fixtures/sdk/stream-chat.json). Its ErrorFromResponse
 * keeps Stream's numeric `code`, the `status` and the axios `response` (data and headers); its message is
 * "StreamChat error code N: <message>". The server-side client retries no HTTP call itself, and has no knob for it.
 */
import { ErrorFromResponse, StreamChat } from 'stream-chat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('stream-chat');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const client = (baseURL = server.url) => new StreamChat('bwkw956c3c4s', 'not-a-secret', { baseURL });
const getAppSettings = (chat = client()) => chat.getAppSettings();

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: { 'content-type': 'application/json', ...fixture.response.headers },
  body: fixture.response.body ?? '',
});

describe('stream-chat: classify(ErrorFromResponse) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => getAppSettings());
      expect(error).toBeInstanceOf(ErrorFromResponse);
      expect((error as ErrorFromResponse<unknown>).status).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // Stream's `code` beside a `more_info` not on twilio.com is Stream's.
      expect(fault.vendor).not.toBe('twilio');
      // The axios response is kept whole, so the SDK's error reads as the response does.
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the body's message is the Fault's, not the 'StreamChat error code 5:' text the SDK writes", async () => {
    const withBody = fixtures.find((f) => f.response.body !== undefined)!;
    server.script([withBody.response]);
    const error = (await thrown(() => getAppSettings())) as Error;
    expect(error.message).toMatch(/^StreamChat error code 5: /);
    expect(classify(error).message).toBe(withBody.expected.message);
  });

  it('a refused connection is an AxiosError and connect_failed, with no status', async () => {
    const chat = client(await closedPortUrl());
    const error = await thrown(() => getAppSettings(chat));
    expect(error).not.toBeInstanceOf(ErrorFromResponse);
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('stream-chat: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 is retried after a backoff and the call succeeds', async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, { status: 200, body: {} }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => getAppSettings()));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    // No hint in the answer: one backoff wait, on the virtual clock.
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => getAppSettings()));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
