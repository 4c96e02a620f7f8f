/**
 * What the sixty-third holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): an `errors[]` entry whose upper-snake `type` sits beside its own `code` is a flat API's
 * error, not GitHub's GraphQL one (finAPI), so the GraphQL profile no longer claims it and the generic layer reads its
 * code and request id. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT63_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT63_DIR]);

describe('an upper-snake `type` beside its own `code` in `errors[]`', () => {
  it.each([
    ['finapi/finapi-unknown-entity-404', 'UNKNOWN_ENTITY'],
    ['finapi/finapi-resource-locked-423', 'LOCKED'],
    ['finapi/finapi-unsupported-bank-501', 'UNSUPPORTED_BANK'],
  ])('%s is no GraphQL error: its code is %s, its request id read', (ref, vendorCode) => {
    const f = c(ref);
    expect(fieldsOf(f, ['vendor', 'vendorCode'])).toEqual(['generic', vendorCode]);
    expect(f.requestId).toMatch(/^selfgen-/);
  });

  it("GitHub's `type` alone still is", () => {
    const f = classify({ status: 200, body: '{"data": null, "errors": [{"type": "NOT_FOUND", "path": ["repository"], "locations": [{"line": 1, "column": 2}], "message": "Could not resolve to a Repository with the name \'x/y\'."}]}' });
    expect(fieldsOf(f, ['vendor', 'vendorCode'])).toEqual(['graphql', 'NOT_FOUND']);
  });

  it('and so does one with no message', () => {
    expect(classify({ status: 200, body: '{"errors": [{"type": "RATE_LIMITED"}]}' }).vendor).toBe('graphql');
  });
});
