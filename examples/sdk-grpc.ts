// A grpc-js unary call wrapped in faultline's retry: RESOURCE_EXHAUSTED with the server's
// `grpc-retry-pushback-ms` is rate_limited and retried after the pushback; the ServiceError stays
// reachable as the FaultError's `cause`. The service is defined by hand, no .proto file needed.
import * as grpc from '@grpc/grpc-js';
import { retry } from 'faultline';

const bytes = (value: Buffer): Buffer => value;
const service = {
  echo: { path: '/example.Echo/Echo', requestStream: false, responseStream: false, requestSerialize: bytes, requestDeserialize: bytes, responseSerialize: bytes, responseDeserialize: bytes },
};

export async function main(): Promise<{ reply: string; waits: number[] }> {
  let calls = 0;
  const server = new grpc.Server();
  server.addService(service, {
    echo(call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) {
      calls += 1;
      if (calls > 1) return callback(null, call.request);
      const metadata = new grpc.Metadata();
      metadata.set('grpc-retry-pushback-ms', '20');
      callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'Quota exceeded', metadata });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  const Echo = grpc.makeGenericClientConstructor(service, 'Echo');
  const client = new Echo(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
    echo(request: Buffer, callback: (error: grpc.ServiceError | null, reply?: Buffer) => void): void;
  };
  try {
    const policy = retry({ maxRetries: 2 });
    const waits: number[] = [];
    policy.onRetry(({ delayMs }) => waits.push(delayMs));
    const reply = await policy.execute(
      () => new Promise<Buffer>((resolve, reject) => client.echo(Buffer.from('hello'), (e, r) => (e ? reject(e) : resolve(r as Buffer)))),
    );
    return { reply: reply.toString(), waits };
  } finally {
    client.close();
    server.forceShutdown();
  }
}
