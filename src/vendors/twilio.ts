/**
 * Twilio REST API errors, in the three shapes Twilio sends:
 * the 2010 API in JSON, `{code, message, more_info, status}`; the same in XML,
 * `<TwilioResponse><RestException><Code>…`; and the newer product APIs'
 * `{errors: [{code, message, infoUrl, context}]}`. The five-digit `code` is
 * the vendor code; `Twilio-Request-Id` is the request id.
 */
import { builtinProfile, withRender } from './builtin-profile.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { asRecord, readNumber, readString, xmlText } from './profile.js';
import { firstRecord, renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Twilio error codes (https://www.twilio.com/docs/api/errors), stringified.
 * @example
 * ```ts
 * TWILIO_CODES['20429']; // 'rate_limited'
 * ```
 * @internal
 */
export const TWILIO_CODES = /* @__PURE__ */ codeTable({
  unauthenticated: '20003', // Authenticate / Permission Denied (bad credentials)
  permission_denied: '20005 20008 20403 21408 21608 21610', // inactive account, test credentials, region, trial, unsubscribed
  not_found: '20404',
  invalid_request: '20422 21211 21212 21602 21604 21606 21614 60200', // invalid parameter, To/From numbers, body
  payload_too_large: '21617', // body over 1600 characters
  rate_limited: '20429 14107 60203', // too many requests, SMS send rate, Verify max send attempts
  internal: '20500',
  service_unavailable: '20503',
});

/** The error record of either JSON shape, or `undefined`. */
function jsonError(json: unknown): Readonly<Record<string, unknown>> | undefined {
  const body = asRecord(json);
  if (body === undefined) return undefined;
  // Twilio's link is to its own docs; GetStream's bodies have the same two members (`"more_info":
  // "https://getstream.io/chat/docs/api_errors_response"`).
  if (typeof body.code === 'number' && typeof body.more_info === 'string' && body.more_info.includes('twilio.com')) return body;
  const first = firstRecord(body.errors);
  return typeof first?.code === 'number' && readString(first, 'infoUrl')?.includes('twilio.com') === true
    ? first
    : undefined;
}

function isXml(s: ResponseSnapshot): boolean {
  return s.json === undefined && s.text.includes('<RestException>');
}

/**
 * What the default classify carries of {@link twilioProfile}: all of it but its renderer.
 * @internal
 */
export const twilioReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'twilio',
  // `more_info` beside the numeric `code`, or an `errors` list: many bodies have a `code`, few a `more_info`.
  keys: ['more_info', 'errors'],
  hosts: ['api.twilio.com', '*.twilio.com'],
  codes: TWILIO_CODES,
  detect: (s) => jsonError(s.json) !== undefined || isXml(s),
  parse(s) {
    const requestId = s.headers.get('twilio-request-id');
    const e = jsonError(s.json);
    let draft: FaultDraft | undefined;
    if (e !== undefined) {
      draft = { vendorCode: String(readNumber(e, 'code')), message: readString(e, 'message'), requestId };
    } else if (isXml(s)) {
      draft = { vendorCode: xmlText(s.text, 'Code'), message: xmlText(s.text, 'Message'), requestId };
    }
    return draft;
  },
});

/**
 * Twilio.
 *
 * @example
 * ```ts
 * classify({ status: 404, body: '{"code":20404,"message":"Not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}' });
 * // { code: 'not_found', vendor: 'twilio', vendorCode: '20404', … }
 * ```
 * @public
 */
export const twilioProfile: VendorProfile = /* @__PURE__ */ withRender(twilioReader, {
  render(fault) {
    const status = renderStatus(fault);
    const own = Number(renderCode(TWILIO_CODES, fault));
    // Twilio's generic codes are 20000 + the HTTP status (20404, 20429, 20500).
    const code = Number.isInteger(own) ? own : 20000 + status;
    const body = {
      code,
      message: fault.message,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    };
    return { status, headers: renderHeaders(fault, 'twilio-request-id'), body: JSON.stringify(body) };
  },
});
