/**
 * The render/runs API of seed 001 (keys `sk_live_*`, async tasks): flat
 * `{"error": "<snake_code>", "message": "…"}` with 16 documented codes and an `X-Request-Id`.
 * No host is documented, so it is picked by name, or detected by the codes only it sends.
 *
 * Overrides: `sync_timeout_upgrade_async` (408) is "resubmit with async: true", never a plain
 * retry; `upstream_error` (502) is retried always; `service_unavailable` (503) is retried always
 * after 30–60 s (30 s when no `Retry-After` says otherwise); `validation_error` carries a JSON
 * pointer to the field in its message.
 */
import type { FieldError } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { readFlatError } from './flat-error.js';
import type { CodeRule, FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * The 16 documented codes.
 * @example
 * ```ts
 * RUNS_API_CODES.sync_timeout_upgrade_async; // { code: 'request_timeout', retry: 'never', remedy: 'resubmit_async' }
 * ```
 * @internal
 */
export const RUNS_API_CODES = {
  invalid_api_key: 'unauthenticated',
  forbidden: 'permission_denied',
  insufficient_credits: 'payment_required',
  invalid_request: 'invalid_request',
  validation_error: 'validation_failed',
  preflight_failed: { code: 'invalid_request', retry: 'never', remedy: 'fix_request' },
  payload_too_large: 'payload_too_large',
  not_found: 'not_found',
  gone: 'gone',
  conflict: { code: 'conflict', retry: 'never', remedy: 'resolve_conflict' },
  sync_timeout_upgrade_async: { code: 'request_timeout', retry: 'never', remedy: 'resubmit_async' },
  rate_limit_exceeded: 'rate_limited',
  internal_error: 'internal',
  upstream_error: { code: 'bad_gateway', retry: 'always', remedy: 'retry' },
  service_unavailable: { code: 'service_unavailable', retry: 'always', remedy: 'wait' },
  not_implemented: { code: 'not_implemented', retry: 'never', remedy: 'contact_support' },
} as const satisfies Readonly<Record<string, CodeRule>>;

/** "/format: value is not a valid enumeration member" → a field at `/format`. */
function pointerField(message: string | undefined): FieldError[] | undefined {
  const m = message === undefined ? null : /^(\/[^\s:]*):[ \t]*(\S.*)$/.exec(message);
  return m === null ? undefined : [{ path: m[1] as string, message: m[2] as string }];
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const draft = readFlatError(s.json);
  if (draft === undefined) return undefined;
  return {
    ...draft,
    retryAfterMs: draft.vendorCode === 'service_unavailable' ? 30_000 : draft.retryAfterMs,
    fields: draft.vendorCode === 'validation_error' ? pointerField(draft.message) : undefined,
  };
}

/**
 * What the default classify carries of {@link runsApiProfile}: all of it but its renderer.
 * @internal
 */
export const runsApiReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'runs-api',
  keys: ['error'],
  codes: RUNS_API_CODES,
  detect: (s) => {
    const error = asRecord(s.json)?.error;
    return error === 'sync_timeout_upgrade_async' || error === 'preflight_failed';
  },
  parse,
});

/**
 * The render/runs API (seed 001).
 *
 * @example
 * ```ts
 * classify({ status: 408, body: '{"error":"sync_timeout_upgrade_async","message":"Sync request hit the 300s ceiling"}' }, { vendor: 'runs-api' });
 * // { code: 'request_timeout', retry: 'never', remedy: 'resubmit_async', vendorCode: 'sync_timeout_upgrade_async', … }
 * ```
 * @public
 */
export const runsApiProfile: VendorProfile = /* @__PURE__ */ withRender(runsApiReader, {
  // Without a host, a rendered runs-api body is read by name or, for the codes it shares with every
  // flat error, by flat-error: all but `upstream_error` (retried always only when runs-api is named) come back alike.
  expressible: { vendorCodes: /* @__PURE__ */ Object.keys(RUNS_API_CODES).filter((k) => k !== 'upstream_error') },
  render(fault) {
    const error = renderCode(RUNS_API_CODES, fault) ?? 'internal_error';
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify({ error, message: fault.message }) };
  },
});
