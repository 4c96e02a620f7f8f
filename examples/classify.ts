// What is this error, and may I retry it? One call, for any vendor's response or any thrown error.
import { classify, isRetryable } from 'faultline';

export async function main(): Promise<string[]> {
  const responses = [
    // OpenAI: out of credits looks like a 429 but must not be retried.
    { status: 429, body: '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}' },
    // Anthropic: overloaded, with the server's own verdict.
    { status: 529, headers: { 'x-should-retry': 'true' }, body: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' },
    // nginx in front of anything.
    { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' },
  ];
  const lines = responses.map((response) => {
    const fault = classify(response);
    const retry = isRetryable(fault, { idempotent: false }) ? 'retry' : 'do not retry';
    return `${fault.status} → ${fault.code} (${fault.retry}, ${fault.remedy}): ${retry}`;
  });
  // A refused connection is a fault too.
  const refused = classify(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
  lines.push(`ECONNREFUSED → ${refused.code} (${refused.retry})`);
  return lines;
}
