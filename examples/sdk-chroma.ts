// Chroma's JavaScript client (chromadb) wrapped in faultline's retry: Chroma Cloud's rate limiter (429) is retried, a
// collection name already in use (409) is not. The client retries nothing itself and keeps nothing of a refusal but
// its own class (ChromaRateLimitError, ChromaUniqueError, …), which classify reads by name; the error stays reachable
// as the FaultError's `cause`. A loopback server stands in for a Chroma server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChromaClient, type EmbeddingFunction } from 'chromadb';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ collection: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST') {
      res.writeHead(409, { 'chroma-trace-id': '0' }).end('{"error":"UniqueConstraintError","message":"Collection a_new_id already exists"}');
    } else if (requests === 1) {
      res.writeHead(429).end();
    } else {
      res.writeHead(200).end('{"id":"5f3c6c4e-3d0b-4bd4-9f3e-0c6f2f5b8a11","name":"docs","configuration_json":{},"metadata":null,"tenant":"default_tenant","database":"default_database"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const chroma = new ChromaClient({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, ssl: false });
    // Your embedding model; the calls here never embed anything.
    const embeddingFunction: EmbeddingFunction = { generate: async (texts) => texts.map(() => [0, 0, 0]) };
    // The client keeps no Retry-After: faultline's backoff (short here) is the wait.
    const docs = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => chroma.getCollection({ name: 'docs', embeddingFunction }));
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => chroma.createCollection({ name: 'a_new_id', embeddingFunction }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${(error.cause as Error).name})`;
    }
    return { collection: docs.name, attempts, refused };
  } finally {
    server.close();
  }
}
