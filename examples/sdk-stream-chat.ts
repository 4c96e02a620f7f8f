// Stream Chat's server-side client (stream-chat) wrapped in faultline's retry: a 429 is retried (Stream's rate-limit
// answer carries no Retry-After, so after the backoff), a token Stream refuses (401, Stream code 5) is not. The SDK's
// ErrorFromResponse stays reachable as the FaultError's `cause`. A loopback server, set as `baseURL`, stands in for
// chat.stream-io-api.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ErrorFromResponse, StreamChat } from 'stream-chat';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ settings: boolean; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json' }).end();
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } else {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"code":5,"message":"QueryChannels failed with error: \\"stream-auth-type missing or invalid\\"","details":[],"more_info":"https:\\/\\/getstream.io\\/chat\\/docs\\/api_errors_response","StatusCode":401,"duration":"0"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const chat = new StreamChat('your-api-key', 'your-api-secret', { baseURL: `http://127.0.0.1:${port}` });
    const settings = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => chat.getAppSettings());
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => chat.getAppSettings());
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, Stream code ${String((error.cause as ErrorFromResponse<unknown>).code)}`;
    }
    return { settings: settings !== undefined, attempts, refused };
  } finally {
    server.close();
  }
}
