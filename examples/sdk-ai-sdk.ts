// The AI SDK with faultline's retry: `maxRetries: 0` on generateText turns its own retries off. An
// APICallError carries the status, headers and body, so a 429 is retried after its Retry-After; and
// with the AI SDK's retries left on, its RetryError classifies as the last attempt's error.
// A loopback server stands in for api.openai.com so the example runs anywhere.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, generateText } from 'ai';
import { isFaultError, retry } from 'faultline';

const answers = [
  { status: 429, headers: { 'retry-after-ms': '20', 'x-request-id': 'req_abc' }, body: { error: { message: 'Rate limit reached for gpt-4o on requests per min (RPM): Limit 3, Used 3, Requested 1.', type: 'requests', param: null, code: 'rate_limit_exceeded' } } },
  { status: 200, headers: {}, body: { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } } },
  { status: 404, headers: {}, body: { error: { message: 'The model `gpt-5x` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' } } },
];

export async function main(): Promise<{ text: string; requests: number; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    const answer = answers[Math.min(requests++, answers.length - 1)]!;
    req.resume().on('end', () => res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(answer.body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const openai = createOpenAI({ apiKey: 'sk-test', baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
    const policy = retry({ maxRetries: 2 });
    const ask = () => generateText({ model: openai.chat('gpt-4o'), prompt: 'Hi', maxRetries: 0 }); // faultline retries, the AI SDK does not

    const { text } = await policy.execute(ask); // 429, waits 20 ms, then 200
    let missing = '';
    try {
      await policy.execute(ask); // 404 model_not_found: never retried
    } catch (error) {
      if (isFaultError(error) && APICallError.isInstance(error.cause)) missing = `${error.code}/${error.vendorCode} (HTTP ${error.cause.statusCode})`;
    }
    return { text, requests, missing };
  } finally {
    server.close();
  }
}
