/**
 * @paddle/paddle-node-sdk against a loopback server answering as api.paddle.com does (test/fixtures/sdk/paddle.json:
 * the error bodies of Paddle's own SDK tests). Its ApiError keeps the body's `error` object (`type`, `code`, `detail`,
 * `documentationUrl`, `errors`) and Retry-After, in seconds, as `retryAfter`; no status, no `meta.request_id`. classify
 * reads the code, the detail and the wait from what it kept. The SDK retries nothing and has no setting for it.
 */
import { ApiError, Paddle } from '@paddle/paddle-node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('paddle');
let server: Loopback;
let paddle: Paddle;

beforeAll(async () => {
  server = await startLoopback();
  // `environment` is used as the base URL when it is one.
  paddle = new Paddle('pdl_sdbx_apikey_not_a_key', { environment: server.url as never });
});
afterAll(() => server.close());

const getCustomer = () => paddle.customers.get('ctm_01h8441jn5pcwrfhwh78jqt8hk');

type PaddleBody = { error: { code: string; detail: string } };
const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers,
  body: JSON.stringify(fixture.response.body),
});

describe('paddle: classify(ApiError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getCustomer);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe((fixture.response.body as PaddleBody).error.code);
      expectFault(classify(error), fixture.expected);
    });
  }

  it('the kind of fault and the wait are those of the raw response', async () => {
    // The SDK drops the status and meta.request_id, so only these can agree.
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const fault = classify(await thrown(getCustomer));
      const fromRaw = classify(raw(fixture));
      expect([fault.code, fault.retry, fault.retryAfterMs]).toEqual([fromRaw.code, fromRaw.retry, fromRaw.retryAfterMs]);
    }
  });

  it("the body's detail is the Fault's message where it has no field errors", async () => {
    for (const fixture of fixtures.filter((f) => !('errors' in (f.response.body as PaddleBody).error))) {
      server.script([fixture.response]);
      const fault = classify(await thrown(getCustomer));
      expect(fault.message).toBe((fixture.response.body as PaddleBody).error.detail);
    }
  });

  it("Retry-After is no documentation link's number: the wait is the header's 42 s", async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response]);
    const error = (await thrown(getCustomer)) as ApiError;
    expect(error.retryAfter).toBe(42);
    expect(classify(error).retryAfterMs).toBe(42_000);
  });

  it('a refused connection is connect_failed', async () => {
    const gone = new Paddle('pdl_sdbx_apikey_not_a_key', { environment: (await closedPortUrl()) as never });
    const fault = classify(await thrown(() => gone.customers.get('ctm_01h8441jn5pcwrfhwh78jqt8hk')));
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('paddle: retry({ maxRetries: 2 }) around the SDK', () => {
  it("a 429 is waited out for Retry-After's 42 s on the clock, then the customer is read", async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, { status: 200, body: { data: { id: 'ctm_01h8441jn5pcwrfhwh78jqt8hk' }, meta: { request_id: 'x' } } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getCustomer));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(clock.now()).toBe(42_000);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(getCustomer));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
