/**
 * The nested error object with an UPPER_SNAKE code and field details:
 * `{"error": {"code": "VALIDATION_ERROR", "message": "…", "details": [{"field": "…", "message": "…"}]}}`
 * (Pulse and many in-house APIs). A lower-case code or a `type` is OpenAI's shape, claimed earlier.
 */
import type { FaultCode } from '../core/catalog.js';
import type { FieldError } from '../core/fault.js';
import { COMMON_CODES, type ToCode, commonCode } from './common-codes.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { FaultDraft, VendorProfile } from './profile.js';
import { asRecord, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

function upper(table: Readonly<Record<string, FaultCode>>): Readonly<Record<string, FaultCode>> {
  return Object.freeze(Object.fromEntries(Object.entries(table).map(([k, v]) => [k.toUpperCase(), v])));
}

/**
 * The common codes in UPPER_SNAKE, as this shape writes them.
 * @example
 * ```ts
 * ERROR_OBJECT_CODES.RATE_LIMITED; // 'rate_limited'
 * ```
 * @internal
 */
export const ERROR_OBJECT_CODES: Readonly<Record<string, FaultCode>> = /* @__PURE__ */ upper(COMMON_CODES);

function details(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: FieldError[] = [];
  for (const item of value.slice(0, 50)) {
    const r = asRecord(item);
    const message = readString(r, 'message') ?? readString(r, 'msg') ?? readString(r, 'description') ?? readString(r, 'issue');
    const path = readString(r, 'field') ?? readString(r, 'path') ?? readString(r, 'target') ?? readString(r, 'param') ?? readString(r, 'pointer');
    if (message !== undefined) out.push({ path: path ?? '', message });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Reads `{error: {code, message, details?}}`, or `undefined` when `json` is not that shape.
 * With `strict`, the code must be UPPER_SNAKE (or absent, with details); `toCode` reads the code.
 * @example
 * ```ts
 * readErrorObject({ error: { code: 'RATE_LIMITED', message: 'Too many requests' } }, true, commonCode);
 * // { code: 'rate_limited', vendorCode: 'RATE_LIMITED', message: 'Too many requests', … }
 * ```
 * @internal
 */
export function readErrorObject(json: unknown, strict: boolean, toCode?: ToCode): FaultDraft | undefined {
  const b = asRecord(json);
  const e = asRecord(b?.error);
  const message = readString(e, 'message');
  if (e === undefined || message === undefined) return undefined;
  const vendorCode = readString(e, 'code');
  const fields = details(e.details);
  if (strict && (vendorCode === undefined ? fields === undefined : !UPPER_SNAKE.test(vendorCode) || 'type' in e)) return undefined;
  return {
    code: toCode?.(vendorCode) ?? (fields !== undefined && strict ? 'validation_failed' : undefined),
    vendorCode,
    message,
    fields,
    // Setu's `{"error": {"code": "ERR007", …}, "success": false, "trace_id": "3b4feff1-…"}` names the request beside the error.
    requestId: readString(e, 'request_id') ?? readString(b, 'request_id') ?? readString(b, 'trace_id'),
  };
}

/**
 * Writes `{error: {code, message, details?}}`.
 * @example
 * ```ts
 * renderErrorObject('NOT_FOUND', createFault({ code: 'not_found', message: 'Resource not found' }));
 * ```
 * @internal
 */
export function renderErrorObject(code: string | undefined, fault: { readonly message: string; readonly fields?: readonly FieldError[] }): string {
  const error: Record<string, unknown> = { code, message: fault.message };
  if (fault.fields !== undefined) error.details = fault.fields.map((f) => ({ field: f.path, message: f.message }));
  return JSON.stringify({ error });
}

/**
 * What the default classify carries of {@link errorObjectProfile}: all of it but its renderer.
 * @internal
 */
export const errorObjectReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'error-object',
  keys: ['error.message'],
  codes: ERROR_OBJECT_CODES,
  // The strict test of readErrorObject without building a draft: detect runs on every response.
  detect(s) {
    const e = asRecord(asRecord(s.json)?.error);
    if (e === undefined || readString(e, 'message') === undefined) return false;
    const c = readString(e, 'code');
    return c === undefined ? details(e.details) !== undefined : UPPER_SNAKE.test(c) && !('type' in e);
  },
  // As the flat shape does, a code the common table does not know is left to the generic layer, which reads its words
  // and the message's (AutoPrintFarm's 409 `EMAIL_EXISTS` "An account with this email already exists" is a duplicate).
  parse(s) {
    const draft = readErrorObject(s.json, true, commonCode);
    return draft?.code === undefined ? undefined : draft;
  },
});

/**
 * The generic `{error: {code: "UPPER_SNAKE", message, details: [{field, message}]}}` shape.
 *
 * @example
 * ```ts
 * classify({ status: 429, body: '{"error":{"code":"RATE_LIMITED","message":"Too many requests"}}' });
 * // { code: 'rate_limited', retry: 'always', vendor: 'error-object', vendorCode: 'RATE_LIMITED', … }
 * ```
 * @public
 */
export const errorObjectProfile: VendorProfile = /* @__PURE__ */ withRender(errorObjectReader, {
  render(fault) {
    const code = renderCode(ERROR_OBJECT_CODES, fault) ?? fault.code.toUpperCase();
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: renderErrorObject(code, fault) };
  },
});
