/**
 * ollama (ollama-js) against a loopback server answering as an Ollama server or Ollama Cloud does
 * (test/fixtures/sdk/ollama.json). Its ResponseError keeps the body's `error` string as its message and `error`, and
 * the status as `status_code`; no headers. An error inside a 200 stream is a plain Error with only the message. The
 * SDK retries nothing itself and has no knob for it.
 */
import { Ollama } from 'ollama';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type OllamaFixture = SdkFixture & { readonly stream?: boolean };
const all = loadFixtures('ollama') as readonly OllamaFixture[];
const fixtures = all.filter((f) => f.stream !== true);
const midStream = all.find((f) => f.stream === true)!;
// A non-streamed /api/chat answer, only the members the SDK hands back.
const ANSWER = { model: 'gemma3', created_at: '2025-10-26T17:15:24.097767Z', message: { role: 'assistant', content: 'Hello!' }, done: true, done_reason: 'stop' };

let server: Loopback;
let ollama: Ollama;

beforeAll(async () => {
  server = await startLoopback();
  ollama = new Ollama({ host: server.url });
});
afterAll(() => server.close());

const chat = (client = ollama) => () => client.chat({ model: 'gemma3', messages: [{ role: 'user', content: 'hi' }] });

/** The SDK keeps the body's error string, not the body: all but which profile read it must match the response's. */
const sameAsBody = (fault: Fault) => {
  const { vendor: _vendor, ...rest } = essentials(fault);
  return rest;
};

const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers ?? {}, body: JSON.stringify(fixture.response.body) });

describe('ollama: classify(ResponseError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(chat());
      // ResponseError is not exported; its name and shape are the SDK's own.
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('ResponseError');
      expect((error as { status_code: unknown }).status_code).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(sameAsBody(fault)).toEqual(sameAsBody(classify(raw(fixture))));
    });
  }

  it("the Fault's message is Ollama's error string, the status is status_code's", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const fault = classify(await thrown(chat()));
      expect(fault.message, fixture.name).toBe((fixture.response.body as { error: string }).error);
      expect(fault.status, fixture.name).toBe(fixture.response.status);
    }
  });

  it('a status_code alone is read as the status, whatever the message says', () => {
    const error = Object.assign(new Error('Service Unavailable'), { name: 'ResponseError', error: 'Service Unavailable', status_code: 503 });
    expect(classify(error)).toMatchObject({ status: 503, retry: 'always' });
  });

  it(`${midStream.name}: a plain Error after the first chunks, with only Ollama's words: unknown, not retried`, async () => {
    server.script([midStream.response]);
    const parts: (string | undefined)[] = [];
    const error = await thrown(async () => {
      for await (const part of await ollama.generate({ model: 'gemma3', prompt: 'hi', stream: true })) parts.push(part.response);
    });
    expect(parts).toEqual([' Yes', '.', 'I', 'can']);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toBe('an error was encountered while running the model');
    expectFault(classify(error), midStream.expected);
  });

  it('a refused connection (fetch failed, ECONNREFUSED underneath) is connect_failed', async () => {
    const refused = new Ollama({ host: await closedPortUrl() });
    const error = await thrown(chat(refused));
    expect(error).toBeInstanceOf(TypeError);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
  });
});

describe('ollama: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 503 overloaded is retried after the backoff (no hint) and the chat answers', async () => {
    const overloaded = fixtures.find((f) => f.expected.code === 'overloaded')!;
    server.script([overloaded.response, { status: 200, body: ANSWER }]);
    const clock = new VirtualClock();
    const policy = retry({ maxRetries: 2, clock });
    const faults: Fault[] = [];
    policy.onRetry(({ fault }) => faults.push(fault));
    const result = await drive(clock, policy.execute(chat()));
    expect(result).toMatchObject({ ok: true, value: { message: { content: 'Hello!' } } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(faults.map((f) => [f.code, f.status])).toEqual([['overloaded', 503]]);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(chat()));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
