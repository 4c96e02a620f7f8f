// Airtable's Node SDK (airtable.js) wrapped in faultline's retry: a 429 is retried (Airtable sends no Retry-After, so
// after the backoff), a token without access to the base (403) is not. The SDK's own 429 retry is turned off
// (`noRetryIfRateLimited: true`) so that faultline decides; its AirtableError, a plain object rather than an Error,
// stays reachable as the FaultError's `cause`. A loopback server stands in for api.airtable.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Airtable from 'airtable';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ records: string[]; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (requests === 1) {
      res.writeHead(429).end('{"errors":[{"error":"RATE_LIMIT_REACHED","message":"Rate limit exceeded. Please try again later"}]}');
    } else if (requests === 2) {
      res.writeHead(200).end('{"records":[{"id":"rec1","createdTime":"2020-04-20T16:20:00.000Z","fields":{"Name":"Rebecca"}}]}');
    } else {
      res.writeHead(403).end('{"error":{"type":"INVALID_PERMISSIONS","message":"Invalid permissions"}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const airtable = new Airtable({ apiKey: 'patYourToken', endpointUrl: `http://127.0.0.1:${port}`, noRetryIfRateLimited: true });
    const table = airtable.base('appYourBase')('Table');
    const firstPage = () => table.select({ pageSize: 10 }).firstPage();

    const records = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(firstPage);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(firstPage);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const { statusCode } = error.cause as Airtable.Error;
      refused = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${String(statusCode)}`;
    }
    return { records: records.map((record) => record.id), attempts, refused };
  } finally {
    server.close();
  }
}
