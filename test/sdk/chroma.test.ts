/**
 * chromadb (the JS client, v3) against a loopback server answering as a Chroma server or Chroma Cloud does
 * (test/fixtures/sdk/chroma.json). Its fetch wrapper throws a class of its own per status and keeps nothing of the
 * response: for 401, 403, 404, 409 and 429 it throws before reading the body or headers, so classify reads the error's
 * `name` (ChromaAuthError, ChromaForbiddenError, ChromaNotFoundError, ChromaUniqueError, ChromaRateLimitError). A
 * refused connection is ChromaConnectionError. The client retries nothing itself and has no knob for it.
 */
import { ChromaClient, ChromaConnectionError, type EmbeddingFunction } from 'chromadb';
import * as chroma from 'chromadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type ChromaFixture = SdkFixture & { readonly operation: 'get' | 'create'; readonly error: string };
const fixtures = loadFixtures('chroma') as readonly ChromaFixture[];

// Creating or opening a collection needs an embedding function; this one needs no package and is never called.
const embeddingFunction: EmbeddingFunction = { generate: async (texts: string[]) => texts.map(() => [0, 0, 0]) };
// A collection as GET /api/v2/…/collections/{name} returns it: only the members the client reads.
const COLLECTION = { id: '5f3c6c4e-3d0b-4bd4-9f3e-0c6f2f5b8a11', name: 'foobar', configuration_json: {}, metadata: null, tenant: 'default_tenant', database: 'default_database' };

let server: Loopback;
let client: ChromaClient;

const clientAt = (url: string) => {
  const { hostname, port } = new URL(url);
  return new ChromaClient({ host: hostname, port: Number(port), ssl: false });
};

beforeAll(async () => {
  server = await startLoopback();
  client = clientAt(server.url);
});
afterAll(() => server.close());

const calls: Record<ChromaFixture['operation'], (c: ChromaClient) => Promise<unknown>> = {
  get: (c: ChromaClient) => c.getCollection({ name: 'foobar', embeddingFunction }),
  create: (c: ChromaClient) => c.createCollection({ name: 'a_new_id', embeddingFunction }),
};
const call = (fixture: ChromaFixture, c = client) => () => calls[fixture.operation](c);
const sdkClass = (name: string) => (chroma as unknown as Record<string, abstract new (...args: never[]) => Error>)[name]!;

describe('chroma: classify(the client error) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call(fixture));
      expect(error).toBeInstanceOf(sdkClass(fixture.error));
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it("the 409's body is dropped: the Fault's message is the client's, no vendor code, no trace id", async () => {
    const unique = fixtures.find((f) => f.error === 'ChromaUniqueError')!;
    server.script([unique.response]);
    const error = (await thrown(call(unique))) as Error;
    expect(error.message).toBe('The resource already exists');
    const fault = classify(error);
    expect(fault).toMatchObject({ code: 'already_exists', message: 'The resource already exists' });
    expect([fault.vendorCode, fault.requestId]).toEqual([undefined, undefined]);
  });

  it('the status comes from the name alone: ChromaAuthError is 401 whatever its message', () => {
    const error = new chroma.ChromaUnauthorizedError('Your API key does not have access to any DBs for tenant t');
    expect(error.name).toBe('ChromaAuthError');
    expect(classify(error)).toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('a refused connection is ChromaConnectionError: connect_failed, retried', async () => {
    const refused = clientAt(await closedPortUrl());
    const get = () => refused.getCollection({ name: 'foobar', embeddingFunction });
    const error = await thrown(get);
    expect(error).toBeInstanceOf(ChromaConnectionError);
    expect((error as Error).message).toMatch(/^Failed to connect to chromadb\./);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always' });
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(get));
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    expect(clock.sleeps).toHaveLength(2);
  });
});

describe('chroma: retry({ maxRetries: 2 }) around the client', () => {
  it('a 429 is retried after the backoff (the client keeps no Retry-After) and the collection opens', async () => {
    const limited = fixtures.find((f) => f.error === 'ChromaRateLimitError')!;
    server.script([limited.response, { status: 200, body: COLLECTION }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(limited)));
    expect(result).toMatchObject({ ok: true, value: { name: 'foobar', id: COLLECTION.id } });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(fixture)));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
