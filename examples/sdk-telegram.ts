// grammY (the core, no auto-retry plugin) wrapped in faultline's retry: a 429 "Too Many Requests: retry after 41" is
// waited out for the `parameters.retry_after` Telegram sent, then the message goes through; a 403 "bot was blocked by
// the user" is not retried. Telegram asked for 41 s, so a VirtualClock stands in for real time here: the example shows
// the wait without sitting it out (in your bot, leave `clock` out). The SDK's GrammyError stays reachable as the
// FaultError's `cause`. A loopback server stands in for api.telegram.org.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, type GrammyError } from 'grammy';
import { FaultError, retry } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ messageId: number; attempts: number; waits: number[]; blocked: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const chatId = (JSON.parse(body) as { chat_id: number }).chat_id;
      if (chatId === 1297094036) {
        res.writeHead(403, { 'content-type': 'application/json' }).end('{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}');
      } else if (requests === 1) {
        res.writeHead(429, { 'content-type': 'application/json' })
          .end('{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 41","parameters":{"retry_after":41}}');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' })
          .end(`{"ok":true,"result":{"message_id":7,"date":1712678400,"chat":{"id":${chatId},"type":"private"},"text":"Hello"}}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const bot = new Bot('123456:your-bot-token', { client: { apiRoot: `http://127.0.0.1:${port}` } });
    const clock = new VirtualClock();
    const policy = retry({ maxRetries: 2, clock });
    const waits: number[] = [];
    policy.onRetry(({ delayMs }) => {
      waits.push(delayMs);
      // The policy starts its sleep right after this event; let virtual time run past it.
      setImmediate(() => void clock.runAll());
    });
    const message = await policy.execute(() => bot.api.sendMessage(42, 'Hello'));
    const attempts = requests;

    let blocked = '';
    try {
      await policy.execute(() => bot.api.sendMessage(1297094036, 'Hello'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as GrammyError;
      blocked = `${error.fault.code} after ${requests - attempts} request, Telegram ${cause.error_code}: ${cause.description}`;
    }
    return { messageId: message.message_id, attempts, waits, blocked };
  } finally {
    server.close();
  }
}
