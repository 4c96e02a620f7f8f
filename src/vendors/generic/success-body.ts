/**
 * When a body sent with a success status (2xx, 3xx) is an error: many APIs answer every call with
 * 200 and put the failure in the body (Slack's `error`, JSend's `status: "error"`, Google Maps'
 * `status: "OVER_QUERY_LIMIT"`, monday.com's `error_code` with `status_code: 429`). Only what names an error counts, never the words of a payload: a resource
 * whose `status` is "active" or "SUSPENDED", or a list of items with statuses, is no fault.
 */
import type { FaultCode } from '../../core/catalog.js';
import { asRecord } from '../profile.js';
import type { Envelope } from './envelope.js';
import { resultStatus, unwrapped } from './envelope-shapes.js';
import { ID_CODE } from './envelope-values.js';
import { meaningOf } from './lexicon.js';

/** Members whose presence with a value reports an error, by their name without case, `-` or `_`. */
const ERROR_MEMBERS: ReadonlySet<string> = new Set([
  'error', 'errors', 'err', 'fault', 'exception',
  'errorcode', 'errormessage', 'errordescription', 'errortype', 'errortext', 'errormsg', 'errmsg', 'errcode',
  'exceptioncode', 'exceptionmessage', 'faultstring', 'faultcode', 'errorcodes', 'errornumber',
]);

/** Values of those members that say "no error" (`"error": false`, WeChat's `errcode: 0`, `errmsg: "ok"`). */
const NONE: ReadonlySet<string> = new Set(['', '0', '00', 'ok', 'success', 'none', 'null', 'false']);

/**
 * What a JSend `status`, an OpenAI-style `object` or a `type`/`kind`/`result`/`response` member (CryptoCompare's `"Response": "Error"`)
 * says of an error; mailcow's API names its failures by the alert they show (`{"type": "danger", "msg": ["object_exists", …]}`).
 */
const ERROR_KINDS: ReadonlySet<string> = new Set(['error', 'fail', 'failure', 'exception', 'danger']);

/** A kind of error named as one (Postal's `{"status": "parameter-error", …}` beside its `"error"`). Bounded quantifiers only. */
const KIND_OF_ERROR = /^[a-z]{2,20}[-_]error$/;

/**
 * A `status: "failed"` (or a `success: false`) names the call's failure only beside its message (or title) and little else
 * (Observium's `{"status": "failed", "message": "Unauthorized."}`); in a resource it is the state of a job or a payment.
 * So does a `status: "invalid"` (Mail-in-a-Box's 200 `{"reason": "Incorrect username or password", "status": "invalid"}`).
 */
function failedCall(r: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(r);
  // Or its `title` (Wallos' 200 `{"success": false, "title": "Invalid API key"}`), or its `reason` (Cloudlog's `{"status":
  // "failed", "reason": "wrong JSON"}`).
  // Or a message under another name (piSignage's `{"stat_message": "…", "success": false}`).
  return keys.length <= 3 && (typeof r.message === 'string' || typeof r.msg === 'string' || typeof r.title === 'string' || typeof r.reason === 'string' || typeof r.stat_message === 'string') && !('id' in r);
}

/** A message's opening words that say the call failed. Anchored, fixed words: linear. */
const FAILED_TO = /^(?:Failed to|Unable to|Could not|Cannot) [a-z]/;

/** Messages that say only that the call failed. */
const VERDICTS: ReadonlySet<string> = new Set(['notok', 'not ok', 'nok', 'error', 'failed', 'failure', 'fail']);

/** Words a SCREAMING_CASE `status` uses only for a refused call (REQUEST_DENIED, UNKNOWN_ERROR, OVER_DAILY_LIMIT). */
const FAILURE_WORDS: ReadonlySet<string> = new Set(['error', 'denied', 'limit', 'exceeded', 'invalid', 'exception', 'unauthorized', 'unauthenticated', 'forbidden', 'quota', 'exhausted']);

/** Meanings a bare message in a 2xx body carries only when the call failed: no success message says them. */
const FAILURE_MEANINGS: ReadonlySet<FaultCode> = new Set<FaultCode>(['rate_limited', 'bad_gateway', 'gateway_timeout', 'connection_reset']);

