/**
 * The two clients the demo compares, with the same budget (3 attempts; 1 s then 2 s when the
 * server gives no hint): the retry loop seed 000 recommends, and `createFetch` with the vendor's
 * profile. Whatever differs between them is then what faultline knows about the failure.
 */
import { createFetch, retry, timeout } from '../entry/batteries.js';
import { exponentialBackoff } from '../policy/backoff.js';
import type { Clock } from '../policy/clock.js';
import { pipeline } from '../policy/pipeline.js';
import { baselineCall } from './demo-baseline.js';
import type { DemoCall, VendorDemo } from './demo-workloads.js';

/**
 * The key both clients send as a Bearer token: shaped like a live key, so the secret tests can
 * check that it never reaches the demo's output.
 * @example
 * ```ts
 * output.includes(DEMO_API_KEY); // false
 * ```
 * @internal
 */
export const DEMO_API_KEY = 'sk_live_demo_0000000000000000';

/**
 * One call of a workload through one client: resolves when it succeeded, rejects with what it
 * failed with.
 * @example
 * ```ts
 * await baselineClient(clock, `${server.url}/infer`, call);
 * ```
 * @internal
 */
export type DemoClient = (clock: Clock, url: string, call: DemoCall) => Promise<void>;

function requestInit(call: DemoCall): RequestInit {
  return {
    method: call.method,
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, ...(call.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  };
}

/**
 * The seed-000 loop, as a user would paste it.
 * @example
 * ```ts
 * await baselineClient(steppedClock(10), url, { method: 'GET', path: '/v1/tasks/1' });
 * ```
 * @internal
 */
export const baselineClient: DemoClient = async (clock, url, call) => {
  await baselineCall(clock, url, requestInit(call));
};

/**
 * `createFetch` with the vendor's profile and the loop's budget; an idempotency key per POST
 * when the vendor documents them.
 * @example
 * ```ts
 * await faultlineClient(demo)(clock, url, demo.calls[0]);
 * ```
 * @internal
 */
export function faultlineClient(demo: VendorDemo): DemoClient {
  return async (clock, url, call) => {
    const api = createFetch({
      vendor: demo.id,
      clock,
      idempotencyKey: demo.idempotencyKey === true,
      policy: pipeline(
        retry({ maxRetries: 2, backoff: exponentialBackoff({ initialMs: 1_000, factor: 2, maxMs: 30_000, jitter: 'none' }), maxRetryAfterMs: 60_000, clock }),
        timeout({ timeoutMs: 30_000, clock }),
      ),
    });
    const res = await api(url, requestInit(call));
    await res.json();
  };
}
