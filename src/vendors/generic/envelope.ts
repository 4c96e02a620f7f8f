/**
 * Where APIs put their error: the code, message, request id, wait and status at the paths vendors
 * use (`error`, `errors[]`, `code`, `error_code`, `errorCode`, `type`, `__type`, `fault`, `detail`,
 * `title`, `reason`, …), nested a few levels (`error.innererror.code`, `error.details[].reason`,
 * `errors[0].extensions.code`). The vendor code kept is the most specific one: the innermost error
 * object's own code, before the class name around it.
 */
import { asRecord } from '../profile.js';
import { CODES, IDS, NEST, OTHER_ID, OTHER_MESSAGE, OTHER_NEST, ROLES, TOP_CODES } from './envelope-members.js';
import { CAMEL_WORD, codeOf, grpcStatus, HEX_TRACE, httpStatus, ID_CODE, NAME_CODE, PAIRED_CODE, PASCAL_WORD, problemPath, SCREAMING_WORD, sentence, SNAKE_WORD, text, TOP_ID, UUID, waitOf } from './envelope-values.js';
import { codeShaped, namesNoCode } from './not-codes.js';
import { drfFields, dropboxTag, fieldList, first, stringsOnly, traceparent, unwrapped } from './envelope-shapes.js';
import { type Members, membersOf } from './member-values.js';
import { rpcDetails } from './rpc-details.js';
import { RPC_PHRASE } from '../jsonrpc.js';
import { isReasonPhrase, isReasonPhraseOrName, isReasonPhraseRunTogether, statusOfPhrase, statusText } from '../status-text.js';

type Rec = Readonly<Record<string, unknown>>;

/** What an envelope held. */
export interface Envelope {
  readonly vendorCode?: string | undefined;
  readonly message?: string | undefined;
  /** Every code and message found, joined: what the lexicon reads. */
  readonly text?: string | undefined;
  readonly requestId?: string | undefined;
  /** A wait the body gives as a number (`retry_after` seconds, `retry_after_ms`). */
  readonly retryAfterMs?: number | undefined;
  /** An HTTP status the body restates (`code: 404`, `status: 429`, `httpStatusCode`). */
  readonly status?: number | undefined;
  /** Whether a nested error names the field it is about (`errors: [{field: "postal_code", …}]`). */
  readonly fieldNamed?: boolean | undefined;
  /**
   * The window of a quota a `google.rpc.QuotaFailure` detail names (`…PerMinute…` is `short`, `…PerDay…`
   * `long`): the google.rpc error model (AIP-193) that Google's APIs and gRPC-JSON gateways share.
   */
  readonly quota?: 'short' | 'long' | undefined;
}

/** Error objects read per body: enough for any envelope, and a bound on hostile ones. */
const MAX_OBJECTS = 24;

interface Found {
  /** Codes found, with their depth and rank: the deepest is the most specific. */
  codes: { code: string; depth: number }[];
  messages: string[];
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  status?: number | undefined;
  /** A `code` member holding a status as a number (Kubernetes' `Status`, GoCardless, Google's JSON). */
  codeStatus?: number | undefined;
  fieldNamed?: boolean | undefined;
  objects: number;
  /** The response's status says success. */
  ok: boolean;
}

/** A translation key in place of a sentence (`error.login_not_exist`): dotted lower-case words. Bounded quantifiers only. */
const MESSAGE_KEY = /^[a-z]{2,20}(?:\.[a-z][a-z0-9_]{1,40}){1,4}$/;

/**
 * Reads an `errors` object keyed by field names, if it is one (every member a list, an object, or a sentence
 * under a name that is no member of an error object: an error object has a code or a message of its own):
 * its first field's first message as a sentence (`email has already been taken`; API-Football's
 * `{"league": "The League field is required."}` names its field already), or that field's error object
 * walked; the body is then marked as naming its fields.
 */
