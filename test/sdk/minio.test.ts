/**
 * minio (minio-js) against a loopback server answering as S3 or a MinIO server does (test/fixtures/sdk/minio.json).
 * For an error it reads, its S3Error keeps the body's <Error> members lower-cased (`code`, `message`, `requestid`, …) and,
 * from the headers, `amzRequestid`, `amzId2`, `amzBucketRegion`; no status. classify reads it as S3's <Error> (AWS
 * profile). An answer its retry loop takes (408, 429, 499, 500, 502, 503, 504, 520) it never reads: the loop throws a
 * plain Error whose text is all that is left ("Request failed after 0 retries: Error: Retryable HTTP status: 503").
 * Its own retries (which sleep on the real clock) are off: `retryOptions: { disableRetry: true }`.
 */
import { Client, S3Error } from 'minio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('minio');
let server: Loopback;
let client: Client;

const connect = (url: string) => {
  const { hostname, port } = new URL(url);
  // A region given, so no GetBucketLocation request comes first.
  return new Client({ endPoint: hostname, port: Number(port), useSSL: false, accessKey: 'minioadmin', secretKey: 'not-the-secret', region: 'us-east-1', retryOptions: { disableRetry: true } });
};

beforeAll(async () => {
  server = await startLoopback();
  client = connect(server.url);
});
afterAll(() => server.close());

const byName = (part: string) => fixtures.find((f) => f.name.includes(part))!;
const noSuchKey = byName('NoSuchKey');
const accessDenied = byName('AccessDenied');
const headNotFound = byName('HEAD');
const slowDown = byName('SlowDown');
const readErrors = [noSuchKey, accessDenied, headNotFound];

const CALL = new Map<SdkFixture, () => Promise<unknown>>([
  [noSuchKey, () => client.getObject('mybucket', 'myfoto.jpg')],
  [accessDenied, () => client.getObject('user', 'avatar/2021/8/11/20210811_191457.jpg')],
  [headNotFound, () => client.statObject('my-bucket-name', 'unknwon-key')],
  [slowDown, () => client.makeBucket('zarrdata', 'us-east-1')],
]);
const call = (fixture: SdkFixture) => CALL.get(fixture)!();
const xmlMessage = (fixture: SdkFixture) => /<Message>([^<]*)<\/Message>/.exec(fixture.response.body as string)?.[1];

describe('minio: classify(S3Error) from the vendor responses', () => {
  for (const fixture of readErrors) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => call(fixture));
      expect(error).toBeInstanceOf(S3Error);
      expect(server.requests).toHaveLength(1);
      // S3Error keeps no status: the Fault comes from S3's own <Code>, or the SDK's for a HEAD.
      expect((error as S3Error).code).toBe(fixture.expected.vendorCode);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(fault.status).toBeUndefined();
      // The body's <Message>; a HEAD's answer has none, so the SDK's own "Not Found".
      expect(fault.message).toBe(xmlMessage(fixture) ?? 'Not Found');
    });
  }

  it('a HEAD has no body: the request id comes from the x-amz-request-id header the SDK kept', async () => {
    server.script([headNotFound.response]);
    const error = (await thrown(() => call(headNotFound))) as S3Error & { amzRequestid?: string; requestid?: string };
    expect(error.requestid).toBeUndefined();
    expect(error.amzRequestid).toBe('E965558DECC7D101');
    expect(classify(error)).toMatchObject({ requestId: 'E965558DECC7D101', message: 'Not Found' });
  });
});

describe('minio: a status its retry loop takes (408, 429, 499, 500, 502, 503, 504, 520)', () => {
  it("503 SlowDown: the body and Retry-After are never read, only the status is left, as text", async () => {
    server.script([slowDown.response]);
    const error = await thrown(() => call(slowDown));
    expect(error).not.toBeInstanceOf(S3Error);
    expect((error as Error).message).toBe('Request failed after 0 retries: Error: Retryable HTTP status: 503');
    expect(Object.keys(error as object)).toEqual([]);
    expectFault(classify(error), slowDown.expected);
  });
});

describe('minio: a refused connection', () => {
  it('is the socket error itself: connect_failed, retried', async () => {
    const refused = connect(await closedPortUrl());
    const get = () => refused.getObject('mybucket', 'myfoto.jpg');
    const error = await thrown(get);
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(get));
    expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    expect(clock.sleeps).toHaveLength(2);
  });
});

describe('minio: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 503 SlowDown is retried and the bucket is made', async () => {
    server.script([slowDown.response, { status: 200 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => call(slowDown)));
    expect(result.ok).toBe(true);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /zarrdata', 'PUT /zarrdata']);
    // The Retry-After (120) went unread by the SDK: the policy's own backoff.
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of readErrors) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => call(fixture)));
      expect(server.requests).toHaveLength(1);
      const error = (result as { error: FaultError }).error;
      expect(error.fault.code).toBe(fixture.expected.code);
      expect(error.cause).toBeInstanceOf(S3Error);
    });
  }
});
