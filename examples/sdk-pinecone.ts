// Pinecone's TypeScript SDK (@pinecone-database/pinecone) with its own retries off (`maxRetries: 0`), wrapped in
// faultline's retry: a 429 TOO_MANY_REQUESTS is retried, an index name already in use (409 ALREADY_EXISTS) is not. The
// SDK's errors keep only a message; classify reads Pinecone's body the SDK wrote into it. The SDK's error stays
// reachable as the FaultError's `cause`. A loopback server stands in for api.pinecone.io.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pinecone } from '@pinecone-database/pinecone';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ assistants: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST') {
      res.writeHead(409).end('{"error":{"code":"ALREADY_EXISTS","message":"Resource already exists."},"status":409}');
    } else if (requests === 1) {
      res.writeHead(429).end('{"error":{"code":"TOO_MANY_REQUESTS","message":"Too many get or list assistant requests, try again later"},"status":429}');
    } else {
      res.writeHead(200).end('{"assistants":[]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const pc = new Pinecone({
      apiKey: 'pcsk_your_key',
      controllerHostUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      // Off, so faultline's retry is the only loop (the SDK retries a 5xx three times by default).
      maxRetries: 0,
    });
    const list = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => pc.listAssistants());
    const attempts = requests;

    let refused = '';
    try {
      const spec = { serverless: { cloud: 'aws' as const, region: 'us-east-1' } };
      await retry({ maxRetries: 2 }).execute(() => pc.createIndex({ name: 'example-index', dimension: 1536, metric: 'cosine', spec }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${String(error.fault.vendorCode)}), ${(error.cause as Error).name}`;
    }
    return { assistants: list.assistants?.length ?? 0, attempts, refused };
  } finally {
    server.close();
  }
}
