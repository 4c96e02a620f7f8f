// Twilio's Node SDK (`twilio`, whose automatic retries are off unless `autoRetry` is set) wrapped in faultline's retry:
// a 503 is retried (a GET, so the caller calls it idempotent), an unsubscribed recipient (21610) is not. The SDK's
// RestException stays reachable as the FaultError's `cause`. A loopback server stands in for api.twilio.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ status: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.method === 'POST') {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"code":21610,"message":"Attempt to send to unsubscribed recipient","more_info":"https://www.twilio.com/docs/errors/21610","status":400}');
    } else if (requests === 1) {
      res.writeHead(503).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"sid":"CA00000000000000000000000000000000","status":"completed"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const client = twilio('AC00000000000000000000000000000000', 'your-auth-token');
    // Only for the loopback server: the API domain's base URL.
    client.api.baseUrl = `http://127.0.0.1:${port}`;
    const call = await retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(10) }).execute(() => client.calls('CA00000000000000000000000000000000').fetch());
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => client.messages.create({ to: '+15005550006', from: '+15005550006', body: 'hi' }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as { status: number };
      refused = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${cause.status}`;
    }
    return { status: call.status, attempts, refused };
  } finally {
    server.close();
  }
}
