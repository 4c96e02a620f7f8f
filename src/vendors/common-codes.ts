/**
 * Machine codes that many APIs share, whatever their envelope: `rate_limit_exceeded`,
 * `RATE_LIMITED`, `invalid_api_key`, `NOT_FOUND`, `upstream_error` … Only codes that say more
 * than the status are listed: class names such as `invalid_request_error` or `server_error` are
 * left to the status, so a 503 `server_error` stays `service_unavailable`.
 */
import type { FaultCode } from '../core/catalog.js';
import { codeTable } from './code-table.js';

/**
 * Common vendor codes in lower snake case → canonical code.
 * @example
 * ```ts
 * COMMON_CODES.rate_limit_exceeded; // 'rate_limited'
 * ```
 * @internal
 */
export const COMMON_CODES: Readonly<Record<string, FaultCode>> = /* @__PURE__ */ codeTable({
  invalid_request:
    'invalid_request bad_request invalid_argument invalid_parameter invalid_parameters invalid_params invalid_json ' +
    'malformed_request parse_error out_of_range missing_parameter unsupported_media_type',
  validation_failed: 'validation_failed validation_error unprocessable_entity invalid_input',
  unauthenticated:
    'unauthenticated unauthorized invalid_api_key invalid_token authentication_error authentication_failed not_authenticated ' +
    'missing_api_key invalid_auth token_expired invalid_credentials invalid_grant invalid_client',
  permission_denied: 'permission_denied forbidden permission_error access_denied insufficient_permissions insufficient_scope',
  payment_required: 'payment_required insufficient_credits insufficient_balance insufficient_funds billing_error out_of_credits',
  quota_exhausted: 'quota_exhausted quota_exceeded insufficient_quota monthly_cap_exceeded monthly_limit_exceeded usage_limit_exceeded',
  not_found: 'not_found resource_not_found not_found_error model_not_found',
  gone: 'gone',
  already_exists: 'already_exists resource_already_exists duplicate',
  conflict: 'conflict conflict_error aborted',
  precondition_failed: 'precondition_failed failed_precondition',
  payload_too_large: 'payload_too_large request_too_large request_entity_too_large file_too_large',
  context_length_exceeded: 'context_length_exceeded context_window_exceeded',
  content_filtered: 'content_filtered content_filter content_policy_violation',
  request_timeout: 'request_timeout',
  too_early: 'too_early',
  rate_limited: 'rate_limited rate_limit_exceeded rate_limit_error too_many_requests throttled slow_down ratelimited rate_limit',
  not_implemented: 'not_implemented unimplemented method_not_allowed',
  internal: 'internal internal_error internal_server_error',
  bad_gateway: 'bad_gateway upstream_error',
  service_unavailable: 'service_unavailable unavailable maintenance temporarily_unavailable',
  overloaded: 'overloaded overloaded_error server_overloaded',
  gateway_timeout: 'gateway_timeout upstream_timeout deadline_exceeded',
  data_loss: 'data_loss',
});

/**
 * Maps a vendor code to a canonical code, or `undefined` when it says no more than the status.
 * @example
 * ```ts
 * const toCode: ToCode = commonCode;
 * ```
 * @internal
 */
export type ToCode = (vendorCode: string | undefined) => FaultCode | undefined;

/**
 * The canonical code for a common vendor code, compared case-insensitively with `-`, `.` and
 * spaces read as `_` (`RATE_LIMITED`, `rate-limited` and `rate_limited` are one code).
 * @example
 * ```ts
 * commonCode('VALIDATION_ERROR'); // 'validation_failed'
 * commonCode('server_error'); // undefined: the status says as much
 * ```
 * @internal
 */
export function commonCode(vendorCode: string | undefined): FaultCode | undefined {
  // (a reader's `toCode` parameter: generic shapes pass this, seed profiles use their own tables)
  if (vendorCode === undefined || vendorCode.length > 64) return undefined;
  const key = vendorCode.toLowerCase().replace(/[-. ]/g, '_');
  return Object.hasOwn(COMMON_CODES, key) ? COMMON_CODES[key] : undefined;
}
