/**
 * @google/generative-ai 0.24 (the legacy Gemini SDK that @google/genai replaces) against a loopback server answering as
 * generativelanguage.googleapis.com does (test/fixtures/sdk/generative-ai.json). Its GoogleGenerativeAIFetchError keeps
 * `status`, `statusText`, the google.rpc details as `errorDetails` and the error's message written into its own, but
 * neither the body nor its canonical `status`; classify puts details and message back as Google's error body, so
 * RetryInfo is the wait and ErrorInfo's reason the vendor code. genai's ApiError (genai.test.ts) keeps the whole body
 * instead. A prompt blocked under a 200 throws GoogleGenerativeAIResponseError from text(), keeping the answer as
 * `response`. The SDK retries nothing itself: there is no knob to turn off.
 */
import { type GenerateContentResponse, type GenerativeModel, GoogleGenerativeAI, GoogleGenerativeAIFetchError, GoogleGenerativeAIResponseError } from '@google/generative-ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const all = loadFixtures('generative-ai');
const fixtures = all.filter((f) => f.response.status >= 400);
const blocked = all.find((f) => f.response.status === 200)!;
const ANSWER = { candidates: [{ content: { role: 'model', parts: [{ text: 'hi' }] }, finishReason: 'STOP', index: 0 }] };

let server: Loopback;
let model: GenerativeModel;

beforeAll(async () => {
  server = await startLoopback();
  model = new GoogleGenerativeAI('test-key').getGenerativeModel({ model: 'gemini-pro' }, { baseUrl: server.url });
});
afterAll(() => server.close());

const ask = () => model.generateContent('hi');
// generateContent resolves with a blocked answer; text() is what throws.
const read = async () => (await ask()).response.text();

type Detail = { readonly '@type': string };
const detailsOf = (fixture: SdkFixture): readonly Detail[] => (JSON.parse(fixture.response.body as string) as { error: { details?: Detail[] } }).error.details ?? [];
const hasErrorInfo = (fixture: SdkFixture) => detailsOf(fixture).some((d) => d['@type'].endsWith('google.rpc.ErrorInfo'));
const withDetails = fixtures.filter((f) => detailsOf(f).length > 0);
const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers, body: fixture.response.body as string });

describe('generative-ai: classify(GoogleGenerativeAIFetchError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(ask);
      expect(error).toBeInstanceOf(GoogleGenerativeAIFetchError);
      expect((error as GoogleGenerativeAIFetchError).status).toBe(fixture.response.status);
      expectFault(classify(error), fixture.expected);
    });
  }

  it('the same code, retry, wait and message as the raw response; the vendor code where the SDK left enough to know it', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const fault = essentials(classify(await thrown(ask)));
      const response = essentials(classify(raw(fixture)));
      // The SDK drops the body's canonical `status`: ErrorInfo's reason survives, and a 429, 404 or 503 names its word
      // alone (RESOURCE_EXHAUSTED, NOT_FOUND, UNAVAILABLE); a 400 or 500 stands for several, so none is made up, and
      // without it the body is no longer recognisably Google's (the generic layer reads it, to the same code).
      if (hasErrorInfo(fixture) || ![400, 500].includes(fixture.response.status)) expect(fault, fixture.name).toEqual(response);
      else expect({ ...fault, vendor: 'google', vendorCode: response.vendorCode }, fixture.name).toEqual(response);
    }
  });

  it("the Fault's message is Google's, not the SDK's '[GoogleGenerativeAI Error]: Error fetching from …', details or none", async () => {
    expect(withDetails.length).toBeGreaterThanOrEqual(3);
    expect(fixtures.length - withDetails.length).toBeGreaterThanOrEqual(3);
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(ask)) as GoogleGenerativeAIFetchError;
      const fault = classify(error);
      expect(fault.message, fixture.name).toBe(classify(raw(fixture)).message);
      expect(error.message).toContain(`[GoogleGenerativeAI Error]: Error fetching from ${server.url}`);
      expect(fault.message).not.toContain('Error fetching from');
    }
  });

  it("RetryInfo's retryDelay is the wait, read from errorDetails", async () => {
    const hinted = fixtures.find((f) => f.expected.retryAfterMs === 26_000)!;
    server.script([hinted.response]);
    const error = (await thrown(ask)) as GoogleGenerativeAIFetchError;
    expect(error.errorDetails?.some((d) => (d as { retryDelay?: string }).retryDelay === '26s')).toBe(true);
    expect(classify(error)).toMatchObject({ code: 'rate_limited', retryAfterMs: 26_000 });
  });

  it('a per-day QuotaFailure is a spent quota, never retried; the SDK dropped the `status` a 429 names alone', async () => {
    const daily = fixtures.find((f) => f.expected.code === 'quota_exhausted')!;
    server.script([daily.response]);
    const fault = classify(await thrown(ask));
    expect([fault.code, fault.retry, fault.vendorCode]).toEqual(['quota_exhausted', 'never', 'RESOURCE_EXHAUSTED']);
  });
});

describe('generative-ai: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures.filter((f) => typeof f.expected.retryAfterMs === 'number')) {
    it(`${fixture.name}: waits the RetryInfo delay once, then the answer`, async () => {
      server.script([fixture.response, { status: 200, body: ANSWER }]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(ask));
      expect(result.ok && result.value.response.text()).toBe('hi');
      expect(server.requests).toHaveLength(2);
      expect(clock.sleeps).toEqual([fixture.expected.retryAfterMs]);
    });
  }

  it('503 overloaded, no hint: retried after the backoff, then the answer', async () => {
    const overloaded = fixtures.find((f) => f.expected.code === 'overloaded')!;
    server.script([overloaded.response, { status: 200, body: ANSWER }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(ask));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry !== 'always')) {
    it(`${fixture.name}: one request (a POST)`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(ask));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault.code).toBe(fixture.expected.code);
      expect(error.cause).toBeInstanceOf(GoogleGenerativeAIFetchError);
    });
  }
});

describe('generative-ai: a prompt blocked inside a 200', () => {
  it('GoogleGenerativeAIResponseError from text(): the answer it keeps is read, blockReason the vendor code', async () => {
    server.script([blocked.response]);
    const error = (await thrown(read)) as GoogleGenerativeAIResponseError<GenerateContentResponse>;
    expect(error).toBeInstanceOf(GoogleGenerativeAIResponseError);
    expect(error.response?.promptFeedback?.blockReason).toBe('SAFETY');
    const fault = classify(error);
    expectFault(fault, blocked.expected);
    // The SDK keeps the answer but not its 200: the same Fault as the body's, without the status.
    expect({ ...essentials(fault), status: 200 }).toEqual(essentials(classify(raw(blocked))));
    expect(fault.message).toBe(classify(raw(blocked)).message);
    expect(error.message).toBe('[GoogleGenerativeAI Error]: Text not available. Response was blocked due to SAFETY: Reasons');
  });

  it('a blocked prompt is never retried', async () => {
    server.script([blocked.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(read));
    expect(server.requests).toHaveLength(1);
    const error = (result as { error: FaultError }).error;
    expect(error.fault.code).toBe('content_filtered');
    expect(error.cause).toBeInstanceOf(GoogleGenerativeAIResponseError);
  });
});
