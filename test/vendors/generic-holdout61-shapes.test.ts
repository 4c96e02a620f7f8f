/**
 * What the sixty-first holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a plain-text body that is one snake_case name of three words or more is the code (Polis);
 * "maximum login attempts" with a wait throttles attempts; and words. Every body is a corpus case (its `source` says
 * where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT61_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT61_DIR]);

describe('a snake_case name as the whole text body', () => {
  it.each([
    ['polis/polis-comment-duplicate', 'polis_err_post_comment_duplicate'],
    ['polis/polis-login-unknown-user-or-password', 'polis_err_login_unknown_user_or_password'],
    ['polis/polis-register-password-too-short', 'polis_err_reg_password_too_short'],
  ])('%s names %s', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each([
    ["a status's name", 'not_found'],
    ['a sentence', 'this is not_a code'],
  ])('%s is not read so', (_what, body) => {
    expect(classify({ status: 400, body }).vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it('"Maximum Login attempts. Please wait 4 seconds" throttles attempts, with its wait (Form.io)', () => {
    for (const f of both('formio/formio-login-max-attempts')) expect(fieldsOf(f, ['code', 'retryAfterMs'])).toEqual(['rate_limited', 4000]);
  });

  it.each([
    ['formio/formio-token-bad', 'unauthenticated'],
    ['digitalnz-supplejack/digitalnz-supplejack-daily-limit-reached', 'quota_exhausted'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a bad token word inside a longer one is no credential ("bad tokenizer")', () => {
    expect(classify({ status: 400, body: '{"message": "bad tokenizer settings"}' }).code).toBe('invalid_request');
  });
});
