// ofetch inside faultline's retry, with ofetch's own retries off (`retry: 0`; by default it retries
// GETs on 408, 409, 425, 429 and 5xx). ofetch's FetchError keeps the parsed body as `data`, and
// stays reachable as the FaultError's `cause`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchError, ofetch } from 'ofetch';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<string[]> {
  // A stand-in API on loopback: overloaded once (wait 20 ms), then fine; /charge is declined.
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    if (req.url === '/charge') {
      return res.writeHead(402, { 'content-type': 'application/json' }).end('{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}');
    }
    if (calls === 1) return res.writeHead(529, { 'retry-after-ms': '20' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = ofetch.create({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: 0 });
  const policy = retry({ maxRetries: 2 });
  try {
    const body = await policy.execute(() => api('/things'));
    const lines = [`GET /things: ${calls} requests → ${JSON.stringify(body)}`];
    try {
      await policy.execute(() => api('/charge', { method: 'POST' }));
    } catch (error) {
      if (!(error instanceof FaultError) || !(error.cause instanceof FetchError)) throw error;
      lines.push(`POST /charge: ${error.fault.code} (retry: ${error.fault.retry}), ofetch saw ${error.cause.status}`);
    }
    return lines;
  } finally {
    server.close();
  }
}
