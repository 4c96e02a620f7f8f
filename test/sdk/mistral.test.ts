/**
 * @mistralai/mistralai 2 (Speakeasy-generated) against a loopback server answering as api.mistral.ai does
 * (test/fixtures/sdk/mistral.json). Its errors (SDKError for any 4xx/5xx, HTTPValidationError for a 422) keep
 * `statusCode`, the body's text as `body`, `headers` and `rawResponse`, so classify reads them as the response itself.
 * The SDK retries 429 and 5xx itself only with a `retryConfig`; `{ strategy: 'none' }` leaves it to faultline.
 */
import { Mistral } from '@mistralai/mistralai';
import { HTTPValidationError, MistralError, SDKError } from '@mistralai/mistralai/models/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('mistral');
// The chat completion the SDK's own tests build (client-ts tests/v2/chat-completion.test.ts, makeResponse).
const ANSWER = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'mistral-small-latest',
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  created: 1700000000,
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
};

let server: Loopback;
let client: Mistral;

beforeAll(async () => {
  server = await startLoopback();
  client = new Mistral({ apiKey: 'not-a-key', serverURL: server.url, retryConfig: { strategy: 'none' } });
});
afterAll(() => server.close());

const chat = () => client.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: 'hi' }] });

const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers, body: fixture.response.body as string });

describe('mistral: classify(SDKError | HTTPValidationError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(chat);
      expect(error).toBeInstanceOf(fixture.response.status === 422 ? HTTPValidationError : SDKError);
      expect((error as MistralError).statusCode).toBe(fixture.response.status);
      expect((error as MistralError).body).toBe(fixture.response.body);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the Fault's message is the raw body's, never the SDK's 'API error occurred: Status …'", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(chat)) as MistralError;
      const fault = classify(error);
      expect(fault.message, fixture.name).toBe(classify(raw(fixture)).message);
      expect(fault.message, fixture.name).not.toContain('API error occurred');
    }
  });

  it("code 1300's message is the body's 'Rate limit exceeded', not its type 'rate_limited'", async () => {
    const limited = fixtures.find((f) => f.expected.vendorCode === '1300')!;
    server.script([limited.response]);
    const error = (await thrown(chat)) as SDKError;
    expect(error.message).toContain('API error occurred: Status 429');
    expect(classify(error)).toMatchObject({ code: 'rate_limited', vendorCode: '1300', message: 'Rate limit exceeded' });
  });

  it('the 401 keeps its request id from the body and its Content-Type from the headers the SDK kept', async () => {
    const denied = fixtures.find((f) => f.response.status === 401)!;
    server.script([denied.response]);
    const error = (await thrown(chat)) as SDKError;
    expect(error.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(classify(error).requestId).toBe('c61f2f15feca71626a990e3740f99245');
  });
});

describe('mistral: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures.filter((f) => f.expected.retry === 'always')) {
    it(`${fixture.name}: retried after the backoff (no Retry-After sent), then the answer`, async () => {
      server.script([fixture.response, { status: 200, body: ANSWER }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(chat));
      expect(result.ok && result.value.choices[0]?.message?.content).toBe('ok');
      expect(server.requests).toHaveLength(2);
      expect(clock.sleeps).toHaveLength(1);
    });
  }

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(chat));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault.code).toBe(fixture.expected.code);
      expect(error.cause).toBeInstanceOf(MistralError);
    });
  }

  it('a 429 every time: three requests, the SDK adding none of its own', async () => {
    const limited = fixtures.find((f) => f.expected.vendorCode === '1300')!;
    server.script([limited.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(chat));
    expect(server.requests).toHaveLength(3);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'rate_limited', message: 'Rate limit exceeded' });
  });
});
