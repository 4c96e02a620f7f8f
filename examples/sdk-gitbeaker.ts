// GitLab's Node SDK (@gitbeaker/rest) wrapped in faultline's retry. The SDK answers a 429 itself, ten times, and no
// option turns that off: only when it gives up (GitbeakerRetryError, "… last status code: 429 …") does the policy wait
// and try again. A token GitLab rejects (401) is not retried, and the token is nowhere in the Fault. The SDK's
// GitbeakerRequestError stays reachable as the FaultError's `cause`. A loopback server stands in for gitlab.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GitbeakerRequestError, Gitlab } from '@gitbeaker/rest';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ project: string; requests: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.headers['private-token'] === 'glpat-revoked') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{\n  "message": "401 Unauthorized"\n}');
    } else if (requests <= 10) {
      res.writeHead(429, { 'content-type': 'application/json' });
      res.end('{"message": "This endpoint has been requested too many times. Try again later."}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1,"name":"example"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const gitlab = new Gitlab({ host, token: 'glpat-your-token' });
    const project = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => gitlab.Projects.show(1));
    const sent = requests;

    let refused = '';
    const revoked = new Gitlab({ host, token: 'glpat-revoked' });
    try {
      await retry({ maxRetries: 2 }).execute(() => revoked.Projects.show(1));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const leaked = JSON.stringify(error).includes('glpat-revoked');
      refused = `${error.fault.code}, HTTP ${String((error.cause as GitbeakerRequestError).cause?.response.status)}${leaked ? ', token leaked' : ''}`;
    }
    return { project: project.name, requests: sent, refused };
  } finally {
    server.close();
  }
}
