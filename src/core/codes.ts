/**
 * The catalog's machine half: the 32 codes with their default retry class, remedy and HTTP status,
 * and no prose, so the policies and the classify engine carry it at little cost. `catalog.ts` adds
 * the descriptions for people.
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
  | 'shorten_input'
  | 'rephrase'
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
  'shorten_input', 'rephrase', 'retry', 'wait', 'change_request', 'retry_or_report', 'retry_smaller', 'resubmit_async',
  'contact_support', 'fallback', 'none', 'report',
] as const satisfies readonly Remedy[];

/** The defaults of one code. @public */
export interface CodeDefaults<C extends string = FaultCode> {
  /** The canonical code. */
  readonly code: C;
  /** The default retry class; vendor profiles and server hints may override it. */
  readonly retry: RetryClass;
  /** The default remedy. */
  readonly remedy: Remedy;
  /** The HTTP status this code usually arrives with, or `undefined` for faults that have none. */
  readonly status: number | undefined;
}

// One catalog row as a frozen `[code, defaults]` entry of DEFAULTS.
const row = <C extends string>(code: C, status: number | undefined, retry: RetryClass, remedy: Remedy): readonly [C, CodeDefaults<C>] =>
  [code, Object.freeze({ code, status, retry, remedy })];

const ROWS = [
  row('invalid_request', 400, 'never', 'fix_request'),
  row('validation_failed', 422, 'never', 'fix_request'),
  row('unauthenticated', 401, 'never', 'reauthenticate'),
  row('permission_denied', 403, 'never', 'check_permissions'),
  row('payment_required', 402, 'never', 'top_up'),
  row('quota_exhausted', 429, 'never', 'wait_for_reset'),
  row('not_found', 404, 'never', 'check_identifier'),
  row('gone', 410, 'never', 'recreate'),
  row('already_exists', 409, 'never', 'use_existing'),
  row('conflict', 409, 'never', 'resolve_conflict'),
  row('precondition_failed', 412, 'never', 'refresh_state'),
  row('payload_too_large', 413, 'never', 'reduce_request'),
  row('context_length_exceeded', 400, 'never', 'shorten_input'),
  row('content_filtered', 400, 'never', 'rephrase'),
  row('request_timeout', 408, 'always', 'retry'),
  row('too_early', 425, 'always', 'retry'),
  row('rate_limited', 429, 'always', 'wait'),
  row('not_implemented', 501, 'never', 'change_request'),
  row('internal', 500, 'idempotent', 'retry_or_report'),
  row('bad_gateway', 502, 'idempotent', 'retry'),
  row('service_unavailable', 503, 'always', 'wait'),
  row('overloaded', 529, 'always', 'wait'),
  row('gateway_timeout', 504, 'idempotent', 'retry_smaller'),
  row('data_loss', 500, 'never', 'contact_support'),
  row('malformed_response', undefined, 'idempotent', 'retry'),
  row('connect_failed', undefined, 'always', 'retry'),
  row('connection_reset', undefined, 'idempotent', 'retry'),
  row('client_timeout', undefined, 'idempotent', 'retry'),
  row('cancelled', 499, 'never', 'none'),
  row('circuit_open', undefined, 'never', 'fallback'),
  row('bulkhead_full', undefined, 'never', 'fallback'),
  row('unknown', undefined, 'never', 'report'),
] as const satisfies readonly (readonly [FaultCode, CodeDefaults<FaultCode>])[];

/**
 * A canonical fault code: one of the 32 rows of the catalog. Spelled out (not derived) so that the
 * API report shows every code and a change to the contract is a visible diff.
 * @public
 */
export type FaultCode =
  | 'invalid_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'permission_denied'
  | 'payment_required'
  | 'quota_exhausted'
  | 'not_found'
  | 'gone'
  | 'already_exists'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'context_length_exceeded'
  | 'content_filtered'
  | 'request_timeout'
  | 'too_early'
  | 'rate_limited'
  | 'not_implemented'
  | 'internal'
  | 'bad_gateway'
  | 'service_unavailable'
  | 'overloaded'
  | 'gateway_timeout'
  | 'data_loss'
  | 'malformed_response'
  | 'connect_failed'
  | 'connection_reset'
  | 'client_timeout'
  | 'cancelled'
  | 'circuit_open'
  | 'bulkhead_full'
  | 'unknown';

/**
 * Every fault code, in catalog order.
 * @example
 * ```ts
 * FAULT_CODES.includes('rate_limited'); // true
 * ```
 * @public
 */
export const FAULT_CODES: readonly FaultCode[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ ROWS.map(([code]) => code));

/**
 * Each code's default retry class, remedy and status, keyed by code.
 * @internal
 */
export const DEFAULTS: { readonly [C in FaultCode]: CodeDefaults<C> } = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(ROWS),
) as { readonly [C in FaultCode]: CodeDefaults<C> };

/**
 * True when `value` is one of the 32 catalog codes.
 * @example
 * ```ts
 * isFaultCode('rate_limited'); // true
 * isFaultCode('RATE_LIMITED'); // false
 * ```
 * @public
 */
export function isFaultCode(value: unknown): value is FaultCode {
  return typeof value === 'string' && Object.hasOwn(DEFAULTS, value);
}

/**
 * True when `value` is a retry class.
 * @example
 * ```ts
 * isRetryClass('idempotent'); // true
 * ```
 * @public
 */
export function isRetryClass(value: unknown): value is RetryClass {
  return value === 'always' || value === 'idempotent' || value === 'never';
}

/**
 * True when `value` is a remedy.
 * @example
 * ```ts
 * isRemedy('wait'); // true
 * ```
 * @public
 */
export function isRemedy(value: unknown): value is Remedy {
  return typeof value === 'string' && (REMEDIES as readonly string[]).includes(value);
}
