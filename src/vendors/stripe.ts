/**
 * Stripe (`api.stripe.com`): `{error: {type, code?, decline_code?, message, param?, doc_url?, request_log_url?, charge?, …}}`;
 * `type` is one of api_error, card_error, idempotency_error,
 * invalid_request_error; `code` is the finer reason. The request id is the
 * `request-id` header (`req_…`, also inside `request_log_url`);
 * `Stripe-Should-Retry` is Stripe's own verdict, applied last by classify.
 *
 * Telling Stripe from OpenAI: both send `{error: {type, message, code, param}}`
 * and share `invalid_request_error`. Only Stripe sends `doc_url`,
 * `request_log_url`, `decline_code`, `charge`, `payment_intent`,
 * `setup_intent`, `payment_method`, `advice_code`; only Stripe has the
 * `card_error` and `idempotency_error` types; only Stripe answers with
 * `Stripe-Should-Retry`, `Stripe-Version` or `Original-Request` headers, or a
 * code only Stripe uses (`lock_timeout`, `resource_missing`, `parameter_missing` …), or a
 * short `req_` id in `request-id` (Anthropic's are longer and its envelope is
 * claimed first). A body with none of these marks (Stripe's bare 401
 * `{error: {message, type}}`) is left to the `api.stripe.com` host match.
 *
 * Retry classes follow stripe-node: it retries 409 and every 5xx and sends an
 * `Idempotency-Key` on every POST, so `api_error` keeps the catalog's
 * `idempotent`; `lock_timeout` (HTTP 429) and `idempotency_key_in_use` (409)
 * are concurrency conflicts Stripe says to retry: `conflict`, `always`; so is
 * any other 409 (`RequestSender._shouldRetry`: "Retry on conflict errors").
 * stripe-node's `generateV1Error` reads a 400 whose code is `rate_limit` (the
 * legacy form) as a rate limit, and the v2 API answers a 400 of type
 * `rate_limit`: both are `rate_limited`.
 *
 * The vendor code is the most specific one Stripe sent: a card decline's
 * `decline_code` (`insufficient_funds`, `do_not_honor`, `fraudulent`) over its
 * `code` (`card_declined`), over its `type`.
 */
import type { FaultCode } from '../core/catalog.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { asRecord, codeIn, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Stripe error types and codes (https://docs.stripe.com/error-codes).
 * @example
 * ```ts
 * STRIPE_CODES.card_declined; // 'payment_required'
 * ```
 * @internal
 */
export const STRIPE_CODES = {
  ...codeTable({
    payment_required:
      'card_error card_declined expired_card incorrect_cvc incorrect_number invalid_cvc invalid_expiry_month ' +
      'invalid_expiry_year invalid_number insufficient_funds card_decline_rate_limit_exceeded authentication_required ' +
      'balance_insufficient',
    conflict: 'idempotency_error charge_already_captured charge_already_refunded',
    // invalid_request_error and api_error are left out: they say no more than the status does (a 404 stays not_found).
    invalid_request:
      'parameter_missing parameter_invalid_empty parameter_invalid_integer ' +
      'parameter_invalid_string_blank parameter_invalid_string_empty parameter_unknown amount_too_small amount_too_large ' +
      'email_invalid url_invalid',
    unauthenticated: 'authentication_error api_key_expired platform_api_key_expired',
    permission_denied: 'permission_error secret_key_required testmode_charges_only',
    rate_limited: 'rate_limit_error rate_limit',
    not_found: 'resource_missing',
    already_exists: 'resource_already_exists',
  }),
  lock_timeout: { code: 'conflict', retry: 'always' },
  idempotency_key_in_use: { code: 'conflict', retry: 'always' },
  // "An error occurred while processing the card. Try again later."
  processing_error: { code: 'payment_required', retry: 'always' },
} as const;

const TYPES: readonly string[] = [
  'api_error', 'card_error', 'idempotency_error', 'invalid_request_error', 'authentication_error', 'rate_limit_error', 'permission_error',
];
/** Codes no other `{error: {type, code}}` API uses (https://docs.stripe.com/error-codes): a mark as telling as `doc_url`. */
const STRIPE_ONLY_CODES: ReadonlySet<string> = new Set([
  'lock_timeout', 'resource_missing', 'idempotency_key_in_use', 'parameter_missing', 'parameter_unknown', 'parameter_invalid_empty',
  'parameter_invalid_integer', 'parameter_invalid_string_blank', 'parameter_invalid_string_empty', 'card_declined',
  'charge_already_captured', 'charge_already_refunded', 'testmode_charges_only', 'secret_key_required', 'platform_api_key_expired',
  'balance_insufficient', 'card_decline_rate_limit_exceeded',
]);
const STRIPE_KEYS = ['doc_url', 'request_log_url', 'decline_code', 'charge', 'payment_intent', 'setup_intent', 'payment_method', 'advice_code'] as const;

