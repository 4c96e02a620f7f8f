/**
 * @sendgrid/client (what @sendgrid/mail sends through) against a loopback server answering as api.sendgrid.com does
 * (test/fixtures/sdk/sendgrid.json). Its ResponseError keeps the status as a numeric `code` and the response as
 * `response: {headers, body}`; classify reads both.
 */
import sendgrid from '@sendgrid/client';
import ResponseError from '@sendgrid/helpers/classes/response-error.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('sendgrid');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
  sendgrid.setApiKey('SG.not-a-key');
  sendgrid.setDefaultRequest('baseUrl', server.url);
});
afterAll(() => server.close());

const send = () =>
  sendgrid.request({
    method: 'POST',
    url: '/v3/mail/send',
    body: { personalizations: [{ to: [{ email: 'to@example.com' }] }], from: { email: 'from@example.com' }, subject: 'Hi', content: [{ type: 'text/plain', value: 'Hi' }] },
  });

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers,
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

describe('sendgrid: classify(ResponseError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(send);
      expect(error).toBeInstanceOf(ResponseError);
      expect((error as { code: unknown }).code).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the body's first error message is the Fault's, not the status text the SDK writes", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const fault = classify(await thrown(send));
      expect(fault.message).toBe(classify(raw(fixture)).message);
      expect(fault.message).not.toBe((await thrown(send) as Error).message);
    }
  });

  it('a numeric code with no response beside it is no status', () => {
    const fault = classify(Object.assign(new Error('Too Many Requests'), { code: 429 }));
    expect([fault.code, fault.status]).toEqual(['unknown', undefined]);
  });
});

describe('sendgrid: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 is waited out and the mail is sent', async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, { status: 202 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
