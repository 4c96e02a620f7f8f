/**
 * The AWS SDK v3 (@aws-sdk/client-dynamodb, @aws-sdk/client-s3) against a loopback server answering
 * as DynamoDB (JSON 1.0) and S3 (REST-XML) do (test/fixtures/sdk/aws-*.json): classify(ServiceException)
 * and retry(() => client.send(…)) decide from AWS's documented error responses.
 */
import { DynamoDBClient, DynamoDBServiceException, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Answer, type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

const dynamoFixtures = loadFixtures('aws-dynamodb');
const s3Fixtures = loadFixtures('aws-s3');
let server: Loopback;
let dynamo: DynamoDBClient;
let s3: S3Client;

beforeAll(async () => {
  server = await startLoopback();
  // Static fake credentials; the SDK's own retries off (maxAttempts: 1): the tests are about faultline's.
  const common = {
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  };
  dynamo = new DynamoDBClient(common);
  s3 = new S3Client({ ...common, forcePathStyle: true });
});
afterAll(async () => {
  dynamo.destroy();
  s3.destroy();
  await server.close();
});

const getItem = () => dynamo.send(new GetItemCommand({ TableName: 'Music', Key: { Artist: { S: 'No One You Know' } } }));
const putItem = () => dynamo.send(new PutItemCommand({ TableName: 'Music', Item: { Artist: { S: 'No One You Know' } } }));
const getObject = () => s3.send(new GetObjectCommand({ Bucket: 'mybucket', Key: 'myfoto.jpg' }));

function answer(fixtures: readonly SdkFixture[], name: string): Exclude<Answer, 'reset'> {
  const fixture = fixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return fixture.response;
}

function rawBody(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

for (const [client, fixtures, call, base] of [
  ['dynamodb', dynamoFixtures, getItem, DynamoDBServiceException],
  ['s3', s3Fixtures, getObject, S3ServiceException],
] as const) {
  describe(`aws ${client}: classify(ServiceException) from the vendor responses`, () => {
    for (const fixture of fixtures) {
      it(fixture.name, async () => {
        server.script([fixture.response]);
        const error = await thrown(call);
        expect(error).toBeInstanceOf(base);
        expect((error as { name: string }).name).toBe(fixture.expected.vendorCode);
        const fault = classify(error);
        expectFault(fault, fixture.expected);
        expect(fault).toMatchObject({ vendor: 'aws', status: fixture.response.status });
        const { status, headers, body } = fixture.response;
        expect(essentials(fault)).toEqual(essentials(classify({ status, headers, body: rawBody(body) })));
      });
    }
  });
}

describe('aws: retry({ maxRetries: 2 }) around client.send', () => {
  const cases = [
    [dynamoFixtures, '400 ProvisionedThroughputExceededException', putItem, 3],
    [dynamoFixtures, '400 ThrottlingException', putItem, 3],
    [dynamoFixtures, '503 ServiceUnavailable', putItem, 3],
    // The SDKs retry every 500 whatever the operation; so does the aws profile.
    [dynamoFixtures, '500 InternalServerError', putItem, 3],
    [dynamoFixtures, '400 ResourceNotFoundException', putItem, 1],
    [dynamoFixtures, '400 ConditionalCheckFailedException', putItem, 1],
    [dynamoFixtures, '400 ValidationException', putItem, 1],
    [dynamoFixtures, '400 UnrecognizedClientException', putItem, 1],
    [s3Fixtures, '503 SlowDown', getObject, 3],
    [s3Fixtures, '404 NoSuchKey', getObject, 1],
    [s3Fixtures, '403 AccessDenied', getObject, 1],
  ] as const;
  for (const [fixtures, name, call, requests] of cases) {
    it(`${name}: ${requests} request(s)`, async () => {
      server.script([answer(fixtures, name)]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call));
      expect(result.ok).toBe(false);
      expect(server.requests.length).toBe(requests);
      const error = (result as { error: FaultError }).error;
      expect(error).toBeInstanceOf(FaultError);
      expect((error.cause as { $metadata?: unknown }).$metadata).toBeDefined();
    });
  }

  it('waits a Retry-After sent with a throttle, then succeeds', async () => {
    const throttled = answer(dynamoFixtures, '400 ThrottlingException');
    server.script([{ ...throttled, headers: { ...throttled.headers, 'retry-after': '2' } }, { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: {} }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getItem));
    expect(result.ok).toBe(true);
    expect(clock.sleeps).toEqual([2000]);
  });
});

describe('aws: connection reset', () => {
  for (const [client, call] of [['dynamodb', getItem], ['s3', getObject]] as const) {
    it(`${client}: a reset under the SDK is connection_reset, not client_timeout`, async () => {
      server.script(['reset']);
      const error = await thrown(call);
      expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent', source: 'network' });
    });
  }

  it('retry({ idempotent: true }) retries it to the limit', async () => {
    server.script(['reset']);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(getItem));
    expect((result as { error: FaultError }).error.fault.code).toBe('connection_reset');
    expect(server.requests.length).toBe(3);
  });
});
