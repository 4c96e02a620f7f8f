/**
 * What the sixty-ninth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): realtor.ca's error object under `ErrorCode` and its `LogId`; and Chinese words (登录会话过期,
 * "login session expired", 请重新登录, "log in again", 未注册, "not registered", are a credential refused: PetKit). Every body
 * is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT69_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT69_DIR]);

describe('envelopes', () => {
  it("realtor.ca's `ErrorCode` object holds the error, its `LogId` the request", () => {
    for (const f of both('realtor-ca/realtor-ca-applicationid-not-found-500')) expect(f.requestId).toBe('dcb5f097-d9fb-4604-9c58-3ced29d56853');
  });
});

describe('words', () => {
  it.each([
    'petkit/petkit-session-expired-code-8',
    'petkit/petkit-devices-session-expired-code-5',
    'petkit/petkit-login-phone-not-registered-125',
  ])('%s is a credential refused', (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('unauthenticated');
  });
});
