/**
 * @trpc/client@11 against tRPC servers: the real @trpc/server on 127.0.0.1 throwing each TRPCError code, and a loopback
 * server answering with documented tRPC error responses (test/fixtures/sdk/trpc.json). TRPCClientError keeps the
 * server's error as `shape` (its `data` holds tRPC's code and the call's HTTP status) and the Response as
 * `meta.response`, read already; classify reads the shape as the body.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCClientError, createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { TRPCError, initTRPC } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import type { FaultCode } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const t = initTRPC.create();
let next: TRPCError['code'] = 'INTERNAL_SERVER_ERROR';
let calls = 0;
const router = t.router({
  refused: t.procedure.query(() => {
    calls += 1;
    throw new TRPCError({ code: next, message: `refused: ${next}` });
  }),
  flaky: t.procedure.mutation(() => {
    calls += 1;
    if (calls === 1) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Rate limit exceeded' });
    return 'created';
  }),
  fine: t.procedure.query(() => 'fine'),
});
type Router = typeof router;

const server = createServer(createHTTPHandler({ router }));
let url: string;
let loopback: Loopback;
const fixtures = loadFixtures('trpc');

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  loopback = await startLoopback();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await loopback.close();
});

// tRPC's codes (TRPC_ERROR_CODES_BY_KEY) and what each is in the catalog: the server picks the HTTP status.
const CODES: readonly (readonly [TRPCError['code'], number, FaultCode])[] = [
  ['PARSE_ERROR', 400, 'validation_failed'],
  ['BAD_REQUEST', 400, 'validation_failed'],
  ['UNAUTHORIZED', 401, 'unauthenticated'],
  ['PAYMENT_REQUIRED', 402, 'payment_required'],
  ['FORBIDDEN', 403, 'permission_denied'],
  ['NOT_FOUND', 404, 'not_found'],
  ['METHOD_NOT_SUPPORTED', 405, 'not_implemented'],
  ['TIMEOUT', 408, 'request_timeout'],
  ['CONFLICT', 409, 'conflict'],
  ['PRECONDITION_FAILED', 412, 'precondition_failed'],
  ['PAYLOAD_TOO_LARGE', 413, 'payload_too_large'],
  ['UNSUPPORTED_MEDIA_TYPE', 415, 'invalid_request'],
  ['UNPROCESSABLE_CONTENT', 422, 'validation_failed'],
  ['PRECONDITION_REQUIRED', 428, 'precondition_failed'],
  ['TOO_MANY_REQUESTS', 429, 'rate_limited'],
  ['CLIENT_CLOSED_REQUEST', 499, 'cancelled'],
  ['INTERNAL_SERVER_ERROR', 500, 'internal'],
  ['NOT_IMPLEMENTED', 501, 'not_implemented'],
  ['BAD_GATEWAY', 502, 'bad_gateway'],
  ['SERVICE_UNAVAILABLE', 503, 'service_unavailable'],
  ['GATEWAY_TIMEOUT', 504, 'gateway_timeout'],
];

describe('trpc: classify(TRPCClientError) from the real tRPC server', () => {
  for (const [code, status, fault] of CODES) {
    it(`${code}: ${status}, ${fault}`, async () => {
      next = code;
      const client = createTRPCClient<Router>({ links: [httpLink({ url })] });
      const error = await thrown(() => client.refused.query());
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(classify(error)).toMatchObject({ code: fault, status, vendorCode: code, message: `refused: ${code}` });
    });
  }

  it("a batch answered 207 gives each call its own status, from the error's data", async () => {
    next = 'TOO_MANY_REQUESTS';
    const client = createTRPCClient<Router>({ links: [httpBatchLink({ url })] });
    const [refused, fine] = await Promise.allSettled([client.refused.query(), client.fine.query()]);
    expect(fine).toEqual({ status: 'fulfilled', value: 'fine' });
    const error = (refused as PromiseRejectedResult).reason as TRPCClientError<Router>;
    expect((error.meta?.response as Response).status).toBe(207);
    expect(classify(error)).toMatchObject({ code: 'rate_limited', status: 429, vendorCode: 'TOO_MANY_REQUESTS' });
  });

  it('a call that reached no server is a network fault, not a tRPC one', async () => {
    const client = createTRPCClient<Router>({ links: [httpLink({ url: await closedPortUrl() })] });
    const fault = classify(await thrown(() => client.fine.query()));
    expect(fault).toMatchObject({ code: 'connect_failed', source: 'network' });
  });
});

describe('trpc: classify(TRPCClientError) from documented responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      loopback.script([fixture.response]);
      const client = createTRPCClient<Router>({ links: [httpLink({ url: loopback.url })] });
      const error = await thrown(() => client.refused.query());
      expect(error).toBeInstanceOf(TRPCClientError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      const same = classify({ status: fixture.response.status, headers: fixture.response.headers, body: JSON.stringify(fixture.response.body) });
      expect(essentials(fault)).toEqual(essentials(same));
    });
  }
});

describe('trpc: retry({ maxRetries: 2 }) around the client', () => {
  it('TOO_MANY_REQUESTS on a mutation is retried and the mutation succeeds', async () => {
    calls = 0;
    const client = createTRPCClient<Router>({ links: [httpLink({ url })] });
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => client.flaky.mutate()));
    expect(result).toEqual({ ok: true, value: 'created' });
    expect(calls).toBe(2);
  });

  it('UNAUTHORIZED is called once', async () => {
    next = 'UNAUTHORIZED';
    calls = 0;
    const client = createTRPCClient<Router>({ links: [httpLink({ url })] });
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => client.refused.query()));
    expect(calls).toBe(1);
    const error = (result as { error: FaultError }).error;
    expect(error.fault).toMatchObject({ code: 'unauthenticated', vendorCode: 'UNAUTHORIZED', status: 401 });
    expect(error.cause).toBeInstanceOf(TRPCClientError);
  });
});
