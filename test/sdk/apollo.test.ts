/**
 * @apollo/client@4 and @apollo/client@3 (HttpLink, the global fetch) against a loopback server answering as GraphQL
 * servers do (test/fixtures/sdk/graphql-servers.json: Apollo Server's, Shopify's, Hasura's and graphql.org's documented
 * responses). Apollo 4 throws a result with errors as CombinedGraphQLErrors (the body's `errors` and `data`, no status
 * or headers), and a response it cannot use as a result as ServerError (`statusCode`, the Response, the body's text as
 * `bodyText`). Apollo 3 throws both as ApolloError: the result's errors as `graphQLErrors`, the response as its
 * `networkError`, a ServerError whose `result` is the parsed body.
 */
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError, gql } from '@apollo/client';
import { ApolloClient as ApolloClient3, ApolloError, HttpLink as HttpLink3, InMemoryCache as InMemoryCache3 } from 'apollo-client-3/core/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('graphql-servers');
let server: Loopback;
let clients: { stop(): void }[] = [];

beforeAll(async () => {
  server = await startLoopback();
});
afterEach(() => {
  for (const client of clients) client.stop();
  clients = [];
});
afterAll(() => server.close());

const QUERY = gql`
  query Me {
    me {
      id
    }
  }
`;

// A new client per call: Apollo's cache would otherwise answer a repeated query without a request.
function query(): Promise<unknown> {
  const client = new ApolloClient({ link: new HttpLink({ uri: `${server.url}/graphql` }), cache: new InMemoryCache() });
  clients.push(client);
  return client.query({ query: QUERY, fetchPolicy: 'no-cache' });
}

describe('apollo: classify(error) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(query);
      expect(error).toBeInstanceOf(fixture.response.status === 200 ? CombinedGraphQLErrors : ServerError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      const same = essentials(classify({ status: fixture.response.status, headers: fixture.response.headers, body: JSON.stringify(fixture.response.body) }));
      if (error instanceof ServerError) {
        expect(essentials(fault)).toEqual(same);
      } else {
        // CombinedGraphQLErrors keeps neither the status nor the headers: the rest is the response's.
        expect(fault.status).toBeUndefined();
        expect({ ...essentials(fault), status: 200, requestId: undefined }).toEqual({ ...same, requestId: undefined });
      }
    });
  }

  it("ServerError's bodyText names the vendor's code", async () => {
    const fixture = fixtures.find((f) => f.response.status !== 200)!;
    server.script([fixture.response]);
    const error = await thrown(query);
    expect(error).toBeInstanceOf(ServerError);
    expect(classify(error).vendorCode).toBe(fixture.expected.vendorCode);
  });
});

// Apollo 3, with the same query document: its client parses it again.
function query3(): Promise<unknown> {
  const client = new ApolloClient3({ link: new HttpLink3({ uri: `${server.url}/graphql` }), cache: new InMemoryCache3() });
  clients.push(client);
  return client.query({ query: QUERY, fetchPolicy: 'no-cache' });
}

describe('apollo 3: classify(ApolloError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(query3);
      expect(error).toBeInstanceOf(ApolloError);
      const fault = classify(error);
      const same = essentials(classify({ status: fixture.response.status, headers: fixture.response.headers, body: JSON.stringify(fixture.response.body) }));
      if ((error as ApolloError).networkError !== null) {
        expectFault(fault, fixture.expected);
        expect(essentials(fault)).toEqual(same);
      } else {
        // graphQLErrors alone: no status, no headers, and not the result's extensions (where Shopify's wait is).
        const { retryAfterMs: _wait, ...expected } = fixture.expected;
        expectFault(fault, expected);
        expect(fault.status).toBeUndefined();
        expect({ ...essentials(fault), status: 200, requestId: undefined, retryAfterMs: undefined }).toEqual({ ...same, requestId: undefined, retryAfterMs: undefined });
      }
    });
  }

  it('retry({ maxRetries: 2 }) waits out THROTTLED and the query succeeds', async () => {
    const throttled = fixtures.find((f) => f.expected.code === 'rate_limited')!;
    server.script([throttled.response, { status: 200, body: { data: { me: { __typename: 'User', id: '1' } } } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query3));
    expect(result).toMatchObject({ ok: true, value: { data: { me: { id: '1' } } } });
    expect(server.requests).toHaveLength(2);
  });
});

describe('apollo: retry({ maxRetries: 2 }) around client.query', () => {
  it('THROTTLED under a 200 is retried and the query succeeds', async () => {
    const throttled = fixtures.find((f) => f.expected.code === 'rate_limited')!;
    server.script([throttled.response, { status: 200, body: { data: { me: { __typename: 'User', id: '1' } } } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect(result).toMatchObject({ ok: true, value: { data: { me: { id: '1' } } } });
    expect(server.requests).toHaveLength(2);
  });

  it('UNAUTHENTICATED is sent once', async () => {
    server.script([fixtures.find((f) => f.expected.code === 'unauthenticated')!.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect(server.requests).toHaveLength(1);
    const error = (result as { error: FaultError }).error;
    expect(error.fault).toMatchObject({ code: 'unauthenticated', vendorCode: 'UNAUTHENTICATED' });
    expect(error.cause).toBeInstanceOf(CombinedGraphQLErrors);
  });

  it('a 503 with no body is retried to the limit', async () => {
    server.script([{ status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(query));
    expect(server.requests).toHaveLength(3);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'service_unavailable', status: 503 });
  });
});
