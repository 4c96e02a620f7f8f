// Ollama's JavaScript library (ollama) wrapped in faultline's retry: an overloaded Ollama Cloud (503) is retried, a model
// that does not exist (404) is not. The library retries nothing itself; its ResponseError keeps Ollama's error string
// and the status as `status_code`, which classify reads, and stays reachable as the FaultError's `cause`. A loopback
// server stands in for ollama.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ollama } from 'ollama';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ reply: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (requests === 1) {
      res.writeHead(503).end('{"error":"Server overloaded, please retry shortly (ref: aaa65c70-cfa0-446b-86f1-4ab0e2deb9e4)"}');
    } else if (requests === 2) {
      res.writeHead(200).end('{"model":"gemma3","created_at":"2025-10-26T17:15:24.097767Z","message":{"role":"assistant","content":"Hello!"},"done":true}');
    } else {
      res.writeHead(404).end('{"error":"model \'custom-phi3-32k-Q4_K_M\' not found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const ollama = new Ollama({ host: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    const ask = (model: string) => () => ollama.chat({ model, messages: [{ role: 'user', content: 'Hello' }] });
    // Ollama's 503 gives no wait; a short constant backoff keeps the example fast.
    const response = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(ask('gemma3'));
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(ask('custom-phi3-32k-Q4_K_M'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, HTTP ${String((error.cause as { status_code: number }).status_code)}`;
    }
    return { reply: response.message.content, attempts, refused };
  } finally {
    server.close();
  }
}
