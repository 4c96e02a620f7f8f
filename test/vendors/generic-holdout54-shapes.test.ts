/**
 * What the fifty-fourth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a number as `status` beside a message that means a failure, in a 200 (PrivateBin), Vue
 * Storefront's `result` and OpenCart's `warning` as messages, Jolokia's `error_type_jmx`, and words. Every body is a corpus
 * case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT54_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT54_DIR]);

describe('errors inside a 200', () => {
  it.each([
    ['privatebin/privatebin-read-document-missing', 'not_found'],
    ['privatebin/privatebin-ip-not-authorized-to-create', 'permission_denied'],
    ['privatebin/privatebin-create-invalid-data', 'invalid_request'],
    ['privatebin/privatebin-traffic-limit-wait', 'rate_limited'],
    ['lstu/lstu-admin-bad-password-200', 'unauthenticated'],
    ['lstu/lstu-banned-1-hour-200', 'rate_limited'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('PrivateBin\'s stated wait is the wait', () => {
    for (const f of both('privatebin/privatebin-traffic-limit-wait')) expect(f.retryAfterMs).toBe(4000);
  });

  it("a number as `status` beside a success's message is no failure", () => {
    expect(classify({ status: 200, body: '{"status": 1, "message": "Paste created"}' }).code).toBe('unknown');
    expect(classify({ status: 200, body: '{"status": 1, "message": "Document does not exist.", "id": "abc"}' }).code).toBe('unknown');
  });
});

describe('members', () => {
  it("Vue Storefront's `result` holds the message", () => {
    for (const f of both('vue-storefront-api/vue-storefront-api-invalid-refresh-token')) expect(f.code).toBe('unauthenticated');
  });

  it("Jolokia's `error_type_jmx` is the sharper code", () => {
    for (const f of both('jolokia/jolokia-docs-instance-not-found')) expect(f.vendorCode).toBe('javax.management.InstanceNotFoundException');
  });
});
