// openai with faultline's retry: turn the SDK's own retries off (`maxRetries: 0`) and wrap the call.
// A throttle (429 + Retry-After) is retried after the server's wait; a billing 429
// (`insufficient_quota`) is not retried at all, and the SDK's own error stays on `error.cause`.
// A loopback server stands in for api.openai.com so the example runs anywhere.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { isFaultError, retry } from 'faultline';

const answers = [
  { status: 429, headers: { 'retry-after-ms': '20' }, body: { error: { message: 'Rate limit reached for gpt-4o on requests per min (RPM): Limit 3, Used 3, Requested 1.', type: 'requests', param: null, code: 'rate_limit_exceeded' } } },
  { status: 200, headers: {}, body: { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }] } },
  { status: 429, headers: { 'x-request-id': 'req_123' }, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } } },
];

export async function main(): Promise<{ reply: string | null; requests: number; billing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    const answer = answers[Math.min(requests++, answers.length - 1)]!;
    req.resume().on('end', () => res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(answer.body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const openai = new OpenAI({ apiKey: 'sk-test', baseURL, maxRetries: 0 }); // faultline retries, the SDK does not
    const policy = retry({ maxRetries: 2 });
    const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });

    const completion = await policy.execute(ask); // 429, waits 20 ms, then 200
    let billing = '';
    try {
      await policy.execute(ask); // insufficient_quota: quota_exhausted, never retried
    } catch (error) {
      if (isFaultError(error) && error.cause instanceof OpenAI.APIError) {
        billing = `${error.code} (${error.retry}), request ${error.cause.requestID}`;
      }
    }
    return { reply: completion.choices[0]?.message.content ?? null, requests, billing };
  } finally {
    server.close();
  }
}
