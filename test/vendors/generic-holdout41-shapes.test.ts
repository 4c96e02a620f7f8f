/**
 * What the forty-first holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a JSON-RPC 1 reply whose `result` is a failure's sentence in a 200 (LimeSurvey), EIP-1474's
 * numbers used by a server that is no Ethereum node (Leantime), a message that opens by saying the call failed in a 200,
 * Indico's `error_uuid`, Pelias' `geocoding.errors` beside GeoJSON's `FeatureCollection` (no code), a reason phrase as
 * `status` beside a message (no code), and words (user name or password, faulty parameters, unknown method, privacy
 * error, still running, overlapping, a free plan). Every body is a corpus case (its `source` says where it was copied
 * from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT27_DIR, HOLDOUT35_DIR, HOLDOUT41_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT41_DIR]);

describe('replies in a 200', () => {
  it.each([
    ['limesurvey/limesurvey-invalid-session-key', 'unauthenticated'],
    ['limesurvey/limesurvey-no-permission-delete', 'permission_denied'],
    ['limesurvey/limesurvey-faulty-parameters', 'invalid_request'],
  ])('reads a JSON-RPC 1 `result` that is nothing but a status sentence beside a null `error` (%s)', (ref, code) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'status'])).toEqual([code, 200]);
  });

  it('reads a message that opens by saying the call failed as an error, by its words (Indico’s booking conflict)', () => {
    for (const f of both('indico/indico-httpapi-roombooking-conflict-200')) expect(f.code).toBe('conflict');
  });
});

describe('JSON-RPC', () => {
  it.each([
    ['leantime/leantime-rpc-client-exists', 'already_exists', '-32005'],
    ['leantime/leantime-rpc-ticket-not-found', 'not_found', '-32002'],
    ['leantime/leantime-rpc-not-allowed-edit-project', 'permission_denied', '-32001'],
  ])('reads the message over EIP-1474’s table when it names another meaning (%s)', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('keeps the table’s meaning when the message only names a field (“is required but not enabled”)', () => {
    expect(c('leantime/leantime-rpc-plugin-not-enabled').code).toBe('not_implemented');
  });
});

describe('members', () => {
  it('reads Indico’s `error_uuid` as the request id', () => {
    for (const f of both('indico/indico-database-error-500')) expect(f.requestId).toBe('3f1c7f0e-5a1b-4d51-9c0e-2b7d4a9e8c61');
  });

  it('reads Pelias’ `geocoding.errors`, and takes no code from GeoJSON’s `FeatureCollection`', () => {
    for (const f of both('pelias/pelias-focus-point-incomplete')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['invalid_request', undefined]);
  });

  it.each([
    [HOLDOUT41_DIR, 'opnform/opnform-form-password-protected'],
    [HOLDOUT27_DIR, 'newscatcher/newscatcher-v3-search-bad-token-doc'],
    [HOLDOUT27_DIR, 'newscatcher/newscatcher-v3-search-long-history-window-doc'],
  ])('takes no code from a reason phrase as `status` beside a message (%s)', (dir, ref) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it.each([
    [HOLDOUT41_DIR, 'limesurvey/limesurvey-bad-credentials-python', 'unauthenticated'],
    [HOLDOUT35_DIR, 'deluge/deluge-web-unknown-method', 'not_implemented'],
    [HOLDOUT41_DIR, 'meetup/meetup-privacy-error-private-group', 'permission_denied'],
    [HOLDOUT41_DIR, 'solidtime/solidtime-time-entry-still-running', 'conflict'],
    [HOLDOUT41_DIR, 'solidtime/solidtime-overlapping-time-entry', 'conflict'],
    [HOLDOUT41_DIR, 'solidtime/solidtime-feature-not-in-free-plan', 'payment_required'],
  ])('%s is %s', (dir, ref, code) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['JSON-RPC results whose status never ends', (n: number) => `{"id": 1, "error": null, "result": {"status": "${'no '.repeat(n / 3)}`],
    ['messages that nearly say the call failed', (n: number) => `{"message": "${'Failed t'.repeat(n / 8)}"}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(200, make);
  });
});
