// Apollo Client (@apollo/client, HttpLink) wrapped in faultline's retry: Shopify's THROTTLED under a 200 is retried,
// an UNAUTHENTICATED error is not. GraphQL servers answer both with a 200 and an `errors` array; Apollo throws them as
// CombinedGraphQLErrors, which stays reachable as the FaultError's `cause`. A loopback server stands in for the API.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, type CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { FaultError, constantBackoff, retry } from 'faultline';

const SHOP = gql`
  query Shop {
    shop {
      name
    }
  }
`;

export async function main(): Promise<{ shop: string; attempts: number; denied: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    if (requests === 1) res.end('{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}');
    else if (requests === 2) res.end('{"data":{"shop":{"__typename":"Shop","name":"Example shop"}}}');
    else res.end('{"errors":[{"message":"User is not authenticated","path":["shop"],"extensions":{"code":"UNAUTHENTICATED"}}],"data":{"shop":null}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new ApolloClient({ link: new HttpLink({ uri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` }), cache: new InMemoryCache() });
  try {
    const query = () => client.query({ query: SHOP, fetchPolicy: 'no-cache' });
    const result = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(query);
    const attempts = requests;

    let denied = '';
    try {
      await retry({ maxRetries: 2 }).execute(query);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as CombinedGraphQLErrors;
      denied = `${error.fault.code} (${String(error.fault.vendorCode)}), ${cause.errors.length} error`;
    }
    return { shop: (result.data as { shop: { name: string } }).shop.name, attempts, denied };
  } finally {
    client.stop();
    server.close();
  }
}
