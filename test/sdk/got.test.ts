// got@14 against the loopback server: HTTPError keeps { statusCode, headers, body } on `response`;
// a reset is a RequestError wrapping ECONNRESET; its own deadline is a TimeoutError (ETIMEDOUT).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import got, { HTTPError, RequestError, TimeoutError } from 'got';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { httpMatrix, thrownBy } from './http-matrix.js';
import { startSilentServer } from './support.js';

describe('got: the vendor matrix', () => {
  httpMatrix({
    // retry.limit 0: got's own retries off, so only faultline's loop retries.
    call: (url) => got(url, { retry: { limit: 0 } }),
    isClientError: (value) => value instanceof RequestError,
  });

  it('an HTTPError is an HTTPError (the body read, as a string)', async () => {
    const server = createServer((_, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const error = await thrownBy(() => got(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { retry: { limit: 0 } }));
      expect(error).toBeInstanceOf(HTTPError);
      expect(classify(error).code).toBe('not_found');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('got: deadlines and cancels', () => {
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let url = '';
  beforeAll(async () => {
    silent = await startSilentServer();
    url = silent.url;
  });
  afterAll(() => silent.close());

  it('its `timeout` option (TimeoutError, ETIMEDOUT) is client_timeout', async () => {
    const error = await thrownBy(() => got(url, { retry: { limit: 0 }, timeout: { request: 20 } }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(classify(error).code).toBe('client_timeout');
  });

  it("an aborted signal is cancelled, a signal's TimeoutError client_timeout", async () => {
    const aborted = await thrownBy(() => got(url, { retry: { limit: 0 }, signal: AbortSignal.abort() }));
    expect([classify(aborted).code, classify(aborted).retry]).toEqual(['cancelled', 'never']);
    const timedOut = await thrownBy(() => got(url, { retry: { limit: 0 }, signal: AbortSignal.abort(new DOMException('deadline', 'TimeoutError')) }));
    expect(classify(timedOut).code).toBe('client_timeout');
  });
});
