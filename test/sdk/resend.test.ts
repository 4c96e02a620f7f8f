/**
 * resend (resend-node) against a loopback server answering as api.resend.com does (test/fixtures/sdk/resend.json). The
 * SDK throws nothing: `emails.send` (every method, through one fetchRequest) returns `{ data: null, error, headers }`,
 * `error` being Resend's parsed body (`{statusCode, name, message}`) and `headers` the response's. The recipe throws
 * `{ ...error, headers }` inside `retry(...).execute`; classify reads `statusCode`, the snake_case `name` and `message`
 * of the record and, from the headers, the request id (cf-ray) and Retry-After. The SDK retries nothing itself.
 */
import { Resend } from 'resend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

type ResendFixture = SdkFixture & { readonly bodyKeepsStatus?: boolean };
const fixtures = loadFixtures('resend') as readonly ResendFixture[];
const kept = fixtures.filter((f) => f.bodyKeepsStatus !== false);
const KEY = 're_NotAKey_8Jq2vXc4';
let server: Loopback;
let resend: Resend;

beforeAll(async () => {
  server = await startLoopback();
  // `baseUrl` wins over RESEND_BASE_URL, which wins over https://api.resend.com.
  resend = new Resend(KEY, { baseUrl: server.url });
});
afterAll(() => server.close());

const mail = { from: 'Acme <onboarding@resend.dev>', to: ['delivered@resend.dev'], subject: 'Hello', text: 'Hello' };
const send = () => resend.emails.send(mail);

/** The recipe: throw the returned error with the response's headers beside it. */
const sendOrThrow = (idempotencyKey?: string) => async () => {
  const { data, error, headers } = await resend.emails.send(mail, idempotencyKey === undefined ? {} : { idempotencyKey });
  if (error) throw { ...error, headers };
  return data;
};

const bodyText = (fixture: ResendFixture) => (typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body));
const raw = (fixture: ResendFixture) => ({ status: fixture.response.status, headers: fixture.response.headers ?? {}, body: bodyText(fixture) });
const sent = { id: '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794' };

describe('resend: classify(the returned error) from the vendor responses', () => {
  for (const fixture of kept) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const { data, error, headers } = await send();
      expect(data).toBeNull();
      // The SDK hands back Resend's whole body as `error`.
      expect(error).toEqual(JSON.parse(bodyText(fixture)));
      expectFault(classify({ ...error, headers }), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('the record and its headers give what the response gives', async () => {
    for (const fixture of kept) {
      server.script([fixture.response]);
      const { error, headers } = await send();
      // Its `name` is read as the body's member it was, not as an `error` code (a 403 `validation_error` is a refusal).
      expect(essentials(classify({ ...error, headers }))).toEqual(essentials(classify(raw(fixture))));
    }
  });

  it("the Fault's message is Resend's", async () => {
    for (const fixture of kept) {
      server.script([fixture.response]);
      const { error, headers } = await send();
      expect(classify({ ...error, headers }).message).toBe(JSON.parse(bodyText(fixture)).message);
    }
  });

  it('the headers kept beside the error give the request id (cf-ray); the error alone has none', async () => {
    const recorded = kept.filter((f) => f.response.headers?.['cf-ray'] !== undefined);
    expect(recorded).toHaveLength(2);
    for (const fixture of recorded) {
      server.script([fixture.response]);
      const { error, headers } = await send();
      expect(classify(error).requestId).toBeUndefined();
      expect(classify({ ...error, headers }).requestId).toBe(fixture.response.headers!['cf-ray']);
      // An Error carrying the record as its cause reads the same.
      expect(essentials(classify(new Error(error!.message, { cause: { ...error, headers } })))).toEqual(essentials(classify({ ...error, headers })));
    }
  });

  it('the API key sent as the bearer token never reaches the Fault', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 0, clock }).execute(sendOrThrow()));
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
      const { fault, cause } = (result as { error: FaultError }).error;
      expect(JSON.stringify(fault)).not.toContain(KEY);
      expect(JSON.stringify(classify(cause))).not.toContain(KEY);
    }
  });

  it('a 429 whose body names no statusCode: the returned error keeps no status, only its headers keep the wait', async () => {
    const fixture = fixtures.find((f) => f.bodyKeepsStatus === false)!;
    server.script([fixture.response]);
    const { error, headers } = await send();
    expect(error).toEqual({ message: 'Rate limit exceeded' });
    expect(headers).toMatchObject({ 'retry-after': '1', 'ratelimit-remaining': '0' });
    expectFault(classify(raw(fixture)), fixture.expected);
  });
});

describe('resend: retry({ maxRetries: 2 }) around the SDK', () => {
  const failing = kept.find((f) => f.expected.retry === 'idempotent')!;

  it('a 500 sent with an Idempotency-Key is retried when the policy is told so, and the mail is sent once', async () => {
    server.script([failing.response, { status: 200, body: sent }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(sendOrThrow('welcome/user_1')));
    expect(result).toMatchObject({ ok: true, value: sent });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['welcome/user_1', 'welcome/user_1']);
    // Resend sent no Retry-After: the policy waits its own backoff, once.
    expect(clock.sleeps).toHaveLength(1);
  });

  it('without `idempotent: true` the 500 is sent once', async () => {
    server.script([failing.response, { status: 200, body: sent }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(sendOrThrow()));
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'internal', status: 500, vendorCode: 'application_error' });
  });

  for (const fixture of kept.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(sendOrThrow('welcome/user_1')));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      const { fault, cause } = (result as { error: FaultError }).error;
      expectFault(fault, fixture.expected);
      expect(cause).toMatchObject({ statusCode: fixture.response.status });
    });
  }
});
