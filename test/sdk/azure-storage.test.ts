/**
 * @azure/storage-blob (the Azure SDK's Blob client, on @azure/core-rest-pipeline) against a loopback server answering as
 * Azure Storage does (test/fixtures/sdk/azure-storage.json). Every Azure SDK throws the pipeline's RestError: `statusCode`,
 * `code` (the `x-ms-error-code`), and `response`, whose `bodyAsText` is the body the SDK read and `headers` Azure's.
 * The @azure/core-* packages are pinned (package.json `overrides`) to their last releases for Node 20.
 */
import { AnonymousCredential, BlobServiceClient, RestError } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('azure-storage');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

// One try: the SDK's own retry policy is off, so every failure is the caller's policy's to judge.
const blob = () =>
  new BlobServiceClient(`${server.url}/devstoreaccount1`, new AnonymousCredential(), { retryOptions: { maxTries: 1 } })
    .getContainerClient('vhds')
    .getBlobClient('disk.vhd');
const download = () => blob().download();

describe('@azure/storage-blob: classify(RestError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(download);
      expect(error).toBeInstanceOf(RestError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // The same Fault as the response the SDK read.
      const same = classify({ status: fixture.response.status, headers: fixture.response.headers, body: fixture.response.body as string });
      expect(essentials(fault)).toEqual(essentials(same));
      expect(fault.message).toBe('The specified blob does not exist.');
    });
  }

  it('a RestError with no response read is its status alone', () => {
    const fault = classify(new RestError('boom', { statusCode: 503 }));
    expect([fault.code, fault.vendor, fault.status]).toEqual(['service_unavailable', undefined, 503]);
  });
});

describe('@azure/storage-blob: retry({ maxRetries: 2 }) around the SDK', () => {
  it('BlobNotFound is not retried', async () => {
    server.script([fixtures[0]!.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(download));
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(1);
    const error = (result as { error: FaultError }).error;
    expect(error.cause).toBeInstanceOf(RestError);
    expect(error.fault).toMatchObject({ code: 'not_found', vendorCode: 'BlobNotFound' });
  });

  it('a 503 with no body is retried to the limit for a read the caller calls idempotent', async () => {
    server.script([{ status: 503 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(download));
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(3);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'service_unavailable', status: 503 });
  });
});
