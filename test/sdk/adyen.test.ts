/**
 * @adyen/api-library (Checkout PaymentsApi) against a loopback server answering as checkout-test.adyen.com does
 * (test/fixtures/sdk/adyen.json: Adyen's own SDK mocks and issue reports). The SDK speaks https only, so an https front
 * with a certificate made here at run time (never stored) forwards to the loopback server; `certificatePath:
 * 'unencrypted'` is the SDK's own switch for not verifying it. Its HttpClientException keeps the status, the body as
 * `responseBody` and the parsed `apiError`; a failed connection is an ApiException whose status 500 the SDK made up.
 * The SDK retries nothing and has no setting for it.
 */
import { request as httpRequest } from 'node:http';
import { type Server, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CheckoutAPI, Client, EnvironmentEnum, HttpClientException } from '@adyen/api-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
// The recipe's throwaway certificate, made at run time and never stored.
import { selfSigned } from '../../examples/sdk-adyen.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('adyen');
let server: Loopback;
let front: Server;
let frontUrl: string;

beforeAll(async () => {
  server = await startLoopback();
  const upstream = new URL(server.url);
  front = createServer(selfSigned(), (req, res) => {
    const up = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontUrl = `https://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  await server.close();
});

const paymentsApi = (base: string) => {
  const api = new CheckoutAPI(new Client({ apiKey: 'AQE_not_a_key', environment: EnvironmentEnum.TEST, certificatePath: 'unencrypted' })).PaymentsApi;
  (api as unknown as { baseUrl: string }).baseUrl = `${base}/v71`;
  return api;
};
const pay = (base = frontUrl) => () =>
  paymentsApi(base).payments({
    amount: { currency: 'EUR', value: 1000 },
    merchantAccount: 'YourMerchantAccount',
    reference: 'order-1',
    paymentMethod: { type: 'scheme' } as never,
    returnUrl: 'https://example.com/return',
  });

const raw = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, body: fixture.response.body as string });

describe('adyen: classify(HttpClientException) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(pay());
      expect(error).toBeInstanceOf(HttpClientException);
      expect((error as HttpClientException).statusCode).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the body's message is the Fault's, not the 'HTTP Exception: …' line the SDK writes", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(pay())) as HttpClientException;
      const fault = classify(error);
      expect(fault.message).toBe((JSON.parse(fixture.response.body as string) as { message: string }).message);
      expect(error.message).toMatch(/^HTTP Exception: /);
    }
  });

  it("a refused connection is connect_failed, and the SDK's made-up status 500 is no status", async () => {
    const error = await thrown(pay((await closedPortUrl()).replace('http:', 'https:')));
    expect((error as { name: string; statusCode: number }).name).toBe('ApiException');
    expect((error as { statusCode: number }).statusCode).toBe(500);
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('adyen: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a refused connection is retried: three attempts', async () => {
    const gone = (await closedPortUrl()).replace('http:', 'https:');
    let attempts = 0;
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => (attempts++, pay(gone)())));
    expect(attempts).toBe(3);
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
  });

  it('a 500 (701) on a payment with an idempotency promise is retried and the payment goes through', async () => {
    const internal = fixtures.find((f) => f.response.status === 500)!;
    server.script([internal.response, { status: 200, body: { pspReference: 'PSP1', resultCode: 'Authorised' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(pay()));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(pay()));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
