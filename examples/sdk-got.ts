// got inside faultline's retry, with got's own retries off (`retry: { limit: 0 }`): one retry
// loop, faultline's, which waits the server's hint; got's HTTPError stays the FaultError's `cause`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import got, { HTTPError } from 'got';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<string[]> {
  // A stand-in API on loopback: unavailable once (retry in 20 ms), then fine; /missing is a 404.
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    if (req.url === '/missing') return res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    if (calls === 1) return res.writeHead(503, { 'retry-after-ms': '20' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = got.extend({ prefixUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: { limit: 0 } });
  const policy = retry({ maxRetries: 2 });
  try {
    const body = await policy.execute(() => api.get('things').json());
    const lines = [`GET /things: ${calls} requests → ${JSON.stringify(body)}`];
    try {
      await policy.execute(() => api.get('missing').json());
    } catch (error) {
      if (!(error instanceof FaultError) || !(error.cause instanceof HTTPError)) throw error;
      lines.push(`GET /missing: ${error.fault.code} (retry: ${error.fault.retry}), got saw ${error.cause.response.statusCode}`);
    }
    return lines;
  } finally {
    server.close();
  }
}