function fieldMap(map: Rec, depth: number, found: Found): boolean {
  let field: string | undefined;
  let k = 0;
  for (const key in map) {
    // RESTCONF's errors hold their list under `error` (RFC 8040 §7.1: `{"errors": {"error": [{"error-tag": …}]}}`): no field's name.
    // Nor is a list named for errors (Apollo Client's `graphQLErrors`, as a GraphQL client prints its error).
    if (key === 'error' || key.endsWith('Errors')) return false;
    const v = map[key];
    // Or a message key as the field's error (Ely.by's `{"errors": {"login": "error.login_not_exist"}}`): the code.
    const said = typeof v === 'string' && (v.includes(' ') || MESSAGE_KEY.test(v)) && !ROLES.has(key);
    if (((typeof v !== 'object' || v === null) && !said) || ++k > 32) return false;
    field ??= key;
  }
  if (field === undefined) return false;
  const v = map[field];
  // Or a list of error objects under the field (Cronofy's `{"errors": {"name": [{"key": "errors.duplicate_calendar_name", …}]}}`).
  const inner = asRecord(Array.isArray(v) ? v[0] : v);
  if (typeof v === 'string' && MESSAGE_KEY.test(v)) {
    if (found.codes.length < 12) found.codes.push({ code: v, depth: depth + 1 });
  } else if (typeof v === 'string') {
    if (found.messages.length < 4) found.messages.push(v.toLowerCase().includes(field.toLowerCase()) ? v : `${field} ${v}`);
  } else if (Array.isArray(v) && typeof v[0] === 'string') {
    if (found.messages.length < 4) found.messages.push(`${field} ${v[0]}`);
  } else if (inner !== undefined) walk(inner, depth + 1, found);
  else return false;
  found.fieldNamed = true;
  return true;
}

