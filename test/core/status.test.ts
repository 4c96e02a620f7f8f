import { describe, expect, it } from 'vitest';
import { codeForStatus } from '../../src/core/status.js';

describe('codeForStatus', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'unauthenticated'],
    [429, 'rate_limited'],
    [499, 'cancelled'],
    [500, 'internal'],
    [503, 'service_unavailable'],
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
