/**
 * What the forty-sixth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a `detail` sentence in a FastAPI or Django REST framework body read by its meaning under
 * its status (GitGuardian), a problem body's `code` that is an opaque trace, a `responseCode` (Toyota's gateway), a
 * SellerCenter XML `<ErrorCode>` (Linio), a quota refused under a 403, a lock under a 403, a concurrent request under a
 * 409, and the words of Koito and Podverse. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT4_DIR, HOLDOUT41_DIR, HOLDOUT46_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT46_DIR, HOLDOUT41_DIR, HOLDOUT4_DIR]);

describe('members', () => {
  it('reads a `detail` sentence under its status by its meaning, as the generic layer reads any (GitGuardian’s DRF 403)', () => {
    for (const f of both('gitguardian/gitguardian-quota-limit-reached')) expect(f.code).toBe('quota_exhausted');
    expect(c('gitguardian/gitguardian-quota-limit-reached').vendor).toBe('fastapi');
  });

  it.each([
    ['wildberries/wildberries-401-token-malformed', 'unauthenticated'],
    ['wildberries/wildberries-429-too-many-requests', 'rate_limited'],
  ])('takes no code from a problem body’s `code` with spaces or brackets, an opaque trace (%s)', (ref, code) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, undefined]);
  });

  it.each([
    ['toyota-connected-eu/toyota-eu-400-ows-internal-service-error', 'OWS-050'],
    ['toyota-connected-eu/toyota-eu-500-command-interrupted', 'ONE-GLOBAL-RS-40000'],
  ])('reads a `responseCode` as the code (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('reads a numeric `responseCode` in the HTTP range as the status again, no code (JotForm’s `"responseCode": 404`)', () => {
    expect(classify({ status: 404, body: '{"responseCode": 404, "message": "Requested URL (/form/1/submissions) is not available!"}' }).vendorCode).toBeUndefined();
  });

  it('reads a SellerCenter `<ErrorResponse>`’s `<ErrorCode>` and `<ErrorMessage>` (Linio)', () => {
    for (const f of both('linio-seller-center/linio-seller-center-400-invalid-feed-id')) expect(f.message).toBe('E012: Invalid Feed ID');
  });
});

describe('statuses and words', () => {
  it('reads a 403 that locks the caller out as a refusal, not a wrong state (fal’s "User is locked.")', () => {
    expect(c('fal-ai/locked-admin-lock-403').code).toBe('permission_denied');
  });

  it('leaves a 403 whose words say something else is in use a wrong state (Icecast’s "Mountpoint in use")', () => {
    for (const f of both('icecast/icecast-mountpoint-in-use-403')) expect(f.code).toBe('conflict');
  });

  it('reads a concurrent request under a 409 as a wrong state, not a throttle (pretix)', () => {
    expect(fieldsOf(c('pretix/pretix-idempotency-key-concurrent-409'), ['code', 'retry'])).toEqual(['conflict', 'never']);
  });

  it.each([
    ['koito/koito-submit-listens-too-many', 'payload_too_large'],
    ['podverse-api/podverse-api-premium-membership-required', 'payment_required'],
    ['podverse-api/podverse-api-email-already-signed-up', 'already_exists'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['SellerCenter error codes that never close', (n: number) => `<ErrorResponse><Head><ErrorCode>${'1'.repeat(n)}`],
    ['a detail that never ends', (n: number) => `{"detail": "${'quota limit '.repeat(n / 12)}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(403, make);
  });
});
