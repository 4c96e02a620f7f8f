// Clerk's backend SDK (@clerk/backend) wrapped in faultline's retry: a 429 waits the Retry-After Clerk sent (here 0 s,
// so after the backoff), a user that does not exist (404 resource_not_found) is not retried. The SDK's
// ClerkAPIResponseError stays reachable as the FaultError's `cause`. A loopback server stands in for api.clerk.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClerkClient } from '@clerk/backend';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ user: string; attempts: number; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.endsWith('/user_missing')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"not found","long_message":"Resource not found","code":"resource_not_found"}],"clerk_trace_id":"trace_1"}');
    } else if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"errors":[]}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"user","id":"user_1"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const clerk = createClerkClient({ secretKey: 'sk_test_your_key', apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const user = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => clerk.users.getUser('user_1'));
    const attempts = requests;

    let missing = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => clerk.users.getUser('user_missing'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      missing = `${error.fault.code} (${String(error.fault.vendorCode)}), trace ${String(error.fault.requestId)}`;
    }
    return { user: user.id, attempts, missing };
  } finally {
    server.close();
  }
}
