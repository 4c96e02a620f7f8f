/**
 * FastAPI / Starlette (and Django REST Framework, which shares the shape): every error is
 * `{"detail": …}` where `detail` is a string (`HTTPException`), an object (a custom
 * `HTTPException(detail={…})`), or pydantic's list of `{type, loc, msg, input?, ctx?, url?}`
 * (v2; v1 has no `input`). Pydantic lists become `fields`, with `loc` joined by `.`.
 */
import type { FaultCode } from '../core/catalog.js';
import type { FieldError } from '../core/fault.js';
import { COMMON_CODES, type ToCode, commonCode } from './common-codes.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { FaultDraft, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString } from './profile.js';
import { codeByMeaning } from './generic/decide.js';
import { renderHeaders, renderStatus } from './render-helpers.js';

/** A machine code has no spaces; `"Rate limit exceeded"` is a message. */
const MACHINE = /^[A-Za-z][\w.:-]{0,63}$/;

/**
 * Details whose words the status misreads, whatever status they come with.
 * - Django REST framework's own words for a request it could not authenticate (`NotAuthenticated`, `AuthenticationFailed`,
 *   `TokenAuthentication`'s "Invalid token."), which it sends as a 403 when the authentication class names no
 *   `WWW-Authenticate` challenge (DRF's authentication guide, "Unauthorized and Forbidden responses"): NetBox and Nautobot
 *   answer a request with no token so. The credential is what is missing.
 * - As apps copy them from FastAPI's tutorial (fastapi.tiangolo.com/tutorial/security: 400 "Inactive user" is a known
 *   user refused; /tutorial/dependencies: 400 "X-Token header invalid" a credential refused;
 *   /advanced/security/oauth2-scopes: 401 "Not enough permissions" a token without the scope) and as fastapi-users sends
 *   them (400 `LOGIN_USER_NOT_VERIFIED`, a known user refused until verified).
 */
const KNOWN_DETAILS: Readonly<Record<string, FaultCode>> = {
  'Authentication credentials were not provided.': 'unauthenticated',
  'Incorrect authentication credentials.': 'unauthenticated',
  'Invalid token.': 'unauthenticated',
  'Inactive user': 'permission_denied',
  'X-Token header invalid': 'unauthenticated',
  'X-Key header invalid': 'unauthenticated',
  'Not enough permissions': 'permission_denied',
  LOGIN_USER_NOT_VERIFIED: 'permission_denied',
};

/** DRF's `Throttled` wording of its wait, a whole number of seconds (`extra_detail_plural`). */
const DRF_WAIT = /Expected available in (\d{1,9}) seconds?\./;

function pydanticFields(list: readonly unknown[]): FieldError[] {
  const out: FieldError[] = [];
  for (const item of list.slice(0, 50)) {
    const r = asRecord(item);
    const msg = readString(r, 'msg') ?? readString(r, 'message');
    if (msg === undefined) continue;
    const loc = r?.loc;
    out.push({ path: Array.isArray(loc) ? loc.map(String).join('.') : typeof loc === 'string' ? loc : '', message: msg });
  }
  return out;
}

/**
 * Reads a FastAPI `{detail}` body, or `undefined` when `json` is not one. `toCode` reads the code
 * of a `detail` object (the generic profile passes the common table).
 * @example
 * ```ts
 * readDetail({ detail: [{ type: 'missing', loc: ['body', 'resources'], msg: 'Field required' }] }, commonCode);
 * // { code: 'validation_failed', vendorCode: 'missing', fields: [{ path: 'body.resources', message: 'Field required' }], … }
 * ```
 * @internal
 */
