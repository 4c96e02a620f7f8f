/**
 * Google APIs (Cloud, Gemini, Workspace): the JSON form of `google.rpc.Status`,
 * `{error: {code: <HTTP status>, message, status: "<gRPC code name>", details: [{"@type": …}]}}`,
 * sometimes wrapped in a one-element array (Gemini streaming, Vertex), and the
 * older `{error: {code, message, errors: [{domain, reason, message}]}}` that
 * Workspace APIs still send (often with `status` as well). grpc-gateway
 * servers send the bare Status `{code: <gRPC number>, message, details: []}`.
 *
 * `vendorCode` is the most specific code Google sent: `ErrorInfo.reason`
 * (`API_KEY_INVALID`, `RATE_LIMIT_EXCEEDED`, `SERVICE_DISABLED`), else the
 * legacy `errors[0].reason` (`userRateLimitExceeded`), else the gRPC name in
 * `status`. A reason the tables know decides the code and retry class; one
 * they do not (`SERVICE_DISABLED`) leaves it to the status.
 *
 * RESOURCE_EXHAUSTED means both "slow down" and "out of allowance"; the
 * details decide: a QuotaFailure or ErrorInfo naming a per-day or per-month
 * quota, or ErrorInfo reason RESOURCE_QUOTA_EXCEEDED, is `quota_exhausted`;
 * otherwise (per-minute quotas, RATE_LIMIT_EXCEEDED, capacity) it is
 * `rate_limited`. `RetryInfo.retryDelay` ("30s", "1.5s") is the delay, and
 * Gemini's "Please retry in 45.57s." in the message is the fallback.
 * `BadRequest.fieldViolations` become `fields`; `RequestInfo.requestId` the request id.
 *
 * Firebase Auth (Identity Toolkit) and other Google APIs put their own code at the head of the
 * legacy shape's message, `"TOO_MANY_ATTEMPTS_TRY_LATER : Too many unsuccessful login attempts…"`
 * or the bare `"EMAIL_NOT_FOUND"`, under the generic reason `invalid`; Firebase's own SDK reads the
 * code as the message's text before `" : "`. That token is the vendor code, and its meaning the code.
 */
import type { FaultCode } from '../core/catalog.js';
import type { Fault, FieldError } from '../core/fault.js';
import { GRPC_NAMES } from '../core/sdk-fields.js';
import { codeForStatus } from '../core/status.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { ALLOWANCE_WAIT_MS, asOnlyRecord, asRecord, codeIn, readString } from './profile.js';
import { firstRecord, renderStatus } from './render-helpers.js';
import { llmMessageCode } from './llm-signals.js';
import { LONG_WINDOW, RPC_TYPE_PREFIX, durationMs } from './google-rpc.js';
import { isReasonPhraseOrName } from './status-text.js';
import { refusedFinish } from '../core/gemini-finish.js';
import { allFiltered, promptBlock } from './google-refusals.js';

/**
 * gRPC status names and the legacy `errors[].reason` values
 * (google/rpc/code.proto; Drive, Calendar, YouTube "handle errors" guides).
 * @example
 * ```ts
 * GOOGLE_CODES.userRateLimitExceeded; // 'rate_limited'
 * ```
 * @internal
 */
export const GOOGLE_CODES = {
  ...codeTable({
    cancelled: 'CANCELLED',
    internal: 'UNKNOWN INTERNAL internalError',
    invalid_request: 'INVALID_ARGUMENT OUT_OF_RANGE badRequest invalid invalidParameter required parseError',
    gateway_timeout: 'DEADLINE_EXCEEDED',
    not_found: 'NOT_FOUND notFound',
    already_exists: 'ALREADY_EXISTS duplicate',
    permission_denied:
      'PERMISSION_DENIED forbidden insufficientPermissions accessNotConfigured domainPolicy appNotAuthorizedToFile',
    rate_limited:
      'RESOURCE_EXHAUSTED rateLimitExceeded userRateLimitExceeded rateLimitExceededUnreg sharingRateLimitExceeded ' +
      'servingLimitExceeded concurrentLimitExceeded variableTermLimitExceeded',
    quota_exhausted: 'quotaExceeded dailyLimitExceeded dailyLimitExceededUnreg storageQuotaExceeded',
    precondition_failed: 'FAILED_PRECONDITION conditionNotMet',
    conflict: 'ABORTED conflict',
    not_implemented: 'UNIMPLEMENTED notImplemented',
    gone: 'deleted fullSyncRequired updatedMinTooLongAgo',
    service_unavailable: 'UNAVAILABLE',
    data_loss: 'DATA_LOSS',
    unauthenticated: 'UNAUTHENTICATED authError keyInvalid',
    payload_too_large: 'uploadTooLarge',
  }),
  // Google's guides say to retry these with exponential backoff, whatever the method.
  backendError: { code: 'internal', retry: 'always' },
} as const;

