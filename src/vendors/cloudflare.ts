/**
 * Cloudflare API v4 (`api.cloudflare.com/client/v4`): every response is
 * `{success, errors: [{code, message, error_chain?}], messages, result}`;
 * a failure has `success: false` and numeric codes. The request id is the
 * `cf-ray` header. Rate limiting is HTTP 429 with code 971 and `Retry-After`.
 * Cloudflare's HTML and `error code: 1015` pages (the proxy, not the API) are
 * the `html` profile's.
 */
import type { FaultCode } from '../core/catalog.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { codeByMeaning } from './generic/decide.js';
import { asRecord, codeIn, readNumber, readString } from './profile.js';
import { firstRecord, renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Cloudflare API error codes (stringified), from the API docs and the codes the API is seen to send.
 * @example
 * ```ts
 * CLOUDFLARE_CODES['971']; // 'rate_limited'
 * ```
 * @internal
 */
export const CLOUDFLARE_CODES = /* @__PURE__ */ codeTable({
  rate_limited: '971', // "Please wait and consider throttling your request speed"
  // 10000 "Authentication error"; 9103 unknown key/email; 9106 missing auth headers; 9109 invalid token; 9300 session expired
  // Under 6003 "Invalid request headers", the error_chain names the header: X-Auth-Email or X-Auth-Key missing (6100,
  // 6101) or malformed (6102, 6103), Authorization malformed (6111), as the API answers a token sent as a key.
  unauthenticated: '10000 9103 9106 9109 9300 6100 6101 6102 6103 6111',
  invalid_request: '6003 6007 1003', // invalid request headers (see error_chain), malformed JSON, invalid zone id
  not_found: '7000 7003 81044 10007', // no route / bad object identifier, DNS record, Workers script or version
  already_exists: '1061 81053 81057', // zone exists, record exists
  // Workers AI's daily free allocation used up; D1's "System limit reached: databases per account (10)", which wrangler
  // answers with "You have reached the maximum number of D1 databases for your account" (wrangler's d1/create.ts).
  quota_exhausted: '3036 7406',
});

/**
 * A code the table lacks whose message says the thing exists already, under a status that could carry it (Workers KV's
 * 10014 "A namespace with this account ID and title already exists" under a 400). Only that meaning: Cloudflare's other
 * messages name fields and windows ("new_users_per_minute must be in range …") that no lexicon reads right.
 */
function duplicate(status: number | undefined, message: string | undefined): FaultCode | undefined {
  return status !== undefined && codeByMeaning(status, undefined, message) === 'already_exists' ? 'already_exists' : undefined;
}

function isFailure(json: unknown): boolean {
  const body = asRecord(json);
  return body !== undefined && body.success === false && typeof firstRecord(body.errors)?.code === 'number';
}

/**
 * What the default classify carries of {@link cloudflareProfile}: all of it but its renderer.
 * @internal
 */
export const cloudflareReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'cloudflare',
  keys: ['success'],
  hosts: ['api.cloudflare.com'],
  codes: CLOUDFLARE_CODES,
  detect: (s) => isFailure(s.json),
  parse(s) {
    if (!isFailure(s.json)) return undefined;
    const first = firstRecord(asRecord(s.json)?.errors) as Readonly<Record<string, unknown>>;
    const message = readString(first, 'message');
    const chain = firstRecord(first.error_chain);
    const cause = readString(chain, 'message');
    // The chain's code is the more specific (6103 "Invalid format for X-Auth-Key header" under 6003); the outer one
    // decides where the table lacks it.
    const outer = String(readNumber(first, 'code'));
    const inner = readNumber(chain, 'code');
    const vendorCode = inner === undefined ? outer : String(inner);
    return {
      code: codeIn(CLOUDFLARE_CODES, vendorCode) ?? codeIn(CLOUDFLARE_CODES, outer) ?? duplicate(s.status, message),
      vendorCode,
      message: message !== undefined && cause !== undefined ? `${message}: ${cause}` : message,
      requestId: s.headers.get('cf-ray'),
    };
  },
});

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
export const cloudflareProfile: VendorProfile = /* @__PURE__ */ withRender(cloudflareReader, {
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
});
