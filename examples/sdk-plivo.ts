// Plivo's Node SDK (plivo) sending an SMS, wrapped in faultline's retry: a 503 is retried, an invalid destination number
// (400) is not. plivo-node sends messages once (it retries only voice requests), and its errors are plain Errors with
// `status`, `apiID` and the body's `error` as their message. A loopback server stands in for api.plivo.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import plivo from 'plivo';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ queued: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(503).end();
    } else if (requests === 2) {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"message":"message(s) queued","message_uuid":["db3ce55a-7f1d-11e1-8ea7-1231380bc196"],"api_id":"db342550-7f1d-11e1-8ea7-1231380bc196"}');
    } else {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"api_id":"a5169572-325d-11ec-8852-0242ac110005","error":"\'1111111\' is not a valid phone number."}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const authId = 'MAXXXXXXXXXXXXXXXXXX';
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/Account/${authId}`;
    const client = new plivo.Client(authId, 'your-auth-token', { url });
    const send = (dst: string) => () => client.messages.create('+15035360976', dst, 'Hello');
    const queued = await retry({ maxRetries: 2 }).execute(send('+14155550100'));
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(send('1111111'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, HTTP ${String(error.fault.status)}: ${error.fault.message}`;
    }
    return { queued: String(queued.messageUuid[0]), attempts, refused };
  } finally {
    server.close();
  }
}
