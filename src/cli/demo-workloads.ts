/**
 * What each seed vendor's server does in the demo, as data: the calls of one workload and how the
 * server answers each, following the vendor's own documentation (seeds 000–004). Times are in the
 * vendor's seconds; the demo plays them fast.
 */
import type { ChaosBehaviours, ChaosStep } from '../testing/chaos-server.js';

/** One call of a workload. @internal */
export interface DemoCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
  /** From the call's first request, every request gets `step` for `forMs`. */
  readonly outage?: { readonly forMs: number; readonly step: ChaosStep };
  /** Then one step per attempt, in order; `ok` once exhausted. */
  readonly plan?: readonly ChaosStep[];
}

/** One vendor's demo. @internal */
export interface VendorDemo {
  readonly id: 'impulse' | 'runs-api' | 'runinfra' | 'pulse' | 'fhir-inference';
  readonly name: string;
  readonly seed: string;
  /** What the server does, in a line. */
  readonly story: string;
  readonly behaviours?: ChaosBehaviours;
  /** The vendor documents idempotency keys, so the faultline client sends one per POST. */
  readonly idempotencyKey?: boolean;
  readonly calls: readonly DemoCall[];
}

const post = (path: string, body: Record<string, unknown>, more: Omit<DemoCall, 'method' | 'path' | 'body'> = {}): DemoCall => ({
  method: 'POST',
  path,
  body,
  ...more,
});

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const impulse: VendorDemo = {
  id: 'impulse',
  name: 'Impulse Labs',
  seed: '000',
  story: 'deployment BUILDING for 2.5 s, 429 with Retry-After, 503 unreachable, 403 upgrade, 500, a 429 and a 502 that persist',
  behaviours: { building: { forMs: 2_500 } },
  calls: [
    post('/infer', { deployment_id: 'my-model', inputs: { n: 1 } }),
    post('/infer', { deployment_id: 'my-model', inputs: { n: 2 } }),
    post('/infer', { deployment_id: 'my-model', inputs: { n: 3 } }, { plan: [{ type: 'fault', fault: { code: 'rate_limited', retryAfterMs: 3_000, limit: 120, message: 'Rate limit exceeded' } }] }),
    post('/infer', { deployment_id: 'my-model', inputs: { n: 4 } }, { plan: [{ type: 'fault', fault: { code: 'service_unavailable', message: "Deployment 'my-model' is not reachable. Retry shortly" } }] }),
    post('/infer', { deployment_id: 'my-model', inputs: { n: 5 } }, { plan: [{ type: 'fault', fault: { code: 'permission_denied', remedy: 'upgrade_plan', message: 'Upgrade required' } }] }),
    post('/infer', { deployment_id: 'my-model', inputs: { n: 6 } }, { plan: ['internal'] }),
    post('/infer', { deployment_id: 'my-model', inputs: { n: 7 } }, { plan: times(3, () => ({ type: 'fault', fault: { code: 'rate_limited', retryAfterMs: 2_000, limit: 120 } }) as const) }),
    post('/infer', { deployment_id: 'my-model', inputs: { n: 8 } }, { plan: ['bad_gateway', 'bad_gateway', 'bad_gateway'] }),
  ],
};

const runsApi: VendorDemo = {
  id: 'runs-api',
  name: 'render/runs API',
  seed: '001',
  story: 'a 502 upstream_error after the run was created, a reset after it was created, pool saturated (503, Retry-After 5), 402, 408 resubmit-async, 429, a reset while polling a task',
  idempotencyKey: true,
  calls: [
    post('/v1/runs', { prompt: 'a lighthouse at dusk' }),
    post('/v1/runs', { prompt: 'a fox in snow' }, { plan: [{ type: 'fault', commit: true, fault: { code: 'bad_gateway', vendorCode: 'upstream_error', message: 'Model provider failed' } }] }),
    post('/v1/runs', { prompt: 'a city from above' }, { plan: [{ type: 'reset', commit: true }] }),
    post('/v1/runs', { prompt: 'a red bicycle' }, { outage: { forMs: 4_500, step: { type: 'fault', fault: { code: 'service_unavailable', vendorCode: 'service_unavailable', retryAfterMs: 5_000, message: 'Pool saturated' } } } }),
    post('/v1/runs', { prompt: 'a paper crane' }, { plan: [{ type: 'fault', fault: { code: 'payment_required', vendorCode: 'insufficient_credits', message: 'Org balance below the format minimum' } }] }),
    post('/v1/runs', { prompt: 'a long film' }, { plan: [{ type: 'fault', fault: { code: 'request_timeout', vendorCode: 'sync_timeout_upgrade_async', message: 'Sync request hit 300s ceiling; resubmit with async: true' } }] }),
    post('/v1/runs', { prompt: 'a quiet harbour' }, { plan: [{ type: 'fault', fault: { code: 'rate_limited', vendorCode: 'rate_limit_exceeded', retryAfterMs: 2_000 } }] }),
    { method: 'GET', path: '/v1/tasks/task_8', plan: ['reset'] },
  ],
};

