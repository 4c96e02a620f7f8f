// Typesense's JavaScript client (typesense) wrapped in faultline's retry: a 429 "Rate limit exceeded or blocked", which
// the SDK itself never retries, is retried (Typesense sends no wait, so after the backoff) and the collection comes
// back; a collection that does not exist (404) is not retried. The SDK's own retries (5xx and network failures, with a
// real sleep) are off, `numRetries: 0`, so one policy decides. Its ObjectNotFound stays reachable as the FaultError's
// `cause`. A loopback server stands in for a Typesense node.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, type Errors } from 'typesense';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ collection: string; attempts: number; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.startsWith('/collections/films')) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end('{"message": "Not Found"}');
    } else if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json; charset=utf-8' }).end('{ "message": "Rate limit exceeded or blocked"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"name":"books","num_documents":0,"fields":[{"name":"title","type":"string"}],"default_sorting_field":"","created_at":1712678400}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const typesense = new Client({
      nodes: [{ host: '127.0.0.1', port: (server.address() as AddressInfo).port, protocol: 'http' }],
      apiKey: 'your-api-key',
      numRetries: 0,
      logLevel: 'silent',
    });
    const books = await retry({ maxRetries: 2 }).execute(() => typesense.collections('books').retrieve());
    const attempts = requests;

    let missing = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => typesense.collections('films').retrieve());
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as Errors.ObjectNotFound;
      missing = `${error.fault.code}, HTTP ${String(cause.httpStatus)}: ${error.fault.message}`;
    }
    return { collection: books.name, attempts, missing };
  } finally {
    server.close();
  }
}
