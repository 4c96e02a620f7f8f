// Postmark's Node SDK (postmark) wrapped in faultline's retry: a 429 is retried (Postmark sends no wait, so after the
// backoff), a From address that is no verified sender signature (422, ErrorCode 300) is not. The SDK retries nothing
// itself; its PostmarkError keeps the status, Postmark's ErrorCode (the Fault's vendorCode) and Message, and stays
// reachable as the FaultError's `cause`. A loopback server stands in for api.postmarkapp.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerClient } from 'postmark';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ sent: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json' }).end('{"Message":"Basic error","ErrorCode":0}');
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ErrorCode":0,"Message":"OK"}');
    } else {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(`{"ErrorCode":300,"Message":"Invalid 'From' address: 'sender@example.com' is not a verified sender signature."}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const client = new ServerClient('your-server-token', { requestHost: `127.0.0.1:${port}`, useHttps: false });
    const send = () => client.sendEmail({ From: 'sender@example.com', To: 'receiver@example.com', Subject: 'Hello', TextBody: 'Hello' });
    const response = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(send);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(send);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${String((error.cause as { statusCode: number }).statusCode)}`;
    }
    return { sent: response.Message, attempts, refused };
  } finally {
    server.close();
  }
}
