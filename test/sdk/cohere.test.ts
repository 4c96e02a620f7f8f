/**
 * cohere-ai (a Fern-generated SDK) against a loopback server answering as api.cohere.com does
 * (test/fixtures/sdk/cohere.json). Fern's errors keep `statusCode`, the parsed `body` and, apart from them,
 * `rawResponse` with the headers: Retry-After and the request id are only there.
 */
import { CohereClient, CohereError } from 'cohere-ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('cohere');
let server: Loopback;
let cohere: CohereClient;

beforeAll(async () => {
  server = await startLoopback();
  cohere = new CohereClient({ token: 'not-a-key', environment: server.url });
});
afterAll(() => server.close());

// The SDK's own retries off: the policy under test decides.
const chat = () => cohere.chat({ message: 'hi' }, { maxRetries: 0 });

describe('cohere: classify(CohereError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(chat);
      expect(error).toBeInstanceOf(CohereError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.message).toBe((fixture.response.body as { message: string }).message);
      expect(essentials(fault)).toEqual(essentials(classify({ status: fixture.response.status, body: JSON.stringify(fixture.response.body) })));
    });
  }

  it("Retry-After and the request id are read from rawResponse's headers", async () => {
    server.script([{ status: 429, headers: { 'retry-after': '3', 'x-request-id': 'req-loopback-1' } }]);
    const error = await thrown(chat);
    expect((error as CohereError).rawResponse?.headers).toBeDefined();
    expect(classify(error)).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 3000, requestId: 'req-loopback-1' });
  });
});

describe('cohere: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 waits the Retry-After it sent, then the chat succeeds', async () => {
    server.script([{ status: 429, headers: { 'retry-after': '3' } }, { status: 200, body: { text: 'hello', generation_id: 'g', finish_reason: 'COMPLETE' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(chat));
    expect(result).toMatchObject({ ok: true, value: { text: 'hello' } });
    expect(clock.sleeps).toEqual([3000]);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(chat));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
