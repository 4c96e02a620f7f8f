// jira.js (Version3Client, which retries nothing itself) wrapped in faultline's retry: a 429 waits the Retry-After
// Jira sent, a 403 is not retried. Its HttpException keeps the AxiosError as `cause`, whose response holds the
// headers and Jira's body; classify reads Retry-After there and `errorMessages[0]` as the message. The HttpException
// stays reachable as the FaultError's `cause`. A loopback server stands in for your-site.atlassian.net.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type HttpException, Version3Client } from 'jira.js';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ issue: string; waits: number[]; denied: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.method === 'POST') {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"errorMessages":["You currently don\'t have access to perform this operation."],"errors":{}}');
    } else if (requests === 1) {
      // Jira sends whole seconds; 0.02 keeps the example fast.
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0.02' })
        .end('{"errorMessages":["The request has been rate-limited. Please try again later."],"errors":{},"status":429}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"10001","key":"KAN-1","fields":{}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const jira = new Version3Client({ host: `http://127.0.0.1:${port}`, authentication: { basic: { email: 'you@example.com', apiToken: 'your-token' } } });
    const policy = retry({ maxRetries: 2 });
    const waits: number[] = [];
    policy.onRetry(({ delayMs }) => waits.push(delayMs));
    const issue = await policy.execute(() => jira.issues.getIssue({ issueIdOrKey: 'KAN-1' }));

    let denied = '';
    try {
      await policy.execute(() => jira.issues.createIssue({ fields: { project: { key: 'KAN' }, summary: 'Hello', issuetype: { name: 'Task' } } }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      denied = `${error.fault.code}: ${error.fault.message} (HTTP ${String((error.cause as HttpException).status)})`;
    }
    return { issue: issue.key, waits, denied };
  } finally {
    server.close();
  }
}
