/**
 * Twilio REST API errors, in the three shapes Twilio sends:
 * the 2010 API in JSON, `{code, message, more_info, status}`; the same in XML,
 * `<TwilioResponse><RestException><Code>…`; and the newer product APIs'
 * `{errors: [{code, message, infoUrl, context}]}`. The five-digit `code` is
 * the vendor code; `Twilio-Request-Id` is the request id.
 */
import type { CodeRule, FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString } from './profile.js';
import { firstRecord, renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Twilio error codes (https://www.twilio.com/docs/api/errors), stringified.
 * @internal
 */
export const TWILIO_CODES = {
  '20003': 'unauthenticated', // Authenticate / Permission Denied (bad credentials)
  '20005': 'permission_denied', // Account not active
  '20008': 'permission_denied', // Resource not accessible with Test Account Credentials
  '20403': 'permission_denied', // Forbidden
  '20404': 'not_found', // The requested resource was not found
  '20422': 'invalid_request', // Invalid Parameter
  '20429': 'rate_limited', // Too Many Requests
  '20500': 'internal', // Internal Server Error
  '20503': 'service_unavailable', // Service Unavailable
  '14107': 'rate_limited', // SMS send rate limit exceeded
  '21211': 'invalid_request', // Invalid 'To' Phone Number
  '21212': 'invalid_request', // Invalid 'From' Phone Number
  '21602': 'invalid_request', // Message body is required
  '21604': 'invalid_request', // 'To' phone number is required
  '21606': 'invalid_request', // 'From' number is not a valid message-capable Twilio number
  '21614': 'invalid_request', // 'To' number is not a valid mobile number
  '21617': 'payload_too_large', // Concatenated message body exceeds the 1600 character limit
  '21408': 'permission_denied', // Permission to send an SMS has not been enabled for the region
  '21608': 'permission_denied', // Trial accounts can only send to verified numbers
  '21610': 'permission_denied', // Attempt to send to unsubscribed recipient
  '60200': 'invalid_request', // Verify: Invalid parameter
  '60203': 'rate_limited', // Verify: Max send attempts reached
} as const satisfies Readonly<Record<string, CodeRule>>;

/** Text of the first `<name>…</name>`; indexOf only, linear on any input. */
function xmlText(text: string, name: string): string | undefined {
  const start = text.indexOf(`<${name}>`);
  if (start < 0) return undefined;
  const end = text.indexOf(`</${name}>`, start);
  return end < 0 ? undefined : text.slice(start + name.length + 2, end).trim() || undefined;
}

/** The error record of either JSON shape, or `undefined`. */
function jsonError(json: unknown): Readonly<Record<string, unknown>> | undefined {
  const body = asRecord(json);
  if (body === undefined) return undefined;
  if (typeof body.code === 'number' && typeof body.more_info === 'string') return body;
  const first = firstRecord(body.errors);
  return typeof first?.code === 'number' && readString(first, 'infoUrl')?.includes('twilio.com') === true
    ? first
    : undefined;
}

function isXml(s: ResponseSnapshot): boolean {
  return s.json === undefined && s.text.includes('<RestException>');
}

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
export const twilioProfile: VendorProfile = {
  id: 'twilio',
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
};
