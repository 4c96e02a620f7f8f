// Anthropic with faultline's retry: the SDK's own retries off (`maxRetries: 0`), the call wrapped.
// A 529 `overloaded_error` is retried (always, with backoff); an `authentication_error` is not, and
// the SDK's own error stays on `error.cause`. A loopback server stands in for api.anthropic.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { exponentialBackoff, isFaultError, retry } from 'faultline';

const overloaded = { status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } };
const answers = [
  overloaded,
  { status: 200, body: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text: 'Hello!' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 2 } } },
  { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: 'req_011CaJCR7Pm2Jh2LbWpBH5Y6' } },
];

export async function main(): Promise<{ reply: string; requests: number; auth: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    const answer = answers[Math.min(requests++, answers.length - 1)]!;
    req.resume().on('end', () => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL, maxRetries: 0 }); // faultline retries, the SDK does not
    const policy = retry({ maxRetries: 3, backoff: exponentialBackoff({ initialMs: 10, maxMs: 50, jitter: 'none' }) });
    const ask = () => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });

    const message = await policy.execute(ask); // 529, backs off 10 ms, then 200
    let auth = '';
    try {
      await policy.execute(ask); // 401: unauthenticated, never retried
    } catch (error) {
      if (isFaultError(error) && error.cause instanceof Anthropic.APIError) auth = `${error.code} (${error.retry}), request ${error.requestId}`;
    }
    const first = message.content[0];
    return { reply: first?.type === 'text' ? first.text : '', requests, auth };
  } finally {
    server.close();
  }
}
