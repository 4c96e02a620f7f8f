/**
 * JSON:API error documents (`application/vnd.api+json`):
 * `{errors: [{id, status: "422", code, title, detail, source: {pointer, parameter, header}}]}`.
 * `status` is a string; every member is optional.
 *
 * The first error's `code` is the vendor code (application-specific, kept
 * verbatim) unless it repeats the status. The first error's words are read
 * by their meaning, as the generic layer reads them. Errors that point into
 * the request document (`source.pointer`) on a 400/422 make the fault
 * `validation_failed` when the words say nothing sharper, with one field per error; a `source.parameter` names a bad query parameter and
 * stays `invalid_request`. The error `id` ("this occurrence of the problem")
 * serves as the request id when no header gives one.
 */
import type { FieldError } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { codeByMeaning } from './generic/decide.js';
import { waitOf } from './generic/envelope-values.js';
import type { CodeRule, FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readString } from './profile.js';
import { firstRecord, renderCode, renderHeaders, renderStatus } from './render-helpers.js';
import { statusText } from './status-text.js';

/**
 * JSON:API leaves `code` to each API, so there is no shared table; the
 * status (document or member) decides.
 * @example
 * ```ts
 * Object.keys(JSONAPI_CODES).length; // 0
 * ```
 * @internal
 */
export const JSONAPI_CODES = {} as const satisfies Readonly<Record<string, CodeRule>>;

const MEDIA_TYPE = 'application/vnd.api+json';

/** An error's occurrence id, unless it is a path. */
function occurrence(id: string | undefined): string | undefined {
  return id?.startsWith('/') === true ? undefined : id;
}

function isJsonApi(s: ResponseSnapshot, body: Readonly<Record<string, unknown>>): boolean {
  const first = firstRecord(body.errors);
  if (first === undefined) return false;
  if (s.contentType === MEDIA_TYPE) return true;
  // GraphQL and most flat APIs put `message` in each error; JSON:API has no such member.
  return (
    !('message' in first) &&
    (typeof first.status === 'string' || asRecord(first.source) !== undefined || 'jsonapi' in body)
  );
}

/**
 * What the default classify carries of {@link jsonapiProfile}: all of it but its renderer.
 * @internal
 */
export const jsonapiReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'jsonapi',
  keys: ['errors'],
  codes: JSONAPI_CODES,
  detect(s) {
    const body = asRecord(s.json);
    return body !== undefined && isJsonApi(s, body);
  },
  parse(s) {
    const body = asRecord(s.json);
    if (body === undefined || !isJsonApi(s, body)) return undefined;
    const errors = body.errors as readonly unknown[];
    const fields: FieldError[] = [];
    for (const item of errors.slice(0, 50)) {
      const e = asRecord(item);
      const pointer = asRecord(e?.source)?.pointer;
      const message = readString(e, 'detail') ?? readString(e, 'title');
      if (typeof pointer === 'string' && message !== undefined) fields.push({ path: pointer, message });
    }
    const first = firstRecord(errors) as Readonly<Record<string, unknown>>;
    const own = readString(first, 'status');
    const status = s.status ?? Number(own);
    // A `code` that repeats the error's status (DIDWW's `"code": "404", "status": "404"`) is the status, not a code of the API's.
    // Patreon names its error in `code_name` beside a null `code`, and says its wait in `retry_after_seconds`.
    const code = readString(first, 'code') ?? readString(first, 'code_name');
    const vendorCode = code !== undefined && (code === own || code === String(s.status)) ? undefined : code;
    const message = readString(first, 'detail') ?? readString(first, 'title');
    // The words say what the status does not ("Insufficient funds" under a 400, "has already been taken" under a
    // 422); errors that point into the document are a field-level rejection when they say nothing sharper.
    const meant = codeByMeaning(Number.isNaN(status) ? undefined : status, vendorCode, message, fields.length > 0);
    const draft: FaultDraft = {
      vendorCode,
      message,
      fields: fields.length > 0 ? fields : undefined,
      code: meant ?? (fields.length > 0 && (status === 400 || status === 422) ? 'validation_failed' : undefined),
      // The occurrence's `id`; Drupal's is the resource's path (`"/file--image/4df6…"`), no request's id.
      requestId: occurrence(readString(first, 'id')),
      retryAfterMs: waitOf(first),
    };
    return draft;
  },
});

/**
 * JSON:API error documents.
 *
 * @example
 * ```ts
 * classify({ status: 422, headers: { 'content-type': 'application/vnd.api+json' },
 *   body: '{"errors":[{"status":"422","source":{"pointer":"/data/attributes/first-name"},"detail":"too short"}]}' });
 * // { code: 'validation_failed', vendor: 'jsonapi', fields: [{ path: '/data/attributes/first-name', … }] }
 * ```
 * @public
 */
export const jsonapiProfile: VendorProfile = /* @__PURE__ */ withRender(jsonapiReader, {
  render(fault) {
    const status = renderStatus(fault);
    const base: Record<string, unknown> = { status: String(status) };
    const code = renderCode(JSONAPI_CODES, fault);
    if (code !== undefined) base.code = code;
    if (fault.requestId !== undefined) base.id = fault.requestId;
    base.title = statusText(status);
    const errors =
      fault.fields !== undefined && fault.fields.length > 0
        ? fault.fields.map((f) => ({ ...base, detail: f.message, source: { pointer: f.path } }))
        : [{ ...base, detail: fault.message }];
    return { status, headers: renderHeaders(fault, 'x-request-id', MEDIA_TYPE), body: JSON.stringify({ errors }) };
  },
});
