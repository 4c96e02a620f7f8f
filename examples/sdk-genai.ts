// Google's @google/genai with faultline's retry: genai retries nothing unless
// `httpOptions.retryOptions` is set, so wrap the call. Its ApiError keeps the body, so a per-minute
// RESOURCE_EXHAUSTED is retried after RetryInfo's delay while a per-day quota is not retried at all.
// A loopback server stands in for generativelanguage.googleapis.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, GoogleGenAI } from '@google/genai';
import { isFaultError, retry } from 'faultline';

const quota = (quotaId: string, retryDelay: string) => ({
  status: 429,
  body: { error: { code: 429, message: 'You exceeded your current quota, please check your plan and billing details.', status: 'RESOURCE_EXHAUSTED', details: [
    { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId }] },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
  ] } },
});
const answers = [
  quota('GenerateRequestsPerMinutePerProjectPerModel-FreeTier', '0.02s'),
  { status: 200, body: { candidates: [{ content: { role: 'model', parts: [{ text: 'Hello!' }] }, finishReason: 'STOP', index: 0 }] } },
  quota('GenerateRequestsPerDayPerProjectPerModel-FreeTier', '39s'),
];

export async function main(): Promise<{ text: string | undefined; requests: number; daily: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    const answer = answers[Math.min(requests++, answers.length - 1)]!;
    req.resume().on('end', () => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } });
    const policy = retry({ maxRetries: 2 });
    const ask = () => ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });

    const response = await policy.execute(ask); // per-minute quota: waits RetryInfo's 20 ms, then 200
    let daily = '';
    try {
      await policy.execute(ask); // per-day quota: quota_exhausted, never retried
    } catch (error) {
      if (isFaultError(error) && error.cause instanceof ApiError) daily = `${error.code} (${error.retry}), HTTP ${error.cause.status}`;
    }
    return { text: response.text, requests, daily };
  } finally {
    server.close();
  }
}
