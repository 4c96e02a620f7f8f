// AssemblyAI's Node SDK (assemblyai) wrapped in faultline's retry, on its LLM gateway: a 500 on listModels (a GET,
// so safe to repeat) is retried, a refused API key (401) is not. The SDK's LlmGatewayError stays reachable as the
// FaultError's `cause`, with the request id AssemblyAI sent. (A sync transcription's 429 carries Retry-After, which
// SyncTranscriptError keeps as `retryAfter` and retry waits.) A loopback server stands in for llm-gateway.assemblyai.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AssemblyAI, type LlmGatewayError } from 'assemblyai';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ models: number; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"something went wrong","code":500,"request_id":"req-abc-123"}');
    } else if (requests === 2) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    } else {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"Authentication error, API token missing/invalid","status":"error","request_id":"req_000"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const client = new AssemblyAI({ apiKey: 'your-api-key', llmGatewayBaseUrl: `http://127.0.0.1:${port}` });
    const list = () => client.llmGateway.listModels();
    const { data } = await retry({ maxRetries: 2, idempotent: true, backoff: constantBackoff(10) }).execute(list);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2, idempotent: true }).execute(list);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, HTTP ${String((error.cause as LlmGatewayError).status)}, ${String(error.fault.requestId)}`;
    }
    return { models: data.length, attempts, refused };
  } finally {
    server.close();
  }
}
