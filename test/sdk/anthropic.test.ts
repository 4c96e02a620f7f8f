/**
 * anthropic (@anthropic-ai/sdk 1) against a loopback server answering as api.anthropic.com does:
 * the SDK's own retries off (`maxRetries: 0`), its thrown errors classified, and faultline's retry
 * deciding from the same Fault. Responses: test/fixtures/sdk/anthropic.json, each with its source.
 */
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, createFetch, isFaultError, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { caught, drive, expectedAttempts, expectedSleeps, picked } from './llm-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback, startSilentServer } from './support.js';

const fixtures = loadFixtures('anthropic');
const MESSAGE = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5',
  content: [{ type: 'text', text: 'hi' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 1, output_tokens: 1 },
};

let server: Loopback;
let hang: Awaited<ReturnType<typeof startSilentServer>>;
let hangUrl: string;
let closedUrl: string;

beforeAll(async () => {
  server = await startLoopback();
  hang = await startSilentServer();
  hangUrl = `${hang.url}`;
  closedUrl = `${await closedPortUrl()}`;
});

afterAll(async () => {
  await hang.close();
  await server.close();
});

function client(options: ConstructorParameters<typeof Anthropic>[0] = {}): Anthropic {
  return new Anthropic({ apiKey: 'sk-ant-test', baseURL: server.url, maxRetries: 0, ...options });
}

const ask = (sdk: Anthropic, options?: Anthropic.RequestOptions) =>
  sdk.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }, options);

describe('anthropic: classify(the SDK error)', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await caught(() => ask(client()));
      expect(error).toBeInstanceOf(Anthropic.APIError);
      expect(picked(classify(error))).toEqual(fixture.expected);
    });
  }

  it('a 429 whose details say contract_spend_limit_reached is a spend cap: quota_exhausted, never', async () => {
    // The details shape of the SDK's ContractSpendLimitReachedErrorDetails (resources/shared.d.ts).
    server.script([{ status: 429, body: { type: 'error', error: { type: 'rate_limit_error', message: 'spend limit', details: { error_code: 'contract_spend_limit_reached' } } } }]);
    const error = await caught(() => ask(client()));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(classify(error)).toMatchObject({ code: 'quota_exhausted', retry: 'never', vendorCode: 'rate_limit_error' });
  });

  it('a connection reset: connection_reset, retried only when idempotent', async () => {
    server.script(['reset']);
    const error = await caught(() => ask(client()));
    expect(error).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent' });
  });

  it('a refused connection: connect_failed, always retried', async () => {
    const error = await caught(() => ask(client({ baseURL: closedUrl })));
    expect(error).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always' });
  });

  it('the SDK’s own timeout (APIConnectionTimeoutError): client_timeout', async () => {
    const error = await caught(() => ask(client({ baseURL: hangUrl, timeout: 30 })));
    expect(error).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    expect(classify(error)).toMatchObject({ code: 'client_timeout', retry: 'idempotent' });
  });

  it('the caller’s abort (APIUserAbortError): cancelled, never retried', async () => {
    const controller = new AbortController();
    const pending = caught(() => ask(client({ baseURL: hangUrl }), { signal: controller.signal }));
    setImmediate(() => controller.abort());
    const error = await pending;
    expect(error).toBeInstanceOf(Anthropic.APIUserAbortError);
    expect(classify(error)).toMatchObject({ code: 'cancelled', retry: 'never' });
  });
});

describe('anthropic: retry({ maxRetries: 2 }) around the SDK', () => {
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
      expect(isFaultError(error) && error.cause).toBeInstanceOf(Anthropic.APIError);
    });
  }

  it('a 529 twice then an answer: three requests, the SDK error never surfaces', async () => {
    const overloaded = fixtures.find((f) => f.expected.code === 'overloaded')!;
    server.script([overloaded.response, overloaded.response, { status: 200, body: MESSAGE }]);
    const clock = new VirtualClock();
    const sdk = client();
    const answer = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => ask(sdk)));
    expect(answer.content[0]).toMatchObject({ type: 'text', text: 'hi' });
    expect(server.requests.length).toBe(3);
  });
});

describe('anthropic: faultline’s createFetch as the SDK’s fetch', () => {
  it('HTTP errors stay the SDK’s HTTP errors, with status, headers and request id', async () => {
    const auth = fixtures.find((f) => f.expected.code === 'unauthenticated')!;
    server.script([auth.response]);
    const error = await caught(() => ask(client({ fetch: createFetch({ throwOnError: false }) })));
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(picked(classify(error))).toEqual(auth.expected);
    expect(server.requests.length).toBe(1);
  });

  it('one retry loop: faultline waits retry-after on a 429, the SDK (maxRetries: 0) adds none', async () => {
    const limited = fixtures.find((f) => f.expected.code === 'rate_limited')!;
    server.script([limited.response, { status: 200, body: MESSAGE }]);
    const clock = new VirtualClock();
    const answer = await drive(clock, ask(client({ fetch: createFetch({ throwOnError: false, clock }) })));
    expect(answer.content[0]).toMatchObject({ text: 'hi' });
    expect(server.requests.length).toBe(2);
    expect(clock.sleeps).toEqual([limited.expected.retryAfterMs]);
  });
});
