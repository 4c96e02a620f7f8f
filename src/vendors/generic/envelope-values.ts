/**
 * What the envelope reader (./envelope.ts) takes a member's value to be: a machine code (one token, not a
 * sentence, a URL or a word that names no error), a restated HTTP status, a google.rpc code's status, a
 * sentence, and the shapes of ids.
 */
import { GRPC_STATUS } from '../../core/sdk-fields.js';
import { statusOf } from '../../core/status.js';

type Rec = Readonly<Record<string, unknown>>;

// Words a body puts where a code goes that name no error: Anthropic's `type: "error"`, Kubernetes'
// `status: "Failure"`, problem+json's `about:blank`, the `NA` Razorpay puts where it has no reason,
// Cashfree's `code: "request_failed"` beside the `type` that says what failed, and the Wellcome Collection's
// `errorType: "http"`, which names the protocol that carried the error, and Authelia's `status: "KO"`, the
// failure flag beside its `OK`, and mailcow's `type: "danger"`, the alert its UI shows.
const GENERIC = new Set(['error', 'errors', 'failure', 'fail', 'failed', 'exception', 'about:blank', 'status', 'true', 'false', 'null', 'none', 'success', 'na', 'request_failed', 'http', 'ko', 'danger']);

/**
 * A UUID, as servers mint one per request or error occurrence.
 * @internal
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id token with a digit in it (5 to 64 characters).
 * @internal
 */
export const TOP_ID = /^(?=[A-Za-z-]{0,63}\d)[A-Za-z0-9][\w-]{4,63}$/;

/**
 * A trace id as IBM Cloud's APIs mint one: 16 to 64 hex digits.
 * @internal
 */
export const HEX_TRACE = /^[0-9a-f]{16,64}$/i;

/**
 * An `id` that names an error: lowercase words joined by `_` or `.` (`unauthorized`, `authentication_error`, Mattermost's `api.context.session_expired.app_error`).
 * @internal
 */
export const ID_CODE = /^[a-z]{3,40}(?:[_.][a-z]{1,40}){0,8}$/;

/**
 * One token of letters, digits and `_ . : # + -`, starting with a letter or digit, and never closing on a full stop or a
 * colon: `type: required.` in a printed line ends a sentence, `429:` is a label.
 */
