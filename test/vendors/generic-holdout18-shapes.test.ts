/**
 * What the eighteenth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): JSON:API errors read by their words (DIDWW's "Insufficient funds" under a
 * 400, "has already been taken" under a 422, a `code` that repeats the status); statuses printed as
 * `failed with code 422` and `failed (422)`; "not supported" and "not allowed" under a 422 and a 409; a JSON
 * parser's complaint with no status (the client could not read the reply); codes an API calls `errno`, NetSuite's
 * `o:errorCode` and SuiteScript `name`, a bare `ERR: 001` line; labels that are no code (Go's `connect:`, a
 * `code: 0`, App Center's reason phrase as `code`); lexicon words (an unexpected condition, a storage limit, a
 * limit counted over the last day, a missing token, a thing that cannot be removed while in use). Every body is
 * a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT18_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT18_DIR]);

describe('JSON:API errors', () => {
  it('reads the words under the status: "Insufficient funds" under a 400 is payment, and its `code: "400"` is the status', () => {
    expect(fieldsOf(c('didww/capacity-order-400-insufficient-funds'), ['code', 'vendorCode'])).toEqual(['payment_required', undefined]);
  });

  it('drops a `code` that repeats the error’s status', () => {
    expect(fieldsOf(c('didww/dids-get-404-record-not-found'), ['code', 'vendorCode'])).toEqual(['not_found', undefined]);
  });

  it.each([
    ['didww/shared-capacity-group-create-422-name-taken', 'already_exists'],
    ['didww/order-delete-422-order-not-pending', 'conflict'],
    ['didww/shared-capacity-group-delete-422-active-numbers', 'conflict'],
  ])('reads sharper words over the field-level 422 (%s → %s)', (ref, code) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, '100']);
  });
});

describe('statuses', () => {
  it.each([
    ['bugsnag/bugsnag-gradle-mapping-422-empty-file', 'validation_failed'],
    ['bugsnag/bugsnag-gradle-mapping-400-missing-line-numbers', 'invalid_request'],
    ['hex-pm/hex-publish-422-tar-version-not-supported', 'validation_failed'],
  ])('reads the status a printout states as `failed with code N` or `failed (N)` (%s)', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads "not allowed" under a 409 as the resource’s state, not a permission (App Store Connect)', () => {
    expect(c('app-store-connect/asc-409-review-submission-relationship-not-allowed').code).toBe('conflict');
  });
});

describe('vendor codes', () => {
  it.each([
    ['freshbooks/freshbooks-accounting-client-not-found-1012', '1012'],
    ['freshbooks/freshbooks-projects-field-required-2001', '2001'],
    ['freshbooks/freshbooks-events-invalid-token-errno-401', 'invalid_token'],
    ['netsuite/netsuite-rest-invalid-login-401-sdk', 'INVALID_LOGIN'],
    ['netsuite/netsuite-suitescript-insufficient-permission', 'INSUFFICIENT_PERMISSION'],
    ['sage-intacct/intacct-invalid-request-python-dict', 'invalidRequest'],
    ['clickatell/legacy-http-err-001-authentication-failed', '001'],
    ['smsapi/bash-client-error-101', '101'],
    ['smsapi/esdc-log-error-14-status-200', '14'],
  ])('finds %s’s code', (ref, vendorCode) => {
    expect(c(ref).vendorCode).toBe(vendorCode);
  });

  it.each([
    'app-center/appcenter-release-uploads-401-unauthorized',
    'bugsnag/bugsnag-cli-sourcemap-dial-tcp-connect-timeout',
    'honeybadger/honeybadger-php-checkins-exception-rate-limit',
  ])('takes no label for a code: a reason phrase, Go’s `connect:`, an exception’s `code: 0` (%s)', (ref) => {
    expect(c(ref).vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it.each([
    ['honeybadger/honeybadger-webpack-sourcemap-html-instead-of-json', 'malformed_response'],
    ['moneybird/moneybird-send-invoice-body-200-unparseable', 'malformed_response'],
    ['voip-ms/android-client-error-decoding-api-response', 'malformed_response'],
    ['pub-dev/pub-publish-server-unexpected-condition', 'internal'],
    ['packagecloud/packagecloud-bandwidth-or-storage-limit-exceeded', 'quota_exhausted'],
    ['pub-dev/pubdev-package-created-rate-limit-12-per-day', 'quota_exhausted'],
    ['myob/myob-oauth-token-missing-truncated', 'unauthenticated'],
  ])('%s → %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads a JSON parser’s complaint under a 4xx as the server’s about the request, not a reply the client could not read', () => {
    const f = classify({ status: 400, body: '{"message":"Unexpected token } in JSON at position 0"}' });
    expect(f.code).toBe('invalid_request');
  });
});
