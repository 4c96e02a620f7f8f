// SendGrid's Node SDK (@sendgrid/mail, through @sendgrid/client) wrapped in faultline's retry: a 429 is retried (after
// the X-RateLimit-Reset SendGrid sent, here already past, so at once), an unverified sender (403) is not. The SDK's
// ResponseError stays reachable as the FaultError's `cause`. A loopback server stands in for api.sendgrid.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sendgrid from '@sendgrid/client';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ accepted: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1392815263' });
      res.end('{"errors":[{"field":null,"message":"too many requests"}]}');
    } else if (requests === 2) {
      res.writeHead(202).end();
    } else {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements","field":"from","help":null}]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    sendgrid.setApiKey('SG.your-key');
    sendgrid.setDefaultRequest('baseUrl', `http://127.0.0.1:${port}`);
    const mail = {
      personalizations: [{ to: [{ email: 'to@example.com' }] }],
      from: { email: 'from@example.com' },
      subject: 'Hello',
      content: [{ type: 'text/plain', value: 'Hello' }],
    };
    const send = () => sendgrid.request({ method: 'POST', url: '/v3/mail/send', body: mail });
    const [response] = await retry({ maxRetries: 2 }).execute(send);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(send);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, HTTP ${String((error.cause as { code: number }).code)}`;
    }
    return { accepted: response.statusCode, attempts, refused };
  } finally {
    server.close();
  }
}
