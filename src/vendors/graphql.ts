/**
 * GraphQL over HTTP: `{errors: [{message, locations, path, extensions: {code}}], data}`,
 * usually on HTTP 200. The vendor code is the first error's `extensions.code`
 * (Apollo, Shopify, Hasura), else its `type` (GitHub), `errorType` (AppSync)
 * or `extensions.classification` (graphql-java / Spring for GraphQL).
 *
 * A code the table does not know is read by its words (`USER_NOT_FOUND` →
 * `not_found`, Linear's `RATELIMITED` on a 400 → `rate_limited`); failing
 * that, a 4xx/5xx status decides, and on a 200 an error with no code is a
 * resolver failure when it has a `path` (`internal`), else a document the
 * server rejected (`invalid_request`). A response without `errors` is never claimed. GitHub sends
 * `{errors: [{type: "RATE_LIMITED"}]}` without a message, and "Something went wrong while executing
 * your query" when it failed running one (`internal`, retried `always` as octokit's retry plugin does).
 * Shopify's THROTTLED carries `extensions.cost.throttleStatus`; the wait is
 * the missing points divided by the restore rate.
 */
import type { FaultCode } from '../core/catalog.js';
import type { FieldError } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { codeByMeaning } from './generic/decide.js';
import { meaning } from './generic/lexicon.js';
import { requestIdInText } from './generic/request-id.js';
import { asRecord, readNumber, readString } from './profile.js';
import { firstRecord, renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * GraphQL error codes from Apollo Server, GitHub, Shopify, Hasura, AppSync and graphql-java.
 * @example
 * ```ts
 * GRAPHQL_CODES.UNAUTHENTICATED; // 'unauthenticated'
 * ```
 * @internal
 */
export const GRAPHQL_CODES = /* @__PURE__ */ codeTable({
  // Apollo Server codes first, then GitHub `type`, Shopify, graphql-java `classification`, Hasura, AppSync `errorType`,
  // graphql-php's `category` (`internal`: its handler failed; `graphql`: the query did, read by the status)
  invalid_request:
    'GRAPHQL_PARSE_FAILED GRAPHQL_VALIDATION_FAILED BAD_USER_INPUT BAD_REQUEST OPERATION_RESOLUTION_FAILURE ' +
    'InvalidSyntax ValidationError validation-failed parse-failed',
  unauthenticated: 'UNAUTHENTICATED UNAUTHORIZED invalid-jwt jwt-invalid-claims invalid-headers UnauthorizedException',
  permission_denied: 'FORBIDDEN INTROSPECTION_DISABLED INSUFFICIENT_SCOPES ACCESS_DENIED access-denied permission-error Unauthorized',
  not_found: 'PERSISTED_QUERY_NOT_FOUND NOT_FOUND',
  not_implemented: 'PERSISTED_QUERY_NOT_SUPPORTED',
  rate_limited: 'RATE_LIMITED THROTTLED',
  payload_too_large: 'MAX_COST_EXCEEDED MAX_NODE_LIMIT_EXCEEDED',
  conflict: 'constraint-violation ConflictUnhandled',
  internal: 'INTERNAL_SERVER_ERROR INTERNAL_ERROR unexpected internal',
  bad_gateway: 'DOWNSTREAM_SERVICE_ERROR',
  service_unavailable: 'SERVICE_UNAVAILABLE',
});

/** What an auth directive's error says of the caller. */
const ACCESS: ReadonlySet<FaultCode> = new Set<FaultCode>(['permission_denied', 'unauthenticated']);

/** Custom codes (`USER_NOT_FOUND`, `RATE_LIMIT_EXCEEDED`) by the words in them; first match wins. */
const WORDS: readonly (readonly [string, FaultCode])[] = [
  ['NOT_FOUND', 'not_found'],
  ['AUTHENTICATION', 'unauthenticated'],
  ['UNAUTHENTICATED', 'unauthenticated'],
  ['UNAUTHORIZED', 'unauthenticated'],
  ['API_KEY', 'unauthenticated'],
  ['TOKEN_EXPIRED', 'unauthenticated'],
  ['EXPIRED_TOKEN', 'unauthenticated'],
  ['INVALID_TOKEN', 'unauthenticated'],
  ['RATE_LIMIT', 'rate_limited'],
  ['RATELIMIT', 'rate_limited'],
  ['THROTTL', 'rate_limited'],
  ['FORBIDDEN', 'permission_denied'],
  ['DENIED', 'permission_denied'],
  ['TIMEOUT', 'gateway_timeout'],
  ['CONFLICT', 'conflict'],
  ['INTERNAL', 'internal'],
];

function byWords(code: string | undefined, hasPath: boolean, status: number | undefined, message: string | undefined): FaultCode | undefined {
  const upper = code?.toUpperCase() ?? '';
  for (const [word, canonical] of WORDS) if (upper.includes(word)) return canonical;
  // Nothing in the words: a 4xx/5xx status says more than a guess, but for what the code and message say together that
  // the status could carry (OpenTripPlanner's 422 `ExecutionAborted` "PROCESSING_TIMEOUT", its `ResponseTooLarge`).
  if (status !== undefined && status >= 400) return codeByMeaning(status, code, message);
  // A message that says what failed says more than where it failed ("Bill matching query does not exist.", Open States);
  // a refused caller says more than a code whose words name nothing (Dgraph's `ErrorInvalidRequest` on "rpc error: code =
  // Unauthenticated …"), though what else the message names is the request's fault that code already says.
  // No code at all: an error with a `path` came from a resolver; one without, from the document.
  const said = meaning(message, true);
  return (code === undefined || ACCESS.has(said ?? 'unknown') ? said : undefined) ?? (code === undefined && hasPath ? 'internal' : 'invalid_request');
}

function phpCategory(record: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const category = readString(record, 'category');
  return category !== undefined && /^[a-z][a-z-]{1,40}$/.test(category) ? category : undefined;
}

function vendorCodeOf(error: Readonly<Record<string, unknown>>): string | undefined {
  const ext = asRecord(error.extensions);
  return (
    readString(ext, 'code') ??
    // New Relic's NerdGraph: `extensions: { error_code: "BAD_API_KEY" }`.
    readString(ext, 'error_code') ??
    readString(ext, 'errorCode') ??
    // Saleor (graphene-django) and Apollo Server 2 nest it under the exception: `extensions: { exception: { code: "PermissionDenied" } }`.
    readString(asRecord(ext?.exception), 'code') ??
    readString(error, 'type') ??
    readString(error, 'errorType') ??
    // AppSync's `errorType` as its clients' test responses carry it under `extensions` too (amplify-android's "Unauthorized").
    readString(ext, 'errorType') ??
    readString(ext, 'classification') ??
    // graphql-php (WPGraphQL, Magento, Lighthouse) says who is at fault in a lower-case `category`, under `extensions` or
    // on the error (Square's upper-case `category` beside its `code` is its own envelope).
    phpCategory(ext) ??
    phpCategory(error) ??
    // apollo-errors' thrown class beside its `time_thrown` (Keystone 5's `"name": "AccessDeniedError"`).
    (error.time_thrown !== undefined && typeof error.name === 'string' && /^[A-Z]\w{0,60}Error$/.test(error.name) ? error.name : undefined)
  );
}

/** Shopify: (requested − available) ÷ restoreRate seconds, when the bucket cannot cover the query. */
function throttleDelay(body: Readonly<Record<string, unknown>>): number | undefined {
  const cost = asRecord(asRecord(body.extensions)?.cost);
  const t = asRecord(cost?.throttleStatus);
  const rate = readNumber(t, 'restoreRate');
  const available = readNumber(t, 'currentlyAvailable');
  const requested = readNumber(cost, 'requestedQueryCost');
  if (rate === undefined || rate <= 0 || available === undefined || requested === undefined) return undefined;
  return Math.max(0, Math.ceil(((requested - available) / rate) * 1000));
}

function argumentField(error: Readonly<Record<string, unknown>>, message: string | undefined): FieldError[] | undefined {
  const name = readString(asRecord(error.extensions), 'argumentName');
  return name !== undefined && message !== undefined ? [{ path: name, message }] : undefined;
}

/** GitHub's GraphQL API when it fails inside (a timeout, a bug): octokit's retry plugin retries it as a 500. */
const GITHUB_SOMETHING_WRONG = /^Something went wrong while executing your query/;
const GITHUB_TIMED_OUT = /\bmay be the result of a timeout\b/;
const GRAPHQL_KEYS: ReadonlySet<string> = new Set(['errors', 'data', 'extensions']);

/** Only `errors`, `data` and `extensions` at the top: a GraphQL response, whatever its errors hold. */
function onlyGraphqlKeys(body: Readonly<Record<string, unknown>>): boolean {
  for (const key in body) if (!GRAPHQL_KEYS.has(key)) return false;
  return true;
}

function looksLikeGraphql(s: ResponseSnapshot, body: Readonly<Record<string, unknown>>): boolean {
  const first = firstRecord(body.errors);
  if (first === undefined) return false;
  // GitHub's `{errors: [{type: "RATE_LIMITED"}]}` comes without a message (octokit's throttling plugin reads it so).
  if (typeof first.message !== 'string') return onlyGraphqlKeys(body) && vendorCodeOf(first) !== undefined;
  if (GITHUB_SOMETHING_WRONG.test(first.message) && onlyGraphqlKeys(body)) return true;
  // `message` alone is what SendGrid, Twilio and many flat APIs send in `errors[]`: ask for one more GraphQL member.
  return (
    'data' in body ||
    // A GraphQL `path` and `locations` are lists; Wise's `path: "email"` names a field of a flat API.
    Array.isArray(first.locations) ||
    Array.isArray(first.path) ||
    asRecord(first.extensions) !== undefined ||
    // GitHub's `type: "NOT_FOUND"` is upper snake; a PascalCase `type` is a flat API's error class (Ghost's `"ValidationError"`),
    // and so is an upper-snake one beside the error's own `code` (finAPI's `{"code": "UNAUTHORIZED_ACCESS", "type": "TECHNICAL"}`).
    (typeof first.type === 'string' && /^[A-Z]+(?:_[A-Z]+)*$/.test(first.type) && !('code' in first)) ||
    typeof first.errorType === 'string' ||
    s.contentType === 'application/graphql-response+json'
  );
}

/**
 * What the default classify carries of {@link graphqlProfile}: all of it but its renderer.
 * @internal
 */
export const graphqlReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'graphql',
  keys: ['errors'],
  codes: GRAPHQL_CODES,
  detect(s) {
    const body = asRecord(s.json);
    return body !== undefined && looksLikeGraphql(s, body);
  },
  parse(s) {
    const body = asRecord(s.json);
    if (body === undefined || !looksLikeGraphql(s, body)) return undefined;
    const errors = body.errors as readonly unknown[];
    let chosen = firstRecord(errors) as Readonly<Record<string, unknown>>;
    let vendorCode = vendorCodeOf(chosen);
    for (let i = 1; vendorCode === undefined && i < errors.length && i < 20; i++) {
      const e = asRecord(errors[i]);
      const c = e === undefined ? undefined : vendorCodeOf(e);
      if (e !== undefined && c !== undefined) [chosen, vendorCode] = [e, c];
    }
    const message = readString(chosen, 'message');
    if (vendorCode === undefined && GITHUB_SOMETHING_WRONG.test(message ?? '')) {
      // Nothing was wrong with the query: GitHub failed running it, and asks for a retry. Its words name the request id
      // to report; the variant GitHub sends with a 502 says the query may have run out of time (its docs: a query over
      // the time limit is cut off), a gateway's timeout.
      const requestId = requestIdInText(message as string);
      return GITHUB_TIMED_OUT.test(message as string) ? { message, code: 'gateway_timeout', requestId } : { message, code: 'internal', retry: 'always', requestId };
    }
    const known = vendorCode !== undefined && vendorCode in GRAPHQL_CODES;
    const fields = argumentField(chosen, message);
    const draft: FaultDraft = {
      vendorCode,
      message,
      fields,
      retryAfterMs: vendorCode === 'THROTTLED' ? throttleDelay(body) : undefined,
      code:
        fields !== undefined && vendorCode === 'BAD_USER_INPUT'
          ? 'validation_failed'
          : // Apollo Server's code for any error thrown without one (its docs: "An unspecified error occurred"), as auth
            // directives and graphql-shield ("Not Authorised!") throw theirs: a refused caller, whose message says so
            // (Wiki.js' "Forbidden"). Other words under it stay the server's failure (GasBuddy's "… not found").
            vendorCode === 'INTERNAL_SERVER_ERROR' && (s.status === undefined || s.status < 500) && ACCESS.has(meaning(message, true) ?? 'unknown')
            ? meaning(message, true)
            : known
            ? undefined
            : byWords(vendorCode, 'path' in chosen, s.status, message),
    };
    return draft;
  },
});

/**
 * GraphQL responses that carry `errors[]`.
 *
 * @example
 * ```ts
 * classify({ status: 200, body: '{"errors":[{"message":"Unauthorized","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}' });
 * // { code: 'unauthenticated', vendor: 'graphql', vendorCode: 'UNAUTHENTICATED', … }
 * ```
 * @public
 */
export const graphqlProfile: VendorProfile = /* @__PURE__ */ withRender(graphqlReader, {
  render(fault) {
    const vendorCode = renderCode(GRAPHQL_CODES, fault);
    const error: Record<string, unknown> = { message: fault.message };
    const arg = fault.fields?.[0]?.path;
    if (vendorCode !== undefined) error.extensions = arg === undefined ? { code: vendorCode } : { code: vendorCode, argumentName: arg };
    // GraphQL over HTTP answers 200; without a code the status is all a client has to go on.
    const status = vendorCode !== undefined && vendorCode in GRAPHQL_CODES ? 200 : renderStatus(fault);
    return {
      status,
      headers: renderHeaders(fault, 'x-request-id', 'application/json'),
      body: JSON.stringify({ errors: [error], data: null }),
    };
  },
});
