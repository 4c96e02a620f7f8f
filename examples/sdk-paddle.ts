// Paddle's Node SDK (@paddle/paddle-node-sdk) wrapped in faultline's retry: a 429 too_many_requests is waited out for
// the Retry-After Paddle sent, then the customer is read; an entity that does not exist (404 not_found) is not
// retried. Paddle asked for 42 s, so a VirtualClock stands in for real time here: the example shows the wait without
// sitting it out (in your app, leave `clock` out). The SDK's ApiError keeps Paddle's error object and Retry-After (as
// `retryAfter`, in seconds) but no status; it stays reachable as the FaultError's `cause`. A loopback server, given to
// the SDK as its `environment`, stands in for api.paddle.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiError, Paddle } from '@paddle/paddle-node-sdk';
import { FaultError, retry } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ customer: string; attempts: number; waits: number[]; missing: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.includes('ctm_01h8441jn5pcwrfhwh78jqt8hk')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error": {"type": "request_error", "code": "not_found", "detail": "Entity not found", "documentation_url": "https://developer.paddle.com/v1/errors/shared/not_found"}, "meta": {"request_id": "f00bb3ca-399d-4686-889c-50b028f4c912"}}');
    } else if (requests === 1) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '42' });
      res.end('{"error": {"type": "request_error", "code": "too_many_requests", "detail": "IP address exceeded the allowed rate limit. Retry after the number of seconds in the Retry-After header.", "documentation_url": "https://developer.paddle.com/errors/shared/too_many_requests"}, "meta": {"request_id": "f00bb3ca-399d-4686-889c-50b028f4c912"}}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"id":"ctm_01h8441jn5pcwrfhwh78jqt8hn","status":"active","name":"Jo Brown","email":"jo@example.com"},"meta":{"request_id":"c5a8c7f2-0c1f-4b5e-9a11-6d2f3e1b4a77"}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    // `environment` is taken as the base URL when it is one.
    const paddle = new Paddle('pdl_sdbx_apikey_your_key', { environment: `http://127.0.0.1:${(server.address() as AddressInfo).port}` as never });
    const clock = new VirtualClock();
    const policy = retry({ maxRetries: 2, clock });
    const waits: number[] = [];
    policy.onRetry(({ delayMs }) => {
      waits.push(delayMs);
      // The policy starts its sleep right after this event; let virtual time run past it.
      setImmediate(() => void clock.runAll());
    });
    const customer = await policy.execute(() => paddle.customers.get('ctm_01h8441jn5pcwrfhwh78jqt8hn'));
    const attempts = requests;

    let missing = '';
    try {
      await policy.execute(() => paddle.customers.get('ctm_01h8441jn5pcwrfhwh78jqt8hk'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      missing = `${error.fault.code} (${(error.cause as ApiError).code}): ${error.fault.message}`;
    }
    return { customer: customer.id, attempts, waits, missing };
  } finally {
    server.close();
  }
}
