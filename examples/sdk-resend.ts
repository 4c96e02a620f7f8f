// Resend's Node SDK (resend) wrapped in faultline's retry. The SDK throws nothing: it returns `{ data, error, headers }`,
// so the call throws the error itself, with the response headers beside it (they hold Retry-After and the cf-ray
// request id). Sent with an Idempotency-Key, the mail is safe to send again: a 500 is retried, once; a mail missing its
// sender (422 missing_required_field) is not. A loopback server stands in for api.resend.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CreateEmailOptions, Resend } from 'resend';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ id: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (requests === 1) {
      res.writeHead(500).end('{"name":"application_error","message":"Something went wrong","statusCode":500}');
    } else if (requests === 2) {
      res.writeHead(200).end('{"id":"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794"}');
    } else {
      res.writeHead(422).end('{"name":"missing_required_field","message":"Missing `from` field.","statusCode":422}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    // `baseUrl` (or RESEND_BASE_URL) points the SDK elsewhere than https://api.resend.com.
    const resend = new Resend('re_your_key', { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const send = (email: CreateEmailOptions, idempotencyKey: string) => async () => {
      const { data, error, headers } = await resend.emails.send(email, { idempotencyKey });
      if (error) throw { ...error, headers };
      return data;
    };
    const mail = { from: 'Acme <onboarding@resend.dev>', to: ['delivered@resend.dev'], subject: 'Welcome', text: 'Hello' };

    // `idempotent: true`: the Idempotency-Key makes a 5xx safe to retry (Resend sends the mail once).
    const policy = retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(10) });
    const sent = await policy.execute(send(mail, 'welcome/user_1'));
    const attempts = requests;

    let refused = '';
    try {
      await policy.execute(send({ ...mail, from: '' }, 'welcome/user_2'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${String(error.fault.status)}: ${error.fault.message}`;
    }
    return { id: sent?.id ?? '', attempts, refused };
  } finally {
    server.close();
  }
}