/** ErrorInfo reasons (google/api/error_reason.proto) that say more than the status. */
const REASONS: Readonly<Record<string, FaultCode>> = /* @__PURE__ */ codeTable({
  unauthenticated:
    'API_KEY_INVALID ACCESS_TOKEN_EXPIRED CREDENTIALS_MISSING SESSION_COOKIE_INVALID ACCESS_TOKEN_TYPE_UNSUPPORTED',
  payment_required: 'BILLING_DISABLED',
  // Firebase's SDKs' codes, read back as reasons (src/core/firebase.ts): a project's or bucket's allowance, not a throttle.
  quota_exhausted: 'RESOURCE_QUOTA_EXCEEDED auth/quota-exceeded storage/quota-exceeded',
  rate_limited: 'RATE_LIMIT_EXCEEDED',
});

/**
 * Identity Toolkit's server codes (firebase-js-sdk packages/auth/src/api/errors.ts, `ServerError`;
 * https://firebase.google.com/docs/reference/rest/auth#section-error-format) whose meaning is not the
 * status's 400. The others (`INVALID_EMAIL`, `MISSING_PASSWORD`, `WEAK_PASSWORD`…) are bad requests.
 */
const MESSAGE_CODES: Readonly<Record<string, FaultCode>> = /* @__PURE__ */ codeTable({
  // RESET_PASSWORD_EXCEED_LIMIT is the SDK's TOO_MANY_ATTEMPTS_TRY_LATER too.
  rate_limited: 'TOO_MANY_ATTEMPTS_TRY_LATER RESET_PASSWORD_EXCEED_LIMIT',
  // The project's SMS or sign-up allowance: it comes back at the reset, not on retry.
  quota_exhausted: 'QUOTA_EXCEEDED',
  unauthenticated:
    'INVALID_ID_TOKEN TOKEN_EXPIRED INVALID_REFRESH_TOKEN CREDENTIAL_TOO_OLD_LOGIN_AGAIN INVALID_PASSWORD ' +
    'INVALID_LOGIN_CREDENTIALS INVALID_CUSTOM_TOKEN CREDENTIAL_MISMATCH INVALID_IDP_RESPONSE',
  // "The user account has been disabled by an administrator": the account is known and refused; signing in again will not
  // help (the JS SDK's `auth/user-disabled`, read the same way by src/core/firebase.ts).
  permission_denied: 'USER_DISABLED OPERATION_NOT_ALLOWED PASSWORD_LOGIN_DISABLED ADMIN_ONLY_OPERATION UNAUTHORIZED_DOMAIN',
  not_found: 'EMAIL_NOT_FOUND USER_NOT_FOUND MFA_ENROLLMENT_NOT_FOUND',
  already_exists: 'EMAIL_EXISTS FEDERATED_USER_ID_ALREADY_LINKED SECOND_FACTOR_EXISTS',
});

/**
 * `"CODE : words"` or a bare `"CODE"`: the SCREAMING_CASE token a message leads with. A token is at
 * most 296 characters, so the anchored, bounded pattern only ever sees the message's first 300.
 * @example
 * ```ts
 * messageToken('TOO_MANY_ATTEMPTS_TRY_LATER : Too many unsuccessful login attempts.'); // 'TOO_MANY_ATTEMPTS_TRY_LATER'
 * ```
 * @internal
 */
export function messageToken(message: string | undefined): string | undefined {
  const m = message === undefined ? null : /^([A-Z][A-Z0-9]{0,31}(?:_[A-Z0-9]{1,32}){1,8})(?: : |$)/.exec(message.slice(0, 300));
  return m?.[1];
}


