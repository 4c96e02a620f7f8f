/**
 * @pinecone-database/pinecone against a loopback server answering as Pinecone's control plane and an index host do
 * (test/fixtures/sdk/pinecone.json: Pinecone's OpenAPI examples and one public issue). Its errors keep only a message:
 * PineconeBadRequestError's is the body's text (or only the body's `message`, when it has one at the top), the
 * Conflict, UnprocessableEntity and Unmapped errors write the body (and "Status: N.") into theirs, and NotFound and
 * Authorization errors keep only the SDK's own words. A 5xx gets no class of its own: the SDK's retrying fetch
 * (`maxRetries`, 3 by default) throws PineconeMaxRetriesExceededError instead.
 */
import { Errors, Pinecone } from '@pinecone-database/pinecone';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Fault, FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

type PineconeFixture = SdkFixture & { readonly operation: string; readonly error: string };
const fixtures = loadFixtures('pinecone') as readonly PineconeFixture[];
let server: Loopback;
let pc: Pinecone;

beforeAll(async () => {
  server = await startLoopback();
  // maxRetries: 0 turns the SDK's own 5xx retries off.
  pc = new Pinecone({ apiKey: 'pcsk_not_a_key', controllerHostUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

const calls: Record<string, (client: Pinecone) => Promise<unknown>> = {
  create_index: (client) => client.createIndex({ name: 'example-index', dimension: 1536, metric: 'cosine', spec: { serverless: { cloud: 'aws', region: 'us-east-1' } } }),
  describe_index: (client) => client.describeIndex('example-index'),
  delete_index: (client) => client.deleteIndex('example-index'),
  list_assistants: (client) => client.listAssistants(),
  upsert: (client) => client.index({ host: server.url }).upsert({ records: [{ id: 'vec-1', values: Array.from({ length: 1536 }, () => 0.1) }] }),
};
const call = (fixture: PineconeFixture, client = pc) => () => calls[fixture.operation]!(client);
const sdkClass = (name: string) => (Errors as unknown as Record<string, abstract new (...args: never[]) => Error>)[name]!;

const raw = (fixture: PineconeFixture) => ({
  status: fixture.response.status,
  headers: fixture.response.headers ?? {},
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

/** What a body pasted into a message can give: all but the status, which classify does not take from a message. */
const fromBody = (fault: Fault) => ({ code: fault.code, retry: fault.retry, vendorCode: fault.vendorCode, message: fault.message });

describe('pinecone: classify(the SDK error) from Pinecone responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call(fixture));
      expect(error).toBeInstanceOf(sdkClass(fixture.error));
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('a body written into the message gives what the response gives (but its status), in Pinecone\'s words', async () => {
    const kept = fixtures.filter((f) => f.expected.vendorCode !== undefined);
    expect(kept.map((f) => f.error)).toEqual(expect.arrayContaining(['PineconeBadRequestError', 'PineconeConflictError', 'PineconeUnprocessableEntityError', 'PineconeUnmappedHttpError']));
    for (const fixture of kept) {
      server.script([fixture.response]);
      const error = (await thrown(call(fixture))) as Error;
      const fault = classify(error);
      expect(fromBody(fault)).toEqual(fromBody(classify(raw(fixture))));
      expect(fault.message).not.toBe(error.message);
    }
  });

  it('PineconeNotFoundError: the status the SDK writes into its message is read, the body it dropped is not', async () => {
    const fixture = fixtures.find((f) => f.error === 'PineconeNotFoundError')!;
    server.script([fixture.response]);
    const error = (await thrown(call(fixture))) as Error;
    expect(error.message).toBe(`A call to ${server.url}/indexes/example-index returned HTTP status 404.`);
    expect(classify(error)).toMatchObject({ code: 'not_found', message: error.message });
  });
});

describe("pinecone: the SDK's own retries (maxRetries)", () => {
  const failing = fixtures.find((f) => f.error === 'PineconeMaxRetriesExceededError')!;

  it('maxRetries: 0 sends a 500 once; left at its default the SDK sends it four times', async () => {
    server.script([failing.response]);
    await thrown(call(failing));
    expect(server.requests).toHaveLength(1);

    server.script([failing.response]);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let settled = false;
    const run = thrown(call(failing, new Pinecone({ apiKey: 'pcsk_not_a_key', controllerHostUrl: server.url }))).finally(() => {
      settled = true;
    });
    // Its backoff (200 ms doubling, jittered) is fired at once on the faked setTimeout.
    while (!settled) {
      if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await run).toBeInstanceOf(Errors.PineconeMaxRetriesExceededError);
    expect(server.requests).toHaveLength(4);
  });
});

describe('pinecone: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 TOO_MANY_REQUESTS is retried and the assistants are listed', async () => {
    const limited = fixtures.find((f) => f.expected.code === 'rate_limited')!;
    server.script([limited.response, { status: 200, body: { assistants: [] } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(limited)));
    expect(result).toMatchObject({ ok: true, value: { assistants: [] } });
    expect(server.requests).toHaveLength(2);
    // Pinecone's documented 429 sends no Retry-After: the policy waits its own backoff, once.
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(fixture)));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      const { fault } = (result as { error: FaultError }).error;
      if (fixture.expected.code !== undefined) expect(fault.code).toBe(fixture.expected.code);
    });
  }
});
