/**
 * What the seventieth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a `code` beside nothing but a `description` in a 200 is an error (Cronicle); a status's
 * name in capitals as the whole body's `error`, beside its message alone, is the status in words, not a code (Snowstorm,
 * CVE Services); a wait given as a range is at least its lower bound; and words ("not support" is a missing feature, as
 * devices that write broken English say it: TP-Link's Kasa "module not support"). Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT66_DIR, HOLDOUT70_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT70_DIR, HOLDOUT66_DIR]);

describe("a `code` beside a `description` in a 200", () => {
  it.each([
    ['cronicle/cronicle-session-expired', 'unauthenticated', 'session'],
    ['cronicle/cronicle-job-log-token-auth-failed', 'unauthenticated', 'auth'],
    ['cronicle/cronicle-delete-category-in-use', 'conflict', 'plugin'],
  ])('%s is %s (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('beside more members it may be a payload', () => {
    expect(classify({ status: 200, body: '{"code": "abc", "description": "A widget", "price": 3}' }).code).toBe('unknown');
  });
});

describe("a status's name as `error` beside its message", () => {
  it.each([
    'snowstorm/snowstorm-limit-not-positive',
    'snowstorm/snowstorm-code-system-not-found',
    'cve-services/cve-services-missing-org-header',
  ])('%s names no code', (ref) => {
    expect(c(ref).vendorCode).toBeUndefined();
  });

  it('with no status it is the status in words (Snowstorm pasted from an issue)', () => {
    for (const f of both('snowstorm/snowstorm-issue-classification-failed')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['internal', undefined]);
  });

  it("beside more than its message a name is the vendor's code", () => {
    expect(classify({ status: 400, body: '{"error": "BAD_REQUEST", "message": "Missing id", "field": "id"}' }).vendorCode).toBe('BAD_REQUEST');
  });
});

describe('waits and words', () => {
  it('a range waits at least its lower bound (Huawei AppGallery Connect)', () => {
    expect(c('huawei-appgallery-connect/huawei-appgallery-connect-package-being-compiled').retryAfterMs).toBe(180_000);
  });

  it.each([
    'tp-link-kasa/tp-link-kasa-module-not-support-time',
    'tp-link-kasa/tp-link-kasa-module-not-support-emeter',
  ])('%s is a missing feature', (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('not_implemented');
  });
});
