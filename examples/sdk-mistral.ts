// Mistral's SDK (@mistralai/mistralai) wrapped in faultline's retry, with the SDK's own retries off
// (`retryConfig: { strategy: 'none' }`): a 429 (code 1300, "Rate limit exceeded") is retried after the backoff, since
// Mistral sent no Retry-After; an invalid model (400, code 1500) is not. The SDK's SDKError keeps the status and the
// body's text, which classify reads, and stays reachable as the FaultError's `cause`. A loopback server stands in for
// api.mistral.ai.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mistral } from '@mistralai/mistralai';
import { SDKError } from '@mistralai/mistralai/models/errors';
import { FaultError, constantBackoff, retry } from 'faultline';

const limited = '{"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300","raw_status_code":429}';
const invalidModel = '{"object":"error","message":"Invalid model: mistral-medium-3.5","type":"invalid_model","param":null,"code":"1500","raw_status_code":400}';
const completion = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'mistral-small-latest',
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  created: 1700000000,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour !' }, finish_reason: 'stop' }],
});

export async function main(): Promise<{ reply: string; attempts: number; limited: string; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    const [status, body] = requests === 1 ? [429, limited] : requests === 2 ? [200, completion] : [400, invalidModel];
    req.resume().on('end', () => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const serverURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const mistral = new Mistral({ apiKey: 'your-key', serverURL, retryConfig: { strategy: 'none' } });
    const policy = retry({ maxRetries: 2, backoff: constantBackoff(10) });
    let limitedBy = '';
    policy.onRetry(({ fault }) => {
      limitedBy = `${fault.code} (${String(fault.vendorCode)}): ${fault.message}`;
    });

    const chat = (model: string) => mistral.chat.complete({ model, messages: [{ role: 'user', content: 'Bonjour' }] });
    const response = await policy.execute(() => chat('mistral-small-latest')); // 429, then the answer
    const attempts = requests;

    let refused = '';
    try {
      await policy.execute(() => chat('mistral-medium-3.5')); // 400 invalid_model: never retried
    } catch (error) {
      if (!(error instanceof FaultError) || !(error.cause instanceof SDKError)) throw error;
      refused = `${error.code} (${String(error.fault.vendorCode)}), HTTP ${String(error.cause.statusCode)}`;
    }
    const reply = response.choices[0]?.message?.content;
    return { reply: typeof reply === 'string' ? reply : '', attempts, limited: limitedBy, refused };
  } finally {
    server.close();
  }
}
