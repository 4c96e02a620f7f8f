// Octokit (@octokit/rest, no retry or throttling plugin) wrapped in faultline's retry: a secondary
// rate limit (403 + Retry-After) is waited out and retried; the SDK's RequestError stays reachable
// as the FaultError's `cause`. A loopback server stands in for api.github.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import type { RequestError } from '@octokit/request-error';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ repo: string; waits: number[]; notFound: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.endsWith('/missing')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}');
    } else if (requests === 1) {
      // GitHub sends whole seconds; 0.02 keeps the example fast.
      res.writeHead(403, { 'content-type': 'application/json', 'retry-after': '0.02' })
        .end('{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"full_name":"octocat/hello-world"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const octokit = new Octokit({ baseUrl: `http://127.0.0.1:${port}`, log: { debug() {}, info() {}, warn() {}, error() {} } });
    const policy = retry({ maxRetries: 2 });
    const waits: number[] = [];
    policy.onRetry(({ delayMs }) => waits.push(delayMs));
    const { data } = await policy.execute(() => octokit.rest.repos.get({ owner: 'octocat', repo: 'hello-world' }));

    let notFound = '';
    try {
      await policy.execute(() => octokit.rest.repos.get({ owner: 'octocat', repo: 'missing' }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      notFound = `${error.fault.code}, HTTP ${(error.cause as RequestError).status}`;
    }
    return { repo: data.full_name, waits, notFound };
  } finally {
    server.close();
  }
}
