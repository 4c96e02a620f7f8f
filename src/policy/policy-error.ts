/**
 * The error a policy throws when it refuses or ends a call itself (circuit
 * open, bulkhead full, rate limited, timed out, hedge lost): one constructor,
 * so every refusal has the same shape and no cause.
 */
import type { FaultCode } from '../core/codes.js';
import { FaultError, createFault } from '../core/fault.js';

/**
 * A `FaultError` with `source: 'policy'`, the given code and message, and
 * `retryAfterMs` when there is one.
 *
 * @example
 * ```ts
 * throw policyError('circuit_open', 'Circuit open; the next probe may go in 1200 ms', 1200);
 * ```
 * @internal
 */
export function policyError(code: FaultCode, message: string, retryAfterMs?: number): FaultError {
  return new FaultError(createFault({ code, source: 'policy', message, retryAfterMs }));
}
