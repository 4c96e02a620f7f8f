/**
 * @kubernetes/client-node against a loopback server answering as a Kubernetes API server does
 * (test/fixtures/sdk/kubernetes.json: Status objects from public issue reports). Its ApiException, OpenAPI Generator's
 * `typescript` error, keeps the status as a numeric `code`, the body's text as `body` and the headers; for a 401 the
 * generated code keeps no body at all.
 */
import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('kubernetes');
let server: Loopback;
let api: CoreV1Api;

beforeAll(async () => {
  server = await startLoopback();
  const config = new KubeConfig();
  config.loadFromClusterAndUser({ name: 'loopback', server: server.url, skipTLSVerify: true }, { name: 'test', token: 'not-a-token' });
  api = config.makeApiClient(CoreV1Api);
});
afterAll(() => server.close());

const getPod = () => api.readNamespacedPod({ name: 'web-0', namespace: 'default' });
const createNamespace = () => api.createNamespace({ body: { metadata: { name: 'staging' } } });

// The generated code throws a 401 with its headers and no body; every other status with the body's text.
const BODYLESS = new Set([401]);

function raw(fixture: SdkFixture) {
  const { status, headers, body } = fixture.response;
  return { status, headers, body: BODYLESS.has(status) ? undefined : JSON.stringify(body) };
}

describe('kubernetes: classify(ApiException) from the API server responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getPod);
      expect(error).toBeInstanceOf(ApiException);
      expect((error as ApiException<unknown>).code).toBe(fixture.response.status);
      const fault = classify(error);
      const { vendorCode, ...rest } = fixture.expected;
      expectFault(fault, BODYLESS.has(fixture.response.status) ? rest : fixture.expected);
      if (BODYLESS.has(fixture.response.status)) expect(fault.vendorCode).toBeUndefined();
      else expect(fault.vendorCode).toBe(vendorCode);
      expect(essentials(fault)).toEqual(essentials(classify(raw(fixture))));
    });
  }

  it("the Status object's message is the Fault's, not the SDK's `HTTP-Code:` printout", async () => {
    for (const fixture of fixtures.filter((f) => !BODYLESS.has(f.response.status))) {
      server.script([fixture.response]);
      expect(classify(await thrown(getPod)).message).toBe((fixture.response.body as { message: string }).message);
    }
  });
});

describe('kubernetes: retry({ maxRetries: 2 }) around the SDK', () => {
  it('AlreadyExists on a create is sent once', async () => {
    server.script([fixtures.find((f) => f.expected.vendorCode === 'AlreadyExists')!.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(createNamespace));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe('POST');
    const error = (result as { error: FaultError }).error;
    expect(error.fault).toMatchObject({ code: 'already_exists', vendorCode: 'AlreadyExists', status: 409 });
    expect(error.cause).toBeInstanceOf(ApiException);
  });

  it('a 429 is retried and the read succeeds', async () => {
    const limited = fixtures.find((f) => f.response.status === 429)!;
    server.script([limited.response, { status: 200, body: { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'web-0' } } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getPod));
    expect(result).toMatchObject({ ok: true, value: { metadata: { name: 'web-0' } } });
    expect(server.requests).toHaveLength(2);
  });

  it('a 503 with no body is retried to the limit for a read the caller calls idempotent', async () => {
    server.script([{ status: 503 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(getPod));
    expect(server.requests).toHaveLength(3);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'service_unavailable', status: 503 });
  });
});
