/**
 * What the thirty-fifth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): a Newznab indexer's `<error code description/>` in a 200, a protocol's name and a
 * reason phrase beside the status or a lone message that are no code, a number in parentheses in a Python literal,
 * JSON-RPC's Invalid Request whatever member it names, and words (a batch too big for one request, an app key, a
 * key the caller already has, a method the server does not take, a method it failed to run, an application error,
 * a parameter it expects, an unknown error under a 500 that names a credential). Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT35_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT35_DIR]);

describe('members', () => {
  it('reads a Newznab `<error code description/>` root as an error though the status is 200 (Jackett)', () => {
    for (const f of both('jackett/jackett-torznab-invalid-apikey-200')) expect([f.code, f.vendorCode]).toEqual(['unauthenticated', '100']);
    for (const f of both('jackett/jackett-torznab-indexer-not-configured')) expect(f.vendorCode).toBe('201');
  });

  it.each([
    'wellcome-collection/wellcome-collection-work-not-found',
    'art-institute-of-chicago/art-institute-of-chicago-restricted',
    'openpanel/openpanel-export-invalid-secret',
  ])('takes no code from `errorType: "http"` or a reason phrase beside a numeric `status` or a lone `message` (%s)', (ref) => {
    for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
  });

  it.each([
    ['mopidy/mopidy-rpc-invalid-request', '-32600'],
    ['mopidy/mopidy-rpc-parse-error', '-32700'],
  ])('reads a number in parentheses in a Python literal, and JSON-RPC’s envelope errors as a malformed request (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect([f.code, f.vendorCode]).toEqual(['invalid_request', vendorCode]);
  });
});

describe('words', () => {
  it.each([
    ['aptabase/aptabase-batch-too-many-events', 'payload_too_large'],
    ['aptabase/aptabase-error-report-missing-app-key', 'unauthenticated'],
    ['swetrix/swetrix-api-key-already-exists', 'already_exists'],
    ['owncast/owncast-webhook-delete-wrong-method', 'not_implemented'],
    ['kodi/kodi-failed-to-execute-method', 'internal'],
    ['mopidy/mopidy-application-error-search', 'internal'],
    ['sabnzbd/sabnzbd-queue-delete-missing-value', 'invalid_request'],
    ['navidrome/navidrome-login-unknown-error', 'internal'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
