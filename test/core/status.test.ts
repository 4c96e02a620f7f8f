import { describe, expect, it } from 'vitest';
import { codeForStatus } from '../../src/core/status.js';

describe('codeForStatus', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'unauthenticated'],
    [402, 'payment_required'],
    [403, 'permission_denied'],
    [404, 'not_found'],
    [405, 'not_implemented'],
    [408, 'request_timeout'],
    [409, 'conflict'],
    [410, 'gone'],
    [412, 'precondition_failed'],
    [413, 'payload_too_large'],
    [414, 'invalid_request'],
    [415, 'invalid_request'],
    [422, 'validation_failed'],
    [425, 'too_early'],
    [428, 'precondition_failed'],
    [429, 'rate_limited'],
    [431, 'payload_too_large'],
    [499, 'cancelled'],
    [500, 'internal'],
    [501, 'not_implemented'],
    [502, 'bad_gateway'],
    [503, 'service_unavailable'],
    [504, 'gateway_timeout'],
    [505, 'not_implemented'],
    [520, 'bad_gateway'],
    [521, 'connect_failed'],
    [522, 'gateway_timeout'],
    [523, 'bad_gateway'],
    [524, 'gateway_timeout'],
    [525, 'bad_gateway'],
    [526, 'bad_gateway'],
    [529, 'overloaded'],
  ] as const)('maps the known status %i to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it.each([402.5, 418, 451, 498])('maps any other 4xx (%s) to invalid_request', (status) => {
    expect(codeForStatus(status)).toBe('invalid_request');
  });

  it.each([506, 550, 598, 599, 599.9])('maps any other 5xx (%s) to internal', (status) => {
    expect(codeForStatus(status)).toBe('internal');
  });

  it.each([undefined, 0, 200, 302, 399, 399.9, 600, 601, 999, -429, Number.NaN, Number.POSITIVE_INFINITY])(
    'maps %s (not an error status) to unknown',
    (status) => {
      expect(codeForStatus(status)).toBe('unknown');
    },
  );
});

describe('status rules from the RFCs', () => {
  it('a 511 is unauthenticated (RFC 6585 §6: log in to the network first), never retried', async () => {
    const { DEFAULTS } = await import('../../src/core/codes.js');
    expect(codeForStatus(511)).toBe('unauthenticated');
    expect(DEFAULTS[codeForStatus(511)].retry).toBe('never');
  });

  it('a 413 with a server-directed wait is temporary (RFC 9110 §15.5.14): always, after the wait', async () => {
    const { retryForStatus } = await import('../../src/core/status.js');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (ms) => {
        expect(retryForStatus(413, 'payload_too_large', ms)).toBe('always');
      }),
    );
    expect(retryForStatus(413, 'payload_too_large', undefined)).toBeUndefined();
    expect(retryForStatus(400, 'payload_too_large', 1000)).toBeUndefined();
    expect(retryForStatus(413, 'invalid_request', 1000)).toBeUndefined();
  });
});
