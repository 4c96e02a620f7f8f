// undici@7 against the loopback server. v7 dropped `request()`'s `throwOnError`: HTTP errors throw
// through the `interceptors.responseError()` dispatcher (ResponseError: statusCode, headers, body);
// undici's `fetch` never throws on a status, so callers throw the Response (its own class, not the
// global one) and the async path reads it. Transport errors are undici's classes (lib/core/errors.js).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, Response as UndiciResponse, errors, fetch, interceptors, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { classify, classifyResponse } from '../../src/index.js';
import { httpMatrix, thrownBy } from './http-matrix.js';

const dispatcher = new Agent().compose(interceptors.responseError());
afterAll(() => dispatcher.close());

describe('undici request() with interceptors.responseError(): the vendor matrix', () => {
  httpMatrix({
    // request() has no retries of its own (only the retry interceptor, not composed here).
    call: (url) => request(url, { dispatcher }),
    isClientError: (value) => value instanceof errors.UndiciError,
    // The interceptor decodes only application/json and text/plain bodies: AWS's
    // application/x-amz-json-1.0 body never reaches the ResponseError, so only its status (400) and
    // headers (the request id) are left to read.
    lost: { 'aws/dynamodb-provisioned-throughput': { code: 'invalid_request', retry: 'never', vendorCode: null } },
  });
});

describe('undici fetch, the Response thrown: the vendor matrix', () => {
  httpMatrix({
    call: async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw response;
      return response;
    },
    // A reset is fetch's TypeError('fetch failed', { cause: SocketError }).
    isClientError: (value) => value instanceof UndiciResponse || value instanceof TypeError,
    unreadBody: true,
  });
});

describe("undici's errors", () => {
  it.each([
    [() => new errors.SocketError('other side closed'), 'connection_reset'],
    [() => new errors.ConnectTimeoutError(), 'connect_failed'],
    [() => new errors.HeadersTimeoutError(), 'client_timeout'],
    [() => new errors.BodyTimeoutError(), 'client_timeout'],
    [() => new errors.RequestAbortedError(), 'cancelled'],
    [() => new errors.ClientClosedError(), 'connection_reset'],
  ] as const)('%s → %s', (make, code) => {
    const error = make();
    expect(classify(error).code).toBe(code);
    // Under fetch: TypeError('fetch failed', { cause }).
    expect(classify(new TypeError('fetch failed', { cause: error })).code).toBe(code);
  });

  it("fetch's TypeError('fetch failed') over a refused connection is connect_failed", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await thrownBy(() => fetch(`http://127.0.0.1:${port}/`));
    expect((error as Error).message).toBe('fetch failed');
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.source]).toEqual(['connect_failed', 'always', 'network']);
  });

  it("a ResponseError's parsed body and headers reach the profile (the async twin agrees)", async () => {
    const error = new errors.ResponseError('Response Error', 529, {
      headers: { 'content-type': 'application/json', 'request-id': 'req_018EeWyXxfu5pfWkrYcMdjWG' },
      body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    });
    const fault = classify(error);
    expect([fault.code, fault.vendorCode, fault.requestId]).toEqual(['overloaded', 'overloaded_error', 'req_018EeWyXxfu5pfWkrYcMdjWG']);
    expect(await classifyResponse(error)).toEqual(fault);
  });

  it('DOMException AbortError is cancelled, TimeoutError (AbortSignal.timeout) client_timeout', async () => {
    const aborted = await thrownBy(() => fetch('http://127.0.0.1:9/', { signal: AbortSignal.abort() }));
    expect([classify(aborted).code, classify(aborted).retry]).toEqual(['cancelled', 'never']);
    const timedOut = await thrownBy(() => fetch('http://127.0.0.1:9/', { signal: AbortSignal.abort(new DOMException('deadline', 'TimeoutError')) }));
    expect(classify(timedOut).code).toBe('client_timeout');
  });
});
