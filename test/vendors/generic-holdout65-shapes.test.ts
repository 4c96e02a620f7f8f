/**
 * What the sixty-fifth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): Redfish's `@Message.ExtendedInfo` and its `MessageId`, the most specific code a BMC sends;
 * a code padded with zeros is no status; `meta.retry_in` is a wait; Noren OMS' `emsg`; PiKVM's `result` beside a false
 * `ok`, and an `error` name beside `error_msg`; a one-word verdict's `error` sentence; FastAPI's `detail` beside an
 * `errorCode`; and words ("in use" is no prefix of "username", decommissioned). Every body is a corpus case (its `source`
 * says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT65_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT65_DIR]);

describe('envelopes', () => {
  it.each([
    ['hpe-ilo/hpe-ilo-ilo5-malformed-json', 'Base.0.10.MalformedJSON'],
    ['hpe-ilo/hpe-ilo-ilo4-malformed-json-legacy', 'Base.0.10.MalformedJSON'],
    ['hpe-ilo/hpe-ilo-no-valid-session-401', 'Base.1.12.NoValidSession'],
    ['dell-idrac/dell-idrac-license-already-imported-400', 'LIC018'],
    ['dell-idrac/dell-idrac-session-unacceptable-header', 'Base.1.0.InternalError'],
  ])("Redfish's `@Message.ExtendedInfo`: %s names %s", (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('a code padded with zeros is no status, and `meta.retry_in` is a wait in seconds (API Entreprise)', () => {
    const f = c('api-entreprise/api-entreprise-network-error-retry-in');
    expect(fieldsOf(f, ['vendorCode', 'retryAfterMs'])).toEqual(['00501', 10_000]);
    expect(c('api-entreprise/api-entreprise-too-many-requests').vendorCode).toBe('00429');
    expect(classify({ status: 400, body: '{"error": {"code": "404", "message": "Not found"}}' }).vendorCode).toBeUndefined();
  });

  it.each([
    ['shoonya/shoonya-login-wrong-password', 'unauthenticated'],
    ['shoonya/shoonya-orderbook-session-expired', 'unauthenticated'],
    ['shoonya/shoonya-modify-order-not-found', 'not_found'],
  ])("Noren OMS' `emsg` is the message: %s is %s", (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it.each([
    ['pikvm/pikvm-msd-image-exists-400', 'already_exists', 'MsdImageExistsError'],
    ['pikvm/pikvm-gpio-channel-not-found-400', 'not_found', 'GpioChannelNotFoundError'],
  ])("PiKVM's `result` beside a false `ok` holds the error: %s is %s (%s)", (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('elsewhere `result` is a payload', () => {
    expect(classify({ status: 400, body: '{"ok": true, "result": {"error": "MsdImageExistsError", "error_msg": "exists"}}' }).vendorCode).toBeUndefined();
  });

  it.each([
    ['socioboard/socioboard-phone-already-registered', 'already_exists'],
    ['socioboard/socioboard-plan-feature-denied', 'permission_denied'],
  ])("a one-word verdict's `error` sentence says what failed: %s is %s", (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it("FastAPI's `detail` beside an `errorCode` names it (Uniswap's routing API)", () => {
    const f = c('uniswap-routing-api/uniswap-routing-api-query-recipient-pattern');
    expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['validation_failed', 'VALIDATION_ERROR']);
  });
});

describe('words', () => {
  it('decommissioned is gone', () => {
    for (const f of both('uniswap-routing-api/uniswap-routing-api-decommissioned')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['gone', 'never']);
  });

  it('"in use" is no prefix of "username"', () => {
    for (const f of both('databento/databento-historical-illegal-username-400')) expect(f.code).not.toBe('conflict');
    expect(classify({ status: 400, body: '{"message": "Port is in use"}' }).code).toBe('conflict');
  });
});
