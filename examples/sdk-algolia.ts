// Algolia's JavaScript client (algoliasearch v5) wrapped in faultline's retry: a 429 is retried (this one came with no
// Retry-After, so after the backoff), an exhausted operations quota (403) is not. `maxRateLimitRetries: 0` turns off
// the client's own 429 retries, which would sleep on the same host first. Its ApiError keeps the status and Algolia's
// message, and stays reachable as the FaultError's `cause`. A loopback server stands in for {appId}-dsn.algolia.net.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { algoliasearch } from 'algoliasearch';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ hits: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json' }).end('{"message":"Too many requests"}');
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"hits":[],"nbHits":0}');
    } else {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"message":"Operations quota exceeded, change plan to get more Operations.","status":403}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const client = algoliasearch('YourApplicationID', 'your-search-key', {
      hosts: [{ url: `127.0.0.1:${port}`, accept: 'readWrite', protocol: 'http' }],
      maxRateLimitRetries: 0,
    });
    const search = () => client.searchSingleIndex({ indexName: 'products', searchParams: { query: 'phone' } });
    const result = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(search);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(search);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, HTTP ${String((error.cause as { status: number }).status)}`;
    }
    return { hits: result.nbHits ?? -1, attempts, refused };
  } finally {
    server.close();
  }
}
