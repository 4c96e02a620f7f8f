/**
 * @datadog/datadog-api-client against a loopback server answering as api.datadoghq.com does
 * (test/fixtures/sdk/datadog.json: the SDK's own cassettes and retry test). Its ApiException keeps the status as a
 * numeric `code` and the parsed body (or its text) as `body`; the response's headers are dropped.
 */
import { client, logger, v1 } from '@datadog/datadog-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('datadog');
let server: Loopback;

// enableRetry: false is the default; said here because the SDK would otherwise sleep X-RateLimit-Reset itself.
const configuration = (url: string) =>
  client.createConfiguration({ authMethods: { apiKeyAuth: 'not-a-key', appKeyAuth: 'not-a-key' }, baseServer: new client.BaseServerConfiguration(url, {}), enableRetry: false });

let monitors: v1.MonitorsApi;
let authentication: v1.AuthenticationApi;

beforeAll(async () => {
  server = await startLoopback();
  monitors = new v1.MonitorsApi(configuration(server.url));
  authentication = new v1.AuthenticationApi(configuration(server.url));
});
afterAll(() => server.close());

// The endpoint each recorded answer came from; an operation throws ApiException with the body only for the statuses its spec lists.
const callFor: Record<number, () => Promise<unknown>> = {
  400: () => monitors.listMonitors({ groupStates: 'notagroupstate' }),
  403: () => authentication.validate(),
  404: () => monitors.getMonitor({ monitorId: 12345 }),
  429: () => monitors.listMonitors({}),
};
const call = (fixture: (typeof fixtures)[number]) => callFor[fixture.response.status]!;

// ApiException keeps the body, not the headers: this is what it could have kept.
const bodyOnly = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, body: fixture.response.body });

describe('datadog: classify(ApiException) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call(fixture));
      expect(error).toBeInstanceOf(client.ApiException);
      expect((error as { code: unknown }).code).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(bodyOnly(fixture))));
    });
  }

  it("the body's first error is the Fault's message, not the SDK's 'HTTP-Code: … Message: …'", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(call(fixture))) as Error;
      const body = fixture.response.body as string;
      const text = body.startsWith('{') ? (JSON.parse(body) as { errors: string[] }).errors[0] : body;
      expect(classify(error).message).toBe(text);
      expect(error.message).toMatch(/^HTTP-Code: \d{3}\nMessage: /);
    }
  });

  it('a refused connection (node-fetch FetchError) is connect_failed with no vendor code', async () => {
    const level = logger.getLevel();
    // The SDK logs every failed fetch at error level through its own loglevel logger.
    logger.setLevel('silent');
    try {
      const dead = new v1.MonitorsApi(configuration(await closedPortUrl()));
      const error = await thrown(() => dead.listMonitors({}));
      expect((error as { code?: unknown }).code).toBe('ECONNREFUSED');
      const fault = classify(error);
      expect([fault.code, fault.retry, fault.vendorCode, fault.status]).toEqual(['connect_failed', 'always', undefined, undefined]);
    } finally {
      logger.setLevel(level);
    }
  });
});

describe('datadog: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 is retried and the monitors come back', async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, { status: 200, body: [] }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => monitors.listMonitors({})));
    expect(result).toEqual({ ok: true, value: [] });
    expect(server.requests).toHaveLength(2);
    // X-RateLimit-Reset never reaches ApiException, so the wait is the policy's backoff, not the server's second.
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(fixture)));
      expect(server.requests).toHaveLength(1);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
