/**
 * @upstash/redis against a loopback server answering as the Upstash REST API does (test/fixtures/sdk/upstash-redis.json).
 * Every command is a POST of its JSON array. On a non-2xx answer the SDK throws an UpstashError whose only own key is
 * `name`: it keeps no status, no headers, no body, only the message `<body.error>, command was: <the command JSON>`;
 * on a 2xx answer whose body carries `error` it throws UpstashError(`<body.error>`) alone. The command JSON holds the
 * keys and the values sent (stored data), so the Fault's message must not repeat it. A failed fetch (refused, reset)
 * rejects with undici's TypeError('fetch failed') and its cause. The SDK retries network errors itself (5 retries,
 * real sleeps, by default): `retry: { retries: 0 }` turns that off. Auto-pipelining (on by default) would send each
 * command inside a batch (`command was: [[…]]`); it is off here so that one call is one request.
 */
import { Redis, errors } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type UpstashFixture = SdkFixture & { readonly statusSourced?: boolean };
const fixtures = loadFixtures('upstash-redis') as readonly UpstashFixture[];
const TOKEN = 'AX_not_a_token_upstash_0000';
const KEY = 'session:7f3a';
const STORED = 'stored-value-9c1e-not-for-logs';
let server: Loopback;
let redis: Redis;

const client = (url: string) => new Redis({ url, token: TOKEN, retry: { retries: 0 }, enableTelemetry: false, enableAutoPipelining: false });

beforeAll(async () => {
  server = await startLoopback();
  redis = client(server.url);
});
afterAll(() => server.close());

/** A write whose command carries a stored value: the SDK copies it into its error message. */
const write = () => redis.set(KEY, STORED);

describe('upstash-redis: classify(UpstashError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(write);
      expect(error).toBeInstanceOf(errors.UpstashError);
      // What the SDK keeps: the server's text, then the command it sent, stored value included.
      expect((error as Error).message).toBe(`${(fixture.response.body as { error: string }).error}, command was: ${JSON.stringify(['set', KEY, STORED])}`);
      expect(Object.keys(error as object)).toEqual(['name']);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.message).not.toContain('command was');
      expect(fault.message).not.toContain(STORED);
      expect(JSON.stringify(fault)).not.toContain(STORED);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(JSON.stringify(fault)).not.toContain(TOKEN);
    });
  }

  // The limit errors' statuses were never shown: what faultline makes of them must not hang on one.
  for (const fixture of fixtures.filter((f) => f.statusSourced === false)) {
    it(`${fixture.name}: the same Fault whatever the status (200, 400, 429, 500)`, async () => {
      for (const status of [200, 400, 429, 500]) {
        server.script([{ ...fixture.response, status }]);
        const error = await thrown(write);
        expect(error).toBeInstanceOf(errors.UpstashError);
        const fault = classify(error);
        expectFault(fault, fixture.expected);
        expect(fault.message).not.toContain('command was');
        expect(fault.message).not.toContain(STORED);
      }
    });
  }
});

describe('upstash-redis: network failures', () => {
  it('a refused connection is connect_failed (no request arrives)', async () => {
    const error = await thrown(async () => client(await closedPortUrl()).get(KEY));
    expect(error).toBeInstanceOf(TypeError);
    expectFault(classify(error), { code: 'connect_failed', retry: 'always' });
  });

  it('a connection reset after the command was sent is connection_reset', async () => {
    server.script(['reset']);
    const error = await thrown(() => redis.get(KEY));
    expect(error).toBeInstanceOf(TypeError);
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('upstash-redis: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a GET cut by a reset is retried when the caller says it is idempotent, and succeeds', async () => {
    server.script(['reset', { status: 200, body: { result: STORED } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => redis.get<string>(KEY)));
    expect(result).toMatchObject({ ok: true, value: STORED });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('without `idempotent: true` the reset command (every command is a POST) is sent once', async () => {
    server.script(['reset', { status: 200, body: { result: 'OK' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(write));
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'connection_reset' });
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: one request, even for an idempotent call`, async () => {
      server.script([fixture.response, { status: 200, body: { result: STORED } }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => redis.get<string>(KEY)));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      const { fault } = (result as { error: FaultError }).error;
      expectFault(fault, fixture.expected);
      expect(fault.message).not.toContain('command was');
    });
  }
});
