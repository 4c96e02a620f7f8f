// Weaviate's TypeScript client (weaviate-client v3, REST calls) wrapped in faultline's retry: a 503 is retried, a class
// that already exists (422) is not. The SDK's WeaviateUnexpectedStatusCodeError keeps the body only inside its message;
// classify reads Weaviate's own message from it. A loopback server stands in for the Weaviate server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import weaviate from 'weaviate-client';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ deleted: boolean; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(503).end();
    } else if (requests === 2) {
      res.writeHead(200).end();
    } else {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end('{"error":[{"message":"class name \\"Document\\" already exists"}]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The REST calls below never open the gRPC channel, so its address only has to be well formed.
  const client = await weaviate.connectToCustom({ httpHost: '127.0.0.1', httpPort: port, httpSecure: false, grpcHost: '127.0.0.1', grpcPort: port, grpcSecure: false, skipInitChecks: true });
  try {
    await retry({ maxRetries: 2 }).execute(() => client.collections.delete('Document'));
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => client.collections.createFromSchema({ class: 'Document', properties: [] }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, HTTP ${String(error.fault.status)}: ${error.fault.message}`;
    }
    return { deleted: true, attempts, refused };
  } finally {
    await client.close();
    server.close();
  }
}
