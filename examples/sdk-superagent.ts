// superagent wrapped in faultline's retry: Microsoft Graph's 429 (activityLimitReached, here with no Retry-After, so
// after the backoff) is retried, Okta's 403 (E0000006) is not. superagent retries only when asked (`.retry(n)`, left
// unused here); its error keeps the status and the whole response (headers and text), which classify reads as it
// would the raw response, and stays reachable as the FaultError's `cause`. A loopback server stands in for
// graph.microsoft.com and an Okta org.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { FaultError, constantBackoff, retry } from 'faultline';

// superagent ships no types; with @types/superagent installed, `import superagent from 'superagent'` does the same.
const superagent = createRequire(import.meta.url)('superagent') as { get(url: string): PromiseLike<{ readonly status: number }> };

export async function main(): Promise<{ status: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json', 'request-id': 'f53b8a98-f17d-4a2f-b4c1-c2c0abfd5786' });
      res.end('{"error":{"code":"activityLimitReached","message":"The request has been throttled","innerError":{"request-id":"f53b8a98-f17d-4a2f-b4c1-c2c0abfd5786","date":"2018-06-26T09:37:28"}}}');
    } else if (requests === 2) {
      res.writeHead(204).end();
    } else {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"errorCode":"E0000006","errorSummary":"Forbidden"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = (path: string) => () => Promise.resolve(superagent.get(base + path));
    const response = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(get('/v1.0/sites/root'));
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(get('/api/v1/apps/0oa1gjh63g214q0Hq0g4'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${String((error.cause as { status: number }).status)}`;
    }
    return { status: response.status, attempts, refused };
  } finally {
    server.close();
  }
}
