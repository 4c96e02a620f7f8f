/**
 * SQLSTATE codes (PostgreSQL's Appendix A) in PostgREST's error object, `{code, details, hint, message}`, which Supabase
 * and every PostgREST server send and supabase-js hands over with no status: the code is all there is to go by
 * ("null value in column … violates not-null constraint" names no meaning the lexicon knows). Classes first, then the
 * codes whose meaning is sharper than their class's, as PostgREST maps them to statuses (its `errors.md`: 23503 and
 * 23505 are 409s, 42501 a 403, 42P01 and 42883 404s, 08 and 53 classes 503s, 54 a 413).
 */
import type { FaultCode } from '../../core/catalog.js';
import { asRecord } from '../profile.js';

const BY_CLASS: Readonly<Record<string, FaultCode>> = {
  '08': 'service_unavailable', // connection exception
  '22': 'invalid_request', // data exception
  '23': 'invalid_request', // integrity constraint violation
  '28': 'unauthenticated', // invalid authorization specification
  '42': 'invalid_request', // syntax error or access rule violation
  '53': 'service_unavailable', // insufficient resources
  '54': 'payload_too_large', // program limit exceeded
  '57': 'service_unavailable', // operator intervention
};

const BY_CODE: Readonly<Record<string, FaultCode>> = {
  '23503': 'conflict', // foreign_key_violation
  '23505': 'already_exists', // unique_violation
  '23P01': 'conflict', // exclusion_violation
  '40001': 'conflict', // serialization_failure
  '40P01': 'conflict', // deadlock_detected
  '42501': 'permission_denied', // insufficient_privilege
  '42P01': 'not_found', // undefined_table
  '42883': 'not_found', // undefined_function
  '57014': 'gateway_timeout', // query_canceled: the statement timeout
};

/**
 * The catalog code a PostgREST error object's SQLSTATE means, with the retry a serialization failure or deadlock asks
 * for (PostgreSQL's docs: retry the transaction), or `undefined` for a body of another shape or an unknown code.
 * @internal
 */
export function sqlstateCode(json: unknown): { readonly code: FaultCode; readonly retry?: 'always' } | undefined {
  const r = asRecord(json);
  const code = r?.code;
  if (r === undefined || typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || !('details' in r) || !('hint' in r)) return undefined;
  const found = (Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined) ?? (Object.hasOwn(BY_CLASS, code.slice(0, 2)) ? BY_CLASS[code.slice(0, 2)] : undefined);
  if (found === undefined) return undefined;
  return code.startsWith('40') ? { code: found, retry: 'always' } : { code: found };
}
