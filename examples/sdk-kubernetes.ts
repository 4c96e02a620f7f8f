// The Kubernetes client (@kubernetes/client-node) wrapped in faultline's retry: the API server's 429 is retried (a
// read, after the Retry-After it sent: here 0 s, so after the backoff), a create that finds the namespace already
// there (409 AlreadyExists) is not. The client's ApiException stays reachable as the FaultError's `cause`. A loopback
// server stands in for the API server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ pod: string; attempts: number; exists: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.method === 'POST') {
      res.writeHead(409, { 'content-type': 'application/json' });
      res.end('{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"namespaces \\"staging\\" already exists","reason":"AlreadyExists","details":{"name":"staging","kind":"namespaces"},"code":409}');
    } else if (requests === 1) {
      res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '0' }).end('Too many requests, please try again later.\n');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0","namespace":"default"}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const config = new KubeConfig();
    config.loadFromClusterAndUser({ name: 'local', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }, { name: 'me', token: 'your-token' });
    const core = config.makeApiClient(CoreV1Api);
    const pod = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => core.readNamespacedPod({ name: 'web-0', namespace: 'default' }));
    const attempts = requests;

    let exists = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => core.createNamespace({ body: { metadata: { name: 'staging' } } }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as ApiException<unknown>;
      exists = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${cause.code}`;
    }
    return { pod: pod.metadata?.name ?? '', attempts, exists };
  } finally {
    server.close();
  }
}
