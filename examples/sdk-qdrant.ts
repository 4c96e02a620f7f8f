// Qdrant's REST client (@qdrant/js-client-rest) wrapped in faultline's retry: a write over the collection's rate limit
// (429) waits the Retry-After the client kept as `retry_after` (here 0 s, so the backoff) and is sent again; a
// collection that does not exist (404) is not. The client retries nothing itself. A refusal is the fetcher's ApiError
// (status, headers, body as `data`); a 429 with Retry-After is QdrantClientResourceExhaustedError, which keeps only
// `retry_after`. Either stays reachable as the FaultError's `cause`. A loopback server stands in for a Qdrant node.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QdrantClient } from '@qdrant/js-client-rest';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ operation: string; waits: number[]; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/collections/pretty_colors') && req.method === 'GET') {
      res.writeHead(404).end('{"status":{"error":"Not found: Collection `pretty_colors` doesn\'t exist!"},"time":0.000015212}');
    } else if (requests === 1) {
      // Qdrant sends whole seconds, 1 or more; 0 keeps the example fast.
      res.writeHead(429, { 'retry-after': '0' }).end('{"status":{"error":"Rate limiting exceeded: Write rate limit exceeded"}}');
    } else {
      res.writeHead(200).end('{"result":{"operation_id":0,"status":"completed"},"status":"ok","time":0.002}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    // checkCompatibility: false keeps the client from asking the server's version first.
    const qdrant = new QdrantClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, checkCompatibility: false });
    const policy = retry({ maxRetries: 2, backoff: constantBackoff(10) });
    const waits: number[] = [];
    policy.onRetry(({ delayMs }) => waits.push(delayMs));
    const update = await policy.execute(() => qdrant.upsert('docs', { wait: true, points: [{ id: 1, vector: [0.05, 0.61, 0.76, 0.74] }] }));

    let missing = '';
    try {
      await policy.execute(() => qdrant.getCollection('pretty_colors'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      missing = `${error.fault.code}, HTTP ${String((error.cause as { status: number }).status)}`;
    }
    return { operation: update.status, waits, missing };
  } finally {
    server.close();
  }
}