/** What a short text says when it reports a success ("OK", "Saved!", "Email sent"): then it reports no failure. Bounded, linear. */
const SUCCESS_TEXT = /\b(?:ok|okay|success|successful|successfully|succeeded|done|saved|created|updated|deleted|removed|sent|queued|accepted|welcome|thanks|thank you)\b/i;

/** A text that opens by calling itself an error or a failure ("error: a script is already running", "Update Failed: …"). */
const FAILURE_OPENING = /^(?:\w{1,20} ){0,2}(?:error|errors|failed|failure|fatal)\b/i;

/**
 * A text body of a line or two that says the call failed (Hauk's PHP `die("Incorrect password!\n")`, Stellarium's "error: a
 * script is already running", Anki's sync server's "collection exceeds size limit"): small servers print their error as
 * the whole body and never set a status. A longer text, or markup, or JSON, is a payload; one that reports a success
 * reports nothing else.
 */
function failureText(head: string, text: string | undefined): boolean {
  const t = head.trim();
  if (t.length < 2 || t.length > 200 || /^[<{[]/.test(t) || t.indexOf('\n') !== t.lastIndexOf('\n') || SUCCESS_TEXT.test(t)) return false;
  return FAILURE_OPENING.test(t) || FAILED_TO.test(t) || meaningOf(text).any !== undefined;
}

function present(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (typeof v === 'string') return !NONE.has(v.trim().toLowerCase());
  if (typeof v === 'number') return v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return typeof v !== 'object' || Object.keys(v).length > 0;
}

/** A `status` like `OVER_QUERY_LIMIT`: capitals and digits in two to eight `_`-joined words, one of them a failure's. */
function failureStatus(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > 64 || !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){1,7}$/.test(v)) return false;
  return v.toLowerCase().split('_').some((w) => FAILURE_WORDS.has(w));
}

/**
 * A list answer whose every entry is an error object: the Philips Hue bridge answers each call with
 * 200 and a list of `{"error": {type, address, description}}` or `{"success": …}` entries. A list of
 * results of which only some carry an error is a partial success, not a fault.
 */
function errorList(list: readonly unknown[]): boolean {
  if (list.length === 0) return false;
  const end = Math.min(list.length, 16);
  for (let i = 0; i < end; i++) {
    const e = asRecord(list[i]);
    // Or Vonage's SMS API's per-message `{"status": "4", "error-text": "Bad Credentials"}` (its successes have neither).
    if (e === undefined || !(present(e.error ?? e.errors ?? e['error-text']) || (typeof e.type === 'string' && ERROR_KINDS.has(e.type.toLowerCase())))) return false;
  }
  return true;
}

/**
 * Whether a body that came with a success status reports an error. `text` is what the envelope's
 * codes and messages say: a body of nothing but a message errs when the message says the call was
 * throttled or its connection upstream failed (a gateway's `{"message": "Network connection lost."}`).
 * `head` is the body as text, for a body that is no JSON.
 *
 * @example
 * ```ts
 * errsInSuccess({ status: 'OVER_QUERY_LIMIT', results: [] }, {}, undefined); // true
 * errsInSuccess({ status: 'active', id: 'x' }, {}, undefined); // false
 * ```
 * @internal
 */
