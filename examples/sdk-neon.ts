// Neon's serverless driver (@neondatabase/serverless, its HTTP query path) wrapped in faultline's retry: a 503 is retried,
// a control-plane failure (500) is not, since a query is not known to be safe to repeat (pass `idempotent: true` for one
// that is). The driver's NeonDbError carries the body inside its message; classify reads Neon's message from it. A
// loopback server, reached through neonConfig.fetchEndpoint, stands in for Neon's SQL-over-HTTP endpoint.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { neon, neonConfig } from '@neondatabase/serverless';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ rows: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(503).end();
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"command":"SELECT","rowCount":1,"rowAsArray":true,"fields":[{"name":"answer","dataTypeID":23}],"rows":[["42"]]}');
    } else {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"Control plane request failed","code":"","detail":null,"hint":null,"position":null,"internalPosition":null,"internalQuery":null,"severity":"","where":null,"table":null,"column":null,"schema":null,"dataType":null,"constraint":null,"file":null,"line":null,"routine":null}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const before = neonConfig.fetchEndpoint;
  try {
    neonConfig.fetchEndpoint = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/sql`;
    const sql = neon('postgresql://user:your-password@ep-example-123456.us-east-2.aws.neon.tech/db', { disableWarningInBrowsers: true });
    const rows = await retry({ maxRetries: 2 }).execute(() => sql`SELECT 42 AS answer`);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => sql`SELECT 42 AS answer`);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${error.fault.retry}): ${error.fault.message}`;
    }
    return { rows: rows.length, attempts, refused };
  } finally {
    neonConfig.fetchEndpoint = before;
    server.close();
  }
}
