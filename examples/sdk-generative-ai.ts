// Google's legacy Gemini SDK (@google/generative-ai) wrapped in faultline's retry: the SDK retries nothing itself. An
// overloaded model (503 UNAVAILABLE) is retried, a bad key (400 with ErrorInfo API_KEY_INVALID) is not. classify reads
// the SDK's GoogleGenerativeAIFetchError (status, errorDetails, message), so a RetryInfo delay would be the wait; the
// error stays reachable as the FaultError's `cause`. A loopback server stands in for generativelanguage.googleapis.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GoogleGenerativeAI, GoogleGenerativeAIFetchError } from '@google/generative-ai';
import { FaultError, constantBackoff, retry } from 'faultline';

const overloaded = '{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}';
const badKey = JSON.stringify({
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
      { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
      { '@type': 'type.googleapis.com/google.rpc.DebugInfo', detail: 'Invalid API key: key1234' },
    ],
  },
});
const answer = '{"candidates":[{"content":{"role":"model","parts":[{"text":"Hello!"}]},"finishReason":"STOP","index":0}]}';

export async function main(): Promise<{ text: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    const [status, body] = requests === 1 ? [503, overloaded] : requests === 2 ? [200, answer] : [400, badKey];
    req.resume().on('end', () => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const model = new GoogleGenerativeAI('your-key').getGenerativeModel({ model: 'gemini-1.5-flash' }, { baseUrl });
    const policy = retry({ maxRetries: 2, backoff: constantBackoff(10) });
    const ask = () => model.generateContent('Hi');

    const result = await policy.execute(ask); // 503 overloaded, then the answer
    const attempts = requests;

    let refused = '';
    try {
      await policy.execute(ask); // 400 API_KEY_INVALID: unauthenticated, never retried
    } catch (error) {
      if (!(error instanceof FaultError) || !(error.cause instanceof GoogleGenerativeAIFetchError)) throw error;
      refused = `${error.code} (${String(error.fault.vendorCode)}), HTTP ${String(error.cause.status)}`;
    }
    return { text: result.response.text(), attempts, refused };
  } finally {
    server.close();
  }
}
