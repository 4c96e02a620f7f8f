/**
 * Pulse (`api.pulse.dev`), seed 003: `{"error": {"code": "UPPER_SNAKE", "message", "details":
 * [{field, message}]}}`. `details` become `fields`. The shape is the generic error object, so
 * Pulse is picked by host or by name; detection leaves the body to `error-object`.
 */
import { builtinProfile, withRender } from './builtin-profile.js';
import { readErrorObject, renderErrorObject } from './error-object.js';
import type { CodeRule, VendorProfile } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Pulse's documented error codes.
 * @example
 * ```ts
 * PULSE_CODES.VALIDATION_ERROR; // 'validation_failed'
 * ```
 * @internal
 */
export const PULSE_CODES = {
  VALIDATION_ERROR: 'validation_failed',
  UNAUTHORIZED: 'unauthenticated',
  NOT_FOUND: 'not_found',
  RATE_LIMITED: 'rate_limited',
  INTERNAL_ERROR: 'internal',
} as const satisfies Readonly<Record<string, CodeRule>>;

/**
 * What the default classify carries of {@link pulseProfile}: all of it but its renderer.
 * @internal
 */
export const pulseReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'pulse',
  keys: [],
  hosts: ['api.pulse.dev'],
  codes: PULSE_CODES,
  detect: () => false,
  parse: (s) => readErrorObject(s.json, false),
});

/**
 * Pulse (seed 003).
 *
 * @example
 * ```ts
 * classify({ status: 400, body: '{"error":{"code":"VALIDATION_ERROR","message":"Input validation failed","details":[{"field":"transaction_amount","message":"must be a positive number"}]}}' }, { vendor: 'pulse' });
 * // { code: 'validation_failed', fields: [{ path: 'transaction_amount', message: 'must be a positive number' }], … }
 * ```
 * @public
 */
export const pulseProfile: VendorProfile = /* @__PURE__ */ withRender(pulseReader, {
  render(fault) {
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: renderErrorObject(renderCode(PULSE_CODES, fault) ?? 'INTERNAL_ERROR', fault) };
  },
});
