/**
 * plivo-node (axios) against a loopback server answering as api.plivo.com does (test/fixtures/sdk/plivo.json). Its
 * PlivoRestError copies the body's `error` to `message`, `api_id` to `apiID` and the status to `status`; Babel's
 * compiled `extends Error` leaves every one a plain Error, so the class cannot be told. A refused connection is
 * rejected with axios' stack as a string.
 */
import plivo from 'plivo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('plivo');
const AUTH_ID = 'MAXXXXXXXXXXXXXXXXXX';
let server: Loopback;

// plivo-node's own mock answer to messages.create (dist/rest/request-test.js), for the retry's second attempt.
const QUEUED = { message: 'message(s) queued', message_uuid: ['db3ce55a-7f1d-11e1-8ea7-1231380bc196'], api_id: 'db342550-7f1d-11e1-8ea7-1231380bc196' };

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const client = (url = server.url) => new plivo.Client(AUTH_ID, 'not-a-token', { url: `${url}/v1/Account/${AUTH_ID}` });
const send = (url?: string) => () => client(url).messages.create('+15035360976', '1111111', 'Hola!');

describe('plivo: classify(PlivoRestError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(send());
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ status: fixture.response.status, apiID: (fixture.response.body as { api_id: string }).api_id });
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.message).toBe((fixture.response.body as { error: string }).error);
    });
  }

  it('401 with no body (status only): AuthenticationError is unauthenticated', async () => {
    server.script([{ status: 401 }]);
    const error = await thrown(send());
    expect(error).toMatchObject({ status: 401 });
    expect(classify(error)).toMatchObject({ code: 'unauthenticated', retry: 'never', status: 401 });
  });

  it('a refused connection, rejected as the axios stack text, is connect_failed', async () => {
    const error = await thrown(send(await closedPortUrl()));
    expect(typeof error).toBe('string');
    expect(error).toMatch(/^Error: connect ECONNREFUSED 127\.0\.0\.1:\d+\n/);
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
  });
});

// plivo-node retries only its voice requests (across its voice hosts); messages.create is sent once, so no knob to turn off.
describe('plivo: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 503 with no body (status only) is retried and the message is queued', async () => {
    server.script([{ status: 503 }, { status: 202, body: QUEUED }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send()));
    expect(result).toMatchObject({ ok: true, value: { messageUuid: QUEUED.message_uuid } });
    expect(server.requests).toHaveLength(2);
  });

  it('a refused connection is retried', async () => {
    const clock = new VirtualClock();
    const refused = await closedPortUrl();
    let calls = 0;
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => (++calls, send(refused)())));
    expect(calls).toBe(3);
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(send()));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
