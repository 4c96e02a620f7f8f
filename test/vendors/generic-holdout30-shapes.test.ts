/**
 * What the thirtieth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): an absolute rate-limit reset measured from the response's `Date`, and a stale one
 * ignored; Google's quota message naming a daily limit; WebDAV's 423 Locked; CloudFront's `x-amz-cf-id`; Mozilla's
 * `Backoff` header; R's printed lists; Elsevier's `service-error` status words and XML; an `<error code="500">`
 * that restates the status; an X12 reject's reason code; members (`reject_reason`, `denial_code`); `…_Error 1007:`
 * printouts; lexicon words. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT30_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const NOW = Date.UTC(2026, 0, 1);
const { c, g } = shapeReaders([HOLDOUT30_DIR], NOW);

describe('waits', () => {
  it('measures an epoch reset from the response’s Date, not from a clock years later (GoToSocial’s 429)', () => {
    expect(c('gotosocial/gotosocial-rate-limit-reached').retryAfterMs).toBe(55_000);
  });

  it('takes no wait from a reset long past beside an unlimited remaining on a 422 (XCover)', () => {
    expect(c('cover-genius-xcover/xcover-create-quote-422-unexpected-field').retryAfterMs).toBeUndefined();
  });

  it('reads Mozilla’s `Backoff` header, in seconds (Zotero’s 429)', () => {
    expect(c('zotero/zotero-429-backoff-text-fixture').retryAfterMs).toBe(100);
  });
});

describe('statuses and headers', () => {
  it('reads Google’s quota message by the limit it names: “Queries per day” is an allowance spent', () => {
    expect(fieldsOf(c('google-books/google-books-429-queries-per-day-quota'), ['code', 'retry'])).toEqual(['quota_exhausted', 'never']);
  });

  it('reads WebDAV’s 423 Locked as a conflict', () => {
    expect(c('voucherify/voucherify-loyalty-program-not-active-423').code).toBe('conflict');
  });

  it('takes CloudFront’s `x-amz-cf-id` as the request id when nothing else names one', () => {
    expect(c('giftbit/giftbit-campaign-no-contacts-recorded').requestId).toBe('tiAmZ9QQoEx2GHX4FYfUcGDOSp79U9p19HcIDmBVKZ2-1Ygz6vKJIw==');
  });

  it.each([
    ['irail/irail-liveboard-xml-500-could-not-get-data', 'internal'],
    ['irail/irail-vehicle-xml-400-missing-param', 'invalid_request'],
  ])('reads `<error code="…">` with an HTTP status as the status restated (%s)', (ref, code) => {
    expect(g(ref).code).toBe(code);
  });
});

describe('codes', () => {
  it.each([
    ['elsevier/elsevier-invalid-input-restricted-field', 'INVALID_INPUT', 'permission_denied'],
    ['elsevier/elsevier-resource-not-found-xml', 'RESOURCE_NOT_FOUND', 'not_found'],
    ['elsevier/elsevier-401-authorization-error-rscopus', 'AUTHORIZATION_ERROR', 'unauthenticated'],
  ])('reads Elsevier’s `service-error` status, as JSON, XML and an R printout (%s)', (ref, vendorCode, code) => {
    expect(fieldsOf(g(ref), ['vendorCode', 'code'])).toEqual([vendorCode, code]);
  });

  it.each([
    ['eligible-api/eligible-java-api-error-e3-relational-fields', 'E3'],
    ['pokitdok/pokitdok-eligibility-subscriber-not-found', 'subscriber_insured_not_found'],
    ['tango-card/tango-card-v1-credit-card-already-registered', 'CC_DUPEREGISTER'],
    ['trafiklab/trafiklab-sl-1007-monthly-quota-debug', '1007'],
  ])('reads an X12 reject’s reason code, `reject_reason`, `denial_code`, a printed `…_Error 1007:` (%s)', (ref, vendorCode) => {
    expect(g(ref).vendorCode).toBe(vendorCode);
  });
});

describe('words', () => {
  it.each([
    ['lemmy/lemmy-couldnt-find-object', 'not_found'],
    ['navitia/navitia-sncf-unknown-object-entry-point', 'not_found'],
    ['lemmy/lemmy-incorrect-login', 'unauthenticated'],
    ['misskey/misskey-credential-required', 'unauthenticated'],
    ['hardcover/hardcover-unable-to-verify-token-body', 'unauthenticated'],
    ['complycube/complycube-403-plan-does-not-include-service', 'permission_denied'],
    ['trafiklab/trafiklab-sl-1005-key-not-for-api', 'permission_denied'],
    ['tango-card/tango-card-v1-order-insufficient-funds', 'payment_required'],
    ['tango-card/tango-card-v1-credit-card-already-registered', 'already_exists'],
    ['irail/irail-liveboard-php-exception-request-id', 'internal'],
    ['transport-opendata-ch/tod-ch-daily-quota-try-tomorrow', 'quota_exhausted'],
  ])('%s is %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
