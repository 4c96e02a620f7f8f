// Firebase's FirebaseError (src/core/firebase.ts), built with @firebase/util's own class as every Firebase SDK builds it:
// its code is read as the google.rpc error it stands for, so the Fault is what the server's answer meant. The real SDKs
// against a loopback server are in test/sdk/firebase.test.ts; this pins the table, code by code, and the reading's bounds.
import { FirebaseError } from '@firebase/util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firebaseBody } from '../../src/core/firebase.js';
import { isFault } from '../../src/core/fault.js';
import { classify } from '../../src/entry/default-classifier.js';
import { FaultError, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive } from '../sdk/cloud-support.js';

// Each code and what its reference page says it means (firebase.google.com/docs/reference/js/auth#autherrorcodes,
// …/storage#storageerrorcode, …/functions#functionserrorcode, …/firestore_#firestoreerrorcode).
const MEANINGS: readonly (readonly [code: string, fault: string, retry: string])[] = [
  ['auth/too-many-requests', 'rate_limited', 'always'],
  ['auth/quota-exceeded', 'quota_exhausted', 'never'],
  ['auth/invalid-credential', 'unauthenticated', 'never'],
  ['auth/wrong-password', 'unauthenticated', 'never'],
  ['auth/user-token-expired', 'unauthenticated', 'never'],
  ['auth/requires-recent-login', 'unauthenticated', 'never'],
  ['auth/user-disabled', 'permission_denied', 'never'],
  ['auth/operation-not-allowed', 'permission_denied', 'never'],
  ['auth/user-not-found', 'not_found', 'never'],
  ['auth/email-already-in-use', 'already_exists', 'never'],
  ['auth/weak-password', 'invalid_request', 'never'],
  ['auth/invalid-email', 'invalid_request', 'never'],
  ['auth/network-request-failed', 'service_unavailable', 'always'],
  ['auth/internal-error', 'internal', 'idempotent'],
  ['storage/unauthorized', 'permission_denied', 'never'],
  ['storage/object-not-found', 'not_found', 'never'],
  ['storage/quota-exceeded', 'quota_exhausted', 'never'],
  ['storage/canceled', 'cancelled', 'never'],
  ['functions/unavailable', 'service_unavailable', 'always'],
  ['functions/resource-exhausted', 'rate_limited', 'always'],
  ['functions/permission-denied', 'permission_denied', 'never'],
  ['functions/internal', 'internal', 'idempotent'],
  ['unavailable', 'service_unavailable', 'always'],
  ['aborted', 'conflict', 'never'],
  ['failed-precondition', 'precondition_failed', 'never'],
  ['deadline-exceeded', 'gateway_timeout', 'idempotent'],
  ['cancelled', 'cancelled', 'never'],
];

describe("classify(FirebaseError): the SDK's code read as the google.rpc error it stands for", () => {
  it.each(MEANINGS)('%s is %s, retry %s, its own code the vendor code, no status made up', (code, fault, retryClass) => {
    const f = classify(new FirebaseError(code, `Firebase: Error (${code}).`, { appName: '[DEFAULT]' }));
    expect([f.code, f.retry, f.vendorCode, f.status, f.source]).toEqual([fault, retryClass, code, undefined, 'server']);
  });

  it("the message is the SDK's sentence without its wrapping; \"Error\" alone says nothing", () => {
    const locked = classify(new FirebaseError('auth/too-many-requests', 'Firebase: Access to this account has been temporarily disabled due to many failed login attempts. You can immediately restore it by resetting your password or you can try again later. (auth/too-many-requests).'));
    expect(locked.message).toBe('Access to this account has been temporarily disabled due to many failed login attempts. You can immediately restore it by resetting your password or you can try again later.');
    expect(classify(new FirebaseError('auth/user-not-found', 'Firebase: Error (auth/user-not-found).')).message).not.toContain('Firebase');
    expect(classify(new FirebaseError('unavailable', 'Failed to get document because the client is offline.')).message).toBe('Failed to get document because the client is offline.');
  });

  it('a code the tables do not list is read by its words (no google.rpc status is guessed for it)', () => {
    const f = classify(new FirebaseError('auth/second-factor-already-in-use', 'Firebase: Error (auth/second-factor-already-in-use).'));
    expect([f.code, f.retry]).toEqual(['already_exists', 'never']);
    expect((firebaseBody(new FirebaseError('auth/second-factor-already-in-use', '')) as { error: { status?: string } }).error.status).toBeUndefined();
  });

  it("customData (Auth keeps the server's token response there) never reaches the Fault", () => {
    const idToken = `eyJhbGciOiJSUzI1NiJ9.${'x'.repeat(40)}.${'y'.repeat(40)}`;
    const error = new FirebaseError('auth/requires-recent-login', 'Firebase: Error (auth/requires-recent-login).', { appName: '[DEFAULT]', _tokenResponse: { idToken, refreshToken: 'AMf-vBx-refresh', email: 'ada@example.com' } });
    const json = JSON.stringify(classify(error));
    for (const secret of ['eyJhbGciOiJSUzI1NiJ9', 'AMf-vBx-refresh', 'ada@example.com']) expect(json).not.toContain(secret);
  });

  it("only an error named FirebaseError is read so: another error's `auth/…` code is its own", () => {
    const other = Object.assign(new Error('Firebase: Error (auth/user-disabled).'), { code: 'auth/user-disabled' });
    expect(firebaseBody(other)).toBeUndefined();
    expect(firebaseBody(Object.assign(new Error('x'), { name: 'FirebaseError', code: 'Not A Code' }))).toBeUndefined();
  });

  it('retry() waits out functions/unavailable and sends a permission-denied once', async () => {
    for (const [code, calls] of [['functions/unavailable', 3], ['functions/permission-denied', 1]] as const) {
      let n = 0;
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(async () => {
        n++;
        throw new FirebaseError(code, code);
      }));
      expect((result as { error: FaultError }).error.fault.code).toBe(code === 'functions/unavailable' ? 'service_unavailable' : 'permission_denied');
      expect(n).toBe(calls);
    }
  });

  // FirebaseErrors as users paste them: each its issue's own line.
  it.each([
    ['https://github.com/firebase/firebase-js-sdk/issues/7733', 'Firebase: Error (auth/too-many-requests)', 'rate_limited', 'auth/too-many-requests'],
    ['https://github.com/invertase/react-native-firebase/issues/7533', 'Error: [auth/invalid-credential] The supplied auth credential is incorrect, malformed or has expired.', 'unauthenticated', 'auth/invalid-credential'],
    ['https://github.com/firebase/flutterfire/issues/10935', 'FirebaseAuthException ([firebase_auth/invalid-credential] Invalid access_token, error code 43)', 'unauthenticated', 'firebase_auth/invalid-credential'],
    // `unknown` names nothing: the words after it do.
    ['https://github.com/firebase/flutterfire/issues/3194', '[firebase_auth/unknown] com.google.firebase.FirebaseTooManyRequestsException: We have blocked all requests from this device due to unusual activity. Try again later. [ Too many unsuccessful login attempts. Please try again later. ]', 'rate_limited', 'firebase_auth/unknown'],
  ])('a printout pasted with no status (%s)', (_source, text, code, vendorCode) => {
    const f = classify({ body: text });
    expect([f.code, f.vendorCode]).toEqual([code, vendorCode]);
  });

  it('property: any code and message, any members, gives a Fault and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 300 }), fc.anything({ maxDepth: 2 }), (code, message, customData) => {
        const error = new FirebaseError(code, message, { customData } as Record<string, unknown>);
        expect(isFault(classify(error))).toBe(true);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
