/**
 * Impulse Labs inference (`inference.impulselabs.ai`), seed 000: FastAPI `{detail}` on most
 * endpoints, `{valid: false, error, limit?, retry_after_seconds?}` on auth and rate limits, and
 * `{error, message}` on plan errors. Their `error` strings are sentences, not codes.
 *
 * Overrides (their own retry loop retries only 429, 502 and 503): a 500 is not retried
 * (`contact_support`); a 502 is retried always; a 503 is a deployment still BUILDING (`wait`) or
 * an ACTIVE container that did not answer (`retry`), both always; 403 "Upgrade required" is a
 * plan limit (`upgrade_plan`); a 409 "already exists" is `already_exists`.
 */
import type { Fault } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { readDetail } from './fastapi.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString } from './profile.js';
import { renderHeaders, renderStatus } from './render-helpers.js';

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const b = asRecord(s.json);
  const fromDetail = readDetail(b);
  const error = readString(b, 'error');
  if (fromDetail === undefined && error === undefined) return undefined;
  const message = fromDetail?.message ?? readString(b, 'message') ?? error;
  const text = `${error ?? ''} ${message ?? ''}`;
  const seconds = readNumber(b, 'retry_after_seconds');
  let draft: FaultDraft = { message, limit: readNumber(b, 'limit'), retryAfterMs: seconds === undefined ? undefined : seconds * 1000 };
  if (/upgrade required/i.test(text)) draft = { ...draft, code: 'permission_denied', remedy: 'upgrade_plan' };
  else if (s.status === 409 && /already exists/i.test(text)) draft = { ...draft, code: 'already_exists' };
  else if (s.status === 503 && /not reachable/i.test(text)) draft = { ...draft, remedy: 'retry' };
  return { ...fromDetail, ...draft };
}

function body(fault: Fault): Record<string, unknown> {
  switch (fault.code) {
    case 'rate_limited': {
      const out: Record<string, unknown> = { valid: false, error: 'Rate limit exceeded' };
      if (fault.limit !== undefined) out.limit = fault.limit;
      if (fault.retryAfterMs !== undefined) out.retry_after_seconds = Math.ceil(fault.retryAfterMs / 1000);
      return out;
    }
    case 'unauthenticated':
      return { valid: false, error: fault.message };
    case 'permission_denied':
      return fault.remedy === 'upgrade_plan' ? { error: 'Upgrade required', message: fault.message } : { detail: fault.message };
    case 'already_exists':
      return { detail: /already exists/i.test(fault.message) ? fault.message : `${fault.message}: already exists` };
    default:
      return { detail: fault.message };
  }
}

/**
 * What the default classify carries of {@link impulseProfile}: all of it but its renderer.
 * @internal
 */
export const impulseReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'impulse',
  keys: ['valid'],
  hosts: ['inference.impulselabs.ai'],
  codes: {},
  statuses: {
    429: { code: 'rate_limited', retry: 'always' },
    500: { code: 'internal', retry: 'never', remedy: 'contact_support' },
    502: { code: 'bad_gateway', retry: 'always', remedy: 'retry' },
    503: { code: 'service_unavailable', retry: 'always', remedy: 'wait' },
  },
  // `{valid: false, error}` is theirs alone; their `{detail}` and `{error, message}` bodies are left to the URL or the caller.
  detect: (s) => {
    const b = asRecord(s.json);
    return b?.valid === false && typeof b.error === 'string';
  },
  parse,
});

/**
 * Impulse Labs (seed 000).
 *
 * @example
 * ```ts
 * classify({ status: 503, body: `{"detail":"Deployment 'my-model' is not active (status: BUILDING)"}` }, { vendor: 'impulse' });
 * // { code: 'service_unavailable', retry: 'always', remedy: 'wait', vendor: 'impulse', … }
 * ```
 * @public
 */
export const impulseProfile: VendorProfile = /* @__PURE__ */ withRender(impulseReader, {
  render(fault) {
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify(body(fault)) };
  },
});
