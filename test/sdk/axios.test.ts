// axios@1 against the loopback server: AxiosError keeps { status, headers (AxiosHeaders), data }
// on `response`; its own timeout (ECONNABORTED) and cancel (ERR_CANCELED) are not resets.
import axios, { AxiosError, CanceledError } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { httpMatrix, thrownBy } from './http-matrix.js';
import { startSilentServer } from './support.js';

describe('axios: the vendor matrix', () => {
  httpMatrix({
    call: (url) => axios.get(url),
    isClientError: (value) => value instanceof AxiosError,
  });
});

describe('axios: deadlines and cancels', () => {
  // A server that never answers in time: the client's own deadline or the caller's cancel fires first.
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let url = '';
  beforeAll(async () => {
    silent = await startSilentServer();
    url = silent.url;
  });
  afterAll(() => silent.close());

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
