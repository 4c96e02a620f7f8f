/**
 * @grpc/grpc-js: a real grpc-js server on 127.0.0.1 with a hand-written generic service answers
 * with the status codes grpc.io documents (test/fixtures/sdk/grpc.json); classify(ServiceError) and
 * retry(() => client call) decide from the code and the `grpc-retry-pushback-ms` metadata.
 */
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault } from './cloud-support.js';

interface GrpcFixture {
  readonly name: string;
  readonly source: string;
  readonly grpc: { readonly code: number; readonly details: string; readonly metadata?: Readonly<Record<string, string>> };
  readonly expected: Readonly<Record<string, unknown>>;
}
const fixtures = JSON.parse(readFileSync(new URL('../fixtures/sdk/grpc.json', import.meta.url), 'utf8')) as GrpcFixture[];

// A unary method on raw bytes: no .proto file needed.
const bytes = (value: Buffer): Buffer => value;
const service = {
  call: { path: '/faultline.Test/Call', requestStream: false, responseStream: false, requestSerialize: bytes, requestDeserialize: bytes, responseSerialize: bytes, responseDeserialize: bytes },
} as const satisfies grpc.ServiceDefinition;

type Reply = GrpcFixture['grpc'] | 'ok';
let script: readonly Reply[] = ['ok'];
let calls = 0;
let server: grpc.Server;
let client: grpc.Client & { call(request: Buffer, callback: (error: grpc.ServiceError | null, value?: Buffer) => void): void };

beforeAll(async () => {
  server = new grpc.Server();
  server.addService(service, {
    call(_call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) {
      const reply = script[Math.min(calls, script.length - 1)] as Reply;
      calls++;
      if (reply === 'ok') return callback(null, Buffer.from('ok'));
      const metadata = new grpc.Metadata();
      for (const [key, value] of Object.entries(reply.metadata ?? {})) metadata.set(key, value);
      callback({ code: reply.code, details: reply.details, metadata });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  const Client = grpc.makeGenericClientConstructor(service, 'Test');
  client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as typeof client;
});
afterAll(() => {
  client.close();
  server.forceShutdown();
});

function play(replies: readonly Reply[]): void {
  script = replies;
  calls = 0;
}

const call = () =>
  new Promise<Buffer>((resolve, reject) => client.call(Buffer.from('hi'), (error, value) => (error ? reject(error) : resolve(value as Buffer))));

describe('grpc-js: classify(ServiceError) from the documented status codes', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      play([fixture.grpc]);
      const error = await call().then(() => undefined, (e: unknown) => e);
      expect((error as grpc.ServiceError).code).toBe(fixture.grpc.code);
      expectFault(classify(error), fixture.expected);
    });
  }
});

const reply = (name: string): Reply => {
  const fixture = fixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return fixture.grpc;
};

describe('grpc-js: retry({ maxRetries: 2 }) around a unary call', () => {
  it('RESOURCE_EXHAUSTED waits the server pushback, then succeeds', async () => {
    play([reply('RESOURCE_EXHAUSTED with grpc-retry-pushback-ms'), 'ok']);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call));
    expect(result.ok).toBe(true);
    expect(calls).toBe(2);
    expect(clock.sleeps).toEqual([40]);
  });

  const cases = [
    ['UNAVAILABLE', 3],
    ['UNAUTHENTICATED', 1],
    ['NOT_FOUND', 1],
    ['CANCELLED', 1],
    ['DEADLINE_EXCEEDED from the server', 1],
  ] as const;
  for (const [name, expected] of cases) {
    it(`${name}: ${expected} call(s)`, async () => {
      play([reply(name)]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call));
      expect(result.ok).toBe(false);
      expect(calls).toBe(expected);
      const error = (result as { error: FaultError }).error;
      expect(error).toBeInstanceOf(FaultError);
      expect((error.cause as grpc.ServiceError).code).toBe((reply(name) as GrpcFixture['grpc']).code);
    });
  }

  it('DEADLINE_EXCEEDED from the server is retried when the call is idempotent', async () => {
    play([reply('DEADLINE_EXCEEDED from the server'), 'ok']);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(call));
    expect(result.ok).toBe(true);
    expect(calls).toBe(2);
  });
});
