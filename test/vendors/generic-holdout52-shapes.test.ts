/**
 * What the fifty-second holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a translation key as a field's error is its code (Ely.by), Lodestone's `causes`, an
 * "unauthorized to perform" that is a refusal, "not permitted to" under a 400, a 5xx whose service that checks the
 * credential is missing, .NET's HttpClient timeout as its message spells it, and words. Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT52_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both } = shapeReaders([HOLDOUT52_DIR]);

describe('codes and messages', () => {
  it.each([
    ['ely-by-accounts/ely-by-accounts-password-incorrect', 'error.password_incorrect', 'unauthenticated'],
    ['ely-by-accounts/ely-by-accounts-account-banned', 'error.account_banned', 'permission_denied'],
    ['ely-by-accounts/ely-by-accounts-totp-required', 'error.totp_required', 'unauthenticated'],
  ])('%s: a translation key as a field\'s error is the code (%s)', (ref, vendorCode, code) => {
    for (const f of both(ref)) expect([f.vendorCode, f.code]).toEqual([vendorCode, code]);
  });

  it("a field's sentence stays a field's message", () => {
    const f = classify({ status: 400, body: '{"errors": {"login": "has already been taken"}}' });
    expect([f.vendorCode, f.code]).toEqual([undefined, 'already_exists']);
  });

  it.each([
    ['lodestone/lodestone-username-already-exist', 'already_exists'],
    ['lodestone/lodestone-kill-already-stopped', 'conflict'],
  ])("%s: Lodestone's `causes` hold the message", (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});

describe('statuses and words', () => {
  it.each([
    ['sensu-go/sensu-go-rbac-permission-denied', 'permission_denied'],
    ['lobsters/lobsters-not-permitted-to-flag', 'permission_denied'],
    ['birdnet-go/birdnet-go-auth-service-not-configured', 'internal'],
    ['screenscraper/screenscraper-client-timeout-50s', 'client_timeout'],
    ['retroachievements/retroachievements-rom-not-in-database', 'not_found'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a status no message changes keeps its meaning beside "unauthorized to perform"', () => {
    expect(classify({ status: 501, body: '{"message": "Unauthorized to perform PutRelative"}' }).code).toBe('not_implemented');
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['a translation key that never ends', (n: number) => `{"errors": {"login": "error.${'a'.repeat(n)}"}}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(400, make);
  });
});
