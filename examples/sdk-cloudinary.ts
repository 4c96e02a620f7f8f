// Cloudinary's Node SDK (cloudinary, v2) wrapped in faultline's retry: the Provisioning API's rate limit (420) is
// retried (no wait is sent, so after the backoff) and the sub-accounts are listed; an Admin API lookup of an asset that
// does not exist (404) is not retried. The SDK rejects with plain objects that carry the request, API secret included
// (`request_options.auth`); the Fault keeps none of it. The rejection stays reachable as the FaultError's `cause`. A
// loopback server stands in for api.cloudinary.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ subAccounts: number; attempts: number; missing: string; secretInFault: boolean }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.includes('/resources/')) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'test-request-id-12345678' });
      res.end('{"error":{"message":"Resource not found"}}');
    } else if (requests === 1) {
      res.writeHead(420, { 'content-type': 'application/json' });
      res.end('{"error": {"category": "rate_limit", "code": "ip_rate_limit_exceeded", "message": "Rate limit exceeded"}}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"sub_accounts":[]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const previous = process.env.CLOUDINARY_URL;
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const secret = 'your-api-secret';
    // The SDK picks http or https once, as it loads, from this upload_prefix; against the real API leave it out.
    process.env.CLOUDINARY_URL = `cloudinary://123456789012345:${secret}@your-cloud?upload_prefix=${encodeURIComponent(base)}`;
    const { v2: cloudinary } = await import('cloudinary');
    cloudinary.config({ cloud_name: 'your-cloud', api_key: '123456789012345', api_secret: secret, upload_prefix: base });
    cloudinary.config({ account_id: 'your-account-id', provisioning_api_key: 'your-key', provisioning_api_secret: secret });

    const listed = (await retry({ maxRetries: 2 }).execute(() => cloudinary.provisioning.account.sub_accounts(true))) as { sub_accounts: unknown[] };
    const attempts = requests;

    let missing = '';
    let secretInFault = true;
    try {
      await retry({ maxRetries: 2 }).execute(() => cloudinary.api.resource('missing-asset'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as { error: { http_code: number } };
      missing = `${error.fault.code}, HTTP ${cause.error.http_code}: ${error.fault.message}`;
      secretInFault = JSON.stringify(error.fault).includes(secret);
    }
    return { subAccounts: listed.sub_accounts.length, attempts, missing, secretInFault };
  } finally {
    if (previous === undefined) delete process.env.CLOUDINARY_URL;
    else process.env.CLOUDINARY_URL = previous;
    server.close();
  }
}
