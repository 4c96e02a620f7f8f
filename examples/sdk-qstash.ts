// Upstash QStash (@upstash/qstash with `retry: false`) wrapped in faultline's retry: a burst rate limit (429) is
// retried once its Burst-RateLimit-Reset has passed (an instant, here long past, so at once), an invalid destination
// (400) is not. QstashRatelimitError keeps only the three headers, as `limit`, `remaining` and `reset`; classify reads
// them as the rate-limit headers. The SDK's error stays reachable as the FaultError's `cause`, and the SDK still logs
// each failure with console.error. A loopback server stands in for qstash.upstash.io.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, type QstashError } from '@upstash/qstash';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ messageId: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.includes('/publish/example.com')) {
      res.writeHead(400, { 'content-type': 'application/json' })
        .end('{"error":"invalid destination url: endpoint has invalid scheme, add http:// or https://"}');
    } else if (requests === 1) {
      res.writeHead(429, { 'burst-ratelimit-limit': '100', 'burst-ratelimit-remaining': '0', 'burst-ratelimit-reset': '1767225601' }).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"messageId":"msd_1"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const qstash = new Client({ token: 'your-token', baseUrl: `http://127.0.0.1:${port}`, retry: false });
    const policy = retry({ maxRetries: 2 });
    const published = await policy.execute(() => qstash.publishJSON({ url: 'https://example.com/hook', body: { hello: 'world' } }));
    const attempts = requests;

    let refused = '';
    try {
      await policy.execute(() => qstash.publishJSON({ url: 'example.com/hook', body: { hello: 'world' } }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}: ${error.fault.message} (HTTP ${String((error.cause as QstashError).status)})`;
    }
    return { messageId: published.messageId, attempts, refused };
  } finally {
    server.close();
  }
}
