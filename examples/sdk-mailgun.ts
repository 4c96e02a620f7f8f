// Mailgun's Node SDK (mailgun.js) wrapped in faultline's retry: a 429 is retried (Mailgun sends no wait, so after the
// backoff), a key Mailgun refuses (401 "Forbidden") is not. The SDK retries nothing itself; its MailgunAPIError keeps
// the status and, as `details`, what Mailgun said (the Fault's message), and stays reachable as the FaultError's
// `cause`. A refused connection it reports as a 400 is still read as connect_failed. A loopback server stands in for
// api.mailgun.net.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import FormData from 'form-data';
import Mailgun from 'mailgun.js';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ queued: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(429).end('Too many requests');
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"message":"Queued. Thank you.","id":"<20111114174239.25659.5817@samples.mailgun.org>"}');
    } else {
      res.writeHead(401).end('Forbidden');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const mg = new Mailgun(FormData).client({ username: 'api', key: 'your-api-key', url: `http://127.0.0.1:${port}` });
    const send = () => mg.messages.create('sandbox.mailgun.org', { from: 'bar@example.com', to: ['foo@example.com'], subject: 'Hello', text: 'Hello' });
    const sent = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(send);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(send);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}: ${error.fault.message}, HTTP ${String((error.cause as { status: number }).status)}`;
    }
    return { queued: String(sent.id), attempts, refused };
  } finally {
    server.close();
  }
}
