// LINE's Messaging API SDK (@line/bot-sdk) wrapped in faultline's retry: a push whose connection drops before any
// answer is sent again, safely, because it carries an X-Line-Retry-Key (LINE runs a key once and answers a repeat 409),
// which is what `idempotent: true` says; the monthly message limit (429) is quota_exhausted and not retried, 429 or
// not. The SDK retries nothing itself; its HTTPFetchError keeps the status, headers and body (LINE's message is the
// Fault's, x-line-request-id its requestId) and stays reachable as the FaultError's `cause`. A loopback server stands
// in for api.line.me.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ sent: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      req.socket.destroy();
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"sentMessages":[{"id":"461230966842064897","quoteToken":"IStG5h1Tz7b..."}]}');
    } else {
      res.writeHead(429, { 'content-type': 'application/json', 'x-line-request-id': '0c34a491-e2df-4d87-8440-a89f8ae2a7e3' });
      res.end('{"message":"You have reached your monthly limit."}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: 'your-channel-access-token', baseURL: `http://127.0.0.1:${port}` });
    const message = { to: 'U4af4980629', messages: [{ type: 'text' as const, text: 'Hello, world' }] };
    // One key for every attempt of the same push, a new one for the next push.
    const push = (key: string) => () => client.pushMessage(message, key);
    const policy = retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(10) });
    const response = await policy.execute(push(randomUUID()));
    const attempts = requests;

    let refused = '';
    try {
      await policy.execute(push(randomUUID()));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as HTTPFetchError;
      refused = `${error.fault.code}: ${error.fault.message} (HTTP ${String(cause.status)}, ${String(error.fault.requestId)}), ${String(requests - attempts)} request`;
    }
    return { sent: String(response.sentMessages[0]?.id), attempts, refused };
  } finally {
    server.close();
  }
}
