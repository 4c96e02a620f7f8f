// axios inside faultline's retry: a 429 waits the server's hint and is sent again; a 401 is not,
// and axios's own error stays reachable as the FaultError's `cause`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<string[]> {
  // A stand-in API on loopback: rate-limited once (wait 20 ms), then fine; /private needs a key.
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    if (req.url === '/private') return res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Invalid API key"}}');
    if (calls === 1) return res.writeHead(429, { 'retry-after-ms': '20' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = axios.create({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  const policy = retry({ maxRetries: 2 });
  try {
    const { data } = await policy.execute(() => api.get('/things'));
    const lines = [`GET /things: ${calls} requests → ${JSON.stringify(data)}`];
    try {
      await policy.execute(() => api.get('/private'));
    } catch (error) {
      if (!(error instanceof FaultError) || !axios.isAxiosError(error.cause)) throw error;
      // faultline's verdict, and axios's own error underneath.
      lines.push(`GET /private: ${error.fault.code} (retry: ${error.fault.retry}), axios saw ${error.cause.response?.status}`);
    }
    return lines;
  } finally {
    server.close();
  }
}
