/**
 * The canonical fault catalog: 30 stable codes, each with its default retry
 * class, remedy and HTTP status. The codes are the library's public contract.
 */

/** Whether a request that failed with a fault may be sent again. @public */
export type RetryClass = 'always' | 'idempotent' | 'never';

/** Every retry class, in order from most to least permissive. @public */
export const RETRY_CLASSES = ['always', 'idempotent', 'never'] as const satisfies readonly RetryClass[];

/** Who produced a fault. @public */
export type FaultSource = 'server' | 'network' | 'policy' | 'client';

/** Every fault source. @public */
export const FAULT_SOURCES = ['server', 'network', 'policy', 'client'] as const satisfies readonly FaultSource[];

/**
 * What a caller should do about a fault: the catalog's remedies plus the ones
 * vendors document (`upgrade_plan`, `resubmit_async`).
 * @public
 */
export type Remedy =
  | 'fix_request'
  | 'reauthenticate'
  | 'check_permissions'
  | 'top_up'
  | 'upgrade_plan'
  | 'wait_for_reset'
  | 'check_identifier'
  | 'recreate'
  | 'use_existing'
  | 'resolve_conflict'
  | 'refresh_state'
  | 'reduce_request'
  | 'retry'
  | 'wait'
  | 'change_request'
  | 'retry_or_report'
  | 'retry_smaller'
  | 'resubmit_async'
  | 'contact_support'
  | 'fallback'
  | 'none'
  | 'report';

/** Every remedy. @public */
export const REMEDIES = [
  'fix_request', 'reauthenticate', 'check_permissions', 'top_up', 'upgrade_plan', 'wait_for_reset',
  'check_identifier', 'recreate', 'use_existing', 'resolve_conflict', 'refresh_state', 'reduce_request',
  'retry', 'wait', 'change_request', 'retry_or_report', 'retry_smaller', 'resubmit_async',
  'contact_support', 'fallback', 'none', 'report',
] as const satisfies readonly Remedy[];

/** One row of the catalog. @public */
export interface CatalogEntry<C extends string = FaultCode> {
  /** The canonical code. */
  readonly code: C;
  /** The default retry class; vendor profiles and server hints may override it. */
  readonly retry: RetryClass;
  /** The default remedy. */
  readonly remedy: Remedy;
  /** The HTTP status this code usually arrives with, or `undefined` for faults that have none. */
  readonly status: number | undefined;
  /** One line saying what the code means. */
  readonly description: string;
}

const row = <C extends string>(
  code: C,
  status: number | undefined,
  retry: RetryClass,
  remedy: Remedy,
  description: string,
): CatalogEntry<C> => ({ code, status, retry, remedy, description });

const ROWS = [
  row('invalid_request', 400, 'never', 'fix_request', 'The request is malformed or has an invalid value.'),
  row('validation_failed', 422, 'never', 'fix_request', 'One or more fields were rejected; see `fields`.'),
  row('unauthenticated', 401, 'never', 'reauthenticate', 'The key or token is missing, invalid or revoked.'),
  row('permission_denied', 403, 'never', 'check_permissions', 'The caller is known but not allowed to do this.'),
  row('payment_required', 402, 'never', 'top_up', 'Out of credits, a billing problem, or a declined card.'),
  row('quota_exhausted', 429, 'never', 'wait_for_reset', 'A daily or monthly allowance is used up; retrying before the reset only burns calls.'),
  row('not_found', 404, 'never', 'check_identifier', 'The resource or route does not exist, or is hidden from this caller.'),
  row('gone', 410, 'never', 'recreate', 'The resource existed once and was deleted or expired.'),
  row('already_exists', 409, 'never', 'use_existing', 'A create for a resource that already exists.'),
  row('conflict', 409, 'never', 'resolve_conflict', 'Wrong state, a concurrent change, or an idempotency key reused with another body.'),
  row('precondition_failed', 412, 'never', 'refresh_state', 'An If-Match, etag or other precondition failed.'),
  row('payload_too_large', 413, 'never', 'reduce_request', 'The body, upload or context is over the limit.'),
  row('request_timeout', 408, 'always', 'retry', 'The server gave up waiting for the request; nothing was processed.'),
  row('too_early', 425, 'always', 'retry', 'A replay-sensitive request was sent too early.'),
  row('rate_limited', 429, 'always', 'wait', 'A short-window throttle; honour Retry-After.'),
  row('not_implemented', 501, 'never', 'change_request', 'The feature, format or method is not available.'),
  row('internal', 500, 'idempotent', 'retry_or_report', 'An unexpected server error.'),
  row('bad_gateway', 502, 'idempotent', 'retry', 'A proxy or upstream dependency failed.'),
  row('service_unavailable', 503, 'always', 'wait', 'Down, in maintenance, at capacity or not yet active; honour Retry-After.'),
  row('overloaded', 529, 'always', 'wait', 'The service is shedding load; back off longer than for 503.'),
  row('gateway_timeout', 504, 'idempotent', 'retry_smaller', 'An upstream took too long.'),
  row('data_loss', 500, 'never', 'contact_support', 'Unrecoverable data loss or corruption.'),
  row('malformed_response', undefined, 'idempotent', 'retry', 'A response that cannot be understood.'),
  row('connect_failed', undefined, 'always', 'retry', 'The request never left: DNS, refused, unreachable, TLS handshake.'),
  row('connection_reset', undefined, 'idempotent', 'retry', 'The connection broke after the request was sent.'),
  row('client_timeout', undefined, 'idempotent', 'retry', 'Our own deadline fired.'),
  row('cancelled', 499, 'never', 'none', 'The caller aborted.'),
  row('circuit_open', undefined, 'never', 'fallback', 'A circuit breaker refused the call without sending it.'),
  row('bulkhead_full', undefined, 'never', 'fallback', 'A bulkhead or its queue was full, so the call was refused.'),
  row('unknown', undefined, 'never', 'report', 'Nothing else fits.'),
] as const;

/** A canonical fault code: one of the 30 rows of the catalog. @public */
export type FaultCode = (typeof ROWS)[number]['code'];

/**
 * Every fault code, in catalog order.
 * @example
 * ```ts
 * FAULT_CODES.includes('rate_limited'); // true
 * ```
 * @public
 */
export const FAULT_CODES: readonly FaultCode[] = Object.freeze(ROWS.map((r) => r.code));

/**
 * The catalog, frozen and keyed by code.
 * @example
 * ```ts
 * CATALOG.rate_limited.retry; // 'always'
 * CATALOG.payment_required.status; // 402
 * ```
 * @public
 */
export const CATALOG: { readonly [C in FaultCode]: CatalogEntry<C> } = Object.freeze(
  Object.fromEntries(ROWS.map((r) => [r.code, Object.freeze(r)])),
) as { readonly [C in FaultCode]: CatalogEntry<C> };

/**
 * True when `value` is one of the 30 catalog codes.
 * @example
 * ```ts
 * isFaultCode('rate_limited'); // true
 * isFaultCode('RATE_LIMITED'); // false
 * ```
 * @public
 */
export function isFaultCode(value: unknown): value is FaultCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CATALOG, value);
}

/** True when `value` is a retry class. @public */
export function isRetryClass(value: unknown): value is RetryClass {
  return value === 'always' || value === 'idempotent' || value === 'never';
}

/** True when `value` is a remedy. @public */
export function isRemedy(value: unknown): value is Remedy {
  return typeof value === 'string' && (REMEDIES as readonly string[]).includes(value);
}