/** Reads one error object and descends into its nested ones: deeper codes win, shallower messages come first. */
function walk(r: Rec, depth: number, found: Found, m: Members = membersOf(r)): void {
  if (++found.objects > MAX_OBJECTS) return;
  let code: string | undefined;
  let codeRank = Infinity;
  // A number that looks like a status ranks apart: it may be the status again (`code: 404`).
  let statusLike: string | undefined;
  let statusLikeRank = Infinity;
  let message: string | undefined;
  let messageRank = Infinity;
  let id: string | undefined;
  let idRank = Infinity;
  let nests: Rec[] | undefined;
  let wait = false;
  let n = 0;
  // Members read after the loop only when present: a read of a member a body lacks costs more than the test of its name.
  let lists = false;
  let trace = false;
  // PiKVM's `{"error": "MsdImageExistsError", "error_msg": …}`: its `error_msg` is a message as `message` is; so is
  // WordPress admin-ajax's `msg` (`{"success": false, "data": {"error": "booking_not_found", "msg": …}}`).
  const hasMessage = typeof m.message === 'string' || typeof m.error_msg === 'string' || typeof m.msg === 'string';
  for (const key in r) {
    if (++n > 64) break;
    if (key === 'fields' || key === 'ModelState' || key.startsWith('invalid')) lists = true;
    else if (key === 'trace') trace = true;
    // AFFiNE's `{"type": "INVALID_INPUT", "name": "WRONG_SIGN_IN_CREDENTIALS", …}`: beside a class in capitals, a `name` in
    // capitals is the error itself, the sharper code.
    if (key === 'name' && typeof r.type === 'string' && SCREAMING_WORD.test(r.type) && typeof r.name === 'string' && SCREAMING_WORD.test(r.name) && !isReasonPhraseOrName(r.name)) {
      [code, codeRank] = [r.name, -1];
      continue;
    }
    const role = ROLES.get(key) ?? (key.endsWith('essage') && /^[Mm]$/.test(key.charAt(key.length - 7)) ? OTHER_MESSAGE : (key.charCodeAt(0) === 101 || key.endsWith('rror') || key.endsWith('Exception')) && OTHER_NEST.test(key) ? NEST : key.endsWith('_trace_id') || traceparent(r[key]) ? OTHER_ID : undefined);
    if (role === undefined) continue;
    const v = r[key];
    // Flask-RESTful's reqparse names each field's error in an object under `message` (Lemur's `{"message": {"publicCert":
    // "The parameter 'publicCert' needs to be a valid PEM string"}}`); OData's `{lang, value}` there is one message.
    if (key === 'message' && stringsOnly(v) && fieldMap(v as Rec, depth, found)) continue;
    if (role.code !== undefined && !namesNoCode(key, v, r, depth) && (role.top !== true || depth === 0 || hasMessage) && codeShaped(key, v)) {
      // CKAN's action API names its error's class in words (`"__type": "Authorization Error"`, "Not Found Error").
      const c = role.code < codeRank || role.code < statusLikeRank ? (codeOf(v) ?? (key === 'type' ? problemPath(v) : key === '__type' && typeof v === 'string' && /^[A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,3} Error$/.test(v) ? v : undefined)) : undefined;
      if (c !== undefined && httpStatus(c) === undefined) {
        if (role.code < codeRank) [code, codeRank] = [c, role.code];
        // An `errno` in the status range is the status again (FreshBooks' `{"errno": 401, "message": "invalid_token: …"}`).
        // A status written as a string is the status again too (Amazon Ads' `{"code": "401", "details": …}`); as a number it may be the vendor's own (Postmark's `ErrorCode` 406).
        // A `status` in the status range is a status, though not the response's (Peppermint's 401 `{…, "status": 403}`).
      } else if (c !== undefined && role.code < statusLikeRank && key !== 'errno' && key !== 'errorno' && key !== 'status' && typeof v !== 'string') [statusLike, statusLikeRank] = [c, role.code];
    }
    if (role.message !== undefined && role.message < messageRank) {
      // OData's `"message": {"lang": "en-us", "value": "…"}` (SAP Business One's Service Layer, SharePoint, Dynamics CRM).
      const m = sentence(v) ?? (typeof v === 'object' && v !== null && !Array.isArray(v) ? text((v as Rec).value) : undefined);
      if (m !== undefined) {
        message = m;
        messageRank = role.message;
      }
    }
    if (role.id !== undefined && role.id < idRank) {
      const m = text(v);
      // JSON:API's `errors[].id` names the occurrence; Drupal's is the resource's path (`"/file--image/4df6…"`), no request's id.
      // Nor is a placeholder one: Betfair's `"requestUUID": "null"`, ZATCA's `"requestID": -1`.
      if (m !== undefined && !m.startsWith('/') && !PLACEHOLDER_ID.test(m)) {
        id = m;
        idRank = role.id;
      }
    }
    if (role.status === true) {
      const restated = httpStatus(v);
      found.status ??= restated;
      // MiniMax's `base_resp: {status_code: 2049, status_msg: …}`: a number beyond every HTTP status is the vendor's own code.
      // TMDB's `{status_code: 34, status_message: …}`: beside its own message, any other number is the code too.
      // EBANX's `{"status": "ERROR", "status_code": "BP-SA-2", "status_message": …}`: so is a code-shaped string there.
      const paired = v !== 0 && (key === 'status_code' || key === 'statusCode') && (typeof r.status_message === 'string' || typeof r.status_msg === 'string');
      if (restated === undefined && typeof v === 'number' && Number.isInteger(v) && (v >= 600 || paired) && code === undefined) [code, codeRank] = [String(v), CODES.length + TOP_CODES.length];
      else if (paired && typeof v === 'string' && code === undefined && restated === undefined && PAIRED_CODE.test(v)) [code, codeRank] = [v, CODES.length + TOP_CODES.length];
      // Elsevier's `{"service-error": {"status": {"statusCode": "AUTHORIZATION_ERROR", "statusText": …}}}`: a status
      // member that holds a SCREAMING_SNAKE word holds the vendor's code; unless the word is the reason phrase (Yapily's
      // `{"code": 406, "status": "NOT_ACCEPTABLE", …}`).
      else if (typeof v === 'string' && code === undefined && SCREAMING_WORD.test(v) && !isReasonPhraseOrName(v)) [code, codeRank] = [v, CODES.length + TOP_CODES.length];
    }
    // A nested error's `path` names a field when it is a member's dotted name, not a URL's path (Facturapi's `errors:
    // [{"code": "required", "location": "body", "path": "customer.email"}]`; Spring's `"path": "/api/…"` is the request's).
    if (role.field === true && depth > 0 && typeof v === 'string' && v !== '' && (key !== 'path' || /^[A-Za-z_]\w{0,40}(?:\.\w{1,40}){0,8}$/.test(v))) found.fieldNamed = true;
    if ((key === 'code' || key === 'Code') && typeof v === 'number' && depth <= 1) found.codeStatus ??= httpStatus(v) ?? grpcStatus(v, r);
    // Typesense's and others' `{ error: 404, message: "Not found" }`: a numeric `error` is the status restated; so is a
    // reason phrase there (Civitai's `{"error": "Unauthorized", "message": …}`, pasted without its status).
    if (key === 'error' && depth === 0) found.codeStatus ??= typeof v === 'number' ? httpStatus(v) : typeof v === 'string' ? statusOfPhrase(v) : undefined;
    // PiKVM's kvmd answers `{"ok": false, "result": {"error": "MsdImageExistsError", "error_msg": …}}`: beside a false `ok`,
    // `result` holds the error (elsewhere it is a success's payload, or a sentence).
    if (depth < 4 && typeof v === 'object' && v !== null && (role.nest === true || (key === 'result' && depth === 0 && r.ok === false && !Array.isArray(v)))) {
      const inner = first(v, key === 'error');
      // Rails' and express-validator's `errors` keyed by field (`{"errors": {"email": ["has already been taken"]}}`)
      // is read as the fields' errors, not as one error object; so is any nested error whose every member is a field's
      // list of sentences (PlayFab's `"errorDetails": {"FilesToFinalize": ["The field FilesToFinalize must be …"]}`).
      // So is a list of such objects, one per field (Feedbin's `"errors": [{"since": "Invalid ISO 8601 timestamp"}]`).
      if (inner !== undefined && (key === 'errors' || drfFields(inner)) && (inner === v || (key === 'errors' && stringsOnly(inner))) && fieldMap(inner, depth, found)) continue;
      if (inner !== undefined) (nests ??= []).push(inner);
    }
    wait = wait || (role.code === undefined && role.message === undefined && role.id === undefined && role.nest !== true && role.status !== true && role.field !== true);
  }
  // A loop stopped at its bound has not seen every member: read them all.
  if (n > 64) lists = trace = true;
  // ASP.NET Web API's `{"Message": "The request is invalid.", "ModelState": {"request.testlabel": […]}}`: its errors keyed by field.
  if (depth === 0 && lists && asRecord(r.ModelState) !== undefined) found.fieldNamed = true;
  // A list of the fields refused beside the message (Shlink's problem+json `"invalidElements": ["maxVisits"]`,
  // Openverse's `"fields": ["license"]`): the fields are named, though their errors are not.
  if (depth === 0 && lists && (fieldList(r.invalidElements) || fieldList(r.fields) || fieldList(r.invalidFields) || fieldList(r.invalid_fields))) found.fieldNamed = true;
  // DigitalOcean, Heroku and Coinbase name the error by `id` beside its message (`{"id": "not_found",
  // "message": …}`); elsewhere `id` is a resource's or a request's, so only a lowercase word counts.
  // A success body is read only for an error object in it: there an `id` is the resource's own.
  if (code === undefined && !found.ok && (hasMessage || typeof m.error === 'string' || typeof m.details === 'string') && typeof m.id === 'string' && ID_CODE.test(m.id)) code = m.id;
  // A list of codes in SCREAMING_SNAKE case under `errors` beside the message names the error (Overseerr's
  // `{"message": "User already exists with submitted email.", "errors": ["USER_EXISTS"]}`).
  if (code === undefined && hasMessage && Array.isArray(m.errors) && typeof m.errors[0] === 'string' && SCREAMING_WORD.test(m.errors[0])) code = m.errors[0];
  // A message that is a dotted message key and no sentence is the code (Personio's `"message": "personio.core.api.exceptions.api.forbidden.http.exception"`).
  if (code === undefined && typeof m.message === 'string' && /^[a-z]\w{0,40}(?:\.[a-z]\w{0,40}){2,12}$/.test(m.message)) code = m.message;
  // Azure IoT Hub names its code in its `Message` (`"Message": "ErrorCode:DeviceAlreadyExists;Conflict"`).
  if (code === undefined && typeof m.Message === 'string' && m.Message.startsWith('ErrorCode:')) code = /^ErrorCode:([A-Z][A-Za-z]{2,60});/.exec(m.Message)?.[1];
  // An `error_id` in words is the error's name, not a request's id, beside the OAuth description (eBay's
  // `{"error_id":"invalid_request",…}`) or anywhere (SwarmUI's `{"error":"Invalid session ID…","error_id":"invalid_session_id"}`,
  // its bare `{"error_id":"ratelimit"}`): no request's id is made of words.
  // An AWS SDK for JavaScript v3 error logged as JSON names its exception in `name`, beside `$metadata` (`{"name":
  // "ThrottlingException", "$fault": "client", "$metadata": {…}}`); elsewhere a `name` is a resource's.
  if (code === undefined && depth === 0 && m.$metadata !== undefined && typeof r.name === 'string' && /^[A-Z]\w{1,99}$/.test(r.name)) code = r.name;
  if (code === undefined && typeof m.error_id === 'string' && ID_CODE.test(m.error_id)) {
    code = m.error_id;
    if (id === code) id = undefined;
  }
  // Contentful's error is a `sys` link of type Error, its `id` the code (`sys: { type: 'Error', id: 'RateLimitExceeded' }`):
  // it outranks the deeper `type` its `details` name (a NotFound's `"details": {"type": "Entry", "id": …}`).
  const sys = code === undefined ? asRecord(m.sys) : undefined;
  const linked = sys?.type === 'Error';
  if (linked) code = codeOf(sys.id);
  // Dropbox's error is a tagged union inside `error` (`{"error": {".tag": "expired_access_token"}}`);
  // at the top a `.tag` is a success's entry kind (`"file"`).
  if (code === undefined && depth > 0) code = codeOf(dropboxTag(r));
  // Vonage's SMS API numbers each message's failure as its `status` beside its `error-text` (`"status": "4"`, Bad Credentials).
  if (code === undefined && depth > 0 && typeof m.status === 'string' && /^[1-9]\d{0,2}$/.test(m.status) && (typeof r['error-text'] === 'string' || typeof r.errorText === 'string')) code = m.status;
  // Open Food Facts' v3 errors name themselves in a `message` object (`"message": {"id": "invalid_user_id_and_password",
  // "name": "Invalid user id and password"}`): its id is the code, its name the message.
  const said = code === undefined && message === undefined ? asRecord(m.message) : undefined;
  if (said !== undefined && typeof said.id === 'string' && ID_CODE.test(said.id)) [code, message] = [said.id, sentence(said.name) ?? sentence(said.lc_name)];
  // A message that is one snake_case word is the error's name (The Graph's `{"errors": [{"message": "indexing_error"}]}`).
  // So is one camelCase word (LibreLinkUp's `{"status": 2, "error": {"message": "notAuthenticated"}}`).
  // So is one PascalCase word of three parts or more that is no reason phrase, beside no number (Guild Wars 2's `{"text":
  // "ErrBadData"}`; Apache Pinot's `{'errorCode': 410, 'message': 'BrokerResourceMissingError'}` names its code by the number).
  if (code === undefined && message !== undefined && (SNAKE_WORD.test(message) || CAMEL_WORD.test(message) || SCREAMING_WORD.test(message) || (statusLike === undefined && PASCAL_WORD.test(message) && !isReasonPhraseRunTogether(message)))) code = message;
  // A name in `error` beside a bare number is the code people read (PlayFab's `"error": "InvalidParams", "errorCode":
  // 1000`, NocoDB's `"error": "ERR_DATABASE_OP_FAILED"` beside PostgreSQL's `"code": "42703"`); an OAuth error's
  // lower-case name beside a vendor's number is the protocol's, the number the vendor's (Amadeus' `invalid_client`, 38187).
  // So is Trino's `errorName` beside its `errorCode` (`"errorCode": 1, "errorName": "SYNTAX_ERROR"`), and an exception's
  // class in a whole body's `type` beside a number the server reuses across errors (Gravitino's `"code": 1004, "type":
  // "CatalogAlreadyExistsException"`); inside Meta's Graph `error`, or beside its `error_subcode`, the number is the
  // code its table names (`OAuthException`, 463).
  const name = typeof m.error === 'string' ? m.error : typeof m.errorName === 'string' ? m.errorName : depth === 0 && String(m.code) === code && typeof m.type === 'string' && /^[A-Z]\w{0,80}Exception$/.test(m.type) ? m.type : undefined;
  if (code !== undefined && /^\d+$/.test(code) && name !== undefined && NAME_CODE.test(name) && /[A-Z]/.test(name) && !isReasonPhrase(name)) code = name;
  if (code !== undefined && found.codes.length < 12) found.codes.push({ code, depth: linked ? depth + 8 : depth });
  // A status-like number beside its own reason phrase (`"error": "Bad Request", "errorCode": 400`) is the status restated.
  if (statusLike !== undefined && found.codes.length < 12 && !(typeof m.error === 'string' && m.error.toLowerCase() === statusText(Number(statusLike)).toLowerCase())) found.codes.push({ code: statusLike, depth });
  // A one-word verdict beside a sentence in `result` (Etherscan's and other block explorers' `{"status":"0",
  // "message":"NOTOK","result":"Max calls per sec rate limit reached (5/sec)"}`): the sentence says what failed.
  // So is one in `info` (Daily's `{"error": "invalid-request-error", "info": "a room named foo already exists"}`).
  // So is one in `error` (Socioboard's 200 `{"code": 400, "message": "failed", "error": "Phone number already registered."}`).
  // So is the one in `info` beside a numbered `error` and no message (Passky's 200 `{"error": 2, "info": "Password is incorrect!"}`),
  // and a JSend failure's `data` when it is a sentence (PwnDoc's `{"status": "error", "datas": "Client email already exists"}`).
  if (message === undefined && typeof m.error === 'number' && typeof m.info === 'string') message = text(m.info);
  if (message === undefined && (m.status === 'error' || m.status === 'fail')) message = sentence(m.data) ?? sentence(m.datas);
  const beside = typeof m.result === 'string' ? m.result : typeof m.info === 'string' ? m.info : m.error;
  if (message !== undefined && !message.includes(' ') && typeof beside === 'string' && beside.includes(' ')) message = text(beside) ?? message;
  if (message !== undefined && found.messages.length < 4) found.messages.push(message);
  // A status's reason phrase as the message says less than the `detail` beside it, which is read too (RouterOS' `{"detail":
  // "failure: user with the same name already exists", "error": 400, "message": "Bad Request"}`); so does JSON-RPC's own
  // phrase for a reserved code beside the `data` sentence (Zabbix's `{"code": -32602, "message": "Invalid params.", "data":
  // "Session terminated, re-login, please."}`).
  // So does n8n's node error (`{"errorMessage": "OpenAI: Rate limit reached", "errorDescription": "Rate limit exceeded:
  // free-models-per-day. …"}`), whose description is the service's own message.
  // (datarhei Core's `{"code": 400, "message": "Bad Request", "details": ["Missing authorization credentials"]}` lists it.)
  const detail = typeof m.detail === 'string' ? m.detail : Array.isArray(m.details) && typeof m.details[0] === 'string' ? (m.details[0] as string) : undefined;
  const more = detail !== undefined ? (isReasonPhrase(message ?? '') ? detail : undefined) : typeof m.data === 'string' && typeof m.code === 'number' && m.code <= -32000 && RPC_PHRASE.test(message ?? '') ? m.data : message !== undefined && message === r.errorMessage && typeof r.errorDescription === 'string' ? r.errorDescription : undefined;
  if (message !== undefined && more !== undefined && more !== message && found.messages.length < 4 && message.length < 40) found.messages.push(more);
  // A number's name beside it is read for its meaning too (ZeroSSL's `{"code": 2803, "type": "certificate_not_found"}`),
  // after the message: Mistral's `{"message": "Rate limit exceeded", "type": "rate_limited", "code": "1300"}` says it in words.
  if (code !== undefined && /^\d+$/.test(code) && typeof m.type === 'string' && SNAKE_WORD.test(m.type) && found.messages.length < 4) found.messages.push(m.type);
  // An error object's own UUID names this occurrence of the error, as support asks for it (JSON:API's
  // `errors[].id`, Brave Search's `error.id`, Klaviyo's): the request id when nothing else is one.
  found.requestId ??= id ?? (depth > 0 && typeof m.id === 'string' && UUID.test(m.id) ? m.id : undefined);
  // IBM Cloud's APIs answer `{"errors": […], "trace": "d0137e9f…"}`: a bare hex trace beside the errors is the
  // request's, and so is any one id token there (IBM Quantum's `cghkdf2nfrtgkmg82530`, a UUID); a UUID `trace`
  // elsewhere is a tracer's run, as LangSmith prints it.
  if (depth === 0 && trace && typeof r.trace === 'string' && (HEX_TRACE.test(r.trace) || (Array.isArray(m.errors) && TOP_ID.test(r.trace)))) found.requestId ??= r.trace;
  // Sumo Logic's `{"id": "0H9HG-7A2K0-T5B0K", "errors": […]}`: an id beside the error list, not a resource's, names the request.
  // So does a FHIR OperationOutcome's beside its `issue` list (Microsoft's FHIR server gives it the request's correlation id).
  if (depth === 0 && !found.ok && (Array.isArray(m.errors) || Array.isArray(m.issue)) && typeof m.id === 'string' && TOP_ID.test(m.id)) found.requestId ??= m.id;
  if (wait) found.retryAfterMs ??= waitOf(r);
  if (nests !== undefined) for (const inner of nests) walk(inner, depth + 1, found);
  // A wrapper of one member (`{"create": {…, "error": {…}}}`, a bulk item) is read through.
  if (depth === 0 && n === 1 && nests === undefined) {
    for (const key in r) {
      const only = first(r[key]);
      if (only !== undefined) walk(only, depth + 1, found);
    }
  }
}

