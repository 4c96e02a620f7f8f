/**
 * assemblyai (fetch underneath) against a loopback server answering as api.assemblyai.com, its LLM gateway and its
 * sync endpoint do (test/fixtures/sdk/assemblyai.json; each fixture's `call` names the API). The three APIs throw
 * three kinds of error: SyncTranscriptError keeps `status`, `errorCode` and Retry-After as `retryAfter` (seconds);
 * LlmGatewayError keeps `status`, `requestId` and `errors`; the transcripts API throws a plain Error whose message
 * is the body's `error` and nothing else. None of them keeps the body. The SDK retries none of these calls.
 */
import { AssemblyAI, LlmGatewayError, SyncTranscriptError } from 'assemblyai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('assemblyai') as readonly ((ReturnType<typeof loadFixtures>[number]) & { readonly call: Api })[];
type Api = 'sync' | 'llmGateway' | 'transcripts';
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const client = (url = server.url) => new AssemblyAI({ apiKey: 'not-a-key', baseUrl: url, llmGatewayBaseUrl: url, syncBaseUrl: url });
const wav = new TextEncoder().encode('RIFFfake-wav-bytes');
const calls: Record<Api, (aai?: AssemblyAI) => Promise<unknown>> = {
  sync: (aai = client()) => aai.sync.transcribe(wav),
  llmGateway: (aai = client()) => aai.llmGateway.listModels(),
  transcripts: (aai = client()) => aai.transcripts.get('transcript_123'),
};
const classes: Record<Api, new (...args: never[]) => Error> = { sync: SyncTranscriptError, llmGateway: LlmGatewayError, transcripts: Error };
const byCall = (api: Api) => fixtures.filter((f) => f.call === api);

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: { 'content-type': 'application/json', ...fixture.response.headers },
  body: JSON.stringify(fixture.response.body),
});

describe('assemblyai: classify(what each API throws) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name}`, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => calls[fixture.call]());
      expect(error).toBeInstanceOf(classes[fixture.call]);
      expectFault(classify(error), fixture.expected);
    });
  }

  it('sync and LLM gateway errors read as the response does for what they keep', async () => {
    for (const fixture of [...byCall('sync'), ...byCall('llmGateway')]) {
      server.script([fixture.response]);
      const fault = classify(await thrown(() => calls[fixture.call]()));
      const fromResponse = classify(raw(fixture));
      expect([fault.code, fault.retry, fault.status, fault.requestId, fault.retryAfterMs, fault.message]).toEqual([
        fromResponse.code, fromResponse.retry, fromResponse.status, fromResponse.requestId, fromResponse.retryAfterMs, fromResponse.message,
      ]);
    }
  });

  it("SyncTranscriptError's retryAfter (seconds) is the Fault's wait", async () => {
    const limited = byCall('sync').find((f) => f.response.status === 429)!;
    server.script([limited.response]);
    const error = (await thrown(() => calls.sync())) as SyncTranscriptError;
    expect([error.retryAfter, error.errorCode]).toEqual([5, 'too_many_requests']);
    expect(classify(error).retryAfterMs).toBe(5000);
  });

  it("the transcripts API's Error keeps the body's message and no status; the Fault's message is it", async () => {
    for (const fixture of byCall('transcripts')) {
      server.script([fixture.response]);
      const error = (await thrown(() => calls.transcripts())) as Error;
      expect(Object.keys(error)).toEqual([]);
      expect(error.message).toBe((fixture.response.body as { error: string }).error);
      expect(classify(error).status).toBeUndefined();
    }
  });

  // Known gaps, reported: with the status gone, classify reads the plain Error's words alone and finds nothing.
  it.fails('transcripts 401 "Authentication error, API token missing/invalid." reads as unauthenticated', async () => {
    server.script([byCall('transcripts').find((f) => f.response.status === 401)!.response]);
    expect(classify(await thrown(() => calls.transcripts())).code).toBe('unauthenticated');
  });
  it.fails('transcripts 500 "Server error, developers have been alerted." reads as a server fault', async () => {
    server.script([byCall('transcripts').find((f) => f.response.status === 500)!.response]);
    expect(classify(await thrown(() => calls.transcripts())).source).toBe('server');
  });

  it('a refused connection is fetch\'s TypeError and connect_failed, with no status', async () => {
    const aai = client(await closedPortUrl());
    for (const api of ['sync', 'llmGateway', 'transcripts'] as const) {
      const error = await thrown(() => calls[api](aai));
      expect(error).toBeInstanceOf(TypeError);
      const fault = classify(error);
      expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
    }
  });
});

describe('assemblyai: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a sync 429 waits the 5 s Retry-After on the virtual clock and the transcript comes back', async () => {
    const limited = byCall('sync').find((f) => f.response.status === 429)!;
    server.script([limited.response, { status: 200, body: { text: 'hello world', words: [] } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => calls.sync()));
    expect(result).toMatchObject({ ok: true, value: { text: 'hello world' } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([5000]);
  });

  it('an LLM gateway 500 on listModels (a GET) is retried when the call is marked idempotent', async () => {
    const failed = byCall('llmGateway').find((f) => f.response.status === 500)!;
    server.script([failed.response, { status: 200, body: { data: [] } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => calls.llmGateway()));
    expect(result).toMatchObject({ ok: true, value: { data: [] } });
    expect(server.requests).toHaveLength(2);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, idempotent: true, clock }).execute(() => calls[fixture.call]()));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error).toBeInstanceOf(FaultError);
    });
  }
});
