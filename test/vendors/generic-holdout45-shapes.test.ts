/**
 * What the forty-fifth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a JSON list of sentences pasted with no status, LabKey's `exception` and
 * `exceptionClass`, a number in brackets opening an exception's message, a vendor's `-error` header, "not implemented"
 * under a 400, a 500 that says what it needs is not available yet, and the words of Azkaban, Dagu, BIMserver, Tripo,
 * Speckle, RealEstateAPI and LabKey. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT25_DIR, HOLDOUT42_DIR, HOLDOUT45_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT45_DIR, HOLDOUT42_DIR, HOLDOUT25_DIR]);

describe('members', () => {
  it.each([
    ['pdfmonkey/pdfmonkey-fetch-unknown-document', 'not_found'],
    ['pdfmonkey/pdfmonkey-network-down', 'connect_failed'],
  ])('reads a JSON list of sentences with no status as the error’s messages (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('leaves a JSON list of sentences under a success a payload', () => {
    expect(classify({ status: 200, body: '["We couldn\'t find any Document"]' }).vendor).toBeUndefined();
  });

  it.each(['labkey-server/labkey-server-existing-row-not-found', 'labkey-server/labkey-server-query-does-not-exist'])(
    'reads LabKey’s `exception` as the message and its `exceptionClass` as the code (%s)',
    (ref) => {
      for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['not_found', 'org.labkey.api.view.NotFoundException']);
    },
  );

  it('reads a vendor’s own `-error` header when the body names no code (Marble’s `x-marble-global-error`)', () => {
    for (const f of both('marble/marble-disallowed-network')) expect(f.vendorCode).toBe('disallowed-network');
  });

  it('takes no code from an `-error` header that holds a reference (Akamai’s `x-reference-error`)', () => {
    expect(classify({ status: 403, headers: { 'x-reference-error': '18.5def2e17.1618968337.589c8e7' }, body: '' }).vendorCode).toBeUndefined();
  });
});

describe('printouts', () => {
  it('reads a number in brackets opening an exception’s message, too long for a status (Tripo’s `[1002]`)', () => {
    for (const f of both('tripo3d/tripo3d-auth-failed-sdk-1002')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['unauthenticated', '1002']);
  });

  it('takes no code from a status in brackets', () => {
    expect(classify({ body: "InferenceServerException: [400] Request for unknown model: 'v2' is not found" }).vendorCode).toBeUndefined();
  });
});

describe('statuses and words', () => {
  it('reads "not implemented" under a 400 as a missing feature (eLabFTW’s "API v3 is not implemented yet!")', () => {
    for (const f of both('elabftw/elabftw-api-v3-not-implemented')) expect(f.code).toBe('not_implemented');
  });

  it('leaves "unimplemented grant type" under a 400 a bad request (Koha’s OAuth)', () => {
    for (const f of both('koha/koha-oauth-unimplemented-grant-type')) expect(f.code).toBe('invalid_request');
  });

  it('reads a 500 that says what it needs is not available and to try again later as unavailable (Algorand’s indexer)', () => {
    for (const f of both('algorand-indexer/algorand-indexer-db-unavailable-migration')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['service_unavailable', 'always']);
  });

  it.each([
    ['azkaban/azkaban-cancel-flow-not-running', 'conflict'],
    ['dagu/dagu-terminate-dag-not-running', 'conflict'],
    ['azkaban/azkaban-cron-expression-unparseable', 'invalid_request'],
    ['bimserver/bimserver-unhandled-classcastexception', 'internal'],
    ['tripo3d/tripo3d-fatal-server-error', 'internal'],
    ['speckle-server/speckle-server-invalid-token-403', 'unauthenticated'],
    ['realestateapi/realestateapi-daily-credit-limit', 'quota_exhausted'],
    ['labkey-server/labkey-server-name-expression-illegal-argument', 'invalid_request'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('leaves PHP’s "Fatal error: Uncaught …" around a client’s exception to what the exception says', () => {
    expect(c('postmaster/postmaster-php-rates-package-weight').code).toBe('invalid_request');
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['a list of sentences that never closes', (n: number) => `["${'no such document '.repeat(n / 17)}`],
    ['an exception’s bracketed number that never closes', (n: number) => `TripoAPIError: [${'1'.repeat(n)}`],
    ['exception members nested without end', (n: number) => `${'{"exception": '.repeat(n / 14)}"x"`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(400, make);
  });
});
