/**
 * Anthropic (Claude API, `api.anthropic.com`): every error is
 * `{type: "error", error: {type, message, details?}, request_id?}`; the
 * request id is the `request-id` header (and, lately, `request_id` in the
 * body). Rate limits come with `retry-after` (seconds) and
 * `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{remaining,reset}`
 * headers whose reset is an RFC 3339 time. `x-should-retry` is the server's
 * own verdict; classify applies it last.
 *
 * Retry classes follow what Anthropic's SDKs do (they retry 408, 409, 429 and
 * every 5xx, whatever the method), so `api_error` and `timeout_error` are
 * `always` rather than the catalog's `idempotent`. A 429 whose
 * `error.details.error_code` is `enforced_spend_limit_reached` (the tier's
 * monthly cap) or `contract_spend_limit_reached` (the contract's cap; both in
 * the SDK's ERROR_CODE_CLASSES) is a spend cap, not a throttle:
 * `quota_exhausted`, never retried. An account with no prepaid credit left gets
 * a plain 400 `invalid_request_error` saying "Your credit balance is too low to
 * access the Anthropic API": `payment_required` (top up), never retried.
 */
import type { Fault } from '../core/fault.js';
import type { FaultDraft, HeaderReader, ResponseSnapshot, VendorProfile } from './profile.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { asRecord, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';
import { llmMessageCode } from './llm-signals.js';

/**
 * Anthropic `error.type` values (https://docs.claude.com/en/api/errors).
 * @example
 * ```ts
 * ANTHROPIC_CODES.overloaded_error; // 'overloaded'
 * ```
 * @internal
 */
export const ANTHROPIC_CODES = {
  invalid_request_error: 'invalid_request',
  authentication_error: 'unauthenticated',
  billing_error: 'payment_required',
  permission_error: 'permission_denied',
  not_found_error: 'not_found',
  conflict_error: { code: 'conflict', retry: 'always' },
  request_too_large: 'payload_too_large',
  rate_limit_error: 'rate_limited',
  api_error: { code: 'internal', retry: 'always' },
  timeout_error: { code: 'gateway_timeout', retry: 'always' },
  overloaded_error: 'overloaded',
} as const;

/** `error.details.error_code` values that mean a spend cap: nothing succeeds until it resets. */
const SPEND_CAPS: ReadonlySet<string> = new Set(['enforced_spend_limit_reached', 'contract_spend_limit_reached']);

/**
 * A 403 `permission_error` that refuses the credential itself, not what it may do: an OAuth token revoked ("OAuth token
 * has been revoked. Please obtain a new token.", as Claude's OAuth clients meet it). A new token is the remedy.
 */
const REVOKED = /\btoken has been revoked\b|\bobtain a new token\b/i;

/** The 400 an unfunded account gets: nothing succeeds until credits are bought. */
const NO_CREDIT = /\bcredit balance is too low\b/i;

/** The 400 an organization Anthropic has switched off gets ("This organization has been disabled."): a caller refused. */
const DISABLED = /\borganization has been disabled\b/i;

const LIMITS = ['requests', 'tokens', 'input-tokens', 'output-tokens'] as const;

/** The latest reset among the exhausted `anthropic-ratelimit-*` windows: you may send again once all have reset. */
function exhaustedWindow(headers: HeaderReader): { resetAt: number; limit: number | undefined } | undefined {
  let found: { resetAt: number; limit: number | undefined } | undefined;
  for (const name of LIMITS) {
    if (headers.get(`anthropic-ratelimit-${name}-remaining`) !== '0') continue;
    const reset = headers.get(`anthropic-ratelimit-${name}-reset`);
    const at = reset === undefined ? NaN : Date.parse(reset);
    if (Number.isNaN(at) || (found !== undefined && found.resetAt >= at)) continue;
    const limit = Number(headers.get(`anthropic-ratelimit-${name}-limit`));
    found = { resetAt: at, limit: Number.isFinite(limit) ? limit : undefined };
  }
  return found;
}