export function errsInSuccess(json: unknown, env: Envelope, text: string | undefined, head = ''): boolean {
  // An error status the body restates (`status_code: 429`, `code: 404`) is an error whatever else it holds.
  if (env.status !== undefined) return true;
  const body = asRecord(json);
  if (resultStatus(body) !== undefined) return true;
  const r = unwrapped(body);
  if (r === undefined) return Array.isArray(json) ? errorList(json) : json === undefined && failureText(head, text);
  let n = 0;
  let onlyMessages = true;
  let message = false;
  let code = false;
  let numbered = false;
  let described = false;
  for (const key in r) {
    if (++n > 64) break;
    const v = r[key];
    const bare = key.replace(/[-_ ]/g, '').toLowerCase();
    if (ERROR_MEMBERS.has(bare) && present(v)) return true;
    // So does an `error_id` that names an error in words (SwarmUI's 200 `{"error_id": "ratelimit"}`), never a request's id.
    if (bare === 'errorid' && typeof v === 'string' && ID_CODE.test(v)) return true;
    // So does one named for its errors that holds them (VIES' `{"actionSucceed": false, "errorWrappers": [{"error": "INVALID_INPUT"}]}`).
    if (bare.startsWith('error') && typeof v === 'object' && present(v)) return true;
    // So does a payload wrapper whose record holds one (Tiny Tiny RSS' `{"seq": 0, "status": 1, "content": {"error": "NOT_LOGGED_IN"}}`).
    if ((bare === 'content' || bare === 'data' || bare === 'result' || bare === 'payload') && present(asRecord(v)?.error)) return true;
    // So does a list of per-message results that all failed (Vonage's SMS API: `{"message-count": "1", "messages": [{"status":
    // "4", "error-text": "Bad Credentials"}]}` under a 200).
    if (bare === 'messages' && Array.isArray(v) && errorList(v)) return true;
    if ((bare === 'status' || bare === 'type' || bare === 'object' || bare === 'kind' || bare === 'result' || bare === 'response') && typeof v === 'string' && (ERROR_KINDS.has(v.toLowerCase()) || KIND_OF_ERROR.test(v) || ((v === 'failed' || v === 'invalid') && failedCall(r)))) return true;
    if (bare === 'status' && failureStatus(v)) return true;
    // So does `success: false` beside its message and little else (Docspell's `{"success": false, "message": "A tag
    // 'invoice' already exists"}`, UVdesk's); in a resource it may be an attempt's record.
    // So does a `status: false` (OpenBroadcaster's `{"status": false, "msg": "Media not found.", "data": null}`).
    // So does a `saved: false` (Paisa's `{"message": "File already exists", "saved": false}`).
    if ((bare === 'success' || bare === 'ok' || bare === 'status' || bare === 'saved') && v === false && failedCall(r)) return true;
    // A message that is nothing but a verdict of failure (Etherscan's `"message": "NOTOK"`).
    if ((bare === 'message' || bare === 'msg') && typeof v === 'string' && VERDICTS.has(v.trim().toLowerCase())) return true;
    message ||= (bare === 'message' || bare === 'msg') && typeof v === 'string' && v.trim() !== '';
    // A `code` that is neither "no error" (0, "OK") nor a success status (`code: 200`).
    code ||= (bare === 'code' || bare === 'responsecode' || bare === 'resultcode') && present(v) && !(typeof v === 'number' && v >= 100 && v < 400);
    // A `status` numbered past any HTTP status, beside a description (CapRover's `{"status": 1105, "description": "Invalid
    // credentials", "data": {}}`, whose successes say 100).
    numbered ||= bare === 'status' && typeof v === 'number' && v >= 1000;
    described ||= bare === 'description' && typeof v === 'string' && v.trim() !== '';
    onlyMessages &&= bare.endsWith('message') || bare === 'msg' || bare === 'detail';
  }
  if (numbered && (message || described) && n <= 4) return true;
  // A number as `status` beside a message and nothing else says the call failed when the message means a failure
  // (PrivateBin's 200 `{"status": 1, "message": "Document does not exist, has expired or has been deleted."}`); a
  // success's message means none (`{"status": 1, "message": "Paste created"}`).
  // So does one written as a string of digits, 0 included, beside an empty `result` (Sentrifugo's 200 `{"status": "0",
  // "message": "Invalid credentials given", "result": ""}`).
  const flag = typeof r.status === 'number' ? r.status !== 0 : typeof r.status === 'string' && /^\d{1,4}$/.test(r.status);
  if ((n === 2 || (n === 3 && r.result === '')) && flag && typeof r.message === 'string' && meaningOf(text).any !== undefined) return true;
  // A code beside a message is the error envelope many APIs send with every 200 (`{"code": 40001, "msg": …}`); so is one
  // beside a `description` and nothing else (Cronicle's `{"code": "session", "description": "Session has expired or is invalid."}`).
  // And one alone (SRS's 200 `{"code": 2048}`, a stream not found): no success says nothing but a number past "no error".
  if (code && (message || (described && n === 2) || (n === 1 && typeof r.code === 'number'))) return true;
  if (!onlyMessages || n === 0) return false;
  // A message that opens by saying the call failed (Indico's `{"message": "Failed to create the booking due to conflicts
  // with other bookings"}` under a 200) reports it, whatever it goes on to name.
  if (message && FAILED_TO.test(String(r.message ?? r.msg))) return true;
  const { strong } = meaningOf(text);
  return strong !== undefined && FAILURE_MEANINGS.has(strong);
}