/**
 * Whether a `status` is the HTTP reason phrase, as written or in SCREAMING_CASE (Yapily's `{"error": {"code": 400, "status":
 * "BAD_REQUEST", "issues": […]}}`): another envelope's status in words, not a gRPC name (NOT_FOUND is both, and Google's).
 */
function statusInWords(status: string): boolean {
  return status !== 'NOT_FOUND' && isReasonPhraseOrName(status);
}

/** The Status record: `{error: …}`, `[{error: …}]`, or a bare grpc-gateway Status (`grpc` true: `code` is a gRPC number). */
function statusOf(json: unknown): { error: Readonly<Record<string, unknown>>; grpc: boolean } | undefined {
  const body = asOnlyRecord(json);
  const error = asRecord(body?.error);
  if (error !== undefined) {
    // Google's `code` is a number; OpenAI-style bodies carry `type`, Azure's a string code. Its `status` is a gRPC name:
    // one that is the HTTP reason phrase is another envelope's (Ory's `{"error": {"code": 401, "status": "Unauthorized", …}}`).
    return typeof error.code === 'number' && !('type' in error) &&
      ((typeof error.status === 'string' && !statusInWords(error.status)) || Array.isArray(error.errors) || Array.isArray(error.details))
      ? { error, grpc: false }
      : undefined;
  }
  const code = body?.code;
  return body !== undefined && typeof code === 'number' && code > 0 && code <= 16 &&
    typeof body.message === 'string' && Array.isArray(body.details)
    ? { error: body, grpc: true }
    : undefined;
}

function seconds(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /(?<![\d.])(\d+(?:\.\d+)?)s\b/.exec(text);
  return m === null ? undefined : Math.round(Number(m[1]) * 1000);
}

/** Reads `details[]` by `@type`. */
interface Details {
  reason?: string | undefined;
  long: boolean;
  delay?: number | undefined;
  fields?: FieldError[] | undefined;
  requestId?: string | undefined;
}

function readDetails(details: unknown): Details {
  const out: Details = { long: false };
  if (!Array.isArray(details)) return out;
  for (const item of details.slice(0, 16)) {
    const d = asRecord(item);
    const type = readString(d, '@type');
    if (d === undefined || type === undefined) continue;
    // The Google Ads API's own failure detail: each error's `quotaErrorDetails.retryDelay` ("40591s" for the daily
    // operations of basic access) and the request's id (developers.google.com/google-ads/api/docs/best-practices/quotas).
    if (type.startsWith('type.googleapis.com/google.ads.googleads.') && type.endsWith('.errors.GoogleAdsFailure')) {
      const quota = asRecord(asRecord(asRecord(firstRecord(d.errors))?.details)?.quotaErrorDetails);
      out.delay ??= durationMs(quota?.retryDelay);
      out.requestId ??= readString(d, 'requestId');
      continue;
    }
    if (!type.startsWith(RPC_TYPE_PREFIX)) continue;
    switch (type.slice(RPC_TYPE_PREFIX.length)) {
      case 'ErrorInfo': {
        out.reason ??= readString(d, 'reason');
        const meta = asRecord(d.metadata);
        if (LONG_WINDOW.test(`${readString(meta, 'quota_limit') ?? ''} ${readString(meta, 'quota_metric') ?? ''}`)) out.long = true;
        break;
      }
      case 'QuotaFailure':
        for (const v of Array.isArray(d.violations) ? d.violations.slice(0, 16) : []) {
          const r = asRecord(v);
          const words = `${readString(r, 'quotaId') ?? ''} ${readString(r, 'quotaMetric') ?? ''} ${readString(r, 'subject') ?? ''} ${readString(r, 'description') ?? ''}`;
          if (LONG_WINDOW.test(words)) out.long = true;
        }
        break;
      case 'RetryInfo':
        out.delay = durationMs(d.retryDelay);
        break;
      case 'BadRequest':
        if (Array.isArray(d.fieldViolations)) {
          out.fields = d.fieldViolations.slice(0, 50).map((v) => {
            const r = asRecord(v);
            return { path: readString(r, 'field') ?? '', message: readString(r, 'description') ?? '' };
          });
        }
        break;
      case 'RequestInfo':
        out.requestId = readString(d, 'requestId');
        break;
    }
  }
  return out;
}


