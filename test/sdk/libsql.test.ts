/**
 * @libsql/client over HTTP (Hrana's POST /v2/pipeline) against a loopback server answering as sqld and Turso
 * Cloud do (test/fixtures/sdk/libsql.json). A statement the server refuses comes back inside a 200: the client
 * throws a LibsqlError whose `cause` (a ResponseError) keeps the result's `{message, code}` as `proto`. An HTTP
 * failure is a LibsqlError SERVER_ERROR around an HttpServerError that keeps the status and, of the body, only a
 * JSON `message` (or text/plain); the `{"error": …}` bodies sqld sends for a bad token are dropped.
 */
import { LibsqlError, createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('libsql');
let server: Loopback;
let refusedUrl = '';

beforeAll(async () => {
  server = await startLoopback();
  refusedUrl = await closedPortUrl();
});
afterAll(() => server.close());

// An http:// URL makes the client speak Hrana over HTTP; it has no retry option and sends each pipeline once.
const execute = (url = server.url, sql = 'SELECT * FROM no_such_table') => createClient({ url, authToken: 'not-a-jwt' }).execute(sql);

// Turso's HTTP reference answers [execute CREATE TABLE users (name), close] with this (docs.turso.tech/sdk/http/reference);
// IF NOT EXISTS below makes the statement one that is safe to send twice.
const CREATED = {
  status: 200,
  body: {
    baton: null,
    base_url: null,
    results: [
      { type: 'ok', response: { type: 'execute', result: { cols: [], rows: [], affected_row_count: 0, last_insert_rowid: null, replication_index: '1' } } },
      { type: 'ok', response: { type: 'close' } },
    ],
  },
};

const refused = fixtures.find((f) => f.response.status === 200)!;

describe('libsql: classify(LibsqlError) from the server responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => execute());
      expect(error).toBeInstanceOf(LibsqlError);
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v2/pipeline']);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      if (fixture.response.status !== 200) {
        expect((error as LibsqlError).code).toBe('SERVER_ERROR');
        expect(fault.status).toBe(fixture.response.status);
      }
    });
  }

  it("a statement refused inside a 200: the server's SQLite message and code, and no HTTP status", async () => {
    server.script([refused.response]);
    const error = (await thrown(() => execute())) as LibsqlError;
    expect(error.message).toBe('SQLITE_UNKNOWN: SQLite error: no such table: no_such_table');
    expect((error.cause as { proto: unknown }).proto).toEqual({ message: 'SQLite error: no such table: no_such_table', code: 'SQLITE_UNKNOWN' });
    const fault = classify(error);
    expect(fault.message).toBe('SQLite error: no such table: no_such_table');
    // The 200 carried the transport, not the statement: it is no status of the failure.
    expect(fault.status).toBeUndefined();
  });

  it('a refused connection (fetch TypeError, not wrapped) is connect_failed with no status', async () => {
    const fault = classify(await thrown(() => execute(refusedUrl)));
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('libsql: retry({ maxRetries: 2 }) around the client', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => execute()));
      expect(server.requests).toHaveLength(1);
      const failure = (result as { error: FaultError }).error;
      expect(failure.fault.code).toBe(fixture.expected.code);
      expect(failure.cause).toBeInstanceOf(LibsqlError);
    });
  }

  it('a pipeline reset before its answer is sent again when the statement is safe to repeat', async () => {
    server.script(['reset', CREATED]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => execute(server.url, 'CREATE TABLE IF NOT EXISTS users (name)')));
    expect(result).toMatchObject({ ok: true, value: { rowsAffected: 0 } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('the same reset is not repeated for a statement that is not marked safe', async () => {
    server.script(['reset', CREATED]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => execute(server.url, 'CREATE TABLE IF NOT EXISTS users (name)')));
    expect((result as { error: FaultError }).error.fault.code).toBe('connection_reset');
    expect(server.requests).toHaveLength(1);
  });
});
