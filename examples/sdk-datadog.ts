// Datadog's TypeScript client (@datadog/datadog-api-client with `enableRetry: false`, its default) wrapped in
// faultline's retry: a 429 is retried, a 404 "Monitor not found" is not. Its ApiException keeps the status as a
// numeric `code` and the body; it drops the headers, so X-RateLimit-Reset never reaches the policy and the wait is the
// backoff. The ApiException stays reachable as the FaultError's `cause`. A loopback server stands in for
// api.datadoghq.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { client, v1 } from '@datadog/datadog-api-client';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ monitors: number; attempts: number; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.startsWith('/api/v1/monitor/')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":["Monitor not found"]}');
    } else if (requests === 1) {
      res.writeHead(429, { 'x-ratelimit-reset': '1' }).end('Too Many Requests');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const configuration = client.createConfiguration({
      authMethods: { apiKeyAuth: 'your-api-key', appKeyAuth: 'your-app-key' },
      baseServer: new client.BaseServerConfiguration(`http://127.0.0.1:${port}`, {}),
      enableRetry: false,
    });
    const monitorsApi = new v1.MonitorsApi(configuration);
    const monitors = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => monitorsApi.listMonitors({}));
    const attempts = requests;

    let missing = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => monitorsApi.getMonitor({ monitorId: 12345 }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      missing = `${error.fault.code} (${error.fault.message}), HTTP ${String((error.cause as client.ApiException<unknown>).code)}`;
    }
    return { monitors: monitors.length, attempts, missing };
  } finally {
    server.close();
  }
}
