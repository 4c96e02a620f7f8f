// Meilisearch's JavaScript client (meilisearch) wrapped in faultline's retry: a full search queue (503
// too_many_search_requests) is waited out for the Retry-After Meilisearch sent, then the search answers; an index that
// does not exist (404 index_not_found) is not retried. Meilisearch asked for 10 s, so a VirtualClock stands in for real
// time here: the example shows the wait without sitting it out (in your app, leave `clock` out). The SDK's
// MeilisearchApiError stays reachable as the FaultError's `cause`. A loopback server stands in for a Meilisearch instance.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Meilisearch, type MeilisearchApiError } from 'meilisearch';
import { FaultError, retry } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ hits: number; attempts: number; waits: number[]; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.startsWith('/indexes/movies/')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Index `movies` not found.","code":"index_not_found","type":"invalid_request","link":"https://docs.meilisearch.com/errors#index_not_found"}');
    } else if (requests === 1) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '10' });
      res.end('{"message":"Too many search requests running at the same time: 1. Retry after 10s.","code":"too_many_search_requests","type":"system","link":"https://docs.meilisearch.com/errors#too_many_search_requests"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"hits":[{"id":2770,"title":"American Pie 2"}],"query":"american","processingTimeMs":1,"limit":20,"offset":0,"estimatedTotalHits":1}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = new Meilisearch({ host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'your-search-key' });
    const clock = new VirtualClock();
    const policy = retry({ maxRetries: 2, clock });
    const waits: number[] = [];
    policy.onRetry(({ delayMs }) => {
      waits.push(delayMs);
      // The policy starts its sleep right after this event; let virtual time run past it.
      setImmediate(() => void clock.runAll());
    });
    const found = await policy.execute(() => client.index('books').search('american'));
    const attempts = requests;

    let missing = '';
    try {
      await policy.execute(() => client.index('movies').search('american'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as MeilisearchApiError;
      missing = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${cause.response.status}`;
    }
    return { hits: found.hits.length, attempts, waits, missing };
  } finally {
    server.close();
  }
}
