// The AWS SDK v3 with its own retries off (`maxAttempts: 1`), wrapped in faultline's retry: DynamoDB's
// ThrottlingException (HTTP 400) is rate_limited and retried; a ConditionalCheckFailedException is not,
// and the SDK's exception stays reachable as the FaultError's `cause`. A loopback server stands in
// for DynamoDB.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { FaultError, retry } from 'faultline';

function error(type: string, message: string): string {
  return JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
}

export async function main(): Promise<{ attempts: number; conditional: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `EXAMPLE${requests}` };
      if (body.includes('ConditionExpression')) res.writeHead(400, headers).end(error('ConditionalCheckFailedException', 'The conditional request failed'));
      else if (requests === 1) res.writeHead(400, headers).end(error('ThrottlingException', 'Rate of requests exceeds the allowed throughput.'));
      else res.writeHead(200, headers).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dynamo = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'example' },
    maxAttempts: 1,
  });
  try {
    const policy = retry({ maxRetries: 3 });
    const item = { id: { S: 'order-1' } };
    await policy.execute(() => dynamo.send(new PutItemCommand({ TableName: 'Orders', Item: item })));
    const attempts = requests;

    let conditional = '';
    try {
      await policy.execute(() =>
        dynamo.send(new PutItemCommand({ TableName: 'Orders', Item: item, ConditionExpression: 'attribute_not_exists(id)' })),
      );
    } catch (e) {
      if (!(e instanceof FaultError)) throw e;
      conditional = `${e.fault.code}: ${e.cause instanceof ConditionalCheckFailedException ? e.cause.name : 'unexpected'}`;
    }
    return { attempts, conditional };
  } finally {
    dynamo.destroy();
    server.close();
  }
}
