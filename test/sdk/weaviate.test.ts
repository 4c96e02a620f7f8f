/**
 * weaviate-client v3's REST calls against a loopback server answering as a Weaviate server does
 * (test/fixtures/sdk/weaviate.json). WeaviateUnexpectedStatusCodeError keeps the status as a numeric `code` and the body
 * only inside its sentence ("… failed with status code: N and message: <body>"); a 401 and a 403 get errors of their own,
 * known by name. No headers are kept. The gRPC port is never dialled by these calls. The package exports none of its
 * error classes, so a test knows them by `name`, as classify does.
 */
import weaviate, { type WeaviateClient } from 'weaviate-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('weaviate');
let server: Loopback;
let client: WeaviateClient;
let closedPort: number;

const connect = (port: number) =>
  weaviate.connectToCustom({ httpHost: '127.0.0.1', httpPort: port, httpSecure: false, grpcHost: '127.0.0.1', grpcPort: closedPort, grpcSecure: false, skipInitChecks: true });

beforeAll(async () => {
  server = await startLoopback();
  closedPort = Number(new URL(await closedPortUrl()).port);
  client = await connect(Number(new URL(server.url).port));
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const create = (c = client) => () => c.collections.createFromSchema({ class: 'Document', properties: [] });
const remove = () => client.collections.delete('Document');

const named = (error: unknown, name: string) => {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe(name);
};

const raw = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, body: JSON.stringify(fixture.response.body) });

describe('weaviate: classify(WeaviateError) from the server responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(create());
      named(error, 'WeaviateUnexpectedStatusCodeError');
      expect((error as { code: unknown }).code).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the body's message is the Fault's, not the SDK's sentence around it", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const error = (await thrown(create())) as Error;
      expect(error.message).toMatch(/^The request to Weaviate failed with status code: \d+ and message: \{/);
      expect(classify(error).message).toBe(classify(raw(fixture)).message);
      expect(classify(error).message).not.toMatch(/status code/);
    }
  });

  it('401 with no body (status only): WeaviateUnauthenticatedError, known by name, is unauthenticated', async () => {
    server.script([{ status: 401 }]);
    const error = await thrown(create());
    named(error, 'WeaviateUnauthenticatedError');
    expect(classify(error)).toMatchObject({ code: 'unauthenticated', retry: 'never', status: 401 });
  });

  it('403 with no body (status only): WeaviateInsufficientPermissionsError is permission_denied', async () => {
    server.script([{ status: 403 }]);
    const error = await thrown(create());
    named(error, 'WeaviateInsufficientPermissionsError');
    expect(classify(error)).toMatchObject({ code: 'permission_denied', retry: 'never', status: 403 });
  });

  it('a refused connection is connect_failed', async () => {
    const dead = await connect(closedPort);
    try {
      const fault = classify(await thrown(create(dead)));
      expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
    } finally {
      await dead.close();
    }
  });
});

// weaviate-client retries none of its REST calls, so there is no knob to turn off.
describe('weaviate: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 503 with no body (status only, as weaviate-python-client#1003 reports it) is retried and the delete succeeds', async () => {
    server.script([{ status: 503 }, { status: 200 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(remove));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('a 500 is not retried unless the call is idempotent', async () => {
    const failed = fixtures.find((f) => f.response.status === 500)!;
    server.script([failed.response]);
    const clock = new VirtualClock();
    await drive(clock, retry({ maxRetries: 2, clock }).execute(create()));
    expect(server.requests).toHaveLength(1);
    server.script([failed.response]);
    await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(remove));
    expect(server.requests).toHaveLength(3);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(create()));
      expect(server.requests).toHaveLength(1);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
