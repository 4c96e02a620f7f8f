/**
 * Words read from the misses that recur across spent holdouts (each rule right for two or more families and wrong for
 * none of the public corpus and 35 holdouts, scripts/corpus-compare.ts): a server that "timed out waiting for" its own
 * backend, and a value beyond what the server allows or one it asks for. Every body is a corpus case (its `source` says
 * where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT12_DIR, HOLDOUT16_DIR, HOLDOUT21_DIR, HOLDOUT23_DIR, HOLDOUT24_DIR, HOLDOUT34_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT12_DIR, HOLDOUT16_DIR, HOLDOUT21_DIR, HOLDOUT23_DIR, HOLDOUT24_DIR, HOLDOUT34_DIR]);

describe('words', () => {
  it.each([
    ['vespa/vespa-pyvespa-vespaerror-timed-out-12'],
    ['ocr-space/ocrspace-request-timed-out-waiting-results'],
    ['ocr-space/ocrspace-timed-out-waiting-python-traceback'],
  ])('reads a server that “timed out waiting for” its backend as a gateway’s timeout, retried when idempotent (%s)', (ref) => {
    for (const f of both(ref)) expect([f.code, f.retry]).toEqual(['gateway_timeout', 'idempotent']);
  });

  it.each([
    ['geotab/geotab-get-results-limit-50001-over-max'],
    ['gbif/gbif-rgbif144-occ-search'],
    ['vnpay/vnpay-refund-response-99-parameter'],
    ['hyperledger-fabric-ca/hyperledger-fabric-ca-no-identity-type'],
  ])('reads a value beyond the server’s maximum, or one it asks for, as a refused request with no status (%s)', (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('invalid_request');
  });
});
