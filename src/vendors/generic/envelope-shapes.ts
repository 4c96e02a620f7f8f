/**
 * The shapes a body's records take before their members are read: a reply wrapped in one member, an array of error
 * records, errors keyed by field as Django REST framework sends them, a W3C traceparent, a list of field names.
 */
import { asRecord } from '../profile.js';
import { CODES, ROLES } from './envelope-members.js';
import { codeOf } from './envelope-values.js';

type Rec = Readonly<Record<string, unknown>>;

/**
 * A body that is one member no list names, wrapping the reply (Subsonic's `{"subsonic-response": {"status": "failed",
 * "error": {…}}}`): the reply. A JSON-RPC 1 reply whose result is a failure's sentence: that sentence as its message.
 * @internal
 */
export function unwrapped(r: Rec | undefined): Rec | undefined {
  const status = resultStatus(r);
  if (status !== undefined) return { message: status };
  const only = soleKey(r);
  if (only === 'data') return errorResult(r?.data) ?? r;
  return only === undefined || ROLES.has(only) ? r : (asRecord(r?.[only]) ?? r);
}

/**
 * A JSON-RPC 1 reply whose `result` is nothing but a `status` sentence beside no `error` (LimeSurvey's RemoteControl:
 * `{"id": 1, "result": {"status": "Invalid session key"}, "error": null}`, sent with a 200; its success says `"OK"`):
 * that sentence.
 * @internal
 */
export function resultStatus(r: Rec | undefined): string | undefined {
  if (r === undefined || !('result' in r) || !('id' in r) || (r.error !== null && r.error !== undefined)) return undefined;
  const result = asRecord(r.result);
  const status = soleKey(result) === 'status' ? result?.status : undefined;
  return typeof status === 'string' && status.length <= 200 && status.includes(' ') ? status : undefined;
}

/** A record's one member's name, or `undefined` when it has none or more than one. */
function soleKey(r: Rec | undefined): string | undefined {
  let only: string | undefined;
  for (const key in r) {
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}

/**
 * GraphQL's errors as data: a query's one field whose result's type names an error (Vendure's ErrorResult unions:
 * `{"data": {"applyCouponCode": {"__typename": "CouponCodeLimitError", "errorCode": …, "message": …}}}`) is the error;
 * so is one whose result names its `errorCode` beside its message (Vendure's docs leave the `__typename` out), or is
 * nothing but a message (Keystone 6's `{"data": {"authenticateUserWithPassword": {"message": "Authentication failed."}}}`).
 */
function errorResult(data: unknown): Rec | undefined {
  const d = asRecord(data);
  const only = soleKey(d);
  const result = only === undefined ? undefined : asRecord(d?.[only]);
  return typeof result?.message === 'string' && ((typeof result.__typename === 'string' && result.__typename.endsWith('Error')) || typeof result.errorCode === 'string' || soleKey(result) === 'message') ? result : undefined;
}

/**
 * The record to read in a value: itself, or the first of an array's records that carries a code; with `deep`, an array of
 * arrays of records too.
 * @internal
 */
export function first(value: unknown, deep = false): Rec | undefined {
  if (!Array.isArray(value)) return asRecord(value);
  let found: Rec | undefined;
  const end = Math.min(value.length, 8);
  for (let i = 0; i < end; i++) {
    // `deep`: a list of lists of records is read one level down (IceHrm's `{"error": [[{"code": 403, "message": …}]]}`).
    const item: unknown = value[i];
    const r = asRecord(deep && Array.isArray(item) ? item[0] : item);
    if (r === undefined) continue;
    // The last record read is the answer whether or not it carries a code when none came before it (a list of one).
    if (found === undefined && i === end - 1) return r;
    found ??= r;
    for (const key of CODES) if (codeOf(r[key]) !== undefined) return r;
  }
  return found;
}

/**
 * Whether every member of a body is a list of sentences under a field's name, or a list of error objects
 * with a message each (TrueNAS' 422 `{"networks": [{"message": "null not allowed", "errno": 22}]}`).
 * @internal
 */
export function drfFields(r: Rec): boolean {
  let n = 0;
  let field = false;
  for (const key in r) {
    const v = r[key];
    if (++n > 32 || !Array.isArray(v) || (typeof v[0] !== 'string' && typeof asRecord(v[0])?.message !== 'string')) return false;
    // A field may bear a name an error object uses too, beside one that is no such name (pretalx's DRF serializer's
    // `{"amount": ["Please submit a valid integer."], "description": ["This field may not be blank."]}`): a list of
    // sentences under it is that field's. Under an error list's own name (`errors`, `messages`) it is that list.
    if (!ROLES.has(key)) field = true;
    else if (ERROR_LISTS.test(key) || typeof v[0] !== 'string' || !v[0].includes(' ')) return false;
  }
  return field;
}

/** The names an error object gives its list of errors or messages. Anchored alternatives: linear. */
const ERROR_LISTS = /^(?:errors?|messages?|details?|causes|issues|violations|warnings?|diagnostics|exception|fault|failure|err|result|data|body|content|payload)$/i;

/**
 * A W3C Trace Context `traceparent` (version 00, a 32-hex trace id, a 16-hex parent id, the flags) under a name no list
 * holds: its shape says what it is wherever it sits (KSeF's `"serviceCode": "00-33cc…-7e03…-00"`).
 * @internal
 */
export function traceparent(v: unknown): boolean {
  return typeof v === 'string' && v.length === 55 && /^00-[\da-f]{32}-[\da-f]{16}-0[0-3]$/.test(v);
}

/**
 * A non-empty list of field names.
 * @internal
 */
export function fieldList(v: unknown): boolean {
  return Array.isArray(v) && typeof v[0] === 'string' && /^[A-Za-z_][\w.[\]-]{0,80}$/.test(v[0]);
}

/**
 * Whether `v` is an object of strings alone, not OData's `{lang, value}` message (at most 32 members are looked at).
 * @internal
 */
export function stringsOnly(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || 'value' in v) return false;
  let n = 0;
  for (const key in v) if (++n > 32 || typeof (v as Rec)[key] !== 'string') return false;
  return n > 0;
}

/**
 * The innermost tag of a Dropbox tagged union (`{".tag": "path", "path": {".tag": "not_found"}}` is `not_found`), following
 * the union an error keeps as its `reason` too (a rate limit's `{"reason": {".tag": "too_many_requests"}, "retry_after":
 * 300}`, an upload's `{".tag": "path", "reason": {".tag": "insufficient_space"}}`).
 * @internal
 */
export function dropboxTag(m: Readonly<Record<string, unknown>>): unknown {
  let at: Readonly<Record<string, unknown>> = m;
  let tag = m['.tag'];
  for (let depth = 0; depth < 5; depth++) {
    const inner = (typeof tag === 'string' ? asRecord(at[tag]) : undefined) ?? asRecord(at.reason);
    if (inner === undefined || typeof inner['.tag'] !== 'string') break;
    at = inner;
    tag = inner['.tag'];
  }
  return tag;
}
