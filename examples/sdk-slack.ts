// Slack's Node SDK (@slack/web-api with `retries: 0` and `rejectRateLimitedCalls`) wrapped in faultline's retry: a
// 429 is retried (after the Retry-After Slack sent: here 0 s, so after the backoff), an `ok: false` answer
// (`channel_not_found`) is not. The SDK's own error stays reachable as the FaultError's `cause`. A loopback server
// stands in for slack.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ channel: string; attempts: number; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.endsWith('/chat.postMessage')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"channel_not_found"}');
    } else if (requests === 1) {
      res.writeHead(429, { 'retry-after': '0' }).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"channel":{"id":"C0123456789","name":"general"}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    // retries: 0 and rejectRateLimitedCalls hand every failure to the policy: the SDK sleeps through nothing itself.
    const slack = new WebClient('xoxb-your-token', { slackApiUrl: `http://127.0.0.1:${port}/api/`, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    const info = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => slack.conversations.info({ channel: 'C0123456789' }));
    const attempts = requests;

    let missing = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => slack.chat.postMessage({ channel: 'C0000000000', text: 'hi' }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as WebAPIPlatformError;
      missing = `${error.fault.code} (${String(error.fault.vendorCode)}), ok: ${String(cause.data.ok)}`;
    }
    return { channel: info.channel?.name ?? '', attempts, missing };
  } finally {
    server.close();
  }
}
