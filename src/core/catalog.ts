/**
 * The canonical fault catalog: 30 stable codes, each with its default retry class, remedy, HTTP
 * status and a one-line description. The codes are the library's public contract.
 */
import { type CodeDefaults, DEFAULTS, type FaultCode, FAULT_CODES } from './codes.js';

export {
  FAULT_CODES,
  FAULT_SOURCES,
  REMEDIES,
  RETRY_CLASSES,
  isFaultCode,
  isRemedy,
  isRetryClass,
} from './codes.js';
export type { CodeDefaults, FaultCode, FaultSource, Remedy, RetryClass } from './codes.js';

/** One row of the catalog. @public */
export interface CatalogEntry<C extends string = FaultCode> extends CodeDefaults<C> {
  /** One line saying what the code means. */
  readonly description: string;
}

const DESCRIPTIONS: { readonly [C in FaultCode]: string } = {
  invalid_request: 'The request is malformed or has an invalid value.',
  validation_failed: 'One or more fields were rejected; see `fields`.',
  unauthenticated: 'The key or token is missing, invalid or revoked.',
  permission_denied: 'The caller is known but not allowed to do this.',
  payment_required: 'Out of credits, a billing problem, or a declined card.',
  quota_exhausted: 'A daily or monthly allowance is used up; retrying before the reset only burns calls.',
  not_found: 'The resource or route does not exist, or is hidden from this caller.',
  gone: 'The resource existed once and was deleted or expired.',
  already_exists: 'A create for a resource that already exists.',
  conflict: 'Wrong state, a concurrent change, or an idempotency key reused with another body.',
  precondition_failed: 'An If-Match, etag or other precondition failed.',
  payload_too_large: 'The body, upload or context is over the limit.',
  request_timeout: 'The server gave up waiting for the request; nothing was processed.',
  too_early: 'A replay-sensitive request was sent too early.',
  rate_limited: 'A short-window throttle; honour Retry-After.',
  not_implemented: 'The feature, format or method is not available.',
  internal: 'An unexpected server error.',
  bad_gateway: 'A proxy or upstream dependency failed.',
  service_unavailable: 'Down, in maintenance, at capacity or not yet active; honour Retry-After.',
  overloaded: 'The service is shedding load; back off longer than for 503.',
  gateway_timeout: 'An upstream took too long.',
  data_loss: 'Unrecoverable data loss or corruption.',
  malformed_response: 'A response that cannot be understood.',
  connect_failed: 'The request never left: DNS, refused, unreachable, TLS handshake.',
  connection_reset: 'The connection broke after the request was sent.',
  client_timeout: 'Our own deadline fired.',
  cancelled: 'The caller aborted.',
  circuit_open: 'A circuit breaker refused the call without sending it.',
  bulkhead_full: 'A bulkhead or its queue was full, so the call was refused.',
  unknown: 'Nothing else fits.',
};

/**
 * The catalog, frozen and keyed by code.
 * @example
 * ```ts
 * CATALOG.rate_limited.retry; // 'always'
 * CATALOG.payment_required.status; // 402
 * ```
 * @public
 */
export const CATALOG: { readonly [C in FaultCode]: CatalogEntry<C> } = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(FAULT_CODES.map((code) => [code, Object.freeze({ ...DEFAULTS[code], description: DESCRIPTIONS[code] })])),
) as { readonly [C in FaultCode]: CatalogEntry<C> };