/**
 * `error` of `{type: "error", error: {…}}`; or, as clients often log it, the
 * inner `{type: "overloaded_error", message}` alone when its type is one of Anthropic's.
 */
function envelope(s: ResponseSnapshot): Readonly<Record<string, unknown>> | undefined {
  const body = asRecord(s.json);
  if (body?.type === 'error') return asRecord(body.error);
  const type = body?.type;
  // Anthropic sends `api_error` only with a 5xx: under a 4xx the bare pair is another server's (Bar Assistant's Laravel
  // handler answers its 403 and 404 with `{"type": "api_error", "message": …}`).
  return typeof type === 'string' && Object.hasOwn(ANTHROPIC_CODES, type) && typeof body?.message === 'string' &&
    !('error' in body) && !('code' in body) && !('param' in body) && !(type === 'api_error' && s.status !== undefined && s.status < 500)
    ? body
    : undefined;
}

/**
 * What the default classify carries of {@link anthropicProfile}: all of it but its renderer.
 * @internal
 */
export const anthropicReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'anthropic',
  keys: ['type'],
  hosts: ['api.anthropic.com'],
  codes: ANTHROPIC_CODES,
  detect: (s) => typeof envelope(s)?.type === 'string',
  parse(s): FaultDraft | undefined {
    const error = envelope(s);
    const type = readString(error, 'type');
    if (type === undefined) return undefined;
    const window = exhaustedWindow(s.headers);
    const spendCap = SPEND_CAPS.has(readString(asRecord(error?.details), 'error_code') ?? '');
    const message = readString(error, 'message');
    // "prompt is too long", "Output blocked by content filtering policy", "Your credit balance is too low" and "This
    // organization has been disabled." are all plain invalid_request_errors: the message is the only signal.
    const byMessage =
      type === 'permission_error' ? (REVOKED.test(message?.slice(0, 500) ?? '') ? 'unauthenticated' : undefined)
      : type !== 'invalid_request_error' ? undefined
      : NO_CREDIT.test(message?.slice(0, 500) ?? '') ? 'payment_required'
      : DISABLED.test(message?.slice(0, 500) ?? '') ? 'permission_denied'
      : llmMessageCode(message);
    return {
      code: spendCap ? 'quota_exhausted' : byMessage,
      vendorCode: type,
      message: readString(error, 'message'),
      requestId: s.headers.get('request-id') ?? readString(asRecord(s.json), 'request_id'),
      retryAfterMs: window === undefined ? undefined : Math.max(0, window.resetAt - s.now),
      resetAt: window?.resetAt,
      limit: window?.limit,
    };
  },
});

/**
 * Anthropic's Claude API.
 *
 * @example
 * ```ts
 * classify({ status: 529, headers: { 'request-id': 'req_018EeWyXxfu5pfWkrYcMdjWG' },
 *   body: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' });
 * // { code: 'overloaded', retry: 'always', vendor: 'anthropic', vendorCode: 'overloaded_error', … }
 * ```
 * @public
 */
export const anthropicProfile: VendorProfile = /* @__PURE__ */ withRender(anthropicReader, {
  expressible: { retryAfter: 'ms' },
  render(fault: Fault) {
    const capped = fault.code === 'quota_exhausted';
    const error: Record<string, unknown> = {
      type: capped ? 'rate_limit_error' : (renderCode(ANTHROPIC_CODES, fault) ?? 'api_error'),
      message: fault.message,
    };
    if (capped) error.details = { error_code: 'enforced_spend_limit_reached' };
    const body: Record<string, unknown> = { type: 'error', error };
    if (fault.requestId !== undefined) body.request_id = fault.requestId;
    const headers = renderHeaders(fault, 'request-id');
    // Anthropic states its verdict on every response; `idempotent` has no header form.
    if (fault.retry !== 'idempotent') headers['x-should-retry'] = String(fault.retry === 'always');
    return { status: renderStatus(fault), headers, body: JSON.stringify(body) };
  },
});
