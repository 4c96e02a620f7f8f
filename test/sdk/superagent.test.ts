/**
 * superagent against a loopback server playing vendor responses (test/fixtures/sdk/superagent.json). An HTTP
 * error is a plain Error ("Too Many Requests") with `status` and the whole `response` (`status`, `headers`,
 * `text`); a JSON content type over a body that is no JSON rejects with the parser's SyntaxError, which keeps
 * `status`, `headers` and `rawResponse`. Its own deadlines are Errors with code ECONNABORTED and `timeout`.
 */
import { type Server, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('superagent');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

// superagent ships no types (and @types/superagent is not installed), so the little used here is typed here.
type Limits = { readonly deadline?: number; readonly response?: number };
interface Call extends PromiseLike<{ readonly status: number }> {
  timeout(limits: Limits): Call;
}
const superagent = createRequire(import.meta.url)('superagent') as { get(url: string): Call };

// superagent retries only when asked (`.retry(n)`); none of these calls ask.
const get = (url = `${server.url}/v1.0/sites/root`, limits?: Limits): Promise<{ readonly status: number }> =>
  Promise.resolve(limits === undefined ? superagent.get(url) : superagent.get(url).timeout(limits));

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers,
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

const named = (name: string) => fixtures.find((f) => f.name.startsWith(name))!;

describe('superagent: classify(error) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => get());
      expect(error).toBeInstanceOf(Error);
      // An HTTP error keeps the response; the parser's SyntaxError keeps `rawResponse` instead.
      const kept = error instanceof SyntaxError ? { rawResponse: raw(fixture).body } : { response: { status: fixture.response.status } };
      expect(error).toMatchObject({ status: fixture.response.status, ...kept });
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("Graph's error message is the Fault's, not superagent's status text", async () => {
    for (const fixture of [named('429 Graph activityLimitReached, Retry-After'), named('429 Graph activityLimitReached with')]) {
      server.script([fixture.response]);
      const error = (await thrown(() => get())) as Error;
      expect(error.message).toBe('Too Many Requests');
      expect(classify(error).message).toBe(classify(raw(fixture)).message);
    }
  });

  it('a body the JSON parser refused still carries the status', async () => {
    server.script([named('403 Forbidden sent as application/json').response]);
    const error = await thrown(() => get());
    expect(error).toBeInstanceOf(SyntaxError);
    expect(error).toMatchObject({ status: 403, rawResponse: 'Forbidden' });
    expect(classify(error).code).toBe('permission_denied');
  });

  it('a refused connection is connect_failed with no status', async () => {
    const refusedUrl = await closedPortUrl();
    const fault = classify(await thrown(() => get(refusedUrl)));
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

describe('superagent: retry({ maxRetries: 2 }) around the call', () => {
  it('a 429 waits the Retry-After Graph sent, then the call succeeds', async () => {
    server.script([named('429 Graph activityLimitReached, Retry-After').response, { status: 204 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => get()));
    expect(result).toMatchObject({ ok: true, value: { status: 204 } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([30_000]);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'always' && f.expected.retryAfterMs === undefined)) {
    it(`${fixture.name}: retried after a backoff`, async () => {
      server.script([fixture.response, { status: 204 }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => get()));
      expect(result.ok).toBe(true);
      expect(server.requests).toHaveLength(2);
      expect(clock.sleeps).toHaveLength(1);
    });
  }

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => get()));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});

describe("superagent: its own deadlines against a server that never answers", () => {
  let silent: Server;
  let url = '';
  let received = 0;
  beforeEach(async () => {
    received = 0;
    silent = createServer(() => {
      received += 1;
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1.0/me`;
  });
  afterEach(async () => {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('`.timeout({ deadline })` is client_timeout, not a connection reset', async () => {
    const error = await thrown(() => get(url, { deadline: 20 }));
    expect(error).toMatchObject({ code: 'ECONNABORTED', timeout: 20, message: 'Timeout of 20ms exceeded' });
    expect([classify(error).code, classify(error).retry]).toEqual(['client_timeout', 'idempotent']);
  });

  it('`.timeout({ response })` is client_timeout too', async () => {
    const error = await thrown(() => get(url, { response: 20 }));
    expect(error).toMatchObject({ code: 'ECONNABORTED', message: 'Response timeout of 20ms exceeded' });
    expect(classify(error).code).toBe('client_timeout');
  });

  it('a GET past its deadline is sent again only when the caller says it is safe', async () => {
    const once = new VirtualClock();
    const given = await drive(once, retry({ maxRetries: 2, clock: once }).execute(() => get(url, { deadline: 50 })));
    expect((given as { error: FaultError }).error.fault.code).toBe('client_timeout');
    expect(received).toBe(1);
    const again = new VirtualClock();
    await drive(again, retry({ maxRetries: 2, idempotent: true, clock: again }).execute(() => get(url, { deadline: 50 })));
    expect(received).toBe(4);
  });
});
