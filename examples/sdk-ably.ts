// Ably's REST client (ably@2) wrapped in faultline's retry, with the SDK's own retries and fallback hosts off: a
// connection dropped mid-publish is retried, and because the message carries its own id Ably keeps one copy; a
// token error (401, Ably code 40140) is not retried. The SDK's ErrorInfo stays reachable as the FaultError's
// `cause`. A loopback server stands in for rest.ably.io.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ably from 'ably';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ published: boolean; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => {
      if (requests === 1) {
        req.socket.destroy();
      } else if (requests === 2) {
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"error":{"code":40140,"statusCode":401,"message":"Token error"}}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const options = { endpoint: '127.0.0.1', port, tls: false, useBinaryProtocol: false, httpMaxRetryCount: 0, fallbackHosts: [], logLevel: 0 };
    const channel = new Ably.Rest({ key: 'appid.keyid:secret', ...options }).channels.get('orders');
    const message = { id: 'order-1:created', name: 'created', data: { id: 1 } };
    // A repeated publish with the same message id is one message on Ably's side: safe to retry.
    await retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(10) }).execute(() => channel.publish(message));
    const attempts = requests;

    let refused = '';
    try {
      const revoked = new Ably.Rest({ key: 'appid.keyid:revoked', ...options }).channels.get('orders');
      await retry({ maxRetries: 2, idempotent: true }).execute(() => revoked.publish(message));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, Ably ${String((error.cause as Ably.ErrorInfo).code)}`;
    }
    return { published: true, attempts, refused };
  } finally {
    server.close();
  }
}
