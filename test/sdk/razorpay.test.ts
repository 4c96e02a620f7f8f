/**
 * razorpay (razorpay-node) against a loopback server answering as api.razorpay.com does (test/fixtures/sdk/razorpay.json:
 * the SDK's rejections as its issues printed them). The SDK rejects with no Error at all but a plain object,
 * `{statusCode, error}`, whose `error` is the body's error object (`code`, `description`, `reason`, …); classify reads
 * that object as the body. The SDK's host is fixed, so the test points its axios instance at the loopback server.
 */
import Razorpay from 'razorpay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('razorpay');
let server: Loopback;
let razorpay: Razorpay;

beforeAll(async () => {
  server = await startLoopback();
  razorpay = new Razorpay({ key_id: 'rzp_test_not_a_key', key_secret: 'not-a-secret' });
  // The constructor takes no host; the axios instance it made is the one place to point it elsewhere.
  (razorpay as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL = server.url;
});
afterAll(() => server.close());

const fetchPayment = () => razorpay.payments.fetch('pay_29QQoUBi66xm2f');
const createOrder = () => razorpay.orders.create({ amount: 50000, currency: 'INR', receipt: 'receipt#1' });

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers,
  body: JSON.stringify(fixture.response.body),
});

describe('razorpay: classify({statusCode, error}) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(fetchPayment);
      expect(error).not.toBeInstanceOf(Error);
      expect(Object.keys(error as object).sort()).toEqual(['error', 'statusCode']);
      expect((error as { statusCode: number }).statusCode).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the error object's description is the Fault's message", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const fault = classify(await thrown(fetchPayment));
      expect(fault.message).toBe((fixture.response.body as { error: { description: string } }).error.description);
    }
  });

  it("the error object's `reason`, where it says more than NA, is the vendor code", async () => {
    // razorpay-node/issues/401 printed the same shape with a real reason; here the object is built as the SDK builds it.
    const fault = classify({
      statusCode: 400,
      error: { code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist', source: 'business', step: 'payment_initiation', reason: 'input_validation_failed', metadata: {} },
    });
    expect([fault.vendorCode, fault.retry]).toEqual(['input_validation_failed', 'never']);
  });
});

describe('razorpay: retry({ maxRetries: 2 }) around the SDK', () => {
  const serverError = fixtures.find((f) => f.response.status === 500)!;

  it('a 500 on a fetch (idempotent) is retried and the payment is read', async () => {
    server.script([serverError.response, { status: 200, body: { id: 'pay_29QQoUBi66xm2f', entity: 'payment' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(fetchPayment));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('a 500 on creating an order (no idempotency) is not repeated', async () => {
    server.script([serverError.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(createOrder));
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault.code).toBe('internal');
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(fetchPayment));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