/** What stands where a request id goes and names none: a null printed, a negative number. Anchored, bounded: linear. */
const PLACEHOLDER_ID = /^(?:null|undefined|none|-\d{1,20})$/i;

/**
 * A request id kept beside the error in a top-level `meta` member (Paddle's `meta.request_id`), or in the `$metadata` of
 * an AWS SDK for JavaScript v3 error logged as JSON (a Lambda's `{"name": …, "$fault": …, "$metadata": {"requestId": …}}`).
 */
function metaId(m: Members): string | undefined {
  const meta = asRecord(m.meta) ?? asRecord(m.$metadata);
  if (meta === undefined) return undefined;
  for (const key of IDS) {
    const id = text(meta[key]);
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * The code, message, request id, wait and status a parsed body holds, wherever its envelope puts them.
 *
 * @example
 * ```ts
 * readEnvelope({ error: { code: 'BadRequest', message: 'Filtered', innererror: { code: 'ResponsibleAIPolicyViolation' } } });
 * // { vendorCode: 'ResponsibleAIPolicyViolation', message: 'Filtered', … }
 * ```
 * @internal
 */
export function readEnvelope(value: unknown, responseStatus?: number): Envelope {
  // Django REST framework answers a `ValidationError("…")` raised with sentences, not fields, with the bare list of
  // them (Lulu's 400 `["Invalid transition from PRODUCTION_READY to CANCELED requested"]`): under an error status, or
  // none (the pdfmonkey gem prints a document's errors so: `["We couldn't find any Document with ID …"]`), the list is
  // the error's messages.
  // GLPI's REST API answers every error as a pair, `["ERROR_SESSION_TOKEN_INVALID", "session_token seems invalid"]`:
  // its code, then its message, whatever the status.
  const pair = Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && SCREAMING_WORD.test(value[0]) ? { code: value[0], message: value[1] } : undefined;
  const r = pair ?? unwrapped(first(value)) ?? ((responseStatus === undefined || responseStatus >= 400) && Array.isArray(value) && typeof value[0] === 'string' ? { errors: value } : undefined);
  if (r === undefined) return {};
  // Every member set from the start: one shape for every body, not one per order its members came in.
  const found: Found = { codes: [], messages: [], requestId: undefined, retryAfterMs: undefined, status: undefined, codeStatus: undefined, fieldNamed: undefined, objects: 0, ok: responseStatus !== undefined && responseStatus < 400 };
  // Django REST framework's serializer errors are the whole body, keyed by field (deSEC's `{"ttl": ["Ensure this value
  // is greater than or equal to 3600."]}`, `non_field_errors`): every member a list of sentences, none an error member.
  // (fieldMap reads every such body: its first member is a list whose first entry is a sentence.)
  const top = membersOf(r);
  if (!found.ok && drfFields(r)) fieldMap(r, 0, found);
  else walk(r, 0, found, top);
  const { retryAfterMs, messages } = found;
  const requestId = found.requestId ?? metaId(top);
  // Under a success status the status an error restates is the one a numeric code may repeat.
  const status = (found.ok ? undefined : responseStatus) ?? found.status ?? found.codeStatus;
  // The deepest code wins, the first found at that depth; a number that is the status again is no
  // code, and one that merely looks like a status ranks below a real code at its depth.
  let best: { code: string; depth: number } | undefined;
  let bestRank = -1;
  let codes = '';
  for (const c of found.codes) {
    codes = c === found.codes[0] ? c.code : `${codes} ${c.code}`;
    const asStatus = httpStatus(c.code);
    if (asStatus !== undefined && asStatus === status) continue;
    const rank = c.depth * 2 + (asStatus === undefined ? 1 : 0);
    if (rank > bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  const rpc = rpcDetails(top);
  // With no status member, a numeric `code` in the status range is the status the body restates
  // (`{"kind":"Status","reason":"Expired","code":410}`): a JSON number, never a string like "404".
  // Concatenated, not joined: cheaper for the one to four parts a body has.
  let said = `${codes} \n `;
  for (let i = 0; i < messages.length; i++) said += i === 0 ? messages[i] : ` \n ${messages[i]}`;
  return { vendorCode: best?.code, message: messages[0], text: said, requestId, retryAfterMs: retryAfterMs ?? rpc.delay, status: found.status ?? found.codeStatus, fieldNamed: found.fieldNamed, quota: rpc.quota };
}