export function readDetail(json: unknown, toCode?: ToCode): (FaultDraft & { readonly detail?: Readonly<Record<string, unknown>> }) | undefined {
  const body = asRecord(json);
  const detail = body?.detail;
  // Django REST framework's throttle says its wait only in words (exceptions.Throttled: "Request was throttled.
  // Expected available in 7 seconds."); an id beside the detail names the request (Octopus Energy's `correlation_id`).
  if (typeof detail === 'string') {
    const wait = DRF_WAIT.exec(detail);
    // A machine code beside the detail is the vendor's (Buttondown's `{"code": "email_invalid", "detail": "…"}`); so is an
    // exception's name a DRF exception handler writes there (Openverse's `{"error": "InputError", "detail": "…"}`), and
    // an `errorCode` (Uniswap's routing API: `{"detail": "…", "errorCode": "VALIDATION_ERROR"}`).
    // A detail that is a code itself is the vendor's (fastapi-users' `{"detail": "LOGIN_BAD_CREDENTIALS"}`).
    const own = readString(body, 'code') ?? readString(body, 'error') ?? readString(body, 'errorCode') ?? (/^[A-Z][A-Z0-9]{1,30}(?:_[A-Z0-9]{1,30}){1,8}$/.test(detail) ? detail : undefined);
    return { code: Object.hasOwn(KNOWN_DETAILS, detail) ? KNOWN_DETAILS[detail] : undefined, message: detail, vendorCode: own !== undefined && MACHINE.test(own) ? own : undefined, retryAfterMs: wait === null ? undefined : Number(wait[1]) * 1000, requestId: readString(body, 'request_id') ?? readString(body, 'correlation_id') ?? readString(body, 'trace_id') };
  }
  if (Array.isArray(detail)) {
    const fields = pydanticFields(detail);
    if (fields.length === 0) return undefined;
    const first = fields[0] as FieldError;
    const type = readString(asRecord(detail[0]), 'type');
    return {
      // pydantic's `json_invalid` is a body that is no JSON at all (FastAPI's 422 "JSON decode error"): no field was read.
      // An input a content checker flagged is refused for what it says, not its form (fal's `content_policy_violation`,
      // fal.ai/docs/errors): the same input fails the same way. (A pattern, not the lexicon: the profiles that read
      // FastAPI's detail carry no lexicon.)
      code: type === 'json_invalid' ? 'invalid_request' : type !== undefined && /^content_(?:policy|filter)/.test(type) ? 'content_filtered' : 'validation_failed',
      vendorCode: type,
      message: `${first.path === '' ? '' : `${first.path}: `}${first.message}${fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''}`,
      fields,
    };
  }
  const r = asRecord(detail);
  if (r === undefined) return undefined;
  // ElevenLabs names its code `status` (`{"detail": {"status": "quota_exceeded", "message": …}}`).
  const named = readString(r, 'error') ?? readString(r, 'code') ?? readString(r, 'type') ?? readString(r, 'status');
  const vendorCode = named !== undefined && MACHINE.test(named) ? named : undefined;
  return {
    detail: r,
    code: toCode?.(vendorCode),
    vendorCode,
    message: readString(r, 'message') ?? readString(r, 'msg') ?? readString(r, 'detail') ?? named,
    limit: readNumber(r, 'limit'),
    upgradeUrl: readString(r, 'upgrade_url'),
  };
}

/**
 * Writes `{detail}` the way FastAPI does: a pydantic list for field errors, an object for a
 * vendor code, else a string.
 * @example
 * ```ts
 * renderDetail(createFault({ code: 'not_found', message: 'No such deployment' })); // { detail: 'No such deployment' }
 * ```
 * @internal
 */
export function renderDetail(fault: { readonly message: string; readonly vendorCode?: string; readonly fields?: readonly FieldError[] }, code?: string): { detail: unknown } {
  if (fault.fields !== undefined) {
    return { detail: fault.fields.map((f) => ({ type: fault.vendorCode ?? 'value_error', loc: f.path === '' ? [] : f.path.split('.'), msg: f.message, input: null })) };
  }
  return { detail: code === undefined ? fault.message : { error: code, message: fault.message } };
}

/**
 * What the default classify carries of {@link fastapiProfile}: all of it but its renderer.
 * @internal
 */
export const fastapiReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'fastapi',
  keys: ['detail'],
  codes: COMMON_CODES,
  detect(s) {
    const b = asRecord(s.json);
    // title/type/status belong to problem+json, which also has a `detail`; a `message` beside it to another envelope
    // (RouterOS' `{"detail": "failure: …", "error": 400, "message": "Bad Request"}`), which the generic layer reads.
    if (b === undefined || 'title' in b || 'type' in b || 'status' in b || 'message' in b) return false;
    return typeof b.detail === 'string' || (typeof b.detail === 'object' && b.detail !== null);
  },
  // FastAPI's own security classes (HTTPBearer, OAuth2PasswordBearer) answer a missing or unreadable credential with
  // 403 "Not authenticated" (Black Forest Labs' `{"detail": "Not authenticated - Invalid Authentication"}`). Any other
  // sentence is an app's own, read under its status by its meaning as problem+json's detail is (FastAPI's tutorial's 400
  // "Incorrect username or password", GitGuardian's DRF 403 "Quota limit reached."); the round trip renders plain words.
  parse(s) {
    const d = readDetail(s.json, commonCode);
    // A list under a 5xx is the server's failure written in pydantic's shape (fal's 500 `internal_server_error`, 504
    // `generation_timeout`, fal.ai/docs/errors), no field refused: its status decides.
    if (d?.fields !== undefined && s.status !== undefined && s.status >= 500) return { ...d, code: undefined };
    // An object `detail` (d.detail) is read by its own code; a pydantic list always names one.
    if (d === undefined || d.code !== undefined || d.detail !== undefined) return d;
    if (s.status === 403 && d.message?.startsWith('Not authenticated') === true) return { ...d, code: 'unauthenticated' };
    return s.status === undefined ? d : { ...d, code: codeByMeaning(s.status, d.vendorCode, d.message) };
  },
});

/**
 * FastAPI's `{detail}` errors (string, object, or a pydantic v1/v2 list).
 *
 * @example
 * ```ts
 * classify({ status: 422, body: '{"detail":[{"type":"missing","loc":["body","resources"],"msg":"Field required","input":{}}]}' });
 * // { code: 'validation_failed', vendor: 'fastapi', fields: [{ path: 'body.resources', message: 'Field required' }], … }
 * ```
 * @public
 */
export const fastapiProfile: VendorProfile = /* @__PURE__ */ withRender(fastapiReader, {
  render(fault) {
    return {
      status: renderStatus(fault),
      headers: renderHeaders(fault, 'x-request-id'),
      body: JSON.stringify(renderDetail(fault, fault.vendorCode)),
    };
  },
});
