// The seed vendors' documented rules, end to end: the chaos server answers as the vendor does (the
// seed fixture's own responses, and faults written by each profile's render), createFetch calls it
// over real sockets, and the traffic the server saw (attempts, virtual-time gaps) and the outcome
// match the rules — the same rules as the scenarios of the seed fixture (test/fixtures/seed-cases.json).
import { describe, expect, it } from 'vitest';
import type { FaultInit } from '../../src/core/fault.js';
import { isFaultError } from '../../src/core/fault.js';
import { createFetch } from '../../src/entry/batteries.js';
import { retry } from '../../src/policy/retry.js';
import type { ChaosBehaviours, ChaosStep } from '../../src/testing/chaos-server.js';
import { type SeedPolicy, seedFixture as fixture, seedRetryOptions } from '../seed-fixture.js';
import { drive, useChaosHarness } from './helpers.js';

/** The seed scenarios' policy: exponential 1 s, 2 s, 4 s … without jitter, 4 retries. */
const SEED_POLICY: SeedPolicy = {
  maxRetries: 4,
  backoff: { kind: 'exponential', initialMs: 1000, factor: 2, maxMs: 30_000, jitter: 'none' },
  idempotent: false,
};

const h = useChaosHarness();

interface Played {
  readonly attempts: number;
  readonly delaysMs: number[];
  readonly outcome: string;
}

async function play(vendor: string, script: readonly ChaosStep[], policy: SeedPolicy, behaviours?: ChaosBehaviours): Promise<Played> {
  const server = await h.serve({ vendor, script, ...(behaviours === undefined ? {} : { behaviours }) });
  const api = createFetch({
    vendor,
    clock: h.clock,
    idempotent: policy.idempotent,
    policy: retry(seedRetryOptions(policy, h.clock)),
  });
  const outcome = await drive(h.clock, api(`${server.url}/v1/infer`, { method: 'POST', body: '{"inputs":{}}', headers: { authorization: 'Bearer sk_live_not_a_real_key' } })).then(
    async (res) => {
      await res.text();
      return 'ok';
    },
    (error: unknown) => (isFaultError(error) ? error.code : `not a FaultError: ${String(error)}`),
  );
  const times = server.requests.map((r) => r.at);
  return { attempts: times.length, delaysMs: times.slice(1).map((t, i) => t - (times[i] as number)), outcome };
}

function fault(init: FaultInit): ChaosStep {
  return { type: 'fault', fault: init };
}

describe('the seed scenarios, served over real sockets', () => {
  it.each(fixture.scenarios.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const script: ChaosStep[] = scenario.responses.map((r) =>
      r.status < 300 ? { type: 'ok', status: r.status, body: r.body } : { type: 'response', status: r.status, headers: r.headers, body: r.body },
    );
    expect(await play(scenario.vendor, script, scenario.policy)).toEqual(scenario.expect);
  });
});

describe("faults written by each seed vendor's render, through createFetch", () => {
  it('impulse: a 429 waits its Retry-After (34 s)', async () => {
    expect(await play('impulse', [fault({ code: 'rate_limited', retryAfterMs: 34_000, limit: 120 }), 'ok'], SEED_POLICY)).toEqual({ attempts: 2, delaysMs: [34_000], outcome: 'ok' });
  });

  it('impulse: BUILDING for 2.5 s, then ACTIVE: retried at 1 s and 2 s', async () => {
    expect(await play('impulse', [], SEED_POLICY, { building: { forMs: 2_500 } })).toEqual({ attempts: 3, delaysMs: [1000, 2000], outcome: 'ok' });
  });

  it('impulse: a 500 is not retried (their loop retries only 429, 502, 503)', async () => {
    expect(await play('impulse', ['internal', 'ok'], SEED_POLICY)).toEqual({ attempts: 1, delaysMs: [], outcome: 'internal' });
  });

  it('impulse: a 502 is retried even for a POST', async () => {
    expect(await play('impulse', ['bad_gateway', 'ok'], SEED_POLICY)).toEqual({ attempts: 2, delaysMs: [1000], outcome: 'ok' });
  });

  it('runs-api: 408 sync_timeout_upgrade_async is not retried; resubmit async', async () => {
    const played = await play('runs-api', [fault({ code: 'request_timeout', vendorCode: 'sync_timeout_upgrade_async', message: 'Resubmit with async: true' }), 'ok'], SEED_POLICY);
    expect(played).toEqual({ attempts: 1, delaysMs: [], outcome: 'request_timeout' });
  });

  it('runs-api: 402 insufficient_credits is not retried', async () => {
    expect(await play('runs-api', [fault({ code: 'payment_required', vendorCode: 'insufficient_credits' }), 'ok'], SEED_POLICY)).toEqual({ attempts: 1, delaysMs: [], outcome: 'payment_required' });
  });

  it('runs-api: 502 upstream_error is retried with backoff', async () => {
    expect(await play('runs-api', [fault({ code: 'bad_gateway', vendorCode: 'upstream_error' }), 'ok'], SEED_POLICY)).toEqual({ attempts: 2, delaysMs: [1000], outcome: 'ok' });
  });

  it('runinfra: a 500 is retried once, then given up', async () => {
    expect(await play('runinfra', ['internal', 'internal', 'internal'], SEED_POLICY)).toEqual({ attempts: 2, delaysMs: [1000], outcome: 'internal' });
  });

  it('runinfra: a 503 waits its Retry-After', async () => {
    const unavailable = fault({ code: 'service_unavailable', retryAfterMs: 3_000, message: 'provisioning' });
    expect(await play('runinfra', [unavailable, unavailable, 'ok'], SEED_POLICY)).toEqual({ attempts: 3, delaysMs: [3000, 3000], outcome: 'ok' });
  });

  it('pulse: RATE_LIMITED without a hint backs off 1 s, 2 s', async () => {
    expect(await play('pulse', ['rate_limited', 'rate_limited', 'ok'], SEED_POLICY)).toEqual({ attempts: 3, delaysMs: [1000, 2000], outcome: 'ok' });
  });

  it('pulse: VALIDATION_ERROR is not retried', async () => {
    const invalid = fault({ code: 'validation_failed', fields: [{ path: 'transaction_amount', message: 'must be a positive number' }] });
    expect(await play('pulse', [invalid, 'ok'], SEED_POLICY)).toEqual({ attempts: 1, delaysMs: [], outcome: 'validation_failed' });
  });

  it('fhir-inference: 503 backs off 1, 2, 4, 8 s, then gives up', async () => {
    const script: ChaosStep[] = Array.from({ length: 8 }, () => 'service_unavailable' as const);
    expect(await play('fhir-inference', script, { ...SEED_POLICY, maxRetries: 10 })).toEqual({ attempts: 5, delaysMs: [1000, 2000, 4000, 8000], outcome: 'service_unavailable' });
  });

  it('fhir-inference: the monthly cap is not retried', async () => {
    const played = await play('fhir-inference', [], SEED_POLICY, { monthlyCap: { limit: 0, retryAfterMs: 86_400_000, upgradeUrl: 'https://portal.example.com/billing' } });
    expect(played).toEqual({ attempts: 1, delaysMs: [], outcome: 'quota_exhausted' });
  });

  it('fhir-inference: the per-minute limit waits its Retry-After', async () => {
    expect(await play('fhir-inference', [fault({ code: 'rate_limited', retryAfterMs: 7_000, limit: 60 }), 'ok'], SEED_POLICY)).toEqual({ attempts: 2, delaysMs: [7000], outcome: 'ok' });
  });
});
