// contentful.js (the Delivery API client, with `retryOnError: false`) wrapped in faultline's retry: RateLimitExceeded
// (429) is retried, an invalid access token (401) is not. contentful-sdk-core throws a plain Error named after the
// body's `sys.id` whose message is the JSON of the status, the body's message and requestId; it drops the headers, so
// X-Contentful-RateLimit-Reset never reaches the policy and the wait is the backoff. The Error stays reachable as the
// FaultError's `cause`. A loopback server stands in for cdn.contentful.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'contentful';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ total: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.headers.authorization === 'Bearer revoked-token') {
      res.writeHead(401, { 'content-type': 'application/json', 'x-contentful-request-id': '426753a1639d40c23ad4cbf085a072c7' });
      res.end('{"sys": {"type": "Error","id": "AccessTokenInvalid"},"message": "The access token you sent could not be found or is invalid.","requestId":"426753a1639d40c23ad4cbf085a072c7"}');
    } else if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json', 'x-contentful-request-id': 'db2d795acb78e0592af00759986c744b', 'x-contentful-ratelimit-reset': '2727' });
      res.end('{"sys": {"type": "Error","id": "RateLimitExceeded"},"message": "You have exceeded the rate limit of the Organization this Space belongs to by making too many API requests within a short timespan. Please wait a moment before trying the request again.","requestId": "4d0274fb176b51ae43a64b98639a3090"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"sys":{"type":"Array"},"total":0,"skip":0,"limit":100,"items":[]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const host = `127.0.0.1:${port}`;
    const client = createClient({ space: 'cfexampleapi', accessToken: 'your-token', host, insecure: true, retryOnError: false });
    const entries = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => client.getEntries());
    const attempts = requests;

    let refused = '';
    try {
      const revoked = createClient({ space: 'cfexampleapi', accessToken: 'revoked-token', host, insecure: true, retryOnError: false });
      await retry({ maxRetries: 2 }).execute(() => revoked.getEntries());
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${(error.cause as Error).name}), HTTP ${String(error.fault.status)}`;
    }
    return { total: entries.total, attempts, refused };
  } finally {
    server.close();
  }
}
