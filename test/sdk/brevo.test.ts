/**
 * @getbrevo/brevo (BrevoClient, Fern-generated) against a loopback server answering as api.brevo.com does
 * (test/fixtures/sdk/brevo.json). Its BrevoError (and the typed BadRequestError, NotFoundError, … beneath it) keeps
 * `statusCode`, the parsed `body` and the `rawResponse` with its headers, so sib-request-id and x-sib-ratelimit-reset
 * are read; its own message is "Status code: …" and the body's JSON.
 */
import { BrevoClient, BrevoError } from '@getbrevo/brevo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('brevo');
let server: Loopback;
let brevo: BrevoClient;

beforeAll(async () => {
  server = await startLoopback();
  // maxRetries: 0 turns off the client's own retry of 408, 429 and 5xx.
  brevo = new BrevoClient({ apiKey: 'not-a-key', baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());

const getAccount = () => brevo.account.getAccount();
// The endpoint each answer came from.
const callFor: Record<number, () => Promise<unknown>> = {
  400: () => brevo.contacts.createContact({ email: 'jane@example.com' }),
  401: getAccount,
  404: () => brevo.contacts.getContactInfo({ identifier: 'jane@example.com' }),
  429: getAccount,
};
const call = (fixture: (typeof fixtures)[number]) => callFor[fixture.response.status]!;

const raw = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, headers: fixture.response.headers, body: fixture.response.body });
const limited = fixtures.find((f) => f.response.status === 429)!;

describe('brevo: classify(BrevoError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call(fixture));
      expect(error).toBeInstanceOf(BrevoError);
      expect((error as BrevoError).statusCode).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the body's message is the Fault's, not the SDK's 'Status code: …' text", async () => {
    for (const fixture of fixtures.filter((f) => (f.response.body as string).startsWith('{'))) {
      server.script([fixture.response]);
      const error = (await thrown(call(fixture))) as BrevoError;
      expect(classify(error).message).toBe((JSON.parse(fixture.response.body as string) as { message: string }).message);
      expect(error.message).toContain(`Status code: ${fixture.response.status}`);
    }
  });

  it('x-sib-ratelimit-reset is read from the kept rawResponse as the wait, in seconds', async () => {
    server.script([limited.response]);
    const error = (await thrown(getAccount)) as BrevoError;
    expect(error.rawResponse?.headers.get('x-sib-ratelimit-reset')).toBe('45');
    expect(classify(error).retryAfterMs).toBe(45_000);
  });
});

describe('brevo: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 waits x-sib-ratelimit-reset, then the account comes back', async () => {
    server.script([limited.response, { status: 200, body: { email: 'jane@example.com', companyName: 'Example' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getAccount));
    expect(result).toMatchObject({ ok: true, value: { email: 'jane@example.com' } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([45_000]);
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
