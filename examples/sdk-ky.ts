// ky inside faultline's retry, with ky's own retries off (`retry: 0`). ky's HTTPError holds the
// response with its body unread: faultline's policies read it (bounded) before deciding, so a 429
// that says "out of quota" is not retried; `classifyResponse(error)` does the same by hand.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import ky, { HTTPError } from 'ky';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<string[]> {
  // A stand-in API on loopback: rate-limited once (wait 20 ms), then fine; /generate is out of quota.
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    if (req.url === '/generate') {
      return res.writeHead(429, { 'content-type': 'application/json' }).end('{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}');
    }
    if (calls === 1) return res.writeHead(429, { 'retry-after-ms': '20' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = ky.create({ prefixUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: 0 });
  const policy = retry({ maxRetries: 2 });
  try {
    const body = await policy.execute(() => api.get('things').json());
    const lines = [`GET /things: ${calls} requests → ${JSON.stringify(body)}`];
    const before = calls;
    try {
      await policy.execute(() => api.post('generate').json());
    } catch (error) {
      if (!(error instanceof FaultError) || !(error.cause instanceof HTTPError)) throw error;
      lines.push(`POST /generate: ${error.fault.code} after ${calls - before} request, ky saw ${error.cause.response.status}`);
    }
    return lines;
  } finally {
    server.close();
  }
}
