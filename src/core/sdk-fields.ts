/**
 * What SDK errors keep of a response in members of their own, when they keep no response a client would: gRPC's
 * status, Slack's `ok: false` answer, a GraphQL result's errors, a vendor's fields copied onto the error, AWS's error
 * name, a status written as a numeric `code`. Each is read by property name through readProperty, never by class.
 */
import { readProperty } from './read-property.js';
import { statusOf } from './status.js';

/** A response found on a thrown value, ready for the classify engine. @internal */
export interface ThrownResponse {
  /** `undefined` for a body with no status (pasted from a log): classified from what it says. */
  readonly status: number | undefined;
  readonly headers?: unknown;
  readonly body?: unknown;
  /** A request id the client kept outside the headers (`requestID`, `$metadata.requestId`). */
  readonly requestId?: string | undefined;
  /** A body that has not been read yet (ky's `HTTPError.response`, a thrown `Response`): the async path reads it. */
  readonly unread?: Response | undefined;
  /** Neither headers nor body: the status may be the client's own (Octokit reports a socket reset as 500). */
  readonly bare: boolean;
}

/** A non-empty string, or `undefined`. @internal */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// gRPC status codes as HTTP statuses (google.rpc.Code's documented mapping), so a ServiceError
// classifies as the HTTP error it stands for.
/** @internal */
export const GRPC_STATUS = [200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401] as const;

/** A grpc-js `ServiceError`: a numeric `code` 1..16 next to `details` and `metadata`. @internal */
export function grpcOf(error: object): ThrownResponse | undefined {
  const code = readProperty(error, 'code');
  const metadata = readProperty(error, 'metadata');
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 1 || code > 16 || typeof metadata !== 'object' || metadata === null) return undefined;
  const getMap = readProperty(metadata, 'getMap');
  let headers: unknown;
  try {
    headers = typeof getMap === 'function' ? (getMap as () => unknown).call(metadata) : undefined;
  } catch {
    headers = undefined;
  }
  const details = nonEmpty(readProperty(error, 'details'));
  return { status: GRPC_STATUS[code] as number, headers, body: details === undefined ? undefined : { message: details }, bare: false };
}

/**
 * The vendor's error fields an SDK copied onto its own error and kept no body beside, put back as the body they were
 * read from:
 * - twilio-node's RestException (`code`, `message`, `moreInfo` from `{code, message, more_info}`) and its RFC 9457
 *   TwilioServiceException (`type`, `title`, `detail`, `errors`);
 * - supabase-js' PostgrestError, PostgREST's `{code, details, hint, message}` (`details` and `hint` there, if null);
 * - with a status beside them, a vendor's code and message alone (supabase-js' AuthApiError: `invalid_credentials`).
 * A node or client error code (`ERR_BAD_RESPONSE`, `ECONNRESET`, `UND_ERR_SOCKET`) is no vendor's, nor one beside an
 * `errors` list the SDK kept.
 * @internal
 */
export function copiedFields(error: object, status: number | undefined): unknown {
  const code = readProperty(error, 'code');
  if (typeof code !== 'number' && typeof code !== 'string') return undefined;
  const moreInfo = nonEmpty(readProperty(error, 'moreInfo'));
  const type = nonEmpty(readProperty(error, 'type'));
  const message = nonEmpty(readProperty(error, 'message'));
  if (moreInfo !== undefined || type !== undefined) {
    // The RFC 9457 exception's own message is the SDK's (`[HTTP 400] Invalid parameter`): the body said `title` and `detail`.
    return { code, message: type === undefined ? message : undefined, more_info: moreInfo, type, title: nonEmpty(readProperty(error, 'title')), detail: nonEmpty(readProperty(error, 'detail')), errors: readProperty(error, 'errors') };
  }
  const details = readProperty(error, 'details');
  const hint = readProperty(error, 'hint');
  if (typeof code === 'string' && details !== undefined && hint !== undefined) return { code, details, hint, message };
  // Beside an `errors` list the code is the SDK's own (@clerk/backend's `api_response_error`): the vendor's are in the list.
  if (status === undefined || typeof code !== 'string' || message === undefined || Array.isArray(readProperty(error, 'errors'))) return undefined;
  return /^(?:E[A-Z]{2,}$|ERR_|UND_ERR_)/.test(code) ? undefined : { code, message };
}

