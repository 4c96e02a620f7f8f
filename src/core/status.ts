/**
 * What an HTTP status means when nothing more specific is known: the catalog's status fallbacks.
 */
import type { FaultCode, RetryClass } from './catalog.js';

const STATUS: Readonly<Record<number, FaultCode>> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  402: 'payment_required',
  403: 'permission_denied',
  404: 'not_found',
  405: 'not_implemented',
  408: 'request_timeout',
  409: 'conflict',
  410: 'gone',
  412: 'precondition_failed',
  413: 'payload_too_large',
  414: 'invalid_request',
  415: 'invalid_request',
  422: 'validation_failed',
  // RFC 4918 §11.3: the resource is locked, the catalog's conflict (a lock); sent again unchanged it fails the same way.
  423: 'conflict',
  // Not in IANA's registry, but where servers send it, a session or CSRF token that expired: log in again (Laravel's
  // "Page Expired", "CSRF token mismatch."; Apache Ranger's "Session Timeout"; Lychee's "Session expired").
  419: 'unauthenticated',
  425: 'too_early',
  428: 'precondition_failed',
  429: 'rate_limited',
  431: 'payload_too_large',
  499: 'cancelled',
  500: 'internal',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
  505: 'not_implemented',
  520: 'bad_gateway',
  521: 'connect_failed',
  522: 'gateway_timeout',
  523: 'bad_gateway',
  524: 'gateway_timeout',
  525: 'bad_gateway',
  526: 'bad_gateway',
  529: 'overloaded',
  // RFC 6585 §6: a captive portal or a network login stands between the client and the server;
  // sending the same request again cannot succeed until someone logs in.
  511: 'unauthenticated',
};

/**
 * The canonical code for a bare HTTP status: known statuses by the table, any other 4xx
 * `invalid_request`, any other 5xx `internal`, anything else `unknown`.
 *
 * @example
 * ```ts
 * codeForStatus(429); // 'rate_limited'
 * codeForStatus(418); // 'invalid_request'
 * ```
 * @public
 */
export function codeForStatus(status: number | undefined): FaultCode {
  if (status === undefined) return 'unknown';
  const known = STATUS[status];
  if (known !== undefined) return known;
  if (status >= 400 && status < 500) return 'invalid_request';
  if (status >= 500 && status < 600) return 'internal';
  return 'unknown';
}

/**
 * A retry class the status rules of RFC 9110 set for a resolved code, or `undefined` when they
 * add nothing: a 413 that carries a server-directed wait (Retry-After) is temporary — "the server
 * MAY … include a Retry-After header field to indicate that it is temporary and after what time
 * the client MAY try again" (§15.5.14) — so it is retried `always` after the wait, where a 413
 * without one is `never`.
 *
 * @example
 * ```ts
 * retryForStatus(413, 'payload_too_large', 10_000); // 'always'
 * retryForStatus(413, 'payload_too_large', undefined); // undefined: the catalog's never stands
 * ```
 * @internal
 */
export function retryForStatus(status: number | undefined, code: FaultCode, retryAfterMs: number | undefined): RetryClass | undefined {
  return status === 413 && code === 'payload_too_large' && retryAfterMs !== undefined ? 'always' : undefined;
}

/** An HTTP status as a number in 100..999, from a number or a numeric string. @internal */
export function statusOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 999 ? n : undefined;
}
