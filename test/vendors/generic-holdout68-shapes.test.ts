/**
 * What the sixty-eighth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): Russian Post's `sub-code` and `desc`; a 401 that says the caller is not the owner is a
 * refused permission; and words (a non-unique name, an address already associated with a user, are duplicates). Every
 * body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT68_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT68_DIR]);

describe('envelopes', () => {
  it("Russian Post's `sub-code` outranks its number, and `desc` is the message", () => {
    for (const f of both('russian-post/russian-post-backlog-not-found')) {
      expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['not_found', 'RESOURCE_NOT_FOUND']);
    }
  });
});

describe('a 401 that says the caller is not the owner', () => {
  it('is a refused permission (ArkhamDB)', () => {
    expect(c('arkhamdb/arkhamdb-delete-not-owner').code).toBe('permission_denied');
  });

  it('a 401 that says only "not allowed" is still a credential refused', () => {
    expect(classify({ status: 401, body: '{"success": false, "msg": "You are not allowed to do this."}' }).code).toBe('unauthenticated');
  });
});

describe('words', () => {
  it.each([
    ['stitch-connect-api/stitch-connect-api-source-name-in-use', 'already_exists'],
    ['stitch-connect-api/stitch-connect-api-account-existing-user', 'already_exists'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