/** The limit Google's quota message names: `… and limit 'Queries per day' of service …`. Bounded: linear. */
const QUOTA_LIMIT = /\band limit '([^'\n]{1,200})'/;

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const block = promptBlock(s.json);
  if (block !== undefined) return { code: 'content_filtered', vendorCode: block, message: `The prompt was blocked (${block}).` };
  const filtered = allFiltered(s.json);
  if (filtered !== undefined) return { code: 'content_filtered', message: filtered };
  const ended = refusedFinish(s.json);
  if (ended !== undefined) return { code: ended.code, vendorCode: ended.reason, message: ended.message ?? `The generation was stopped (${ended.reason}).` };
  const found = statusOf(s.json);
  if (found === undefined) return undefined;
  const { error } = found;
  const status = found.grpc ? GRPC_NAMES[error.code as number] : readString(error, 'status');
  const legacy = firstRecord(error.errors);
  const reason = readString(legacy, 'reason');
  const message = readString(error, 'message') ?? readString(legacy, 'message');
  const info = readDetails(error.details);
  // Only under the legacy shape's generic reasons, where the message is where the API put its code.
  const token = status === undefined || legacy !== undefined ? messageToken(message) : undefined;
  const vendorCode = info.reason ?? token ?? reason ?? status;
  const reasonRule = reason !== undefined && Object.hasOwn(GOOGLE_CODES, reason) ? GOOGLE_CODES[reason as keyof typeof GOOGLE_CODES] : undefined;
  let code: FaultCode | undefined = info.reason === undefined || !Object.hasOwn(REASONS, info.reason) ? undefined : REASONS[info.reason];
  if (code === undefined && info.reason === undefined && token !== undefined && Object.hasOwn(MESSAGE_CODES, token)) code = MESSAGE_CODES[token];
  code ??= codeIn(GOOGLE_CODES, reason);
  // A legacy reason that only names a class (`required`, `invalid`, `backendError`) says less than a status that names
  // more: Cloud Storage's 401 `required` "Login Required" is a credential missing, its 503 `backendError` the service
  // unavailable (cloud.google.com/storage/docs/json_api/v1/status-codes).
  const byStatus = s.status === undefined ? undefined : codeForStatus(s.status);
  if ((code === 'invalid_request' || code === 'internal') && info.reason === undefined && byStatus !== undefined && byStatus !== 'invalid_request' && byStatus !== 'internal' && byStatus !== 'unknown') code = byStatus;
  // The vendor code is a reason the code table may not list: the status still says what it means.
  code ??= vendorCode === status ? undefined : codeIn(GOOGLE_CODES, status);
  // "The input token count (…) exceeds the maximum number of tokens allowed" is a plain INVALID_ARGUMENT.
  if ((code === undefined || code === 'invalid_request') && status === 'INVALID_ARGUMENT') code = llmMessageCode(message) ?? code;
  // A call with no API key or credential at all is refused as a 403 PERMISSION_DENIED (legacy reason `forbidden`) whose
  // message says who is missing: "Method doesn't allow unregistered callers (callers without established identity)."
  if (code === 'permission_denied' && message?.includes('unregistered callers') === true) code = 'unauthenticated';
  // The Gemini API refuses a caller's region as a 400 FAILED_PRECONDITION "User location is not supported for the API
  // use.": no state to change, a place it will not serve (as OpenAI's unsupported_country_region_territory). Vertex AI
  // refuses a project a model it was not granted the same way ("Project `…` is not allowed to use Publisher Model `…`").
  if (status === 'FAILED_PRECONDITION' && message !== undefined && (message.startsWith('User location is not supported') || message.includes(' is not allowed to use Publisher Model '))) code = 'permission_denied';
  // Gemini and Vertex shed load as a 503 UNAVAILABLE "The model is overloaded. Please try again later."
  if (code === undefined && status === 'UNAVAILABLE' && llmMessageCode(message) === 'overloaded') code = 'overloaded';
  // Google's quota system words every quota error alike, "Quota exceeded for quota metric 'Queries' and limit 'Queries
  // per day' of service 'books.googleapis.com'", under the legacy reason `rateLimitExceeded` whatever the window: the
  // limit it names says which window ran out.
  const limit = reason === undefined ? message : QUOTA_LIMIT.exec(message ?? '')?.[1];
  // So does a wait of six hours or more, as the generic layer reads one: an allowance that resets, not a window. And so
  // does a limit of 0 (the Gemini API's free tier for a model it gives none of: "Quota exceeded for metric: …
  // generate_content_free_tier_requests, limit: 0, model: …"), which no wait fills, whatever RetryInfo says.
  if (status === 'RESOURCE_EXHAUSTED' && (info.long || (info.delay ?? 0) >= ALLOWANCE_WAIT_MS || (info.reason === undefined && LONG_WINDOW.test(limit ?? '')) || NO_ALLOWANCE.test(message ?? ''))) {
    code = 'quota_exhausted';
  }
  return {
    code,
    retry: typeof reasonRule === 'object' && reasonRule.code === code ? reasonRule.retry : undefined,
    vendorCode,
    message,
    retryAfterMs: info.delay ?? (status === 'RESOURCE_EXHAUSTED' ? seconds(/retry in ([\d.]+s)/i.exec(message ?? '')?.[1]) : undefined),
    fields: info.fields,
    requestId: info.requestId,
  };
}