function errorOf(s: ResponseSnapshot): Readonly<Record<string, unknown>> | undefined {
  return asRecord(asRecord(s.json)?.error);
}

function looksLikeStripe(s: ResponseSnapshot): boolean {
  const error = errorOf(s);
  const type = readString(error, 'type');
  if (error === undefined || type === undefined || !TYPES.includes(type)) return false;
  if (type === 'card_error' || type === 'idempotency_error') return true;
  for (const key of STRIPE_KEYS) if (key in error) return true;
  const code = error.code;
  if (typeof code === 'string' && STRIPE_ONLY_CODES.has(code)) return true;
  const h = s.headers;
  if (h.get('stripe-should-retry') !== undefined || h.get('stripe-version') !== undefined || h.get('original-request') !== undefined) return true;
  return /^req_[A-Za-z0-9]{8,20}$/.test(h.get('request-id') ?? '');
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const error = errorOf(s);
  if (error === undefined) return undefined;
  const type = readString(error, 'type');
  const code = readString(error, 'code');
  const decline = readString(error, 'decline_code');
  const vendorCode = decline ?? code ?? type;
  const param = readString(error, 'param');
  const message = readString(error, 'message');
  // A decline code the table does not list means what its `code` (card_declined) means; an
  // unlisted code of a telling type (card_error, idempotency_error, rate_limit …) is read by its type.
  const byCode = decline !== undefined && !Object.hasOwn(STRIPE_CODES, decline) ? codeIn(STRIPE_CODES, code) : undefined;
  const byType =
    vendorCode !== undefined && !Object.hasOwn(STRIPE_CODES, vendorCode) && type !== 'invalid_request_error' ? codeIn(STRIPE_CODES, type) : undefined;
  return {
    code: byCode ?? byType,
    vendorCode,
    message,
    requestId: /req_[A-Za-z0-9]+/.exec(readString(error, 'request_log_url') ?? '')?.[0],
    fields: param === undefined ? undefined : [{ path: param, message: message ?? vendorCode ?? '' }],
  };
}

/** The `type` Stripe sends with a code of this meaning. */
function typeFor(code: FaultCode): string {
  switch (code) {
    case 'payment_required': return 'card_error';
    case 'internal': return 'api_error';
    case 'unauthenticated': return 'authentication_error';
    default: return 'invalid_request_error';
  }
}

/**
 * What the default classify carries of {@link stripeProfile}: all of it but its renderer.
 * @internal
 */
export const stripeReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'stripe',
  keys: ['error.type'],
  hosts: ['api.stripe.com', 'files.stripe.com'],
  codes: STRIPE_CODES,
  // stripe-node retries every 409 ("Retry on conflict errors"), with an Idempotency-Key on every POST.
  statuses: { 409: { code: 'conflict', retry: 'always' } },
  detect: looksLikeStripe,
  parse,
});

/**
 * Stripe.
 *
 * @example
 * ```ts
 * classify({ status: 402, headers: { 'request-id': 'req_red55E8FlXf3Nz' },
 *   body: '{"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined."}}' });
 * // { code: 'payment_required', retry: 'never', vendor: 'stripe', vendorCode: 'generic_decline', requestId: 'req_red55E8FlXf3Nz', … }
 * ```
 * @public
 */
export const stripeProfile: VendorProfile = /* @__PURE__ */ withRender(stripeReader, {
  expressible: { retryAfter: 'ms' },
  render(fault) {
    const vendorCode = renderCode(STRIPE_CODES, fault) ?? 'api_error';
    const isType = TYPES.includes(vendorCode);
    const error: Record<string, unknown> = { type: isType ? vendorCode : typeFor(fault.code), message: fault.message };
    if (!isType) {
      error.code = vendorCode;
      error.doc_url = `https://stripe.com/docs/error-codes/${vendorCode.replace(/_/g, '-')}`;
    }
    if (fault.requestId !== undefined) error.request_log_url = `https://dashboard.stripe.com/logs/${fault.requestId}`;
    const headers = renderHeaders(fault, 'request-id');
    headers['stripe-version'] = '2024-06-20';
    if (fault.retry !== 'idempotent') headers['stripe-should-retry'] = String(fault.retry === 'always');
    return { status: renderStatus(fault), headers, body: JSON.stringify({ error }) };
  },
});
