/**
 * jira.js (Version3Client, axios underneath) against a loopback server answering as <site>.atlassian.net does
 * (test/fixtures/sdk/jira.json). Its HttpException keeps `{code, message, data, status, statusText}` as `response`
 * (axios' "Request failed with status code …" as its message) and the AxiosError as `cause`, whose response
 * holds the headers: Retry-After is read from there.
 */
import { HttpException, Version3Client } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('jira');
let server: Loopback;
let jira: Version3Client;

beforeAll(async () => {
  server = await startLoopback();
  // jira.js retries nothing itself: it has no knob to turn off.
  jira = new Version3Client({ host: server.url, authentication: { basic: { email: 'bot@example.com', apiToken: 'not-a-token' } } });
});
afterAll(() => server.close());

const getIssue = () => jira.issues.getIssue({ issueIdOrKey: 'KAN-1' });

const raw = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, headers: fixture.response.headers, body: fixture.response.body });
const withRetryAfter = fixtures.find((f) => f.response.headers?.['retry-after'] !== undefined)!;

describe('jira.js: classify(HttpException) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getIssue);
      expect(error).toBeInstanceOf(HttpException);
      expect((error as HttpException).status).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("Jira's errorMessages[0] is the Fault's message, not axios' 'Request failed with status code …'", async () => {
    for (const fixture of fixtures.filter((f) => (f.response.body as string).startsWith('{'))) {
      server.script([fixture.response]);
      const error = (await thrown(getIssue)) as HttpException;
      const { errorMessages } = JSON.parse(fixture.response.body as string) as { errorMessages: string[] };
      expect(classify(error).message).toBe(errorMessages[0]);
      expect(error.message).toBe(`Request failed with status code ${fixture.response.status}`);
    }
  });

  it('Retry-After is read from the AxiosError kept as cause', async () => {
    server.script([withRetryAfter.response]);
    const error = (await thrown(getIssue)) as HttpException;
    expect((error.cause as { response: { headers: Record<string, string> } }).response.headers['retry-after']).toBe('100');
    expect(classify(error).retryAfterMs).toBe(100_000);
  });
});

describe('jira.js: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 waits the Retry-After Jira sent, then the issue comes back', async () => {
    server.script([withRetryAfter.response, { status: 200, body: { id: '10001', key: 'KAN-1', fields: {} } }]);
    const clock = new VirtualClock();
    // 100 s is over the policy's default cap of 60 s, past which it gives up rather than wait.
    const result = await drive(clock, retry({ maxRetries: 2, clock, maxRetryAfterMs: 120_000 }).execute(getIssue));
    expect(result).toMatchObject({ ok: true, value: { key: 'KAN-1' } });
    expect(clock.sleeps).toEqual([100_000]);
  });

  it('a Retry-After over maxRetryAfterMs is not waited: one request', async () => {
    server.script([withRetryAfter.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getIssue));
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'rate_limited', retryAfterMs: 100_000 });
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getIssue));
      expect(server.requests).toHaveLength(1);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
