/**
 * The response inside an SDK's printout: the object an SDK prints after its own words (openai-python's
 * `Error code: 429 - {'error': {…, 'code': 'insufficient_quota'}}`, slack_sdk's `The server responded with: {'ok': False,
 * 'error': 'no_text'}`), with the status the printout states. The default classifier hands it to the vendors' profiles
 * before the generic layer reads the printout, so a vendor's own table decides its code there too.
 */
import { type Fault, createFault } from '../../core/fault.js';
import { platformOf } from '../../core/sdk-bodies.js';
import type { ResponseSnapshot } from '../profile.js';
import { WEAK } from './lexicon-rules.js';
import { statusInText } from './printed-status.js';
import { jsonString, scanObject } from './scan.js';

/** A printout states its object early: an SDK's words, a status, then the body. */
const WITHIN = 1024;

/**
 * The scanned object without the word the text was cut inside (`{'error': {'code': 'rate_li…`): the scanner marks a cut
 * string with an ellipsis, which a vendor's profile would take for its code. A cut sentence stays; it still says
 * what it says.
 */
function settled<T>(value: T, depth: number): T {
  if (typeof value === 'string') return (value.endsWith('\u2026') && !value.includes(' ') ? undefined : value) as T;
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => settled(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = settled(value[key], depth + 1);
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

/**
 * The printout a flat JSON log record keeps as its `error` (Claude Code's `{"error": "Error: 429 {\"type\":\"error\",…}\n
 * at generate (…)", "timestamp": "…"}`): the SDK's error as text, whose object the vendors' profiles read as any printout's.
 */
function loggedPrintout(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const record = json as Readonly<Record<string, unknown>>;
  const error = record.error;
  if (typeof error !== 'string' || !error.slice(0, WITHIN).includes('{"')) return undefined;
  for (const key in record) if (typeof record[key] === 'object') return undefined;
  return error;
}

/** A record of response headers: every value a string or number, `content-type` or `date` among them. */
function headerMap(value: Readonly<Record<string, unknown>>): boolean {
  if (!('content-type' in value) && !('date' in value)) return false;
  for (const key in value) if (typeof value[key] === 'object') return false;
  return true;
}

/**
 * The snapshot of the object a text body prints, with the status the text states where the response had none;
 * `undefined` when the body is JSON (but for a log record's printout), or prints no object with a member.
 *
 * @example
 * ```ts
 * printedResponse({ status: undefined, headers: { get: () => undefined }, json: undefined, contentType: '', host: undefined, now: 0,
 *   text: "openai.RateLimitError: Error code: 429 - {'error': {'code': 'insufficient_quota', 'message': 'You exceeded your current quota'}}" });
 * // { status: 429, json: { error: { code: 'insufficient_quota', message: 'You exceeded your current quota' } }, … }
 * ```
 * @internal
 */
export function printedResponse(s: ResponseSnapshot): ResponseSnapshot | undefined {
  if (s.json !== undefined) {
    const logged = loggedPrintout(s.json);
    return logged === undefined ? undefined : printedResponse({ ...s, json: undefined, text: logged });
  }
  if (s.text === '') return undefined;
  // A body JSON-encoded a second time (`"{\"type\":\"error\",…}"`), whose escapes would hide every member from the scan.
  const text = (s.text.charCodeAt(0) === 34 ? jsonString(s.text) : undefined) ?? s.text;
  const head = text.slice(0, WITHIN + 1);
  const at = head.indexOf('{');
  // JSON cut off is the generic layer's to read, once: its codes are words the lexicon knows. A repr or object literal
  // pasted alone (`{'error': {'code': 'content_filter', 'innererror': …}}`) is read by the vendors' profiles too, and so
  // is the JSON a second encoding held.
  if (at < 0 || (text === s.text && /^\s{0,64}\{\s{0,8}"/.test(head))) return undefined;
  let value = settled(scanObject(text, WITHIN).value, 0);
  // An SDK error printed from inside (its opening brace cut off in a paste) shows its response's headers first
  // (`status: 529,\n  headers: {'content-type': …, 'x-should-retry': 'true'},\n  error: {type: 'error', error: {…}}`):
  // the body is the next object.
  if (value !== undefined && headerMap(value)) {
    const close = text.indexOf('}', at);
    value = close < 0 || close >= WITHIN ? undefined : settled(scanObject(text.slice(close + 1), WITHIN - close).value, 0);
  }
  if (value === undefined || Object.keys(value).length === 0) return undefined;
  // @slack/web-api's WebAPIPlatformError as node prints it: Slack's body is its `data`, as classify reads the error itself.
  return { ...s, status: s.status ?? statusInText(head.slice(0, at)), json: platformOf(value) ?? value, text };
}

/**
 * Which reading of a printout to give: the text read whole (the generic layer reads the words around the object too),
 * unless a vendor's profile, reading the printed object, names a code the whole reading missed or names another code
 * that says more than a status class (openai-python's `Error code: 429 - {… 'insufficient_quota' …}` is a spent quota,
 * not a rate limit; slack_sdk's `{'ok': False, 'error': 'no_text'}` an invalid request). Either way, what one reading
 * lacks (the vendor's code, a request id, a wait) is taken from the other.
 *
 * @example
 * ```ts
 * choosePrinted(createFault({ code: 'quota_exhausted', vendor: 'openai' }), createFault({ code: 'rate_limited', requestId: 'req_1' })).requestId; // 'req_1'
 * ```
 * @internal
 */
export function choosePrinted(printed: Fault, whole: Fault): Fault {
  const sharper = printed.code !== whole.code && printed.code !== 'unknown' && (whole.code === 'unknown' || !WEAK.has(printed.code));
  if (sharper) return createFault({ ...printed, requestId: printed.requestId ?? whole.requestId, retryAfterMs: printed.retryAfterMs ?? whole.retryAfterMs });
  // A number is a status the printed object restates, not the vendor's code.
  const vendorCode = whole.vendorCode ?? (printed.vendorCode !== undefined && /^\d+$/.test(printed.vendorCode) ? undefined : printed.vendorCode);
  const requestId = whole.requestId ?? printed.requestId;
  const retryAfterMs = whole.retryAfterMs ?? printed.retryAfterMs;
  if (vendorCode === whole.vendorCode && requestId === whole.requestId && retryAfterMs === whole.retryAfterMs) return whole;
  return createFault({ ...whole, vendorCode, requestId, retryAfterMs });
}
