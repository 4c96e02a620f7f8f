// supabase-js (@supabase/supabase-js) wrapped in faultline's retry. supabase-js resolves with `{ data, error }`, so the
// call throws `error`: Supabase Auth's over_email_send_rate_limit (429) is retried, PostgREST's unique violation
// (SQLSTATE 23505, which supabase-js hands over with no status) is not. A loopback server stands in for the project.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ attempts: number; duplicate: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.startsWith('/rest/')) {
      res.writeHead(409, { 'content-type': 'application/json' });
      res.end('{"code":"23505","details":"Key (email)=(ada@example.com) already exists.","hint":null,"message":"duplicate key value violates unique constraint \\"profiles_email_key\\""}');
    } else if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' });
      res.end('{"code":"over_email_send_rate_limit","message":"email rate limit exceeded"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    // Node 20 has no WebSocket of its own: realtime takes `ws` (it connects only when a channel subscribes).
    const supabase = createClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'your-anon-key', {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as never },
    });
    await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(async () => {
      const { error } = await supabase.auth.resetPasswordForEmail('ada@example.com');
      if (error) throw error;
    });
    const attempts = requests;

    let duplicate = '';
    try {
      await retry({ maxRetries: 2 }).execute(async () => {
        const { error } = await supabase.from('profiles').insert({ email: 'ada@example.com' });
        if (error) throw error;
      });
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      duplicate = `${error.fault.code} (${String(error.fault.vendorCode)})`;
    }
    return { attempts, duplicate };
  } finally {
    server.close();
  }
}