/**
 * A Slack Web API answer that said `ok: false`, as @slack/web-api keeps it on its WebAPIPlatformError: the body is its
 * `data`, thrown or printed by node (`{ code: 'slack_webapi_platform_error', data: { ok: false, … } }`, which the printed
 * reading reads). Slack sent it with a success status the error does not keep, so none is given.
 * @internal
 */
export function platformOf(error: object): ThrownResponse | undefined {
  const data = readProperty(error, 'data');
  if (readProperty(error, 'code') !== 'slack_webapi_platform_error' || typeof data !== 'object' || data === null) return undefined;
  return { status: undefined, body: data, bare: false };
}

/**
 * A GraphQL result's errors kept on an error (@octokit/graphql's GraphqlResponseError and Apollo Client 4's
 * CombinedGraphQLErrors as `errors`; Apollo Client 3's ApolloError and urql's CombinedError as `graphQLErrors`), as the
 * result they came in. `errors` entries are records with a message or a type, never Error instances: an AggregateError's
 * `errors` is no GraphQL result. GitHub's throttling answers `{type: 'RATE_LIMITED'}` with no message.
 * @internal
 */
export function graphqlBody(error: object): unknown {
  const named = readProperty(error, 'graphQLErrors');
  const errors = Array.isArray(named) && named.length > 0 ? named : readProperty(error, 'errors');
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first !== 'object' || first === null || (first instanceof Error && errors !== named)) return undefined;
  if (typeof readProperty(first, 'message') !== 'string' && typeof readProperty(first, 'type') !== 'string') return undefined;
  // The result's `extensions` too: Shopify's wait is in its `cost`, which Apollo keeps. Only members the error has: an
  // `errors` list alone is not GraphQL's (@clerk/backend's ClerkAPIResponseError keeps Clerk's `{errors: [{code, …}]}`).
  const data = readProperty(error, 'data');
  const extensions = readProperty(error, 'extensions');
  return { errors, ...(data === undefined ? {} : { data }), ...(extensions === undefined ? {} : { extensions }) };
}

/**
 * A numeric `code` that is the HTTP status, beside the response it came with: OpenAPI Generator's `typescript` clients'
 * ApiException (@kubernetes/client-node: `code`, `body`, `headers`) and @sendgrid/client's ResponseError (`code`,
 * `response`). Alone, a number is no status: gRPC's codes are numbers too.
 * @internal
 */
export function codeStatus(error: object, response: unknown): number | undefined {
  const code = readProperty(error, 'code');
  return typeof code === 'number' && (response !== undefined || readProperty(error, 'headers') !== undefined) ? statusOf(code) : undefined;
}

/** AWS SDK v3 exceptions keep the error code as their `name`, the body being read already. @internal */
export function awsBody(error: object, metadata: unknown): unknown {
  if (metadata === undefined) return undefined;
  const name = nonEmpty(readProperty(error, 'name'));
  if (name === undefined || name === 'Error') return undefined;
  return { __type: name, message: nonEmpty(readProperty(error, 'message')) ?? '' };
}

/**
 * The headers @clerk/backend's ClerkAPIResponseError (`clerkError: true`) keeps of its response: only Retry-After, in
 * seconds, as `retryAfter`. Its request id is `clerkTraceId` (the body's `clerk_trace_id`, else the `cf-ray` header).
 * @internal
 */
export function clerkHeaders(error: object): Readonly<Record<string, string>> | undefined {
  const seconds = readProperty(error, 'retryAfter');
  return readProperty(error, 'clerkError') === true && typeof seconds === 'number' ? { 'retry-after': String(seconds) } : undefined;
}
