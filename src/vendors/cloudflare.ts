/**
 * Cloudflare API v4 (`api.cloudflare.com/client/v4`): every response is
 * `{success, errors: [{code, message, error_chain?}], messages, result}`;
 * a failure has `success: false` and numeric codes. The request id is the
 * `cf-ray` header. Rate limiting is HTTP 429 with code 971 and `Retry-After`.
 * Cloudflare's HTML and `error code: 1015` pages (the proxy, not the API) are
 * the `html` profile's.
 */
import type { CodeRule, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString } from './profile.js';
import { firstRecord, renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Cloudflare API error codes (stringified), from the API docs and the codes the API is seen to send.
 * @internal
 */
export const CLOUDFLARE_CODES = {
  '971': 'rate_limited', // "Please wait and consider throttling your request speed"
  '10000': 'unauthenticated', // "Authentication error": token cannot act for this account or zone
  '9103': 'unauthenticated', // "Unknown X-Auth-Key or X-Auth-Email"
  '9106': 'unauthenticated', // "Missing X-Auth-Key, X-Auth-Email or Authorization headers"
  '9109': 'unauthenticated', // "Invalid access token" / "Unauthorized to access requested resource"
  '9300': 'unauthenticated', // "User session has expired. Please log in again"
  '6003': 'invalid_request', // "Invalid request headers" (details in error_chain)
  '6007': 'invalid_request', // "Malformed JSON in request body"
  '7000': 'not_found', // "No route for that URI"
  '7003': 'not_found', // "Could not route to …, perhaps your object identifier is invalid?"
  '1003': 'invalid_request', // "Invalid or missing zone id."
  '1061': 'already_exists', // "<zone> already exists"
  '81044': 'not_found', // DNS record not found
  '81053': 'already_exists', // "An A, AAAA, or CNAME record with that host already exists."
  '81057': 'already_exists', // "The record already exists."
  '10007': 'not_found', // Workers: "workers.api.error.script_not_found" / version not found
  '3036': 'quota_exhausted', // Workers AI: "You have used up your daily free allocation of 10,000 neurons."
} as const satisfies Readonly<Record<string, CodeRule>>;

function isFailure(json: unknown): boolean {
  const body = asRecord(json);
  return body !== undefined && body.success === false && typeof firstRecord(body.errors)?.code === 'number';
}

/**
 * Cloudflare API v4.
 *
 * @example
 * ```ts
 * classify({ status: 429, headers: { 'retry-after': '300' },
 *   body: '{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}],"messages":[],"result":null}' });
 * // { code: 'rate_limited', vendor: 'cloudflare', vendorCode: '971', retryAfterMs: 300000, … }
 * ```
 * @public
 */
export const cloudflareProfile: VendorProfile = {
  id: 'cloudflare',
  hosts: ['api.cloudflare.com'],
  codes: CLOUDFLARE_CODES,
  detect: (s) => isFailure(s.json),
  parse(s) {
    if (!isFailure(s.json)) return undefined;
    const first = firstRecord(asRecord(s.json)?.errors) as Readonly<Record<string, unknown>>;
    const message = readString(first, 'message');
    const cause = readString(firstRecord(first.error_chain), 'message');
    return {
      vendorCode: String(readNumber(first, 'code')),
      message: message !== undefined && cause !== undefined ? `${message}: ${cause}` : message,
      requestId: s.headers.get('cf-ray'),
    };
  },
  render(fault) {
    const code = renderCode(CLOUDFLARE_CODES, fault);
    const numeric = code === undefined ? NaN : Number(code);
    const body = {
      success: false,
      errors: [{ code: Number.isInteger(numeric) ? numeric : 10001, message: fault.message }],
      messages: [],
      result: null,
    };
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'cf-ray'), body: JSON.stringify(body) };
  },
};
