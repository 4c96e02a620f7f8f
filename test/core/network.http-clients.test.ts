// The network rules added for the HTTP clients of the SDK matrix (test/sdk/*.test.ts), each with
// the client's own error class: axios's own timeout is not a reset, axios's cancel is a cancel.
import axios, { AxiosError, CanceledError } from 'axios';
import { describe, expect, it } from 'vitest';
import { faultFromThrown } from '../../src/core/network.js';

describe('faultFromThrown: HTTP-client rules', () => {
  it("reads axios's own timeout (ECONNABORTED 'timeout of Nms exceeded') as client_timeout, not a reset", () => {
    const fault = faultFromThrown(new AxiosError('timeout of 20ms exceeded', 'ECONNABORTED'));
    expect(fault.code).toBe('client_timeout');
    expect(fault.retry).toBe('idempotent');
  });

  it('keeps ECONNABORTED with any other message a connection reset', () => {
    expect(faultFromThrown(Object.assign(new Error('write ECONNABORTED'), { code: 'ECONNABORTED' })).code).toBe('connection_reset');
    expect(faultFromThrown(new AxiosError('timeout exceeded while reading', 'ECONNABORTED')).code).toBe('connection_reset');
  });

  it("reads axios's CanceledError (signal or CancelToken, code ERR_CANCELED) as cancelled", () => {
    const fault = faultFromThrown(new CanceledError(undefined, undefined, undefined));
    expect(fault.code).toBe('cancelled');
    expect(fault.retry).toBe('never');
    expect(axios.isCancel(new CanceledError())).toBe(true);
    expect(faultFromThrown(Object.assign(new Error('bye'), { code: 'ERR_CANCELED' })).code).toBe('cancelled');
  });
});
