/**
 * The FHIR inference API of seed 004 (FastAPI): `{"detail": …}` as a string, an object, or a
 * pydantic list; `x-request-id` on every response. No host is documented, so it is picked by
 * name, or detected by its 429 bodies (a `detail` object with its `plan`).
 *
 * Overrides: a 429 is either the per-minute limit (`limit_per_minute`: `rate_limited`, retried
 * after `Retry-After`) or the monthly cap (`upgrade_url`: `quota_exhausted`, never retried,
 * `upgrade_plan`, resetting on the 1st of next month, UTC); 501 is a reserved `format`
 * (`change_request`); 503 is retried with backoff 1, 2, 4, 8 s, then given up (`retryLimit: 4`);
 * other 5xx are retried ("retry 5xx, don't retry 4xx (except 429)"), whatever the method.
 */
import type { Fault } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { readDetail, renderDetail } from './fastapi.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString } from './profile.js';
import { renderHeaders, renderStatus } from './render-helpers.js';

/** Midnight UTC on the 1st of the month after `now`. */
function nextMonth(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const draft = readDetail(s.json);
  if (draft === undefined) return undefined;
  const requestId = readString(asRecord(asRecord(s.json)?.meta), 'request_id');
  const detail = draft.detail;
  if (detail === undefined) return { ...draft, requestId };
  const perMinute = readNumber(detail, 'limit_per_minute');
  if (draft.upgradeUrl !== undefined || /monthly/i.test(draft.vendorCode ?? '')) {
    return { ...draft, requestId, code: 'quota_exhausted', retry: 'never', remedy: 'upgrade_plan', resetAt: Number.isFinite(s.now) ? nextMonth(s.now) : undefined };
  }
  if (perMinute !== undefined || s.status === 429) {
    return { ...draft, requestId, code: 'rate_limited', retry: 'always', remedy: 'wait', limit: perMinute ?? draft.limit };
  }
  return { ...draft, requestId };
}

function render(fault: Fault): { detail: unknown } {
  if (fault.code === 'quota_exhausted') {
    return { detail: { error: fault.vendorCode ?? 'monthly_cap_exceeded', plan: 'starter', upgrade_url: fault.upgradeUrl ?? 'https://portal.example.com/billing' } };
  }
  if (fault.code === 'rate_limited') {
    return { detail: { error: fault.vendorCode ?? 'rate_limit_exceeded', limit_per_minute: fault.limit ?? 60, plan: 'starter' } };
  }
  return renderDetail(fault, fault.vendorCode);
}

/**
 * What the default classify carries of {@link fhirInferenceProfile}: all of it but its renderer.
 * @internal
 */
export const fhirInferenceReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'fhir-inference',
  keys: ['detail.plan'],
  codes: {},
  statuses: {
    // "retry 5xx, don't retry 4xx (except 429)": inference calls are safe to send again
    500: { code: 'internal', retry: 'always' },
    501: { code: 'not_implemented', retry: 'never', remedy: 'change_request' },
    502: { code: 'bad_gateway', retry: 'always' },
    503: { code: 'service_unavailable', retry: 'always', remedy: 'wait', retryLimit: 4 },
    504: { code: 'gateway_timeout', retry: 'always' },
  },
  detect: (s) => {
    const detail = asRecord(asRecord(s.json)?.detail);
    return typeof detail?.plan === 'string' && ('limit_per_minute' in detail || 'upgrade_url' in detail);
  },
  parse,
});

/**
 * The FHIR inference API (seed 004).
 *
 * @example
 * ```ts
 * classify({ status: 429, body: '{"detail":{"error":"monthly_cap_exceeded","plan":"starter","upgrade_url":"https://portal.example.com/billing"}}' }, { vendor: 'fhir-inference' });
 * // { code: 'quota_exhausted', retry: 'never', remedy: 'upgrade_plan', upgradeUrl: 'https://portal.example.com/billing', … }
 * ```
 * @public
 */
export const fhirInferenceProfile: VendorProfile = /* @__PURE__ */ withRender(fhirInferenceReader, {
  // No host is documented: unnamed, a rendered `{detail}` is read by fastapi, which keeps the catalog's
  // retry for the 5xx this API retries always; those round-trip only when the profile is named.
  expressible: {
    codes: ['invalid_request', 'validation_failed', 'unauthenticated', 'permission_denied', 'payment_required', 'not_found', 'gone',
      'conflict', 'precondition_failed', 'payload_too_large', 'request_timeout', 'too_early', 'rate_limited', 'not_implemented',
      'service_unavailable', 'overloaded'],
  },
  render(fault) {
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify(render(fault)) };
  },
});
