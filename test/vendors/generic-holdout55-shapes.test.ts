/**
 * What the fifty-fifth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a `status: false` beside its message and little else is a failure in a 200
 * (OpenBroadcaster), and a thing that "no longer exists" is gone, not a duplicate. Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT55_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT55_DIR]);

describe('errors inside a 200', () => {
  it.each([
    ['openbroadcaster/openbroadcaster-media-not-found', 'not_found'],
    ['openbroadcaster/openbroadcaster-playlist-delete-inadequate-permissions', 'permission_denied'],
    ['openbroadcaster/openbroadcaster-alerts-player-gone', 'gone'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a `status: false` in a resource with an id and more is a state, no failure', () => {
    expect(classify({ status: 200, body: '{"id": 7, "status": false, "msg": "Media not found.", "data": null}' }).code).toBe('unknown');
  });

  it('"already exists" is still a duplicate', () => {
    expect(classify({ status: 409, body: '{"message": "This player already exists."}' }).code).toBe('already_exists');
  });
});
