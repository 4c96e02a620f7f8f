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