/** A quota whose limit is zero: nothing to wait for. */
const NO_ALLOWANCE = /, limit: 0,/;

/** The gRPC name a fault goes out with. */
function statusName(fault: Fault): string {
  const code = fault.vendorCode;
  if (code !== undefined && (GRPC_NAMES as readonly string[]).includes(code)) return code;
  for (const key in GOOGLE_CODES) {
    const rule = GOOGLE_CODES[key as keyof typeof GOOGLE_CODES];
    if ((typeof rule === 'string' ? rule : rule.code) === fault.code && /^[A-Z_]+$/.test(key)) return key;
  }
  return fault.code === 'quota_exhausted' ? 'RESOURCE_EXHAUSTED' : 'UNKNOWN';
}

/**
 * What the default classify carries of {@link googleProfile}: all of it but its renderer.
 * @internal
 */
export const googleReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'google',
  keys: ['error', 'promptFeedback.blockReason', 'predictions', 'candidates'],
  hosts: ['*.googleapis.com'],
  codes: GOOGLE_CODES,
  detect: (s) => statusOf(s.json) !== undefined || promptBlock(s.json) !== undefined || allFiltered(s.json) !== undefined || refusedFinish(s.json) !== undefined,
  parse,
});

/**
 * Google APIs: `google.rpc.Status` JSON and the legacy `errors[]` shape.
 *
 * @example
 * ```ts
 * classify({ status: 429, body: JSON.stringify({ error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED',
 *   details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }] } }) });
 * // { code: 'rate_limited', vendor: 'google', vendorCode: 'RESOURCE_EXHAUSTED', retryAfterMs: 30000, … }
 * ```
 * @public
 */
export const googleProfile: VendorProfile = /* @__PURE__ */ withRender(googleReader, {
  expressible: { retryAfter: 'ms' },
  render(fault) {
    const name = statusName(fault);
    const vendorCode = fault.vendorCode;
    const errorInfo = vendorCode !== undefined && Object.hasOwn(REASONS, vendorCode);
    // A legacy reason goes out in the older shape, without `status` (as Drive and Calendar document it).
    const legacy = vendorCode !== undefined && vendorCode !== name && !errorInfo;
    const error: Record<string, unknown> = legacy
      ? { code: renderStatus(fault), message: fault.message, errors: [{ message: fault.message, domain: 'global', reason: vendorCode }] }
      : { code: renderStatus(fault), message: fault.message, status: name };
    const details: Record<string, unknown>[] = [];
    if (errorInfo) details.push({ '@type': `${RPC_TYPE_PREFIX}ErrorInfo`, reason: vendorCode, domain: 'googleapis.com' });
    else if (fault.code === 'quota_exhausted' && vendorCode === name) {
      details.push({ '@type': `${RPC_TYPE_PREFIX}QuotaFailure`, violations: [{ quotaId: 'RequestsPerDayPerProject' }] });
    }
    if (fault.retryAfterMs !== undefined) details.push({ '@type': `${RPC_TYPE_PREFIX}RetryInfo`, retryDelay: `${fault.retryAfterMs / 1000}s` });
    if (fault.requestId !== undefined) details.push({ '@type': `${RPC_TYPE_PREFIX}RequestInfo`, requestId: fault.requestId });
    if (details.length > 0) error.details = details;
    // Google states delays and request ids in the body (RetryInfo, RequestInfo), not in headers.
    return { status: renderStatus(fault), headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error }) };
  },
});
