/**
 * twilio (Twilio's Node SDK) against a loopback server answering as api.twilio.com does (test/fixtures/sdk/twilio.json).
 * Its errors keep no body: RestException copies the 2010 API's `{code, message, more_info}` onto itself, and
 * TwilioServiceException an RFC 9457 body's `type`, `title`, `detail` and `errors`; classify reads them back.
 */
import twilio from 'twilio';
import RestException from 'twilio/lib/base/RestException.js';
import TwilioServiceException from 'twilio/lib/base/TwilioServiceException.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('twilio');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

// The SDK's own HTTP client (axios) and URL building, pointed at the loopback server by its API domain's base URL.
const fetchCall = () => {
  const client = twilio('AC00000000000000000000000000000000', 'not-a-token', { autoRetry: false });
  client.api.baseUrl = server.url;
  return client.calls('CA00000000000000000000000000000000').fetch();
};

describe('twilio: classify(error) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(fetchCall);
      const rfc9457 = typeof (fixture.response.body as { type?: unknown }).type === 'string';
      expect(error).toBeInstanceOf(rfc9457 ? TwilioServiceException : RestException);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // The same Fault as the response the SDK read.
      const same = classify({ status: fixture.response.status, body: JSON.stringify(fixture.response.body) });
      expect(essentials(fault)).toEqual(essentials(same));
    });
  }

  it("the 2010 API's message is the Fault's; the RFC 9457 one's detail, not the SDK's `[HTTP 400]` line", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const body = fixture.response.body as { message?: string; detail?: string };
      expect(classify(await thrown(fetchCall)).message).toBe(body.message ?? body.detail);
    }
  });

  it('an error with a code and nothing it copied from a body stays a status', () => {
    const error = Object.assign(new Error('Request failed with status code 500'), { status: 500, code: 'ERR_BAD_RESPONSE' });
    const fault = classify(error);
    expect([fault.code, fault.vendor, fault.vendorCode]).toEqual(['internal', undefined, undefined]);
  });
});

describe('twilio: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(fetchCall));
      expect(result.ok).toBe(false);
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error).toBeInstanceOf(FaultError);
      expect(error.fault.vendorCode).toBe(fixture.expected.vendorCode);
    });
  }

  it('a 503 with no body is retried to the limit for a GET the caller calls idempotent', async () => {
    server.script([{ status: 503 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(fetchCall));
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(3);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'service_unavailable', status: 503 });
  });
});
