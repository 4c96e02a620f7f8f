/**
 * stripe@23 against a loopback server answering as api.stripe.com does (test/fixtures/sdk/stripe.json):
 * classify(StripeError) and retry(() => stripe.…) decide from the vendor's real responses.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, createFetch, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('stripe');
let server: Loopback;
let stripe: Stripe;

beforeAll(async () => {
  server = await startLoopback();
  const port = Number(new URL(server.url).port);
  // The SDK's own retries off: the tests are about faultline's.
  stripe = new Stripe('sk_test_faultline', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
});
afterAll(() => server.close());

const charge = () => stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_visa' });

describe('stripe: classify(StripeError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(charge);
      expect((error as { statusCode?: number }).statusCode).toBe(fixture.response.status);
      expectFault(classify(error), fixture.expected);
      // The SDK's error gives the Fault the raw bytes give.
      const { status, headers, body } = fixture.response;
      expect(essentials(classify(error))).toEqual(essentials(classify({ status, headers, body: JSON.stringify(body) })));
    });
  }
});

function answer(name: string) {
  const fixture = fixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return fixture.response;
}

describe('stripe: retry({ maxRetries: 2 }) around the SDK', () => {
  const cases = [
    ['429 rate limit', 3],
    ['503 service unavailable', 3],
    ['429 lock_timeout', 3],
    ['402 card declined', 1],
    ['400 idempotency_error (key reused with other parameters)', 1],
    ['409 conflict', 1],
    ['401 authentication', 1],
    ['500 api_error with Stripe-Should-Retry: false', 1],
    ['400 with Stripe-Should-Retry: true', 3],
  ] as const;
  for (const [name, requests] of cases) {
    it(`${name}: ${requests} request(s)`, async () => {
      server.script([answer(name)]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(charge));
      expect(result.ok).toBe(false);
      expect(server.requests.length).toBe(requests);
      expect(clock.sleeps.length).toBe(requests - 1);
      const error = (result as { error: unknown }).error;
      expect(error).toBeInstanceOf(FaultError);
      // The SDK's own error stays reachable.
      expect((error as FaultError).cause).toBeInstanceOf(Stripe.errors.StripeError);
    });
  }

  it('retries a 500 when the call is idempotent (GET), and stops at the first success', async () => {
    server.script([answer('500 api_error'), { status: 200, body: { id: 'cus_1', object: 'customer' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(() => stripe.customers.retrieve('cus_1')));
    expect(result.ok).toBe(true);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('waits a Retry-After the server sends on a 429', async () => {
    server.script([{ ...answer('429 rate limit'), headers: { 'retry-after': '7' } }, { status: 200, body: { id: 'ch_1', object: 'charge' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(charge));
    expect(result.ok).toBe(true);
    expect(clock.sleeps).toEqual([7000]);
  });
});

describe('stripe: connection reset', () => {
  it('is connection_reset; stripe-node itself retries a closed connection once even with maxNetworkRetries: 0', async () => {
    server.script(['reset']);
    const error = await thrown(charge);
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent', source: 'network' });
    expect(server.requests.length).toBe(2);
  });

  it('retry({ idempotent: true }) retries it: 3 calls, 2 requests each', async () => {
    server.script(['reset']);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(charge));
    expect(result.ok).toBe(false);
    expect((result as { error: FaultError }).error.fault.code).toBe('connection_reset');
    expect(server.requests.length).toBe(6);
  });
});

describe("stripe: faultline's createFetch as the SDK's fetch (Stripe.createFetchHttpClient)", () => {
  function viaFaultline(clock: VirtualClock): Stripe {
    const port = Number(new URL(server.url).port);
    const fetch = createFetch({ throwOnError: false, policy: retry({ maxRetries: 2, clock }), clock });
    return new Stripe('sk_test_faultline', {
      host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, httpClient: Stripe.createFetchHttpClient(fetch),
    });
  }

  it('retries a 503 inside fetch (stripe-node sends an Idempotency-Key on every POST), one retry loop', async () => {
    server.script([answer('503 service unavailable'), { status: 200, body: { id: 'ch_1', object: 'charge' } }]);
    const clock = new VirtualClock();
    const sdk = viaFaultline(clock);
    const result = await drive(clock, sdk.charges.create({ amount: 2000, currency: 'usd', source: 'tok_visa' }));
    expect(result).toMatchObject({ ok: true, value: { id: 'ch_1' } });
    expect(server.requests.length).toBe(2);
    expect(server.requests[0]?.headers['idempotency-key']).toBe(server.requests[1]?.headers['idempotency-key']);
  });

  it('hands a card decline back as the SDK\'s own StripeCardError, sent once', async () => {
    server.script([answer('402 card declined')]);
    const clock = new VirtualClock();
    const sdk = viaFaultline(clock);
    const result = await drive(clock, sdk.charges.create({ amount: 2000, currency: 'usd', source: 'tok_visa' }));
    const error = (result as { error: unknown }).error;
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(classify(error)).toMatchObject({ code: 'payment_required', vendorCode: 'generic_decline' });
    expect(server.requests.length).toBe(1);
  });

  it('when retries run out, the SDK sees the last 503 as an HTTP error, not a connection error', async () => {
    server.script([answer('503 service unavailable')]);
    const clock = new VirtualClock();
    const sdk = viaFaultline(clock);
    const result = await drive(clock, sdk.charges.create({ amount: 2000, currency: 'usd', source: 'tok_visa' }));
    const error = (result as { error: unknown }).error;
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect((error as { statusCode: number }).statusCode).toBe(503);
    expect(server.requests.length).toBe(3);
  });
});
