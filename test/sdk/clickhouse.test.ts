/**
 * @clickhouse/client (Node) against a loopback server answering as the ClickHouse HTTP interface does
 * (test/fixtures/sdk/clickhouse.json). On a failed query the server answers a status and the plain-text exception
 * `Code: N. DB::Exception: <message>. (TYPE) (version …)` with X-ClickHouse-Exception-Code; the client parses that text
 * (parseError) into a ClickHouseError that keeps `code` (the digits, as a string), `type` (the error name) and the
 * message between them; no status, no headers, no query id. A refused connection or a reset rejects with Node's own
 * socket error (ECONNREFUSED, ECONNRESET 'socket hang up'). The client retries nothing itself.
 */
import { ClickHouseError, ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('clickhouse');
const PASSWORD = 'not-a-password-ch-0000';
let server: Loopback;
let client: ReturnType<typeof createClient>;

// The client's own logger (it logs each failed query) is off: the test reads what it throws.
const connect = (url: string) => createClient({ url, username: 'default', password: PASSWORD, log: { level: ClickHouseLogLevel.OFF } });

beforeAll(async () => {
  server = await startLoopback();
  client = connect(server.url);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const select = async () => (await client.query({ query: 'SELECT n FROM events LIMIT 1', format: 'JSONEachRow' })).json<{ n: number }>();
/** The exception's code and name as the body states them: `Code: 202. … (TOO_MANY_SIMULTANEOUS_QUERIES)`. */
const stated = (body: string) => /^Code: (\d+)\..*\(([A-Z0-9_]+)\) \(version/s.exec(body)!;

describe('clickhouse: classify(ClickHouseError) from the server responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(select);
      expect(error).toBeInstanceOf(ClickHouseError);
      const [, code, type] = stated(fixture.response.body as string);
      // What the client keeps: the digits and the name, and the message between them.
      expect(error).toMatchObject({ code, type });
      expect((error as Error).message.trim()).toBe(fixture.expected.message);
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
      expect(JSON.stringify(classify(error))).not.toContain(PASSWORD);
    });
  }
});

describe('clickhouse: network failures', () => {
  it('a refused connection is connect_failed (no request arrives)', async () => {
    const gone = connect(await closedPortUrl());
    try {
      const error = await thrown(() => gone.query({ query: 'SELECT 1' }));
      expect(error).toMatchObject({ code: 'ECONNREFUSED' });
      expectFault(classify(error), { code: 'connect_failed', retry: 'always' });
    } finally {
      await gone.close();
    }
  });

  it('a connection reset after the query was sent is connection_reset', async () => {
    server.script(['reset']);
    const error = await thrown(select);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('clickhouse: retry({ maxRetries: 2 }) around the client', () => {
  const busy = fixtures.find((f) => f.expected.code === 'rate_limited')!;
  const missing = fixtures.find((f) => f.expected.code === 'not_found')!;

  it('TOO_MANY_SIMULTANEOUS_QUERIES is retried after the policy’s own wait, and the query answers', async () => {
    server.script([busy.response, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=UTF-8' }, body: '{"n":1}\n' }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(select));
    expect(result).toMatchObject({ ok: true, value: [{ n: 1 }] });
    expect(server.requests).toHaveLength(2);
    // ClickHouse sent no Retry-After: one wait of the policy's own.
    expect(clock.sleeps).toHaveLength(1);
  });

  it('UNKNOWN_TABLE is sent once', async () => {
    server.script([missing.response, { status: 200, body: '{"n":1}\n' }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(select));
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expectFault((result as { error: FaultError }).error.fault, missing.expected);
  });
});