const runinfra: VendorDemo = {
  id: 'runinfra',
  name: 'RunInfra',
  seed: '002',
  story: 'a 500 once, a 500 that persists (retry once), deployment provisioning (503, Retry-After 5), 429 with Retry-After, 400, 403',
  calls: [
    post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'one' }] }),
    post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'two' }] }, { plan: ['internal'] }),
    post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'three' }] }, { plan: ['internal', 'internal', 'internal'] }),
    post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'four' }] }, { outage: { forMs: 4_500, step: { type: 'fault', fault: { code: 'service_unavailable', retryAfterMs: 5_000, message: 'Deployment is provisioning' } } } }),
    post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'five' }] }, { plan: [{ type: 'fault', fault: { code: 'rate_limited', retryAfterMs: 2_000, message: 'Per-key rate limit exceeded' } }] }),
    post('/v1/chat/completions', { model: 'm', messages: [] }, { plan: [{ type: 'fault', fault: { code: 'invalid_request', message: 'messages must not be empty' } }] }),
    post('/v1/chat/completions', { model: 'other', messages: [{ role: 'user', content: 'seven' }] }, { plan: [{ type: 'fault', fault: { code: 'permission_denied', message: 'Key is scoped to a different pipeline' } }] }),
  ],
};

const pulse: VendorDemo = {
  id: 'pulse',
  name: 'Pulse',
  seed: '003',
  story: 'burst of 10 per 6 s (429 RATE_LIMITED with X-RateLimit-* headers, no Retry-After) over 24 calls, then 400, 401, 500',
  behaviours: { rateLimit: { limit: 10, windowMs: 6_000, retryAfter: false, message: 'Too many requests' } },
  calls: [
    ...times(24, (i) => post('/v1/infer/fraud-detector', { input: { transaction_amount: 100 + i, merchant_category: 'electronics' } })),
    post('/v1/infer/fraud-detector', { input: { transaction_amount: -1 } }, { plan: [{ type: 'fault', fault: { code: 'validation_failed', message: 'Input validation failed', fields: [{ path: 'transaction_amount', message: 'must be a positive number' }] } }] }),
    post('/v1/infer/fraud-detector', { input: { transaction_amount: 5 } }, { plan: ['unauthenticated'] }),
    post('/v1/infer/fraud-detector', { input: { transaction_amount: 6 } }, { plan: ['internal'] }),
  ],
};

const fhir: VendorDemo = {
  id: 'fhir-inference',
  name: 'FHIR inference API',
  seed: '004',
  story: 'per-minute 429 with Retry-After, JWKS 503s, 422, 501 us_core, a 503 that persists, then the monthly cap (14 requests; Retry-After 30 s)',
  behaviours: { monthlyCap: { limit: 14, retryAfterMs: 30_000, upgradeUrl: 'https://portal.example.com/billing', message: 'Monthly request allowance used up' } },
  calls: [
    post('/v1/infer', { resources: [{ resourceType: 'Observation', id: 'o1' }] }),
    post('/v1/infer', { resources: [{ resourceType: 'Observation', id: 'o2' }] }, { plan: [{ type: 'fault', fault: { code: 'rate_limited', retryAfterMs: 3_000, limit: 60 } }] }),
    post('/v1/infer', { resources: [{ resourceType: 'Observation', id: 'o3' }] }, { outage: { forMs: 2_500, step: { type: 'fault', fault: { code: 'service_unavailable', message: 'JWKS endpoint unreachable' } } } }),
    post('/v1/infer', { resources: [] }, { plan: [{ type: 'fault', fault: { code: 'validation_failed', message: 'request must include `resources` and/or `bundle`', fields: [{ path: 'body', message: 'request must include `resources` and/or `bundle`' }] } }] }),
    post('/v1/infer', { resources: [{ resourceType: 'Observation', id: 'o5' }], format: 'us_core' }, { plan: [{ type: 'fault', fault: { code: 'not_implemented', message: 'format us_core is reserved' } }] }),
    post('/v1/infer', { resources: [{ resourceType: 'Observation', id: 'o6' }] }),
    post('/v1/infer', { resources: [{ resourceType: 'Observation', id: 'o7' }] }, { plan: ['service_unavailable', 'service_unavailable', 'service_unavailable'] }),
    ...times(5, (i) => post('/v1/infer', { resources: [{ resourceType: 'Observation', id: `o${8 + i}` }] })),
  ],
};

/**
 * The five seed vendors' demos, in seed order.
 * @internal
 */
export const VENDOR_DEMOS: readonly VendorDemo[] = [impulse, runsApi, runinfra, pulse, fhir];
