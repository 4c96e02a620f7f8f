/**
 * What the sixty-second holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a bare `{"type": "api_error", "message": …}` under a 4xx is not Anthropic's, which sends
 * `api_error` only with a 5xx; a list of one-field objects under `errors` names the fields; a PascalCase message of three
 * parts beside no number is the code; and words. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT8_DIR, HOLDOUT11_DIR, HOLDOUT42_DIR, HOLDOUT62_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT62_DIR, HOLDOUT42_DIR, HOLDOUT11_DIR, HOLDOUT8_DIR]);

describe('`api_error` beside a message', () => {
  it.each([
    ['bar-assistant/bar-assistant-forbidden', 'permission_denied'],
    ['bar-assistant/bar-assistant-resource-not-found', 'not_found'],
  ])('under a 4xx it is no Anthropic error: %s is %s', (ref, code) => {
    const f = c(ref);
    expect([f.code, f.vendor]).toEqual([code, 'generic']);
  });

  it('under a 5xx, or with no status, it still is', () => {
    expect(classify({ status: 500, body: '{"type": "api_error", "message": "Internal server error"}' }).vendor).toBe('anthropic');
    expect(classify({ body: '{"type": "api_error", "message": "Internal server error"}' }).vendor).toBe('anthropic');
  });
});

describe('envelopes', () => {
  it.each([
    'feedbin/feedbin-entries-invalid-since',
    'feedbin/feedbin-missing-feed-url',
  ])("a list of one-field objects under `errors`: %s is validation_failed", (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('validation_failed');
  });

  it.each([
    ['guild-wars-2/guild-wars-2-400-errbaddata', 'ErrBadData'],
    ['expo/expo-ticket-device-not-registered', 'DeviceNotRegistered'],
    ['africas-talking/invalid-sender-id-node-printout', 'InvalidSenderId'],
  ])('a PascalCase message of three parts: %s names %s', (ref, vendorCode) => {
    expect(c(ref).vendorCode).toBe(vendorCode);
  });

  it("beside a number the number is the code (Apache Pinot's `{'errorCode': 410, 'message': 'BrokerResourceMissingError'}`)", () => {
    expect(c('apache-pinot/apache-pinot-broker-resource-missing').vendorCode).toBe('410');
  });

  it('a reason phrase run together names no code', () => {
    expect(classify({ status: 500, body: '{"message": "InternalServerError"}' }).vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it.each([
    ['eve-online-esi/eve-online-esi-502-no-reply-within-10s', 'gateway_timeout'],
    ['eve-online-esi/eve-online-esi-500-no-reply-error-id', 'gateway_timeout'],
    ['selfoss/selfoss-login-wrong-credentials-200', 'unauthenticated'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code'])).toEqual([code]);
  });
});
