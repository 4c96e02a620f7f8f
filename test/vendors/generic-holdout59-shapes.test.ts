/**
 * What the fifty-ninth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): an XML `<errormessage>` is a failure under any status and `<errorcode>` its code; a
 * `stat_message` beside `success: false`, and a `status` of digits beside its message and an empty `result`, are
 * failures in a 200; a dotted message key of three words is the code; IceHrm's `error` holds a list of lists; Rucio's
 * `ExceptionClass` is a code; Go's `x509:` is a package, not a code; and words. Every body is a corpus case (its `source`
 * says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT4_DIR, HOLDOUT50_DIR, HOLDOUT59_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT59_DIR, HOLDOUT50_DIR, HOLDOUT4_DIR]);

describe('errors inside a 200', () => {
  it.each([
    ['opencats/opencats-ajax-not-logged-in', 'unauthenticated', '-1'],
    ['opencats/opencats-ajax-no-permission', 'permission_denied', '-1'],
    ['opencats/opencats-ajax-backup-file-gone', 'gone', '-2'],
    ['headwind-mdm/headwind-mdm-sync-device-not-found', 'not_found', 'error.notfound.device'],
    ['headwind-mdm/headwind-mdm-device-duplicate-number', 'already_exists', 'error.duplicate.device'],
  ])('%s is %s (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it.each([
    ['pisignage-server/pisignage-server-snapshot-in-progress', 'conflict'],
    ['pisignage-server/pisignage-server-rss-link-missing', 'invalid_request'],
    ['sentrifugo/sentrifugo-login-invalid-credentials', 'unauthenticated'],
    ['sentrifugo/sentrifugo-changepassword-user-not-exist', 'not_found'],
    ['sentrifugo/sentrifugo-login-account-locked', 'permission_denied'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it.each([
    ['an XML payload with an empty error message', '<data><errorcode>0</errorcode><errormessage></errormessage><items/></data>'],
    ['a status of digits beside a message that says no failure', '{"status": "0", "message": "Query executed", "result": ""}'],
    ['a status of digits beside a result that holds data', '{"status": "0", "message": "User does not exist.", "result": "x"}'],
  ])('%s is no failure', (_what, body) => {
    expect(classify({ status: 200, body }).code).toBe('unknown');
  });
});

describe('envelopes', () => {
  it.each([
    ['icehrm/icehrm-bearer-token-invalid', 'unauthenticated'],
    ['icehrm/icehrm-issue-token-not-found-or-invalid', 'unauthenticated'],
    ['icehrm/icehrm-already-punched-in', 'conflict'],
  ])('a list of lists under `error`: %s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a list of lists elsewhere stays unread (Mercado Pago\'s `cause`, whose card "token" is no credential)', () => {
    const [, g] = both('mercado-pago/card-attach-invalid-token-card-120');
    expect(g.code).toBe('invalid_request');
  });

  it.each([
    ['rucio/rucio-token-must-be-set', 'ValueError'],
    ['rucio/rucio-lfns2pfns-no-replicas', 'ReplicaNotFound'],
  ])("Rucio's `ExceptionClass`: %s names %s", (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('a message of two dotted words is no code', () => {
    expect(classify({ status: 400, body: '{"message": "example.com"}' }).vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it("Go's x509 failure is a connection never made, and `x509` no code", () => {
    for (const f of both('micromdm/micromdm-mdmcert-upload-x509')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['connect_failed', undefined]);
  });

  it.each([
    ['xibo-cms/xibo-cms-duplicate-user', 'already_exists'],
    ['deel/deel-employment-cost-missing-fields', 'validation_failed'],
    ['open-e-mobility/open-e-mobility-login-user-locked', 'permission_denied'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
