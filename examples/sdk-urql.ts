// urql (@urql/core, fetchExchange) wrapped in faultline's retry: a query's result carries its error instead of
// rejecting, so the call throws `result.error`, urql's CombinedError. Shopify's THROTTLED under a 200 is retried, an
// UNAUTHENTICATED error is not. A loopback server stands in for the API.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, fetchExchange, gql } from '@urql/core';
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
  try {
    const client = new Client({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, exchanges: [fetchExchange], requestPolicy: 'network-only' });
    const query = async () => {
      const result = await client.query<{ shop: { name: string } }>(SHOP, {}).toPromise();
      if (result.error !== undefined) throw result.error;
      return result.data;
    };
    const data = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(query);
    const attempts = requests;

    let denied = '';
    try {
      await retry({ maxRetries: 2 }).execute(query);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      denied = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${String(error.fault.status)}`;
    }
    return { shop: data?.shop.name ?? '', attempts, denied };
  } finally {
    server.close();
  }
}
