/**
 * @upstash/qstash (Client.publishJSON) against a loopback server answering as qstash.upstash.io does
 * (test/fixtures/sdk/qstash.json). A 429 becomes QstashRatelimitError (Burst-RateLimit-*) or QstashDailyRatelimitError
 * (RateLimit-*), keeping only the three headers as `limit`, `remaining` and `reset` (epoch seconds); any other status a
 * QstashError whose message is the body's text. The resets are fixed instants, so every wait is measured from a fixed
 * `now` (classify's option), never the wall clock.
 */
import { Client, QstashDailyRatelimitError, QstashError, QstashRatelimitError } from '@upstash/qstash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Classifier, FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('qstash');
// 2026-01-01T00:00:00Z: the fixtures' resets are one second (burst) and one day (daily) after it.
const NOW = Date.UTC(2026, 0, 1);
let server: Loopback;
let qstash: Client;

beforeAll(async () => {
  server = await startLoopback();
  // retry: false: the SDK's own retry (of failed fetches) is off. It logs each failure with console.error, unconditionally.
  qstash = new Client({ token: 'not-a-token', baseUrl: server.url, retry: false });
});
afterAll(() => server.close());

const publish = () => qstash.publishJSON({ url: 'https://example.com/hook', body: { hello: 'world' } });

const burst = fixtures.find((f) => f.response.headers?.['burst-ratelimit-reset'] !== undefined)!;
const daily = fixtures.find((f) => f.response.headers?.['ratelimit-reset'] !== undefined)!;
const classOf = (fixture: (typeof fixtures)[number]) =>
  fixture === daily ? QstashDailyRatelimitError : fixture === burst ? QstashRatelimitError : QstashError;

// What retry classifies with: the default classifier, at the fixed now.
const atNow: Classifier = {
  classify: (input, options) => classify(input, { ...options, now: NOW }),
  classifyResponse: async (input, options) => classify(input, { ...options, now: NOW }),
  profiles: [],
};

describe('qstash: classify(QstashError and its rate-limit kin) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(publish);
      expect(error).toBeInstanceOf(classOf(fixture));
      expect((error as QstashError).status).toBe(fixture.response.status);
      expectFault(classify(error, { now: NOW }), fixture.expected);
    });
  }

  it('a 429 keeps the three headers as limit, remaining and reset', async () => {
    for (const [fixture, prefix] of [[burst, 'burst-ratelimit'], [daily, 'ratelimit']] as const) {
      server.script([fixture.response]);
      const error = (await thrown(publish)) as QstashRatelimitError;
      const headers = fixture.response.headers!;
      expect([error.limit, error.remaining, error.reset]).toEqual([headers[`${prefix}-limit`], headers[`${prefix}-remaining`], headers[`${prefix}-reset`]]);
    }
  });

  it('the wait is the time from classify’s now to reset', async () => {
    server.script([burst.response]);
    const error = await thrown(publish);
    expect(classify(error, { now: NOW + 400 }).retryAfterMs).toBe(600);
  });

  it('a refusal keeps the body as its message, read as the body', async () => {
    const refused = fixtures.find((f) => f.response.status === 400)!;
    server.script([refused.response]);
    const error = (await thrown(publish)) as QstashError;
    expect(error.message).toBe(refused.response.body);
    const fault = classify(error);
    expect(fault.message).toBe((JSON.parse(refused.response.body as string) as { error: string }).error);
    expect(essentials(fault)).toEqual(essentials(classify({ status: 400, body: refused.response.body })));
  });
});

describe('qstash: retry({ maxRetries: 2 }) around the SDK', () => {
  it('the burst limit is waited out until its reset, then the message is published', async () => {
    server.script([burst.response, { status: 200, body: { messageId: 'msd_1' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, classifier: atNow }).execute(publish));
    expect(result).toMatchObject({ ok: true, value: { messageId: 'msd_1' } });
    expect(clock.sleeps).toEqual([1000]);
  });

  it('the daily limit (a day away, over maxRetryAfterMs) is not waited: one request', async () => {
    server.script([daily.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, classifier: atNow }).execute(publish));
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'rate_limited', retryAfterMs: 86_400_000 });
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock, classifier: atNow }).execute(publish));
      expect(server.requests).toHaveLength(1);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
