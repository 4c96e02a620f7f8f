/**
 * The response inside an SDK's printout: the object an SDK prints after its own words (openai-python's
 * `Error code: 429 - {'error': {…, 'code': 'insufficient_quota'}}`, slack_sdk's `The server responded with: {'ok': False,
 * 'error': 'no_text'}`), with the status the printout states. The default classifier hands it to the vendors' profiles
 * before the generic layer reads the printout, so a vendor's own table decides its code there too.
 */
import { type Fault, createFault } from '../../core/fault.js';
import type { ResponseSnapshot } from '../profile.js';
import { WEAK } from './lexicon-rules.js';
import { statusInText } from './printed-status.js';
import { scanObject } from './scan.js';

/** A printout states its object early: an SDK's words, a status, then the body. */
const WITHIN = 1024;

/**
 * The snapshot of the object a text body prints, with the status the text states where the response had none;
 * `undefined` when the body is JSON, or prints no object with a member.
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
  if (s.json !== undefined || s.text === '') return undefined;
  const head = s.text.slice(0, WITHIN + 1);
  const at = head.indexOf('{');
  // A body that is an object itself (JSON cut off, a repr pasted alone) is the generic layer's: nothing printed it.
  if (at <= 0 || head.slice(0, at).trim() === '') return undefined;
  const value = scanObject(s.text, WITHIN).value;
  if (value === undefined || Object.keys(value).length === 0) return undefined;
  return { ...s, status: s.status ?? statusInText(head.slice(0, at)), json: value };
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
