/**
 * What the forty-ninth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): AFFiNE's `name` beside its `type`, Standard Notes' `tag`, a connection that failed behind
 * a server that answered 200, Python's runtime errors leaked as a message, "invalid key" as a whole word, and words.
 * Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT40_DIR, HOLDOUT49_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT49_DIR, HOLDOUT40_DIR]);

describe('codes', () => {
  it.each([
    ['affine/affine-wrong-sign-in-credentials', 'WRONG_SIGN_IN_CREDENTIALS', 'unauthenticated'],
    ['affine/affine-copilot-quota-exceeded', 'COPILOT_QUOTA_EXCEEDED', 'quota_exhausted'],
    ['affine/affine-sign-up-forbidden', 'SIGN_UP_FORBIDDEN', 'permission_denied'],
  ])("%s: a `name` in capitals beside a `type` in capitals is the code (%s)", (ref, vendorCode, code) => {
    for (const f of both(ref)) expect([f.vendorCode, f.code]).toEqual([vendorCode, code]);
  });

  it("a `name` that is the status's phrase, or one beside a `type` in lower case, leaves the code to the `type`", () => {
    expect(classify({ status: 400, body: '{"type": "INVALID_INPUT", "name": "BAD_REQUEST", "message": "x"}' }).vendorCode).toBe('INVALID_INPUT');
    expect(classify({ status: 400, body: '{"type": "invalid_input", "name": "WRONG_THING", "message": "x"}' }).vendorCode).toBe('invalid_input');
  });

  it.each([
    ['standard-notes/standard-notes-expired-access-token-498', 'expired-access-token'],
    ['standard-notes/standard-notes-revoked-session', 'revoked-session'],
    ['standard-notes/standard-notes-no-space-upload', 'no-space'],
  ])("%s: a `tag` beside a message is the code", (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it("a `tag` beside `contents` is a Haskell constructor, no code", () => {
    expect(classify({ status: 400, body: '{"contents": {"era": "Conway"}, "tag": "TxSubmitFail"}' }).vendorCode).toBeUndefined();
  });
});

describe('a connection that failed behind a server that answered is its upstream', () => {
  it('a 200 that says the connection timed out is a gateway timeout (TheyWorkForYou)', () => {
    for (const f of both('theyworkforyou/theyworkforyou-postcode-lookup-timed-out')) expect([f.code, f.retry]).toEqual(['gateway_timeout', 'idempotent']);
  });

  it("a 200 that says a connection could not be made is a bad gateway; with no status it stays the caller's connection", () => {
    expect(classify({ status: 200, body: '{"error": "Failed to establish a new connection"}' }).code).toBe('bad_gateway');
    expect(classify({ body: '{"error": "Failed to establish a new connection"}' }).code).toBe('connect_failed');
  });
});

describe('words', () => {
  it.each([
    ['congress-gov/congress-gov-actions-unboundlocalerror', 'internal'],
    ['openfec/openfec-keyword-too-short', 'validation_failed'],
    ['liftosaur/liftosaur-subscription-required', 'payment_required'],
    ['ansible-semaphore/ansible-semaphore-403-no-active-subscription', 'payment_required'],
    ['standard-notes/standard-notes-login-locked-423', 'rate_limited'],
    ['tuleap/tuleap-artifact-deletion-daily-limit', 'quota_exhausted'],
    ['theyworkforyou/theyworkforyou-missing-person-id', 'invalid_request'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('"invalid key" is a credential only as a whole word', () => {
    expect(classify({ status: 400, body: '{"message": "Invalid key."}' }).code).toBe('unauthenticated');
    expect(classify({ status: 400, body: '{"message": "Invalid keyword."}' }).code).not.toBe('unauthenticated');
  });

  it('a plan tier the caller lacks stays a refusal; no subscription at all is a bill', () => {
    expect(classify({ status: 403, body: '{"error": {"message": "Business subscription required.", "code": "forbidden", "status": 403}}' }).code).toBe('permission_denied');
  });
});
