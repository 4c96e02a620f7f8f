/**
 * openai (openai-node 6) against a loopback server answering as api.openai.com does: the SDK's own
 * retries off (`maxRetries: 0`), its thrown errors classified, and faultline's retry deciding from
 * the same Fault. Responses: test/fixtures/sdk/openai.json, each with its source.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, createFetch, isFaultError, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { caught, drive, expectedAttempts, expectedSleeps, picked } from './llm-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback, startSilentServer } from './support.js';

const fixtures = loadFixtures('openai');
const COMPLETION = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
};

let server: Loopback;
let hang: Awaited<ReturnType<typeof startSilentServer>>;
let hangUrl: string;
let closedUrl: string;

beforeAll(async () => {
  server = await startLoopback();
  // A server that takes requests and never answers: the SDK's own timeout fires.
  hang = await startSilentServer();
  hangUrl = `${hang.url}/v1`;
  // A port nobody listens on: connection refused.
  closedUrl = `${await closedPortUrl()}/v1`;
});

afterAll(async () => {
  await hang.close();
  await server.close();
});

function client(options: ConstructorParameters<typeof OpenAI>[0] = {}): OpenAI {
  return new OpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0, ...options });
}

const ask = (sdk: OpenAI, options?: OpenAI.RequestOptions) =>
  sdk.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, options);

describe('openai: classify(the SDK error)', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await caught(() => ask(client()));
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(picked(classify(error))).toEqual(fixture.expected);
    });
  }

  it('a connection reset: connection_reset, retried only when idempotent', async () => {
    server.script(['reset']);
    const error = await caught(() => ask(client()));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent' });
  });

  it('a refused connection: connect_failed, always retried', async () => {
    const error = await caught(() => ask(client({ baseURL: closedUrl })));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always' });
  });

  it('the SDK’s own timeout (APIConnectionTimeoutError): client_timeout', async () => {
    const error = await caught(() => ask(client({ baseURL: hangUrl, timeout: 30 })));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(classify(error)).toMatchObject({ code: 'client_timeout', retry: 'idempotent' });
  });

  it('the caller’s abort (APIUserAbortError): cancelled, never retried', async () => {
    const controller = new AbortController();
    const pending = caught(() => ask(client({ baseURL: hangUrl }), { signal: controller.signal }));
    setImmediate(() => controller.abort());
    const error = await pending;
    expect(error).toBeInstanceOf(OpenAI.APIUserAbortError);
    expect(classify(error)).toMatchObject({ code: 'cancelled', retry: 'never' });
  });
});

describe('openai: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: ${expectedAttempts(fixture.expected)} request(s), waiting the server's hint`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const sdk = client();
      const error = await drive(clock, caught(() => retry({ maxRetries: 2, clock }).execute(() => ask(sdk))));
      expect(server.requests.length).toBe(expectedAttempts(fixture.expected));
      const sleeps = expectedSleeps(fixture.expected);
      if (sleeps !== undefined) expect(clock.sleeps).toEqual(sleeps);
      expect(isFaultError(error) && error.code).toBe(fixture.expected.code);
      // The SDK's own error stays reachable.
      expect(isFaultError(error) && error.cause).toBeInstanceOf(OpenAI.APIError);
    });
  }

  it('retries a 429 then succeeds after the hint', async () => {
    const limited = fixtures.find((f) => f.expected.retryAfterMs === 1500);
    server.script([limited!.response, { status: 200, body: COMPLETION }]);
    const clock = new VirtualClock();
    const sdk = client();
    const answer = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => ask(sdk)));
    expect(answer.choices[0]?.message.content).toBe('hi');
    expect(server.requests.length).toBe(2);
    expect(clock.sleeps).toEqual([1500]);
  });
});

describe('openai: faultline’s createFetch as the SDK’s fetch', () => {
  it('HTTP errors stay the SDK’s HTTP errors, with status, headers and request id', async () => {
    const quota = fixtures.find((f) => f.expected.code === 'quota_exhausted')!;
    server.script([quota.response]);
    const sdk = client({ fetch: createFetch({ throwOnError: false }) });
    const error = await caught(() => ask(sdk));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(picked(classify(error))).toEqual(quota.expected);
    // quota_exhausted is never retried: one request.
    expect(server.requests.length).toBe(1);
  });

  it('one retry loop: faultline retries a 429 after its hint, the SDK (maxRetries: 0) adds none', async () => {
    const limited = fixtures.find((f) => f.expected.retryAfterMs === 1500)!;
    server.script([limited.response, limited.response, { status: 200, body: COMPLETION }]);
    const clock = new VirtualClock();
    const sdk = client({ fetch: createFetch({ throwOnError: false, clock }) });
    const answer = await drive(clock, ask(sdk));
    expect(answer.choices[0]?.message.content).toBe('hi');
    expect(server.requests.length).toBe(3);
    expect(clock.sleeps).toEqual([1500, 1500]);
  });

  it('a reset under createFetch reaches the SDK as a connection error that still classifies', async () => {
    server.script(['reset']);
    const sdk = client({ fetch: createFetch({ throwOnError: false }) });
    const error = await caught(() => ask(sdk));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(classify(error).code).toBe('connection_reset');
    expect(server.requests.length).toBe(1);
  });
});
