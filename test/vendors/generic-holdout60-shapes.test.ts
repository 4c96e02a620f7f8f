/**
 * What the sixtieth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): the dynamic-DNS update protocol's one-word replies name their errors; a problem `type`
 * made of words is no code; a JSend failure's `data` sentence is its message; "declin…" is a payment's word only as
 * "declined"; and words. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT60_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT60_DIR]);

describe('DynDNS2 replies', () => {
  it.each([
    ['no-ip/no-ip-badauth', 'unauthenticated', 'badauth'],
    ['no-ip/no-ip-nohost', 'not_found', 'nohost'],
    ['no-ip/no-ip-not-donator', 'payment_required', '!donator'],
    ['no-ip/no-ip-abuse', 'permission_denied', 'abuse'],
    ['nsupdate-info/nsupdate-info-notfqdn', 'invalid_request', 'notfqdn'],
    ['nsupdate-info/nsupdate-info-dnserr-ns-unavailable', 'bad_gateway', 'dnserr'],
    ['nsupdate-info/nsupdate-info-badauth-wrong-secret', 'unauthenticated', 'badauth'],
  ])('%s is %s (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it.each([
    ['a success', 'good 203.0.113.7'],
    ['no change', 'nochg 203.0.113.7'],
    ['a longer text that holds a return code', 'the server said badauth and closed the connection'],
  ])('%s is no error', (_what, body) => {
    expect(classify({ status: 200, body }).code).toBe('unknown');
  });
});

describe('envelopes', () => {
  it('a problem `type` of words is no code (PxWeb API 2)', () => {
    for (const f of both('pxweb-api-v2/pxweb-api-v2-too-many-cells-selected')) expect(f.vendorCode).toBeUndefined();
  });

  it('a problem `type` URI still is', () => {
    expect(classify({ status: 403, headers: { 'content-type': 'application/problem+json' }, body: '{"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.", "status": 403}' }).vendorCode).toBe('https://example.com/probs/out-of-credit');
  });

  it("a JSend failure's `datas` sentence is its message (PwnDoc)", () => {
    for (const f of both('pwndoc/pwndoc-client-email-already-exists')) expect(fieldsOf(f, ['code', 'message'])).toEqual(['already_exists', 'Client email already exists']);
  });
});

describe('words', () => {
  it.each([
    ['signwell/signwell-send-validation', 'validation_failed'],
    ['nginx-proxy-manager/nginx-proxy-manager-2fa-invalid-code', 'unauthenticated'],
    ['nginx-proxy-manager/nginx-proxy-manager-empty-token', 'unauthenticated'],
    ['nginx-proxy-manager/nginx-proxy-manager-2fa-challenge-expired', 'unauthenticated'],
    ['lrclib/lrclib-tls-connect-eof', 'connect_failed'],
    ['nginx-ui/nginx-ui-disabled-in-demo', 'permission_denied'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a card "declined" is still a payment refused', () => {
    expect(classify({ status: 402, body: '{"message": "Your card was declined."}' }).code).toBe('payment_required');
    expect(classify({ body: '{"message": "Transaction declined"}' }).code).toBe('payment_required');
  });
});
