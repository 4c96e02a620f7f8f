/**
 * The canonical fault catalog: 32 stable codes, each with its default retry class, remedy, HTTP
 * status and a one-line description. The codes are the library's public contract.
 */
import { type CodeDefaults, DEFAULTS, type FaultCode } from './codes.js';

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

// One description per code, in FAULT_CODES order, '|'-separated: keys would repeat every code.
const DESCRIPTIONS =
  'The request is malformed or has an invalid value.|' +
  'One or more fields were rejected; see `fields`.|' +
  'The key or token is missing, invalid or revoked.|' +
  'The caller is known but not allowed to do this.|' +
  'Out of credits, a billing problem, or a declined card.|' +
  'A daily or monthly allowance is used up; retrying before the reset only burns calls.|' +
  'The resource or route does not exist, or is hidden from this caller.|' +
  'The resource existed once and was deleted or expired.|' +
  'A create for a resource that already exists.|' +
  'Wrong state, a concurrent change, or an idempotency key reused with another body.|' +
  'An If-Match, etag or other precondition failed.|' +
  'The body, upload or context is over the limit.|' +
  "The model's context window is too small for the prompt plus the requested output.|" +
  'A safety or content policy refused the input or stopped the output.|' +
  'The server gave up waiting for the request; nothing was processed.|' +
  'A replay-sensitive request was sent too early.|' +
  'A short-window throttle; honour Retry-After.|' +
  'The feature, format or method is not available.|' +
  'An unexpected server error.|' +
  'A proxy or upstream dependency failed.|' +
  'Down, in maintenance, at capacity or not yet active; honour Retry-After.|' +
  'The service is shedding load; back off longer than for 503.|' +
  'An upstream took too long.|' +
  'Unrecoverable data loss or corruption.|' +
  'A response that cannot be understood.|' +
  'The request never left: DNS, refused, unreachable, TLS handshake.|' +
  'The connection broke after the request was sent.|' +
  'Our own deadline fired.|' +
  'The caller aborted.|' +
  'A circuit breaker refused the call without sending it.|' +
  'A bulkhead or its queue was full, so the call was refused.|' +
  'Nothing else fits.';

/**
 * The catalog, frozen and keyed by code.
 * @example
 * ```ts
 * CATALOG.rate_limited.retry; // 'always'
 * CATALOG.payment_required.status; // 402
 * ```
 * @public
 */
export const CATALOG: { readonly [C in FaultCode]: CatalogEntry<C> } = /* @__PURE__ */ (() => {
  const descriptions = DESCRIPTIONS.split('|');
  return Object.freeze(
    Object.fromEntries(Object.values(DEFAULTS).map((defaults, i) => [defaults.code, Object.freeze({ ...defaults, description: descriptions[i] })])),
  ) as { readonly [C in FaultCode]: CatalogEntry<C> };
})();
