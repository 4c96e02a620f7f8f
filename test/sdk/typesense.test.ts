/**
 * typesense (typesense-js) against a loopback server answering as a Typesense node does (test/fixtures/sdk/typesense.json).
 * Its errors (HTTPError, ServerError, ObjectNotFound, RequestUnauthorized, … all TypesenseError) keep the status as
 * `httpStatus` and the body's message only inside their own: "Request failed with HTTP code 429 | Server said: <message>";
 * no headers, and `httpBody` is the *request's* body. classify reads the status and the server's part of the text.
 * The SDK retries 5xx and network failures itself (`numRetries`, with a real sleep): 0 here.
 */
import { Client, Errors } from 'typesense';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('typesense');
let server: Loopback;
let client: Client;

const connect = (url: string) => {
  const { hostname, port } = new URL(url);
  return new Client({
    nodes: [{ host: hostname, port: Number(port), protocol: 'http' }],
    apiKey: 'not-an-admin-key',
    numRetries: 0,
    connectionTimeoutSeconds: 5,
    logLevel: 'silent',
  });
};

beforeAll(async () => {
  server = await startLoopback();
  client = connect(server.url);
});
afterAll(() => server.close());

const retrieve = () => client.collections('books').retrieve();

const serverSaid = (fixture: SdkFixture) => (JSON.parse(fixture.response.body as string) as { message: string }).message;
const raw = (fixture: SdkFixture) => ({ status: fixture.response.status, headers: fixture.response.headers, body: fixture.response.body as string });
const CLASS: Record<number, new (...args: never[]) => Error> = {
  401: Errors.RequestUnauthorized,
  404: Errors.ObjectNotFound,
  429: Errors.HTTPError,
  503: Errors.ServerError,
};
const BOOKS = { status: 200, body: { name: 'books', num_documents: 0, fields: [], created_at: 1 } } as const;

describe('typesense: classify(TypesenseError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(retrieve);
      expect(error).toBeInstanceOf(CLASS[fixture.response.status]);
      expect(error).toBeInstanceOf(Errors.TypesenseError);
      expect((error as Errors.TypesenseError).httpStatus).toBe(fixture.response.status);
      // numRetries: 0, so even a 503 is one request.
      expect(server.requests).toHaveLength(1);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // The body is only a message, kept in the error's text: the same fault as the response's.
      const fromResponse = classify(raw(fixture));
      expect([fault.code, fault.retry, fault.status]).toEqual([fromResponse.code, fromResponse.retry, fromResponse.status]);
    });
  }

  it('the Fault\'s message is what the server said, not "Request failed with HTTP code …"', async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(retrieve)) as Error;
      expect(error.message).toBe(`Request failed with HTTP code ${fixture.response.status} | Server said: ${serverSaid(fixture)}`);
      expect(classify(error).message).toBe(serverSaid(fixture));
    }
  });

  it("`httpBody` is the request's body: a document's own `message` is not read as the server's", async () => {
    const missing = fixtures.find((f) => f.response.status === 404)!;
    server.script([missing.response]);
    const document = { id: '1', message: 'Stop the presses', code: 'headline' };
    const error = (await thrown(() => client.collections('books').documents().create(document))) as Errors.TypesenseError;
    expect(error.httpBody).toEqual(document);
    expect(classify(error)).toMatchObject({ code: 'not_found', status: 404, message: 'Not Found' });
    expect(classify(error).vendorCode).toBeUndefined();
  });
});

describe('typesense: a refused connection', () => {
  it("is axios' own error (the SDK lets it through): connect_failed, retried", async () => {
    const refused = connect(await closedPortUrl());
    const query = () => refused.collections('books').retrieve();
    const error = await thrown(query);
    expect(error).not.toBeInstanceOf(Errors.TypesenseError);
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    expect(clock.sleeps).toHaveLength(2);
  });
});

describe('typesense: retry({ maxRetries: 2 }) around the SDK', () => {
  for (const status of [429, 503]) {
    it(`a ${status} is retried and the collection comes back`, async () => {
      const refused = fixtures.find((f) => f.response.status === status)!;
      server.script([refused.response, BOOKS]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(retrieve));
      expect(result).toMatchObject({ ok: true, value: { name: 'books' } });
      expect(server.requests).toHaveLength(2);
      // Typesense sends no wait and the SDK keeps no headers: the policy's own backoff.
      expect(clock.sleeps).toHaveLength(1);
    });
  }

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(retrieve));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault.code).toBe(fixture.expected.code);
      expect(error.cause).toBeInstanceOf(CLASS[fixture.response.status]);
    });
  }
});
