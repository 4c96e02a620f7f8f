/**
 * ably's REST client (ably@2, got underneath) against a loopback server answering as rest.ably.io does
 * (test/fixtures/sdk/ably.json). Its ErrorInfo keeps Ably's numeric `code`, `statusCode`, the message and `href`;
 * no body, no headers. A dropped connection comes out as got's own RequestError. Its retries are off
 * (`httpMaxRetryCount: 0`, `fallbackHosts: []`), but a token error (40140–40149) still makes it ask
 * /keys/…/requestToken once, with no knob, and switch that client to token auth: each call gets a new client.
 */
import Ably from 'ably';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('ably');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const client = (url = server.url) =>
  new Ably.Rest({
    key: 'appid.keyid:secret',
    endpoint: '127.0.0.1',
    port: Number(new URL(url).port),
    tls: false,
    useBinaryProtocol: false,
    httpMaxRetryCount: 0,
    fallbackHosts: [],
    logLevel: 0,
  });

// An explicit message id makes a repeated publish one message on Ably's side (idempotent publishing).
const publish = (rest = client()) => rest.channels.get('orders').publish({ id: 'order-1:created', name: 'created', data: { id: 1 } });

/** How many requests the SDK makes for one call that meets `answer`, with no policy around it. */
async function requestsOfOneCall(answer: (typeof fixtures)[number]['response']): Promise<number> {
  server.script([answer]);
  await thrown(() => publish());
  return server.requests.length;
}

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers ?? {},
  body: JSON.stringify(fixture.response.body),
});

describe('ably: classify(ErrorInfo) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => publish());
      expect(error).toBeInstanceOf(Ably.ErrorInfo);
      expect((error as Ably.ErrorInfo).statusCode).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // Ably's numeric code copied onto ErrorInfo is Ably's, not Discord's JSON error code.
      expect(fault.vendor).not.toBe('discord');
    });
  }

  it('what ErrorInfo kept reads as the response it came from', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const fault = classify(await thrown(() => publish()));
      const fromResponse = classify(raw(fixture));
      expect([fault.code, fault.retry, fault.status, fault.vendorCode]).toEqual([fromResponse.code, fromResponse.retry, fromResponse.status, fromResponse.vendorCode]);
    }
  });

  it("a bare error object's message is the Fault's, not the 'Error response received from server' text ably writes", async () => {
    const bare = fixtures.find((f) => !('error' in (f.response.body as object)))!;
    server.script([bare.response]);
    const error = (await thrown(() => publish())) as Ably.ErrorInfo;
    expect(error.message).toMatch(/^Error response received from server: 401/);
    expect(classify(error).message).toBe('Access denied');
  });

  it('a refused connection is got\'s RequestError and connect_failed, with no status', async () => {
    const rest = client(await closedPortUrl());
    const error = await thrown(() => publish(rest));
    expect(error).not.toBeInstanceOf(Ably.ErrorInfo);
    expect((error as Error).name).toBe('RequestError');
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('ably: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a connection dropped mid-request is retried once, with the same message id, and the publish goes through', async () => {
    server.script(['reset', { status: 201, body: {} }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => publish()));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    const ids = server.requests.map((r) => ([JSON.parse(r.body)].flat()[0] as { id: string }).id);
    expect(ids).toEqual(['order-1:created', 'order-1:created']);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: not repeated (only the SDK's own token request)`, async () => {
      const bare = await requestsOfOneCall(fixture.response);
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => publish()));
      expect(server.requests).toHaveLength(bare);
      expect((result as { error: FaultError }).error.fault.code).toBe('unauthenticated');
      expect(clock.sleeps).toEqual([]);
    });
  }
});
