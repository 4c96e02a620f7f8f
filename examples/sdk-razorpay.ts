// Razorpay's Node SDK (razorpay) wrapped in faultline's retry: a 500 SERVER_ERROR on reading a payment is retried (the
// read is safe to repeat, so the call says `idempotent: true`), a request the account cannot make (400
// BAD_REQUEST_ERROR, "The requested URL was not found on the server.") is not. The SDK rejects not with an Error but
// with a plain object, `{statusCode, error}`, whose `error` is Razorpay's error object; it stays reachable as the
// FaultError's `cause`. The SDK's host is fixed: its axios instance is pointed at a loopback server standing in for
// api.razorpay.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Razorpay from 'razorpay';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ payment: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.writeHead(requests === 1 ? 500 : requests === 2 ? 200 : 400, { 'content-type': 'application/json' });
    if (requests === 1) {
      res.end('{"error":{"code":"SERVER_ERROR","description":"The server encountered an error. The incident has been reported to admins.","metadata":{}}}');
    } else if (requests === 2) {
      res.end('{"id":"pay_29QQoUBi66xm2f","entity":"payment","amount":50000,"currency":"INR","status":"captured"}');
    } else {
      res.end('{"error":{"code":"BAD_REQUEST_ERROR","description":"The requested URL was not found on the server.","source":"NA","step":"NA","reason":"NA","metadata":{}}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const razorpay = new Razorpay({ key_id: 'rzp_test_your_key', key_secret: 'your-secret' });
    // The constructor takes no host; the axios instance it made is the one place to point it elsewhere.
    (razorpay as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL =
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const payment = await retry({ maxRetries: 2, idempotent: true }).execute(() => razorpay.payments.fetch('pay_29QQoUBi66xm2f'));
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2, idempotent: true }).execute(() => razorpay.payments.fetch('pay_29QQoUBi66xm2f'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as { statusCode: number; error: { code: string } };
      refused = `${error.fault.code} (${cause.error.code}), HTTP ${cause.statusCode}`;
    }
    return { payment: payment.id, attempts, refused };
  } finally {
    server.close();
  }
}
