/**
 * @google/genai 2 against a loopback server answering as the Gemini API does: genai retries
 * nothing unless `httpOptions.retryOptions` is set, and its `ApiError` keeps only the status and
 * the body (as JSON in `message`), so RetryInfo and the QuotaFailure's window come from the body.
 * Responses: test/fixtures/sdk/genai.json, each with its source.
 */
import { ApiError, GoogleGenAI, type HttpOptions } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, createFetch, isFaultError, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { caught, drive, expectedAttempts, expectedSleeps, picked } from './llm-support.js';
import { type Loopback, loadFixtures, startLoopback, startSilentServer } from './support.js';

const fixtures = loadFixtures('genai');
const ANSWER = { candidates: [{ content: { role: 'model', parts: [{ text: 'hi' }] }, finishReason: 'STOP', index: 0 }] };

let server: Loopback;
let hang: Awaited<ReturnType<typeof startSilentServer>>;
let hangUrl: string;

beforeAll(async () => {
  server = await startLoopback();
  hang = await startSilentServer();
  hangUrl = `${hang.url}`;
});

afterAll(async () => {
  await hang.close();
  await server.close();
});

function client(httpOptions: HttpOptions = {}): GoogleGenAI {
  return new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url, ...httpOptions } });
}

const ask = (ai: GoogleGenAI, abortSignal?: AbortSignal) =>
  ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi', ...(abortSignal === undefined ? {} : { config: { abortSignal } }) });

describe('genai: classify(the SDK error)', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await caught(() => ask(client()));
      expect(error).toBeInstanceOf(ApiError);
      expect(picked(classify(error))).toEqual(fixture.expected);
    });
  }

  it('a connection reset: connection_reset', async () => {
    server.script(['reset']);
    const error = await caught(() => ask(client()));
    expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent' });
  });

  it('the caller’s abort: cancelled', async () => {
    const controller = new AbortController();
    const pending = caught(() => ask(client({ baseUrl: hangUrl }), controller.signal));
    setImmediate(() => controller.abort());
    expect(classify(await pending)).toMatchObject({ code: 'cancelled', retry: 'never' });
  });

  it('genai’s own httpOptions.timeout aborts without a reason, so it reads as cancelled: use faultline’s timeout policy instead', async () => {
    const error = await caught(() => ask(client({ baseUrl: hangUrl, timeout: 30 })));
    expect(classify(error).code).toBe('cancelled');
  });
});

describe('genai: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: ${expectedAttempts(fixture.expected)} request(s), waiting the server's hint`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const ai = client();
      const error = await drive(clock, caught(() => retry({ maxRetries: 2, clock }).execute(() => ask(ai))));
      expect(server.requests.length).toBe(expectedAttempts(fixture.expected));
      const sleeps = expectedSleeps(fixture.expected);
      if (sleeps !== undefined) expect(clock.sleeps).toEqual(sleeps);
      expect(isFaultError(error) && error.code).toBe(fixture.expected.code);
      expect(isFaultError(error) && error.cause).toBeInstanceOf(ApiError);
    });
  }

  it('a per-minute 429 then an answer: waits RetryInfo’s 26 s once', async () => {
    const perMinute = fixtures.find((f) => f.expected.retryAfterMs === 26_000)!;
    server.script([perMinute.response, { status: 200, body: ANSWER }]);
    const clock = new VirtualClock();
    const ai = client();
    const answer = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => ask(ai)));
    expect(answer.text).toBe('hi');
    expect(server.requests.length).toBe(2);
    expect(clock.sleeps).toEqual([26_000]);
  });
});

describe('genai: faultline’s createFetch as httpOptions.fetch', () => {
  it('HTTP errors stay genai’s ApiError, body and all', async () => {
    const perDay = fixtures.find((f) => f.expected.code === 'quota_exhausted')!;
    server.script([perDay.response]);
    const error = await caught(() => ask(client({ fetch: createFetch({ throwOnError: false }) })));
    expect(error).toBeInstanceOf(ApiError);
    expect(picked(classify(error))).toEqual(perDay.expected);
    expect(server.requests.length).toBe(1);
  });

  it('one retry loop: faultline waits RetryInfo, genai (no retryOptions) adds none', async () => {
    const perMinute = fixtures.find((f) => f.expected.retryAfterMs === 26_000)!;
    server.script([perMinute.response, { status: 200, body: ANSWER }]);
    const clock = new VirtualClock();
    const answer = await drive(clock, ask(client({ fetch: createFetch({ throwOnError: false, clock }) })));
    expect(answer.text).toBe('hi');
    expect(server.requests.length).toBe(2);
    expect(clock.sleeps).toEqual([26_000]);
  });
});
