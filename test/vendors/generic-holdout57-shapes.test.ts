/**
 * What the fifty-seventh holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a `status` member in the status range is a status, never the vendor's code, though it is
 * not the response's; a 413 whose words say a limit was exceeded is about size, not a throttle; and words. Every body
 * is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT10_DIR, HOLDOUT57_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT57_DIR, HOLDOUT10_DIR]);

describe('words', () => {
  it.each([
    ['dmoj/dmoj-comment-already-voted', 'already_exists'],
    ['domjudge/domjudge-problem-already-linked', 'already_exists'],
    ['shinobi/shinobi-email-in-use', 'already_exists'],
    ['peppermint/peppermint-delete-last-admin-400', 'conflict'],
    ['viseron/viseron-delete-last-admin', 'conflict'],
    ['corteza/corteza-record-stale-data-in-200', 'conflict'],
    ['corteza/corteza-attachment-too-large-in-200', 'payload_too_large'],
    ['peppermint/peppermint-oidc-callback-invalid-or-expired-session-text', 'unauthenticated'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a resource "in use" is still its state', () => {
    expect(classify({ status: 409, body: '{"message": "The volume is in use."}' }).code).toBe('conflict');
  });
});

describe('a 413 whose limit was exceeded', () => {
  it('is the size refused (Firecracker\'s MMDS store)', () => {
    for (const f of both('firecracker/firecracker-mmds-limit-exceeded')) expect(f.code).toBe('payload_too_large');
  });

  it('unless its words say it throttles', () => {
    expect(classify({ status: 413, body: '{"message": "Rate limit exceeded"}' }).code).toBe('rate_limited');
  });
});

describe('a `status` member in the status range', () => {
  it.each([
    'peppermint/peppermint-missing-permission-401-status-403',
    'prestashop/admin-api-400-body-claims-500',
    'prestashop/admin-api-404-body-claims-500',
  ])('%s names no vendor code', (ref) => {
    for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
  });

  it('an `errorCode` there is still the vendor\'s own (Postmark\'s 406)', () => {
    expect(classify({ status: 422, body: '{"ErrorCode": 406, "Message": "You tried to send to a recipient that has been marked as inactive."}' }).vendorCode).toBe('406');
  });
});
