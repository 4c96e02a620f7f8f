/**
 * mailgun.js (with form-data) against a loopback server answering as api.mailgun.net does
 * (test/fixtures/sdk/mailgun.json). Its MailgunAPIError (`type: 'MailgunAPIError'`) keeps the status, the
 * status text as its message and, as `details`, the body's `message` or the body itself when it is text; no
 * headers. Over a refused connection it makes up a status 400, which classify must not believe.
 */
import Mailgun from 'mailgun.js';
import FormData from 'form-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('mailgun');
let server: Loopback;
let refusedUrl = '';

beforeAll(async () => {
  server = await startLoopback();
  refusedUrl = await closedPortUrl();
});
afterAll(() => server.close());

// mailgun.js has no retry option of its own: it sends each request once.
const client = (url: string) => new Mailgun(FormData).client({ username: 'api', key: 'key-not-a-key', url });
const send = (url = server.url) =>
  client(url).messages.create('sandbox.mailgun.org', { from: 'bar@example.com', to: ['foo@example.com'], subject: 'howdy!', text: 'ello world!' });

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers,
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

// mailgun.js's own test answers a sent message with this (tests/module/messages.test.ts, 'sends an email').
const QUEUED = { status: 200, body: { message: 'Queued. Thank you.', id: '<20111114174239.25659.5817@samples.mailgun.org>' } };

describe('mailgun: classify(MailgunAPIError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => send());
      expect(error).toMatchObject({ type: 'MailgunAPIError', status: fixture.response.status });
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // A text body is all the SDK had and keeps whole; of a JSON body it keeps the `message` alone, so
      // the vendor label the raw JSON earns is not asked of it.
      const textBody = typeof fixture.response.body === 'string' && !fixture.response.body.startsWith('{');
      const same = (f: ReturnType<typeof classify>) => (textBody ? essentials(f) : { ...essentials(f), vendor: undefined });
      expect(same(fault)).toEqual(same(classify(raw(fixture))));
    });
  }

  it("the body's message (`details`) is the Fault's, not the status text the SDK writes", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(() => send())) as { message: string; details: string };
      const fault = classify(error);
      expect(fault.message).toBe(error.details);
      expect(fault.message).toBe(classify(raw(fixture)).message);
      expect(fault.message).not.toBe(error.message);
    }
  });

  it('a refused connection is connect_failed with no status, though the SDK says 400', async () => {
    const error = await thrown(() => send(refusedUrl));
    expect(error).toMatchObject({ type: 'MailgunAPIError', status: 400, message: 'ECONNREFUSED' });
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });

  it('a reset connection is connection_reset with no status, though the SDK says 400', async () => {
    server.script(['reset']);
    const error = await thrown(() => send());
    expect(error).toMatchObject({ type: 'MailgunAPIError', status: 400, message: 'ECONNRESET' });
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connection_reset', 'idempotent', undefined]);
  });
});

describe('mailgun: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures.filter((f) => f.expected.retry === 'always')) {
    it(`${fixture.name}: retried after a backoff, then the message is queued`, async () => {
      server.script([fixture.response, QUEUED]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => send()));
      expect(result).toMatchObject({ ok: true, value: { status: 200, id: QUEUED.body.id } });
      expect(server.requests).toHaveLength(2);
      // Neither answer names a wait the SDK keeps (no headers survive), so the wait is the backoff's.
      expect(clock.sleeps).toHaveLength(1);
    });
  }

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => send()));
      expect(server.requests).toHaveLength(1);
      const failure = (result as { error: FaultError }).error;
      expect(failure.fault.code).toBe(fixture.expected.code);
      expect(failure.cause).toMatchObject({ type: 'MailgunAPIError' });
    });
  }

  it('a refused connection is retried, not given up as the 400 the SDK reports', async () => {
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => send(refusedUrl)));
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    expect(clock.sleeps).toHaveLength(2);
  });
});
