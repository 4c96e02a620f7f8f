/**
 * The AI SDK (ai 6 with @ai-sdk/openai 3) against a loopback server answering as api.openai.com
 * does (the same bytes as the openai matrix: test/fixtures/sdk/openai.json). `APICallError` keeps
 * the status, `responseHeaders` and `responseBody`; with its own retries on, the AI SDK throws a
 * `RetryError` whose `lastError` is the APICallError, and it classifies as that.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, RetryError, generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, createFetch, isFaultError, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { caught, drive, expectedAttempts, expectedSleeps, picked } from './llm-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('openai');
const COMPLETION = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});

afterAll(async () => {
  await server.close();
});

function model(fetch?: typeof globalThis.fetch) {
  return createOpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, ...(fetch === undefined ? {} : { fetch }) }).chat('gpt-4o');
}

const ask = (m = model(), maxRetries = 0) => generateText({ model: m, prompt: 'hi', maxRetries });

describe('AI SDK: classify(APICallError)', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await caught(() => ask());
      expect(APICallError.isInstance(error)).toBe(true);
      expect(picked(classify(error))).toEqual(fixture.expected);
    });
  }

  it('a connection reset: connection_reset', async () => {
    server.script(['reset']);
    const error = await caught(() => ask());
    expect(APICallError.isInstance(error)).toBe(true);
    expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent' });
  });
});

describe('AI SDK: classify(RetryError) is classify(lastError)', () => {
  it('the 503 it gave up on, with its request id and the server’s delay', async () => {
    const overloaded = fixtures.find((f) => f.expected.code === 'overloaded')!;
    // retry-after-ms (which the AI SDK honours) is the test's own, to keep its real wait at 1 ms.
    server.script([{ ...overloaded.response, headers: { ...overloaded.response.headers, 'retry-after-ms': '1' } }]);
    const error = await caught(() => ask(model(), 1));
    expect(RetryError.isInstance(error)).toBe(true);
    expect(server.requests.length).toBe(2);
    expect(picked(classify(error))).toEqual({ ...overloaded.expected, retryAfterMs: 1 });
  });

  it('a billing 429 the AI SDK retried anyway (isRetryable is by status): still quota_exhausted, never', async () => {
    const quota = fixtures.find((f) => f.expected.code === 'quota_exhausted')!;
    server.script([{ ...quota.response, headers: { ...quota.response.headers, 'retry-after-ms': '1' } }]);
    const error = await caught(() => ask(model(), 1));
    expect(RetryError.isInstance(error)).toBe(true);
    expect(server.requests.length).toBe(2);
    expect(picked(classify(error))).toEqual({ ...quota.expected, retryAfterMs: 1 });
  });
});

describe('AI SDK: retry({ maxRetries: 2 }) around generateText', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: ${expectedAttempts(fixture.expected)} request(s), waiting the server's hint`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const m = model();
      const error = await drive(clock, caught(() => retry({ maxRetries: 2, clock }).execute(() => ask(m))));
      expect(server.requests.length).toBe(expectedAttempts(fixture.expected));
      const sleeps = expectedSleeps(fixture.expected);
      if (sleeps !== undefined) expect(clock.sleeps).toEqual(sleeps);
      expect(isFaultError(error) && error.code).toBe(fixture.expected.code);
      expect(isFaultError(error) && APICallError.isInstance(error.cause)).toBe(true);
    });
  }
});

describe('AI SDK: faultline’s createFetch as the provider’s fetch', () => {
  it('HTTP errors stay APICallErrors with headers and body', async () => {
    const auth = fixtures.find((f) => f.expected.code === 'unauthenticated')!;
    server.script([auth.response]);
    const error = await caught(() => ask(model(createFetch({ throwOnError: false }))));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(picked(classify(error))).toEqual(auth.expected);
    expect(server.requests.length).toBe(1);
  });

  it('one retry loop: faultline waits retry-after-ms, generateText (maxRetries: 0) adds none', async () => {
    const limited = fixtures.find((f) => f.expected.retryAfterMs === 1500)!;
    server.script([limited.response, { status: 200, body: COMPLETION }]);
    const clock = new VirtualClock();
    const result = await drive(clock, ask(model(createFetch({ throwOnError: false, clock }))));
    expect(result.text).toBe('hi');
    expect(server.requests.length).toBe(2);
    expect(clock.sleeps).toEqual([1500]);
  });
});
