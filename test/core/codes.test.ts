/**
 * Pins the catalog's machine half, row by row, as CATALOG.md states it: codes.ts stores it compactly.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, FAULT_CODES, FAULT_SOURCES, REMEDIES, RETRY_CLASSES, isFaultCode, isRemedy, isRetryClass } from '../../src/core/codes.js';
import { CATALOG } from '../../src/core/catalog.js';

const ROWS = [
  ['invalid_request', 400, 'never', 'fix_request'],
  ['validation_failed', 422, 'never', 'fix_request'],
  ['unauthenticated', 401, 'never', 'reauthenticate'],
  ['permission_denied', 403, 'never', 'check_permissions'],
  ['payment_required', 402, 'never', 'top_up'],
  ['quota_exhausted', 429, 'never', 'wait_for_reset'],
  ['not_found', 404, 'never', 'check_identifier'],
  ['gone', 410, 'never', 'recreate'],
  ['already_exists', 409, 'never', 'use_existing'],
  ['conflict', 409, 'never', 'resolve_conflict'],
  ['precondition_failed', 412, 'never', 'refresh_state'],
  ['payload_too_large', 413, 'never', 'reduce_request'],
  ['context_length_exceeded', 400, 'never', 'shorten_input'],
  ['content_filtered', 400, 'never', 'rephrase'],
  ['request_timeout', 408, 'always', 'retry'],
  ['too_early', 425, 'always', 'retry'],
  ['rate_limited', 429, 'always', 'wait'],
  ['not_implemented', 501, 'never', 'change_request'],
  ['internal', 500, 'idempotent', 'retry_or_report'],
  ['bad_gateway', 502, 'idempotent', 'retry'],
  ['service_unavailable', 503, 'always', 'wait'],
  ['overloaded', 529, 'always', 'wait'],
  ['gateway_timeout', 504, 'idempotent', 'retry_smaller'],
  ['data_loss', 500, 'never', 'contact_support'],
  ['malformed_response', undefined, 'idempotent', 'retry'],
  ['connect_failed', undefined, 'always', 'retry'],
  ['connection_reset', undefined, 'idempotent', 'retry'],
  ['client_timeout', undefined, 'idempotent', 'retry'],
  ['cancelled', 499, 'never', 'none'],
  ['circuit_open', undefined, 'never', 'fallback'],
  ['bulkhead_full', undefined, 'never', 'fallback'],
  ['unknown', undefined, 'never', 'report'],
] as const;

describe('codes', () => {
  it('has the 32 rows in catalog order with their status, retry class and remedy', () => {
    expect(FAULT_CODES).toEqual(ROWS.map((r) => r[0]));
    for (const [code, status, retry, remedy] of ROWS) {
      expect(DEFAULTS[code]).toEqual({ code, status, retry, remedy });
      expect(Object.keys(DEFAULTS[code])).toEqual(['code', 'status', 'retry', 'remedy']);
      expect(Object.isFrozen(DEFAULTS[code])).toBe(true);
      expect(CATALOG[code]).toMatchObject({ code, status, retry, remedy });
      expect(CATALOG[code].description.length).toBeGreaterThan(5);
    }
    expect(CATALOG.invalid_request.description).toBe('The request is malformed or has an invalid value.');
    expect(CATALOG.rate_limited.description).toBe('A short-window throttle; honour Retry-After.');
    expect(CATALOG.unknown.description).toBe('Nothing else fits.');
    expect(Object.keys(DEFAULTS)).toEqual(FAULT_CODES);
    expect(Object.keys(CATALOG)).toEqual(FAULT_CODES);
    expect(Object.isFrozen(DEFAULTS) && Object.isFrozen(FAULT_CODES) && Object.isFrozen(CATALOG)).toBe(true);
  });

  it('lists the remedies, retry classes and sources', () => {
    expect(REMEDIES).toEqual(['fix_request', 'reauthenticate', 'check_permissions', 'top_up', 'upgrade_plan', 'wait_for_reset', 'check_identifier', 'recreate', 'use_existing', 'resolve_conflict', 'refresh_state', 'reduce_request', 'shorten_input', 'rephrase', 'retry', 'wait', 'change_request', 'retry_or_report', 'retry_smaller', 'resubmit_async', 'contact_support', 'fallback', 'none', 'report']);
    expect(RETRY_CLASSES).toEqual(['always', 'idempotent', 'never']);
    expect(FAULT_SOURCES).toEqual(['server', 'network', 'policy', 'client']);
  });

  it('recognises exactly its own members', () => {
    for (const code of FAULT_CODES) expect(isFaultCode(code)).toBe(true);
    for (const remedy of REMEDIES) expect(isRemedy(remedy)).toBe(true);
    for (const retry of RETRY_CLASSES) expect(isRetryClass(retry)).toBe(true);
    for (const bad of ['', 'RATE_LIMITED', 'toString', '__proto__', 'constructor', 1, null, undefined, {}]) {
      expect(isFaultCode(bad)).toBe(false);
      expect(isRemedy(bad)).toBe(false);
      expect(isRetryClass(bad)).toBe(false);
    }
  });

  it('rejects objects that merely stringify to a member', () => {
    const looksLike = (name: string) => ({ toString: () => name });
    expect(isFaultCode(looksLike('gone'))).toBe(false);
    expect(isRemedy(looksLike('retry'))).toBe(false);
    expect(isRetryClass(looksLike('always'))).toBe(false);
  });
});
