// Hugging Face's inference client (@huggingface/inference) wrapped in faultline's retry, with the client's own wait for
// a loading model off (`retry_on_error: false`): a 503 "currently loading" waits the `estimated_time` the server gave
// (here 0.01 s), then the call succeeds. A loopback server stands in for an Inference Endpoint.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InferenceClient } from '@huggingface/inference';
import { retry } from 'faultline';

export async function main(): Promise<{ text: string; attempts: number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.writeHead(requests === 1 ? 503 : 200, { 'content-type': 'application/json' });
    res.end(requests === 1 ? '{"error":"Model gpt2 is currently loading","estimated_time":0.01}' : '{"choices":[{"text":"Hello there"}]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const hf = new InferenceClient('hf_your_token', { endpointUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/endpoint` });
    const out = await retry({ maxRetries: 2 }).execute(() => hf.textGeneration({ inputs: 'Hello' }, { retry_on_error: false }));
    return { text: out.generated_text, attempts: requests };
  } finally {
    server.close();
  }
}
