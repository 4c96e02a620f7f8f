/**
 * @slack/web-api (Slack's Node SDK) against a loopback server answering as slack.com does (test/fixtures/sdk/slack.json).
 * Its errors keep what Slack said in their own members: WebAPIPlatformError the `{ok: false, error}` body as `data`
 * (no status: Slack sends those with a 200), WebAPIHTTPError an unexpected status with its headers and body, and
 * WebAPIRateLimitedError (with `rejectRateLimitedCalls`) only the wait, in seconds.
 */
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('slack');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

// No retries of the SDK's own; a 429 is thrown, not slept through.
const client = (url = `${server.url}/api/`) => new WebClient('xoxb-not-a-token', { slackApiUrl: url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
const call = () => client().conversations.info({ channel: 'C0123456789' });

describe('@slack/web-api: classify(error) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call);
      expect(error).toBeInstanceOf(fixture.response.status === 200 ? WebAPIPlatformError : WebAPIHTTPError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // What the body says when the response is read whole; a platform error's status is not on the error.
      const raw = fixture.response;
      const same = classify({ status: raw.status, headers: raw.headers, body: typeof raw.body === 'string' ? raw.body : JSON.stringify(raw.body) });
      expect({ code: fault.code, vendor: fault.vendor, vendorCode: fault.vendorCode }).toEqual({ code: same.code, vendor: same.vendor, vendorCode: same.vendorCode });
      expect(fault.status).toBe(raw.status === 200 ? undefined : raw.status);
    });
  }

  it("a platform error's field messages are the Fault's fields", async () => {
    server.script([fixtures.find((f) => f.expected.vendorCode === 'invalid_arguments')!.response]);
    const fault = classify(await thrown(call));
    expect(fault.fields?.map((f) => f.path)).toEqual(['/view', '/view', '/view']);
  });

  it('an error with the same code but no data is no platform error', () => {
    expect(classify(Object.assign(new Error('An API error occurred: invalid_auth'), { code: 'slack_webapi_platform_error' })).code).toBe('unknown');
  });
});

describe('@slack/web-api: WebAPIRateLimitedError (rejectRateLimitedCalls)', () => {
  // The SDK's own test of the rejection: a 429 with `retry-after: 5` and an empty body.
  // https://github.com/slackapi/node-slack-sdk/blob/4322e14f116ac7551073767c533b9aca77fd9552/packages/web-api/src/WebClient.test.ts#L1076-L1081
  const limited = { status: 429, headers: { 'retry-after': '5' }, body: '' } as const;

  it('is rate_limited with the wait in ms', async () => {
    server.script([limited]);
    const error = await thrown(call);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect(classify(error)).toMatchObject({ code: 'rate_limited', retry: 'always', source: 'server', retryAfterMs: 5000 });
  });

  it('a wait that is no number of seconds is no wait', () => {
    for (const retryAfter of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '5', undefined]) {
      const fault = classify(Object.assign(new Error('A rate-limit has been reached'), { code: 'slack_webapi_rate_limited_error', retryAfter }));
      expect(fault.code).toBe('rate_limited');
      expect(fault.retryAfterMs).toBeUndefined();
    }
  });

  it('retry waits the 5 s out on its clock, then the call succeeds', async () => {
    server.script([limited, { status: 200, body: { ok: true, channel: { id: 'C0123456789' } } }]);
    const clock = new VirtualClock();
    const at: number[] = [];
    const result = await drive(
      clock,
      retry({ maxRetries: 1, clock }).execute(() => {
        at.push(clock.now());
        return call();
      }),
    );
    expect(result.ok).toBe(true);
    expect(at).toEqual([0, 5000]);
    expect(server.requests).toHaveLength(2);
  });
});

describe('@slack/web-api: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures.filter((f) => f.response.status === 200)) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call));
      expect(result.ok).toBe(false);
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error).toBeInstanceOf(FaultError);
      expect(error.cause).toBeInstanceOf(WebAPIPlatformError);
      expect(error.fault.code).toBe(fixture.expected.code);
    });
  }

  it('a connection refused (WebAPIRequestError) is connect_failed', async () => {
    const url = await closedPortUrl();
    const error = await thrown(() => client(`${url}/api/`).conversations.info({ channel: 'C0123456789' }));
    expect(error).toBeInstanceOf(WebAPIRequestError);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', source: 'network' });
  });
});
