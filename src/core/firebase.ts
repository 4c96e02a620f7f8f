/**
 * Firebase's client SDKs' FirebaseError: Auth's `auth/too-many-requests`, Storage's `storage/object-not-found`,
 * Functions' `functions/unavailable`, Firestore's `resource-exhausted`. The SDKs turn the server's answer into a code of
 * their own and keep no response, so the error is put back as the google.rpc error it stands for: the canonical status
 * (Firestore's and Functions' codes are google.rpc.Code's names in kebab case; Auth's and Storage's are mapped by what
 * their reference pages say each means), the SDK's code as ErrorInfo's `reason`, which becomes the vendor code, and the
 * message without the SDK's wrapping. No status is made up: the SDK kept none.
 */
import type { FaultCode } from './catalog.js';
import { readProperty } from './read-property.js';
import { codeForStatus } from './status.js';
import { GRPC_NAMES, GRPC_STATUS, nonEmpty } from './sdk-fields.js';

// google.rpc.Code's names (1 CANCELLED … 16 UNAUTHENTICATED), which Firestore and Functions write in kebab case.
const NAMES: readonly string[] = GRPC_NAMES;

// Auth's and Storage's own codes (firebase.google.com/docs/reference/js/auth#autherrorcodes, …/storage#storageerrorcode),
// by the google.rpc status each stands for. A code not listed keeps its words for the generic layer to read.
const SERVICE: Readonly<Record<string, string>> = {
  UNAUTHENTICATED:
    'invalid-credential invalid-login-credentials wrong-password user-token-expired invalid-user-token requires-recent-login invalid-api-key ' +
    'user-mismatch custom-token-mismatch invalid-custom-token expired-action-code invalid-action-code invalid-verification-code code-expired unauthenticated ' +
    // firebase-admin's (firebase.google.com/docs/auth/admin/errors).
    'id-token-expired id-token-revoked session-cookie-expired session-cookie-revoked invalid-id-token invalid-session-cookie authentication-error',
  PERMISSION_DENIED: 'user-disabled operation-not-allowed admin-restricted-operation unauthorized-domain unauthorized-continue-uri unauthorized insufficient-permission',
  NOT_FOUND: 'user-not-found object-not-found bucket-not-found project-not-found email-not-found tenant-not-found configuration-not-found registration-token-not-registered',
  ALREADY_EXISTS:
    'email-already-in-use credential-already-in-use account-exists-with-different-credential email-already-exists uid-already-exists phone-number-already-exists configuration-exists',
  RESOURCE_EXHAUSTED: 'too-many-requests quota-exceeded message-rate-exceeded device-message-rate-exceeded topics-message-rate-exceeded',
  INVALID_ARGUMENT: 'invalid-email weak-password missing-password password-does-not-meet-requirements invalid-phone-number missing-phone-number argument-error invalid-argument',
  // "A network error (such as timeout, interrupted connection or unreachable host) has occurred": the request may not have left.
  UNAVAILABLE: 'network-request-failed server-unavailable',
  DEADLINE_EXCEEDED: 'timeout retry-limit-exceeded',
  CANCELLED: 'canceled cancelled popup-closed-by-user cancelled-popup-request',
  INTERNAL: 'internal-error',
};

/** The google.rpc code number a Firebase code stands for, or -1; `unknown` (2) names no meaning, so the words decide. */
function rpcOf(code: string): number {
  const own = code.slice(code.indexOf('/') + 1);
  const canonical = NAMES.indexOf(own.toUpperCase().replaceAll('-', '_'));
  if (canonical === 2) return -1;
  if (canonical > 0) return canonical;
  for (const status in SERVICE) if ((SERVICE[status] as string).split(' ').includes(own)) return NAMES.indexOf(status);
  // Any other `invalid-…` or `missing-…` names an argument (firebase-admin's `invalid-phone-number`, `missing-uid`).
  return /^(?:invalid|missing)-/.test(own) ? 3 : -1;
}

/**
 * The google.rpc error a FirebaseError stands for, or `undefined` when the value is none.
 * @example
 * ```ts
 * firebaseBody(Object.assign(new Error('Firebase: Error (auth/too-many-requests).'), { name: 'FirebaseError', code: 'auth/too-many-requests' }));
 * // { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: undefined, details: [{ reason: 'auth/too-many-requests', … }] } }
 * ```
 * @internal
 */
export function firebaseBody(error: object): unknown {
  const code = readProperty(error, 'code');
  // firebase-admin's errors keep their code as `errorInfo.code` (read through a getter) beside a `codePrefix`, and no name.
  const admin = typeof readProperty(error, 'codePrefix') === 'string' && typeof readProperty(readProperty(error, 'errorInfo'), 'code') === 'string';
  if ((readProperty(error, 'name') !== 'FirebaseError' && !admin) || typeof code !== 'string' || !/^(?:[a-z]+\/)?[a-z]+(?:-[a-z]+)*$/.test(code)) return undefined;
  // Its `internal-error` prints the server's answer ("… Raw server response: "{…}""), which is read as the message is.
  if (admin && code.endsWith('/internal-error')) return undefined;
  // "Firebase: Error (auth/user-not-found)." says nothing the code does not; "Firebase: <sentence> (auth/…)." the sentence.
  // Functions closes its message with the HTTP status it got (`The service is currently unavailable. [503]`).
  const said = nonEmpty(readProperty(error, 'message'))?.replace(/^Firebase: /, '').replace(/ \([a-z]+\/[a-z-]+\)\.?$/, '').replace(/ \[\d{1,3}\]$/, '');
  const rpc = rpcOf(code);
  return {
    error: {
      // google.rpc's HTTP mapping of the status, as Google's own bodies write it beside: what Google's profile reads.
      code: rpc > 0 ? GRPC_STATUS[rpc] : undefined,
      status: rpc > 0 ? NAMES[rpc] : undefined,
      message: said === 'Error' ? undefined : said,
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: code, domain: 'firebase.google.com' }],
    },
  };
}

/**
 * What a Firebase SDK's code means in the catalog, or `undefined` for a code no table lists (its words then decide):
 * the status google.rpc maps its canonical code to, and a project's or bucket's `quota-exceeded` a spent allowance. The
 * generic layer reads a FirebaseError as users paste it by this (`FirebaseError: Firebase: Error (auth/invalid-credential).`).
 * @example
 * ```ts
 * firebaseCode('auth/invalid-credential'); // 'unauthenticated'
 * ```
 * @internal
 */
export function firebaseCode(code: string): FaultCode | undefined {
  if (code.endsWith('/quota-exceeded')) return 'quota_exhausted';
  const rpc = rpcOf(code);
  // FlutterFire's `[firebase_auth/unknown]` before "We have blocked all requests … unusual activity": the words decide.
  return rpc > 0 ? codeForStatus(GRPC_STATUS[rpc]) : undefined;
}
