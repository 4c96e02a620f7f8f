// undici inside faultline's retry. undici 7's request() throws on HTTP errors only through the
// `interceptors.responseError()` dispatcher (v7 dropped `throwOnError`); it has no retries of its
// own unless you compose `interceptors.retry()`. Its ResponseError stays the FaultError's `cause`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, errors, interceptors, request } from 'undici';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<string[]> {
  // A stand-in API on loopback: unavailable once (wait 20 ms), then fine; /locked is a conflict.
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    if (req.url === '/locked') return res.writeHead(409, { 'content-type': 'application/json' }).end('{"message":"locked"}');
    if (calls === 1) return res.writeHead(503, { 'retry-after-ms': '20' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dispatcher = new Agent().compose(interceptors.responseError());
  const policy = retry({ maxRetries: 2 });
  try {
    const body = await policy.execute(async () => (await request(`${origin}/things`, { dispatcher })).body.json());
    const lines = [`GET /things: ${calls} requests → ${JSON.stringify(body)}`];
    try {
      await policy.execute(() => request(`${origin}/locked`, { method: 'PUT', dispatcher }));
    } catch (error) {
      if (!(error instanceof FaultError) || !(error.cause instanceof errors.ResponseError)) throw error;
      lines.push(`PUT /locked: ${error.fault.code} (retry: ${error.fault.retry}), undici saw ${error.cause.statusCode}`);
    }
    return lines;
  } finally {
    await dispatcher.close();
    server.close();
  }
}
