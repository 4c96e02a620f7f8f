/**
 * The flat error many small APIs send: `{"error": "<snake_code>", "message": "…"}` (and OAuth 2's
 * `{"error": "invalid_grant", "error_description": "…"}`). The code is read through the common
 * code table; an `error` holding a sentence rather than a code is not this shape.
 */
import { codeForStatus } from '../core/status.js';
import { COMMON_CODES, type ToCode, commonCode } from './common-codes.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { FaultDraft, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

const CODE = /^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*$/;

/**
 * The code a flat body's `error` holds, or `undefined` when it holds none: a sentence, or Boom's and
 * NestJS's `{"statusCode": 410, "error": "Gone", "message": "…"}`, whose `error` beside a `statusCode`
 * is the status's reason phrase (the generic layer reads the status and the message instead).
 */
function flatCode(b: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const error = readString(b, 'error');
  if (error === undefined || error.length > 64 || !CODE.test(error)) return undefined;
  // Gotify's `{"error": "Unauthorized", "errorCode": 401, …}` is the same shape with the status under another name; beside
  // Airship's own number (`{"ok": false, "error": "Unauthorized", "error_code": 40101}`) the word is the status in words too.
  // Blockfrost's `{"error": "Forbidden", "message": "…", "status_code": 403}` too. So is the Art Institute of Chicago's
  // `{"status": 401, "error": "Unauthorized", "detail": …}`, the status under its plain name. And a capitalised word alone
  // (Ticket Evolution's `{"error": "Unauthorized"}`) or beside a `message` alone (OpenPanel's) is left to the generic layer, which knows the reason phrases
  // (carrying their table here would weigh on every classifier built from profiles).
  const word = /^[A-Z][a-z]+$/.test(error);
  return word && (b?.statusCode !== undefined || b?.status_code !== undefined || typeof b?.errorCode === 'number' || typeof b?.error_code === 'number' || typeof b?.status === 'number' || Object.keys(b ?? {}).length === 1 || (Object.keys(b ?? {}).length === 2 && typeof b?.message === 'string')) ? undefined : error;
}

/**
 * Reads `{error: "<code>", message}` (the message may be `errorMessage`, a wait in seconds `retryAfter`), or
 * `undefined` when `json` is not that shape; `toCode`
 * reads the code (the generic profile passes the common table).
 * @example
 * ```ts
 * readFlatError({ error: 'insufficient_credits', message: 'Top up' }, commonCode);
 * // { code: 'payment_required', vendorCode: 'insufficient_credits', message: 'Top up', … }
 * ```
 * @internal
 */
export function readFlatError(json: unknown, toCode?: ToCode): FaultDraft | undefined {
  const b = asRecord(json);
  const vendorCode = flatCode(b);
  if (vendorCode === undefined) return undefined;
  const seconds = readNumber(b, 'retry_after_seconds') ?? readNumber(b, 'retry_after') ?? readNumber(b, 'retryAfter');
  // An OAuth error's name beside the vendor's own number (PlayStation's `"error": "invalid_token", "error_code": 4097`):
  // the name says what it means, the number is the vendor's code. A number in the status range is the status again.
  const own = readNumber(b, 'error_code');
  return {
    code: toCode?.(vendorCode),
    vendorCode: own !== undefined && (own < 100 || own > 599) && /^[a-z]+(?:_[a-z]+)+$/.test(vendorCode) ? String(own) : vendorCode,
    message: readString(b, 'message') ?? readString(b, 'error_description') ?? readString(b, 'detail') ?? readString(b, 'errorMessage') ?? vendorCode,
    requestId: readString(b, 'request_id') ?? readString(b, 'requestId'),
    retryAfterMs: seconds === undefined ? undefined : seconds * 1000,
  };
}

/**
 * What the default classify carries of {@link flatErrorProfile}: all of it but its renderer.
 * @internal
 */
export const flatErrorReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'flat-error',
  keys: ['error'],
  codes: COMMON_CODES,
  // readFlatError's test without building a draft: detect runs on every response.
  detect: (s) => flatCode(asRecord(s.json)) !== undefined,
  // A convention many APIs share, not one vendor's: a code the common table does not know is left to the
  // generic layer, which reads its words and any deeper code (`ExpiredToken`, "Token has expired" under a 400).
  parse(s) {
    const draft = readFlatError(s.json, commonCode);
    // Nor is OAuth's `access_denied` a refused permission under a 401 (league/oauth2-server's "Access token could
    // not be verified", SuiteCRM's API): the generic layer reads its words beside the status. Nor is its
    // `temporarily_unavailable` an outage under a 429 (Authelia's "Too many requests. The endpoint is temporarily unavailable").
    return draft?.code === undefined || (draft.code === 'permission_denied' && s.status === 401) || (draft.code === 'service_unavailable' && s.status === 429) || saysLessThanItsWords(draft, s.status) ? undefined : draft;
  },
});

/**
 * Whether a flat error's name in capitals says less than the words beside it: it is only the status again (OCTO's
 * `{"error": "BAD_REQUEST", "errorMessage": "Authorization header is missing"}`), or it stands beside a message of its own
 * (OCTO's `UNPROCESSABLE_ENTITY` beside "Booking cannot be cancelled"). The generic layer reads both.
 */
function saysLessThanItsWords(draft: FaultDraft, status: number | undefined): boolean {
  return /^[A-Z]+(?:_[A-Z]+)*$/.test(draft.vendorCode ?? '') && (draft.code === codeForStatus(status) || draft.message !== draft.vendorCode);
}

/**
 * The generic flat `{error: "<snake_code>", message}` shape.
 *
 * @example
 * ```ts
 * classify({ status: 402, body: '{"error":"insufficient_credits","message":"Top up via dashboard"}' });
 * // { code: 'payment_required', vendor: 'flat-error', vendorCode: 'insufficient_credits', … }
 * ```
 * @public
 */
export const flatErrorProfile: VendorProfile = /* @__PURE__ */ withRender(flatErrorReader, {
  render(fault) {
    const error = renderCode(COMMON_CODES, fault) ?? fault.code;
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify({ error, message: fault.message }) };
  },
});
