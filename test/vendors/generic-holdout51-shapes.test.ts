/**
 * What the fifty-first holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): Go's "context deadline exceeded" with no status is the client's own deadline, a message that
 * opens with its envelope's own number as `ERR905:` names that number, and words (a signature that failed validation, a
 * wrong e-mail or password). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT21_DIR, HOLDOUT51_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT51_DIR, HOLDOUT21_DIR]);

describe("Go's context deadline with no status", () => {
  it.each([
    ['headscale/headscale-cli-get-nodes-timeout', 'client_timeout'],
    ['headscale/headscale-cli-could-not-connect', 'connect_failed'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it("under a status it stays the server's deadline", () => {
    expect(classify({ status: 504, body: '{"code": 4, "message": "context deadline exceeded"}' }).code).toBe('gateway_timeout');
  });
});

describe('codes', () => {
  it.each([
    ['privacyidea/privacyidea-offlinerefill-token-missing', '905'],
    ['privacyidea/privacyidea-register-username-taken', '402'],
  ])('%s: `ERR<n>:` before a message whose envelope holds n names n', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it("another prefix is the vendor's own spelling, and stays", () => {
    expect(classify({ status: 400, body: '{"errorCode": 12, "errorMessage": "E012: Invalid feed ID"}' }).vendorCode).toBe('E012');
    expect(classify({ status: 400, body: '{"errorCode": 12, "errorMessage": "ERR12: Invalid feed ID"}' }).vendorCode).toBe('12');
  });
});

describe('words', () => {
  it.each([
    ['cryptpad/cryptpad-auth-failed-signature-validation', 'unauthenticated'],
    ['stack-auth/stack-auth-email-password-mismatch', 'unauthenticated'],
    ['open-edx/open-edx-helper-second-login-ajax-400', 'unauthenticated'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
