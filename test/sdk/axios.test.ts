// axios@1 against the loopback server: AxiosError keeps { status, headers (AxiosHeaders), data }
// on `response`; its own timeout (ECONNABORTED) and cancel (ERR_CANCELED) are not resets.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios, { AxiosError, CanceledError } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { httpMatrix, thrownBy } from './http-matrix.js';

describe('axios: the vendor matrix', () => {
  httpMatrix({
    call: (url) => axios.get(url),
    isClientError: (value) => value instanceof AxiosError,
  });
});

describe('axios: deadlines and cancels', () => {
  // A server that never answers in time: the client's own deadline or the caller's cancel fires first.
  const server = createServer(() => undefined);
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("the `timeout` option (ECONNABORTED 'timeout of Nms exceeded') is client_timeout, not connection_reset", async () => {
    const error = await thrownBy(() => axios.get(url, { timeout: 20 }));
    expect((error as AxiosError).code).toBe('ECONNABORTED');
    expect(classify(error).code).toBe('client_timeout');
  });

  it('with transitional.clarifyTimeoutError (ETIMEDOUT) too', async () => {
    const error = await thrownBy(() => axios.get(url, { timeout: 20, transitional: { clarifyTimeoutError: true } }));
    expect((error as AxiosError).code).toBe('ETIMEDOUT');
    expect(classify(error).code).toBe('client_timeout');
  });

  it('an aborted signal or a CancelToken (CanceledError, ERR_CANCELED) is cancelled, never retried', async () => {
    const controller = new AbortController();
    const pending = thrownBy(() => axios.get(url, { signal: controller.signal }));
    controller.abort();
    const aborted = await pending;
    expect(aborted).toBeInstanceOf(CanceledError);
    expect([classify(aborted).code, classify(aborted).retry]).toEqual(['cancelled', 'never']);
    const source = axios.CancelToken.source();
    const cancelled = thrownBy(() => axios.get(url, { cancelToken: source.token }));
    source.cancel('user left');
    expect(classify(await cancelled).code).toBe('cancelled');
  });
});
