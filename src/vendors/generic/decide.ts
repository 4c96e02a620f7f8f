/**
 * How the generic layer weighs what a body says against its status: the vendor's code first, then
 * its message, then the status. A meaning only overrides a status that could carry it (a 403 that
 * says "rate limit" is a rate limit; a 404 stays not found whatever its message adds), and a
 * meaning that says no more than a status class (bad request, internal error) never overrides one.
 */
import type { FaultCode } from '../../core/catalog.js';
import { codeForStatus } from '../../core/status.js';
import { meaningOf } from './lexicon.js';

// Statuses whose meaning no message changes: the server said exactly what happened.
const SETTLED: ReadonlySet<FaultCode> = new Set<FaultCode>(['not_found', 'gone', 'not_implemented', 'precondition_failed', 'too_early', 'cancelled', 'connect_failed']);

const GATEWAY_OVERRIDES: ReadonlySet<FaultCode> = new Set<FaultCode>(['overloaded', 'rate_limited', 'quota_exhausted']);

/**
 * The catalog code a vendor code and message mean under `status`, or `undefined` when they add
 * nothing to the status.
 *
 * @example
 * ```ts
 * codeByMeaning(400, 'credit_balance_low', undefined); // 'payment_required'
 * codeByMeaning(undefined, undefined, 'Rate limit reached for requests'); // 'rate_limited'
 * codeByMeaning(404, undefined, 'Rate limit reached'); // undefined: a 404 is settled
 * ```
 * @internal
 */
export function codeByMeaning(status: number | undefined, vendorCode: string | undefined, message: string | undefined): FaultCode | undefined {
  // Code and message are read as one text, the code first: the rules' order says which words tell more
  // ("TotalRequests Limit exceeded" under REQUEST_LIMIT_EXCEEDED is a spent allowance, not a throttle).
  const all = vendorCode === undefined ? message : message === undefined ? vendorCode : `${vendorCode} \n ${message}`;
  const { strong, any } = meaningOf(all);
  if (status === undefined || status < 400) return strong ?? any;
  const fromStatus = codeForStatus(status);
  if (SETTLED.has(fromStatus) || status === 401) return undefined;
  // A proxy's 502, 503 or 504 is what it says; words only add that the service sheds load or limits.
  if (status >= 502 && status <= 504) {
    return strong !== undefined && GATEWAY_OVERRIDES.has(strong) ? strong : undefined;
  }
  // Field-level words sharpen a 400 into validation_failed; under any other status they add nothing.
  if (strong === 'validation_failed' && status !== 400) return undefined;
  // A 409 that says "already exists" is the sharper of the two 409 codes; a weak meaning is the status's own.
  return strong === fromStatus ? undefined : strong;
}
