// libSQL's client (@libsql/client, over HTTP to sqld or Turso) wrapped in faultline's retry: a pipeline whose
// connection drops before the answer is sent again, because the statement is safe to repeat (`idempotent: true`); a
// statement the server refuses (answered inside an HTTP 200) is not. The client retries nothing itself; its LibsqlError
// keeps the server's SQLite error (message and code, the Fault's message and vendorCode) and stays reachable as the
// FaultError's `cause`. A loopback server stands in for the database's URL.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LibsqlError, createClient } from '@libsql/client';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ rowsAffected: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      req.socket.destroy();
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"baton":null,"base_url":null,"results":[{"type":"ok","response":{"type":"execute","result":{"cols":[],"rows":[],"affected_row_count":0,"last_insert_rowid":null,"replication_index":"1"}}},{"type":"ok","response":{"type":"close"}}]}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"baton":null,"base_url":null,"results":[{"type":"error","error":{"message":"SQLite error: no such table: no_such_table","code":"SQLITE_UNKNOWN"}},{"type":"ok","response":{"type":"close"}}]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const db = createClient({ url: `http://127.0.0.1:${port}`, authToken: 'your-database-token' });
  try {
    const policy = retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(10) });
    const created = await policy.execute(() => db.execute('CREATE TABLE IF NOT EXISTS users (name)'));
    const attempts = requests;

    let refused = '';
    try {
      await policy.execute(() => db.execute('SELECT * FROM no_such_table'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${(error.cause as LibsqlError).code}): ${error.fault.message}, ${String(requests - attempts)} request`;
    }
    return { rowsAffected: created.rowsAffected, attempts, refused };
  } finally {
    db.close();
    server.close();
  }
}
