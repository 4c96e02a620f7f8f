/**
 * @octokit/rest@22's `octokit.graphql` against a loopback server answering as api.github.com/graphql does
 * (test/fixtures/sdk/octokit-graphql.json). GitHub sends a query's errors under a 200; Octokit throws them as a
 * GraphqlResponseError that keeps the body's `errors` and `data` and the headers, but no status.
 */
import { Octokit } from '@octokit/rest';
import { GraphqlResponseError } from '@octokit/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('octokit-graphql');
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let server: Loopback;
let octokit: Octokit;

beforeAll(async () => {
  server = await startLoopback();
  octokit = new Octokit({ baseUrl: server.url, log: quiet });
});
afterAll(() => server.close());

const viewer = () => octokit.graphql('query { viewer { login } }');

describe('octokit.graphql: classify(GraphqlResponseError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(viewer);
      expect(error).toBeInstanceOf(GraphqlResponseError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // The error keeps no status, so none is claimed; everything else is what the response itself gives.
      expect(fault.status).toBeUndefined();
      const same = classify({ status: fixture.response.status, headers: fixture.response.headers, body: JSON.stringify(fixture.response.body) });
      expect({ ...essentials(fault), status: 200 }).toEqual(essentials(same));
    });
  }

  it("GitHub's request id comes from the headers the error kept", async () => {
    const fixture = fixtures.find((f) => f.response.headers?.['x-github-request-id'] !== undefined);
    server.script([fixture!.response]);
    expect(classify(await thrown(viewer)).requestId).toBe(fixture!.response.headers!['x-github-request-id']);
  });

  it('the first error message is the Fault message, not the wrapper line Octokit writes', async () => {
    server.script([fixtures[0]!.response]);
    const body = fixtures[0]!.response.body as { errors: { message: string }[] };
    expect(classify(await thrown(viewer)).message).toBe(body.errors[0]!.message);
  });
});

describe('octokit.graphql: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a RATE_LIMITED error under a 200 is waited out and the query succeeds', async () => {
    const limited = fixtures.find((f) => f.expected.code === 'rate_limited')!;
    server.script([limited.response, { status: 200, body: { data: { viewer: { login: 'octocat' } } } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(viewer));
    expect(result).toEqual({ ok: true, value: { viewer: { login: 'octocat' } } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('NOT_FOUND is sent once', async () => {
    server.script([fixtures.find((f) => f.expected.code === 'not_found')!.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(viewer));
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(1);
    const error = (result as { error: FaultError }).error;
    expect(error.fault).toMatchObject({ code: 'not_found', vendorCode: 'NOT_FOUND' });
    expect(error.cause).toBeInstanceOf(GraphqlResponseError);
  });
});

describe('errors arrays that are no GraphQL result', () => {
  it("an AggregateError's errors stay an unknown fault", () => {
    const fault = classify(new AggregateError([new Error('Rate limit exceeded')], 'all failed'));
    expect([fault.code, fault.vendor, fault.vendorCode]).toEqual(['unknown', undefined, undefined]);
  });
});
