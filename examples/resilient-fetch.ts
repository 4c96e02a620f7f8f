// Swap fetch for resilientFetch: error responses and network errors become FaultErrors, retried only
// when the Fault and the call allow it, after as long as the server asked.
import { isFaultError, resilientFetch } from 'faultline';
import { startChaosServer } from 'faultline/testing';

export async function main(): Promise<string[]> {
  // A local stand-in for the render/runs API: rate limited once, then fine; then out of credits.
  const server = await startChaosServer({
    vendor: 'runs-api',
    script: [
      { type: 'fault', fault: { code: 'rate_limited', vendorCode: 'rate_limit_exceeded', retryAfterMs: 20 } },
      'ok',
      { type: 'fault', fault: { code: 'payment_required', vendorCode: 'insufficient_credits' } },
    ],
  });
  try {
    const lines: string[] = [];
    const res = await resilientFetch(`${server.url}/v1/runs`, { method: 'POST', body: '{"prompt":"a fox"}', vendor: 'runs-api' });
    lines.push(`${res.status} after ${server.requests.length} requests`); // 200 after 2 requests: it waited the 20 ms asked
    try {
      await resilientFetch(`${server.url}/v1/runs`, { method: 'POST', body: '{"prompt":"a cat"}', vendor: 'runs-api' });
    } catch (error) {
      // A 402 is never retried: one request, and the remedy says what to do instead.
      if (isFaultError(error)) lines.push(`${error.code} (${error.vendorCode}): ${error.remedy}, ${server.requests.length - 2} request`);
    }
    return lines;
  } finally {
    await server.close();
  }
}
