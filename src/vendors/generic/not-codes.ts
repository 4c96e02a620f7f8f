/**
 * What stands where a vendor's code goes and names none: a status's reason phrase beside the status, an SDK's class, a
 * setting's name, a success status, a failure flag; and the shapes a few members must have to be a code at all.
 */
import { isReasonPhrase, isReasonPhraseOrName } from '../status-text.js';
import { grpcStatus, httpStatus } from './envelope-values.js';

type Rec = Readonly<Record<string, unknown>>;

/**
 * Whether member `key` of record `r` (at `depth`), holding `v`, names no code though a code's name would go there.
 * @example
 * ```ts
 * namesNoCode('error', 'Unauthorized', { statusCode: 401, error: 'Unauthorized' }, 0); // true
 * ```
 * @internal
 */
export function namesNoCode(key: string, v: unknown, r: Rec, depth: number): boolean {
  // Boom's and Nest's `{"statusCode": 401, "error": "Unauthorized", …}`: the reason phrase beside the status is no code
  // (nor Blockfrost's beside its `status_code`).
  // A serialized JS error's `name` is the SDK's class (`{"name":"DeepgramApiError","message":"{…}","status":400}`), not the server's code.
  return (
    (key === 'error' && (r.statusCode !== undefined || r.status_code !== undefined || (typeof r.status === 'number' && httpStatus(r.status) !== undefined)) && /^[A-Z][a-z]+$/.test(String(v))) ||
    // App Center's `{"message": …, "statusCode": 401, "code": "Unauthorized"}`: the same phrase as its `code`.
    (key === 'code' && typeof v === 'string' && httpStatus(r.statusCode) !== undefined && /^[A-Z]/.test(v) && isReasonPhrase(v)) ||
    // So is a reason phrase beside the status as a number under another name (Gotify's `{"error": "Unauthorized",
    // "errorCode": 401, …}`): the status in words, not a code of the vendor's.
    (key === 'error' && typeof v === 'string' && isReasonPhrase(v) && httpStatus(r.errorCode) !== undefined) ||
    // A reason phrase alone (`{"error": "Unauthorized"}`), or beside nothing but a `message` (OpenPanel's `{"error": "Unauthorized",
    // "message": "Export: Invalid client secret"}`), is the status in words; beside other members it is the vendor's name for it.
    // So is one written as a name (Snowstorm's `{"error": "BAD_REQUEST", "message": …}`), and beside a `success` flag too
    // (NetAlertX's `{"error": "Forbidden", "message": …, "success": false}`).
    (key === 'error' && depth === 0 && typeof v === 'string' && /^[A-Z]/.test(v) && isReasonPhraseOrName(v) && besideMessageAlone(r)) ||
    // And a `reason` that is the status's phrase beside a code in words (Sentinel Hub's `{"status": 401, "reason":
    // "Unauthorized", …, "code": "COMMON_UNAUTHORIZED"}`); beside Kubernetes' numeric `code` the reason is the code.
    (key === 'reason' && typeof v === 'string' && isReasonPhrase(v) && typeof r.code === 'string' && /[A-Za-z]/.test(r.code)) ||
    // So is a `status` that is the phrase beside the number as `code` (Ory's `{"code": 401, "status": "Unauthorized", "reason": …}`).
    // (also in SCREAMING_CASE: Yapily's `{"code": 400, "status": "BAD_REQUEST", "message": …}`), or beside a message in the
    // outermost object, as written or as a name (OpnForm's `{"status": "Unauthorized", "message": "Form is protected."}` under
    // a 403, Zeppelin's `{"status": "NOT_FOUND", "message": "note not found."}`).
    (key === 'status' && typeof v === 'string' && isReasonPhraseOrName(v) && httpStatus(r.code) !== undefined) ||
    (key === 'status' && depth === 0 && typeof v === 'string' && /^[A-Z]/.test(v) && isReasonPhraseOrName(v) && typeof r.message === 'string') ||
    // So is a `type` that is the phrase's name beside nothing but a message (Conveyal's `{"type": "FORBIDDEN", "message": "You do not have access."}`).
    (key === 'type' && depth === 0 && typeof v === 'string' && /^[A-Z]/.test(v) && isReasonPhraseOrName(v) && typeof r.message === 'string' && Object.keys(r).length === 2) ||
    // (Angular's HttpClient prints its `HttpErrorResponse` so.)
    (key === 'name' && typeof v === 'string' && /^[A-Z]\w{0,80}(?:Error|Exception|ErrorResponse)$/.test(v)) ||
    // Yii's error renderer (Craft CMS, HumHub) names the exception by the status's phrase beside the status
    // (`{"name": "Forbidden", "message": …, "code": 0, "status": 403}`); a problem's `type` of bare "Error" (Umbraco's) names none.
    (key === 'name' && typeof v === 'string' && /^[A-Z]/.test(v) && isReasonPhrase(v) && (httpStatus(r.status) !== undefined || httpStatus(r.statusCode) !== undefined)) ||
    (key === 'type' && v === 'Error') ||
    // A `tag` names an error only beside its message (Standard Notes' `{"error": {"tag": "expired-access-token", "message":
    // …}}`); beside `contents` it is a Haskell sum type's constructor (cardano-submit-api's `{"tag": "TxSubmitFail", …}`).
    (key === 'tag' && typeof r.message !== 'string') ||
    // So does an `rc` (AI Horde's `{"message": …, "rc": "CorruptPrompt"}`); in a printed command line it is the shell's
    // return code (`cmd=… rc=1, stdout=None`).
    (key === 'rc' && (typeof r.message !== 'string' || typeof v !== 'string')) ||
    // GeoJSON's own `type` (Pelias' `{"geocoding": {"errors": […]}, "type": "FeatureCollection", "features": []}`) names the
    // document's kind.
    (key === 'type' && (v === 'FeatureCollection' || v === 'Feature')) ||
    // So is a `type` naming a client's API-error class (`{ status: 401, details: 'Forbidden', type: 'MailgunAPIError' }`);
    // a server's own `BadRequestError` (vLLM) or `…Exception` (AWS) type is its code.
    // NetSuite's SuiteScript names its class by namespace (`"type": "error.SuiteScriptError"`); the code is its `name`.
    (key === 'type' && typeof v === 'string' && /^(?:[a-z]{1,20}\.)?[A-Z]\w{0,80}(?:API|Api|Script)Error$/.test(v)) ||
    // A fetch `Response` as a browser console prints it (`Response {type: 'cors', url: …, status: 400, …}`): its type is CORS's.
    (key === 'type' && (v === 'cors' || v === 'basic' || v === 'opaque' || v === 'opaqueredirect' || v === 'default') && (r.ok !== undefined || r.url !== undefined || r.statusText !== undefined)) ||
    // A `name` beside a `value` is a setting's name (Govee's echoed command `{'name': 'color', 'value': …}`), not an error's.
    (key === 'name' && 'value' in r) ||
    // A success status under `status` (`{ status: 204, statusText: 'No Content' }`) is no code.
    (key === 'status' && (typeof v === 'number' || typeof v === 'string') && /^[1-3]\d\d$/.test(String(v))) ||
    // A `status` of 1 is a failure flag, no code (Tiny Tiny RSS' `{"seq": 0, "status": 1, "content": {"error": "LOGIN_ERROR"}}`).
    (key === 'status' && v === 1) ||
    // So is an `err` of 1 (Rollbar's `{"err": 1, "message": …}`); Piwigo's `{"stat": "fail", "err": 999, …}` is a code.
    (key === 'err' && v === 1) ||
    // A google.rpc.Status's number beside its name (`"code": 3, "status": "INVALID_ARGUMENT"`): the name is the code.
    (key === 'code' && typeof v === 'number' && typeof r.status === 'string' && grpcStatus(v, r) !== undefined) ||
    // A language's word for no value, written out by a client that stringified one (LibreChat's `{"type": "undefined",
    // "info": "[GoogleGenerativeAI Error]: …"}`), names nothing.
    v === 'undefined' ||
    v === 'null' ||
    // Dify's plugin errors name the Python exception as `error_type` beside its `args` (`{"args": {}, "error_type":
    // "ClientError", "message": "400 INVALID_ARGUMENT. {…}"}`): the SDK's class, the vendor's code in the message.
    (key === 'error_type' && 'args' in r)
  );
}

/** Whether a record holds one member, or a `message` and at most a `success` flag beside the one. */
function besideMessageAlone(r: Rec): boolean {
  const n = Object.keys(r).length;
  return n === 1 || (typeof r.message === 'string' && (n === 2 || (n === 3 && typeof r.success === 'boolean')));
}

/**
 * Whether `v` has the shape member `key` needs to be a code: eBay's numeric `errorId` (Okta's string one is an id),
 * a `Type` that names an exception or is snake_case, a `kind` that names an error, an `exception` that names one.
 * @example
 * ```ts
 * codeShaped('Type', 'ValidationException'); // true
 * ```
 * @internal
 */
export function codeShaped(key: string, v: unknown): boolean {
  return (key !== 'errorId' || typeof v === 'number') && (key !== 'Type' || /^[A-Z]\w{0,80}Exception$|^[a-z]+(?:_[a-z]+){1,6}$/.test(String(v))) && (key !== 'kind' || /^[A-Z]\w{0,60}Error$/.test(String(v))) && (key !== 'exception' || /^[A-Z]\w{0,80}Exception$/.test(String(v)));
}
