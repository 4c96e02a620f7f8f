/**
 * @vonage/server-sdk's SMS API against a loopback server answering as rest.nexmo.com does (test/fixtures/sdk/vonage.json).
 * The SMS API answers a failed message with a 200 and the failure in the message's `status`; the SDK throws
 * MessageSendAllFailure or MessageSendPartialFailure keeping that answer, camel-cased, as `response`, and nothing of the
 * HTTP exchange. classify reads the per-message status as Vonage's code.
 */
import { Auth } from '@vonage/auth';
import { Vonage } from '@vonage/server-sdk';
import { MessageSendAllFailure, MessageSendPartialFailure, SMSFailure } from '@vonage/sms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('vonage');
const byName = (start: string) => fixtures.find((f) => f.name.startsWith(start))!;
let server: Loopback;

// The SDK's own test's success answer for the same request (see the fixtures' source), for the retry's second attempt.
const SENT = { 'message-count': 1, messages: [{ to: '14152739164', 'message-id': '986ebc8e-46de-4f80-88e4-21d4c5d0c0a6', status: '0', 'remaining-balance': '0.42', 'message-price': '0.84', network: '123456' }] };

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const client = (url = server.url) => new Vonage(new Auth({ apiKey: 'not-a-key', apiSecret: 'not-a-secret' }), { restHost: url, apiHost: url });
const send = (url?: string) => () => client(url).sms.send({ to: '14152739164', from: '12126875309', text: 'too many secrets' });

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

describe('vonage: classify(SMSFailure) from the SMS API answers', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(send());
      expect(error).toBeInstanceOf(SMSFailure);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // The SDK keeps the whole answer, so its error reads as the answer itself, save the 200 it never kept.
      expect({ ...essentials(fault), status: undefined }).toEqual({ ...essentials(classify(raw(fixture))), status: undefined });
    });
  }

  it("the failed message's error-text is the Fault's message, not the SDK's sentence", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(send())) as Error;
      expect(error.message).toMatch(/SMS messages failed to send/);
      expect(classify(error).message).toBe(fixture.name.includes('Bad Credentials') ? 'Bad Credentials' : 'Too many requests');
    }
  });

  it("a real answer's string message-count makes the SDK throw a partial failure for a total one", async () => {
    server.script([byName('200 whose one message').response]);
    expect(await thrown(send())).toBeInstanceOf(MessageSendPartialFailure);
    server.script([byName('200 whose every').response]);
    expect(await thrown(send())).toBeInstanceOf(MessageSendAllFailure);
  });

  it('a refused connection is connect_failed', async () => {
    const fault = classify(await thrown(send(await closedPortUrl())));
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

// @vonage/server-sdk has no retries of its own to turn off.
describe('vonage: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a throttled message (status 1) is sent again and goes out', async () => {
    server.script([byName('200 whose every').response, { status: 200, body: SENT }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send()));
    expect(result).toMatchObject({ ok: true, value: { messageCount: 1, messages: [{ status: '0' }] } });
    expect(server.requests).toHaveLength(2);
  });

  it('Bad Credentials (status 4) is sent once', async () => {
    server.script([byName('200 whose one message').response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send()));
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'unauthenticated', vendorCode: '4' });
  });
});
