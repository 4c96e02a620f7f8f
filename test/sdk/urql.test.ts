/**
 * @urql/core (its fetchExchange, the global fetch) against a loopback server answering as GraphQL servers do
 * (test/fixtures/sdk/graphql-servers.json). urql resolves a query with `error`, a CombinedError: the result's errors as
 * `graphQLErrors` beside the Response it read (`response`), or a `networkError` when no result came back. Callers throw it.
 */
import { Client, CombinedError, fetchExchange, gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('graphql-servers');
let server: Loopback;
let client: Client;

beforeAll(async () => {
  server = await startLoopback();
  client = new Client({ url: `${server.url}/graphql`, exchanges: [fetchExchange], requestPolicy: 'network-only' });
});
afterAll(() => server.close());

const ME = gql`
  query Me {
    me {
      id
    }
  }
`;

// What an app does with urql's result: throw its error.
async function query(): Promise<unknown> {
  const result = await client.query(ME, {}).toPromise();
  if (result.error !== undefined) throw result.error;
  return result.data;
}

describe('urql: classify(CombinedError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(query);
      expect(error).toBeInstanceOf(CombinedError);
      expect((error as CombinedError).graphQLErrors.length).toBeGreaterThan(0);
      const fault = classify(error);
      // The result's extensions are not kept (Shopify's wait is there): the rest is the response's.
      const { retryAfterMs: _wait, ...expected } = fixture.expected;
      expectFault(fault, expected);
      const same = essentials(classify({ status: fixture.response.status, headers: fixture.response.headers, body: JSON.stringify(fixture.response.body) }));
      expect({ ...essentials(fault), retryAfterMs: undefined }).toEqual({ ...same, retryAfterMs: undefined });
    });
  }

  it("a 503 with no result is the Response's status, through the networkError urql made", async () => {
    server.script([{ status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '2' }, body: 'Service Unavailable' }]);
    const error = await thrown(query);
    expect((error as CombinedError).networkError).toBeInstanceOf(Error);
    expect(classify(error)).toMatchObject({ code: 'service_unavailable', status: 503, retryAfterMs: 2000 });
  });
});

describe('urql: retry({ maxRetries: 2 }) around the query', () => {
  it('UNAUTHENTICATED is sent once', async () => {
    server.script([fixtures.find((f) => f.expected.code === 'unauthenticated')!.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect(server.requests).toHaveLength(1);
    const error = (result as { error: FaultError }).error;
    expect(error.fault).toMatchObject({ code: 'unauthenticated', vendorCode: 'UNAUTHENTICATED', status: 200 });
    expect(error.cause).toBeInstanceOf(CombinedError);
  });

  it('THROTTLED is retried and the query succeeds', async () => {
    const throttled = fixtures.find((f) => f.expected.code === 'rate_limited')!;
    server.script([throttled.response, { status: 200, body: { data: { me: { __typename: 'User', id: '1' } } } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect(result).toEqual({ ok: true, value: { me: { __typename: 'User', id: '1' } } });
    expect(server.requests).toHaveLength(2);
  });
});
