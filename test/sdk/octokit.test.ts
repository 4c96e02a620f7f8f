/**
 * @octokit/rest@22 (no retry or throttling plugin) against a loopback server answering as
 * api.github.com does (test/fixtures/sdk/octokit.json): classify(RequestError) and
 * retry(() => octokit.rest.…) decide from GitHub's real rate-limit responses.
 */
import { Octokit } from '@octokit/rest';
import { RequestError } from '@octokit/request-error';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, createFetch, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Answer, type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('octokit');
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let server: Loopback;
let octokit: Octokit;

beforeAll(async () => {
  server = await startLoopback();
  octokit = new Octokit({ baseUrl: server.url, log: quiet });
});
afterAll(() => server.close());

/** The primary-limit fixture resets 30 s from now (x-ratelimit-reset is epoch seconds). */
function live(fixture: SdkFixture): Exclude<Answer, 'reset'> {
  const headers = { ...fixture.response.headers };
  if (headers['x-ratelimit-reset'] === 'RESET') headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + 30);
  return { ...fixture.response, headers };
}

function answer(name: string): Exclude<Answer, 'reset'> {
  const fixture = fixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return live(fixture);
}

const getRepo = () => octokit.rest.repos.get({ owner: 'octocat', repo: 'hello-world' });
const createIssue = () => octokit.rest.issues.create({ owner: 'octocat', repo: 'hello-world', title: 'Found a bug' });

describe('octokit: classify(RequestError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const response = live(fixture);
      server.script([response]);
      const error = await thrown(getRepo);
      expect(error).toBeInstanceOf(RequestError);
      const fault = classify(error);
      const { retryAfterMs, ...rest } = fixture.expected;
      expectFault(fault, rest);
      if (fixture.response.headers?.['x-ratelimit-reset'] === 'RESET') {
        // Measured against the wall clock: at most the 30 s GitHub gave, less the time the call took.
        expect(fault.retryAfterMs).toBeGreaterThan(28_000);
        expect(fault.retryAfterMs).toBeLessThanOrEqual(30_000);
      } else if ('retryAfterMs' in fixture.expected) {
        expect(fault.retryAfterMs).toBe(retryAfterMs);
      }
      if ('documentation_url' in (fixture.response.body as object)) expect(fault.vendor).toBe('github');
      const same = essentials(classify({ status: response.status, headers: response.headers, body: JSON.stringify(response.body) }));
      expect({ ...essentials(fault), retryAfterMs: undefined }).toEqual({ ...same, retryAfterMs: undefined });
    });
  }
});

describe('octokit: retry({ maxRetries: 2 }) around the SDK', () => {
  const cases = [
    ['403 secondary rate limit with Retry-After', 3, [1000, 1000]],
    ['429 secondary rate limit', 3, [1000, 1000]],
    ['503 service unavailable', 3, undefined],
    ['401 bad credentials with x-ratelimit-remaining 0', 1, []],
    ['403 forbidden (no rate limit)', 1, []],
    ['404 not found', 1, []],
    ['422 validation failed', 1, []],
    ['500 server error', 1, []],
  ] as const;
  for (const [name, requests, sleeps] of cases) {
    it(`${name} (POST): ${requests} request(s)`, async () => {
      server.script([answer(name)]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(createIssue));
      expect(result.ok).toBe(false);
      expect(server.requests.length).toBe(requests);
      if (sleeps !== undefined) expect(clock.sleeps).toEqual(sleeps);
      const error = (result as { error: FaultError }).error;
      expect(error).toBeInstanceOf(FaultError);
      expect(error.cause).toBeInstanceOf(RequestError);
    });
  }

  it('a primary rate limit waits until x-ratelimit-reset, then succeeds', async () => {
    server.script([answer('403 primary rate limit'), { status: 200, body: { id: 1, full_name: 'octocat/hello-world' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getRepo));
    expect(result.ok).toBe(true);
    expect(server.requests.length).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(28_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(30_000);
  });

  it('a secondary limit without Retry-After waits the minute GitHub asks for', async () => {
    server.script([answer('403 secondary rate limit without Retry-After'), { status: 200, body: { id: 1 } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getRepo));
    expect(result.ok).toBe(true);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('a 500 is retried for a GET when the caller says it is idempotent', async () => {
    server.script([answer('500 server error'), { status: 200, body: { id: 1 } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(getRepo));
    expect(result.ok).toBe(true);
    expect(server.requests.length).toBe(2);
  });
});

describe('octokit: connection reset', () => {
  it("Octokit's RequestError with status 500 over a socket reset is connection_reset, not internal", async () => {
    server.script(['reset']);
    const error = await thrown(getRepo);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(500);
    expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent', source: 'network' });
  });

  it('retry({ idempotent: true }) retries it to the limit', async () => {
    server.script(['reset']);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(getRepo));
    expect((result as { error: FaultError }).error.fault.code).toBe('connection_reset');
    expect(server.requests.length).toBe(3);
  });
});

describe("octokit: faultline's createFetch as the SDK's fetch (request.fetch)", () => {
  function viaFaultline(clock: VirtualClock): Octokit {
    const fetch = createFetch({ throwOnError: false, policy: retry({ maxRetries: 2, clock }), clock });
    return new Octokit({ baseUrl: server.url, log: quiet, request: { fetch } });
  }

  it('waits a secondary limit inside fetch and the SDK sees the success', async () => {
    server.script([answer('403 secondary rate limit with Retry-After'), { status: 200, body: { id: 1 } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, viaFaultline(clock).rest.repos.get({ owner: 'octocat', repo: 'hello-world' }));
    expect(result).toMatchObject({ ok: true, value: { status: 200, data: { id: 1 } } });
    expect(clock.sleeps).toEqual([1000]);
    expect(server.requests.length).toBe(2);
  });

  it('a 401 reaches the SDK as its own RequestError 401, sent once', async () => {
    server.script([answer('401 bad credentials with x-ratelimit-remaining 0')]);
    const clock = new VirtualClock();
    const result = await drive(clock, viaFaultline(clock).rest.repos.get({ owner: 'octocat', repo: 'hello-world' }));
    const error = (result as { error: unknown }).error;
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(401);
    expect(classify(error)).toMatchObject({ code: 'unauthenticated' });
    expect(server.requests.length).toBe(1);
  });
});