const CODE = /^(?:[A-Za-z0-9](?:[\w.:#+-]*[\w#+-])?|-\d{1,12})$/;

/**
 * A string that looks like a machine code: one token, not a sentence or a URL.
 * @internal
 */
export function codeOf(value: unknown): string | undefined {
  // Negative numbers are codes too: Binance's `{"code":-1003,"msg":…}`, JSON-RPC's `-32005`. Zero is "no error".
  // A status with a sub-number is the vendor's code: ODK Central's `{"message": …, "code": 403.1}` names 403.1 in its table.
  if (typeof value === 'number') return value !== 0 && (Number.isInteger(value) || /^[1-9]\d{2}\.\d{1,3}$/.test(String(value))) ? String(value) : undefined;
  // A `Category:Message` string is its own code, as Kraken's `{"error":["EAPI:Invalid key"]}` lists them.
  if (typeof value === 'string' && /^E[A-Z][A-Za-z]{1,20}:[A-Z][\w ,.'-]{1,100}$/.test(value)) return value;
  // `error_codes: ["currency_required"]`: the first one is the code.
  if (Array.isArray(value)) return codeOf(value[0]);
  if (typeof value !== 'string' || value.length === 0 || value.length > 80 || !CODE.test(value)) return undefined;
  // A status flag of `"0"` (Etherscan's `{"status":"0","message":"NOTOK"}`) names no error.
  // No GENERIC word is longer than `request_failed`: a longer code is spared lower-casing.
  return value === '0' || value.includes('://') || (value.length <= 14 && GENERIC.has(value.toLowerCase())) ? undefined : value;
}

/**
 * A problem `type` given as a relative reference (Zyte's `"type": "/limits/over-user-limit"`): the code as it stands.
 * @internal
 */
export function problemPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.charCodeAt(0) === 47 && /^(?:\/[a-z][a-z0-9-]{0,40}){1,4}$/.test(value) ? value : undefined;
}

/**
 * An error status a body restates (`"status": 429`, `httpStatusCode: 401`).
 * @internal
 */
export function httpStatus(value: unknown): number | undefined {
  // A code padded with zeros (API Entreprise's `"00501"`) is the vendor's table's, not a status.
  const n = typeof value === 'string' && value.charCodeAt(0) === 48 ? undefined : statusOf(value);
  // The error statuses in use (RFC 9110, WebDAV, 429, 451, Cloudflare's 52x): 463 is a vendor code.
  return n !== undefined && ((n >= 400 && n <= 431) || n === 451 || (n >= 500 && n <= 511) || (n >= 520 && n <= 530)) ? n : undefined;
}

/**
 * The status a `google.rpc.Status` body's numeric code stands for (google/rpc/code.proto's mapping,
 * which grpc-gateway's HTTPStatusFromCode follows: 3 INVALID_ARGUMENT is 400, 5 NOT_FOUND 404). Only with its `details` list beside
 * it (grpc-gateway and Google's JSON always send one): elsewhere a small `code` is a vendor's own number.
 * @internal
 */
export function grpcStatus(code: number, r: Rec): number | undefined {
  return Number.isInteger(code) && code >= 1 && code <= 16 && Array.isArray(r.details) ? GRPC_STATUS[code] : undefined;
}

/**
 * A string with more than white space in it, trimmed.
 * @internal
 */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A message member's sentence: a string, or the first of a list of them (Rails' and OneSignal's `{"errors": ["…"]}`).
 * @internal
 */
export function sentence(value: unknown): string | undefined {
  return text(Array.isArray(value) ? value[0] : value);
}

/**
 * One lower-case snake_case word of two to six parts: a code, never a sentence.
 * @internal
 */
export const SNAKE_WORD = /^[a-z]{2,30}(?:_[a-z]{2,30}){1,5}$/;

/**
 * A code-shaped string beside a `status_message` (EBANX's `"status_code": "BP-SA-2"`): a letter, then letters, digits and
 * separators with a digit or separator in them. Bounded quantifiers only.
 * @internal
 */
export const PAIRED_CODE = /^[A-Za-z](?=[\w.-]{0,40}[\d_.-])[\w.-]{1,40}$/;

/**
 * One SCREAMING_SNAKE word of two to seven parts (`USER_EXISTS`, `AUTHORIZATION_ERROR`): a code, never a sentence.
 * @internal
 */
export const SCREAMING_WORD = /^[A-Z][A-Z0-9]{1,30}(?:_[A-Z0-9]{1,30}){1,6}$/;

/**
 * One lower camelCase word of two to six parts (`notAuthenticated`): a code, never a sentence.
 * @internal
 */
export const CAMEL_WORD = /^[a-z]{2,30}(?:[A-Z][a-z0-9]{1,30}){1,5}$/;

/**
 * One PascalCase word of three to six parts (`ErrBadData`, `DeviceNotRegistered`): a code when it stands alone, as no
 * sentence is written so. Two parts are too often a word and its noun (`BadRequest`, `AccessDenied`).
 * @internal
 */
export const PASCAL_WORD = /^[A-Z][a-z]{1,30}(?:[A-Z][a-z0-9]{1,30}){2,5}$/;

/**
 * An identifier of two words or more: `InvalidParams`, `ERR_DATABASE_OP_FAILED`, `rate_limited`.
 * @internal
 */
export const NAME_CODE = /^(?:[A-Z](?=[A-Za-z0-9]{0,80}[a-z])[A-Za-z0-9]{0,80}[A-Z][A-Za-z0-9]{0,80}|[A-Za-z][A-Za-z0-9]{0,30}(?:_[A-Za-z0-9]{1,30}){1,8})$/;

/**
 * A wait an error object gives as a number: `retry_after_ms`, or seconds under `retry_after` and its spellings (API
 * Entreprise's `meta.retry_in`).
 * @internal
 */
export function waitOf(r: Readonly<Record<string, unknown>>): number | undefined {
  const ms = r.retry_after_ms ?? r.retryAfterMs;
  if (typeof ms === 'number' && ms >= 0) return Math.min(ms, Number.MAX_SAFE_INTEGER);
  const s = r.retry_after ?? r.retryAfter ?? r.retry_after_seconds ?? r.retryAfterSeconds ?? r.retry_in;
  const n = typeof s === 'string' && s.trim() !== '' ? Number(s) : s;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.min(Math.round(n * 1000), Number.MAX_SAFE_INTEGER) : undefined;
}
