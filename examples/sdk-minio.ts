// MinIO's JavaScript client (minio) wrapped in faultline's retry: a 503 SlowDown from a MinIO server is retried (the SDK
// never reads that answer, so its Retry-After is lost: after the backoff) and the bucket is made; an AccessDenied (403)
// is not retried. The SDK's own retries (real sleeps) are off, `retryOptions: { disableRetry: true }`, so one policy
// decides. Its S3Error stays reachable as the FaultError's `cause`. A loopback server stands in for the MinIO server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, type S3Error } from 'minio';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ bucket: string; attempts: number; denied: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (req.url?.startsWith('/user/')) {
      res.writeHead(403, { 'content-type': 'application/xml', server: 'MinIO', 'x-amz-request-id': '169A87DB05883A7D' });
      res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Key>avatar/2021/8/11/20210811_191457.jpg</Key><BucketName>user</BucketName><Resource>/user/avatar/2021/8/11/20210811_191457.jpg</Resource><Region>cn-north-1</Region><RequestId>169A87DB05883A7D</RequestId><HostId>635db145-ab13-48a7-8083-ec96e693cae1</HostId></Error>');
    } else if (requests === 1) {
      res.writeHead(503, { 'content-type': 'application/xml', 'retry-after': '120', server: 'MinIO', 'x-amz-request-id': '17C8910F51C5F95B' });
      res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Resource requested is unreadable, please reduce your request rate</Message><BucketName>zarrdata</BucketName><Resource>/zarrdata</Resource><RequestId>17C8910F51C5F95B</RequestId><HostId>16de69c3-d609-499d-ae6d-67c17b8d9196</HostId></Error>');
    } else {
      res.writeHead(200).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const minio = new Client({
      endPoint: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      useSSL: false,
      accessKey: 'your-access-key',
      secretKey: 'your-secret-key',
      region: 'us-east-1',
      retryOptions: { disableRetry: true },
    });
    await retry({ maxRetries: 2 }).execute(() => minio.makeBucket('zarrdata', 'us-east-1'));
    const attempts = requests;

    let denied = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => minio.getObject('user', 'avatar/2021/8/11/20210811_191457.jpg'));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const cause = error.cause as S3Error;
      denied = `${error.fault.code} (${String(cause.code)}), request ${String(error.fault.requestId)}`;
    }
    return { bucket: 'zarrdata', attempts, denied };
  } finally {
    server.close();
  }
}
