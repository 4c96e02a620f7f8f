// discord.js's REST client (@discordjs/rest with `retries: 0`) wrapped in faultline's retry: a 502 is
// retried (a GET, so the caller calls it idempotent), a 403 Missing Permissions is not. The SDK's
// DiscordAPIError stays reachable as the FaultError's `cause`. A loopback server stands in for discord.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DiscordAPIError, REST } from '@discordjs/rest';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ channel: string; attempts: number; denied: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.endsWith('/messages')) {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"Missing Permissions","code":50013}');
    } else if (requests === 1) {
      res.writeHead(502).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"41771983423143937","name":"general"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    // retries: 0 turns the SDK's own 5xx retries off; the sweeper intervals are not needed for one call.
    const rest = new REST({ api: `http://127.0.0.1:${port}`, retries: 0, handlerSweepInterval: 0, hashSweepInterval: 0 }).setToken('bot-token');
    const policy = retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(10) });
    const channel = (await policy.execute(() => rest.get('/channels/41771983423143937'))) as { name: string };
    const attempts = requests;

    let denied = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => rest.post('/channels/41771983423143937/messages', { body: { content: 'hi' } }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as DiscordAPIError;
      denied = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${cause.status}`;
    }
    return { channel: channel.name, attempts, denied };
  } finally {
    server.close();
  }
}
