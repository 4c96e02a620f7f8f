/**
 * postmark (postmark.js, Postmark's Node SDK) against a loopback server answering as api.postmarkapp.com does
 * (test/fixtures/sdk/postmark.json). Its PostmarkError subclasses keep no response: only `statusCode`, Postmark's
 * numeric `ErrorCode` as `code`, and the body's `Message` as their message. classify reads the code as the vendor's
 * and the message as the body's text. The SDK retries nothing itself and reads no header.
 */
import { Errors, ServerClient } from 'postmark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('postmark');
let server: Loopback;
let client: ServerClient;

beforeAll(async () => {
  server = await startLoopback();
  client = new ServerClient('not-a-server-token', { requestHost: new URL(server.url).host, useHttps: false });
});
afterAll(() => server.close());

const send = () => client.sendEmail({ From: 'sender@example.com', To: 'receiver@example.com', Subject: 'Hi', TextBody: 'Hi' });

type Body = { readonly ErrorCode: number; readonly Message: string };
/** The body as Postmark's JSON, or undefined for a text body the SDK cannot read. */
const json = (fixture: SdkFixture): Body | undefined => (typeof fixture.response.body === 'object' ? (fixture.response.body as Body) : undefined);

const raw = (fixture: SdkFixture) => ({
  status: fixture.response.status,
  headers: fixture.response.headers,
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

/** The class postmark.js' ErrorHandler picks: by status, and under a 422 by ErrorCode. */
function sdkClass(fixture: SdkFixture): new (...args: never[]) => Errors.PostmarkError {
  switch (fixture.response.status) {
    case 401:
      return Errors.InvalidAPIKeyError;
    case 422:
      return json(fixture)?.ErrorCode === 300 ? Errors.InvalidEmailRequestError : json(fixture)?.ErrorCode === 406 ? Errors.InactiveRecipientsError : Errors.ApiInputError;
    case 429:
      return Errors.RateLimitExceededError;
    case 500:
      return Errors.InternalServerError;
    case 503:
      return Errors.ServiceUnavailablerError;
    default:
      return Errors.UnknownError;
  }
}

const OK = { status: 200, body: { ErrorCode: 0, Message: 'OK' } } as const;

describe('postmark: classify(PostmarkError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(send);
      expect(error).toBeInstanceOf(sdkClass(fixture));
      expect((error as Errors.PostmarkError).statusCode).toBe(fixture.response.status);
      expect((error as Errors.PostmarkError).code).toBe(json(fixture)?.ErrorCode ?? 0);
      // The SDK sent it once: it has no retries of its own, for a 429 or a 5xx either.
      expect(server.requests).toHaveLength(1);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // Postmark's body is its ErrorCode and Message, and the SDK kept both: the same Fault as the response.
      if (json(fixture) !== undefined) expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("Postmark's Message is the Fault's message, read as the body's text", async () => {
    for (const fixture of fixtures.filter((f) => json(f) !== undefined)) {
      server.script([fixture.response]);
      const error = (await thrown(send)) as Errors.PostmarkError;
      expect(error.message).toBe(json(fixture)!.Message);
      expect(classify(error).message).toBe(classify(raw(fixture)).message);
    }
  });

  it("ErrorCode 0, what Postmark sends beside a success, is no vendor code", async () => {
    for (const fixture of fixtures.filter((f) => json(f)?.ErrorCode === 0)) {
      server.script([fixture.response]);
      expect(classify(await thrown(send)).vendorCode).toBeUndefined();
    }
  });

  it("the ErrorCode is the vendor's, not a status: 406 under a 422 is no 406 Not Acceptable", async () => {
    const inactive = fixtures.find((f) => json(f)?.ErrorCode === 406)!;
    server.script([inactive.response]);
    const fault = classify(await thrown(send));
    expect([fault.status, fault.vendorCode, fault.code]).toEqual([422, '406', 'validation_failed']);
  });
});

describe('postmark: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 is retried after the backoff (Postmark sends no wait) and the mail is sent', async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, OK]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send));
    expect(result).toMatchObject({ ok: true, value: { Message: 'OK' } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a 503 is retried and the mail is sent', async () => {
    const unavailable = fixtures.find((f) => f.response.status === 503)!;
    server.script([unavailable.response, OK]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('a 500 is sent once, as a send is no idempotent call, and to the limit when the caller says it is', async () => {
    const broken = fixtures.find((f) => f.response.status === 500)!;
    server.script([broken.response]);
    const clock = new VirtualClock();
    const once = await drive(clock, retry({ maxRetries: 2, clock }).execute(send));
    expect(server.requests).toHaveLength(1);
    expect((once as { error: FaultError }).error.fault.code).toBe('internal');
    server.script([broken.response]);
    await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(send));
    expect(server.requests).toHaveLength(3);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault).toMatchObject({ code: fixture.expected.code, vendorCode: fixture.expected.vendorCode });
      expect(error.cause).toBeInstanceOf(sdkClass(fixture));
    });
  }
});
