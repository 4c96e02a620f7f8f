/**
 * Thrown values that carry a response: the errors of SDKs and HTTP clients (openai, anthropic,
 * stripe, octokit, the AWS SDK, axios, got, ky, ofetch, undici, the AI SDK, genai, grpc-js, discord.js, Slack's
 * and Twilio's Node SDKs, the Azure SDKs, the Kubernetes client, SendGrid's, tRPC's, Apollo Client, urql, Fern's SDKs) and a
 * thrown fetch `Response`. They are read by property name, never by class, so a second copy of an
 * SDK, or a new client with the same shape, reads the same. Every read goes through readProperty:
 * a getter that throws reads as nothing.
 */
import { readProperty } from './read-property.js';

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

/** An HTTP status as a number in 100..999, from a number or a numeric string. @internal */
export function statusOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 999 ? n : undefined;
}

function isResponse(value: unknown): value is Response {
  if (typeof Response !== 'undefined' && value instanceof Response) return true;
  // Another fetch's Response (the undici package's own class, a polyfill's): the same shape, another class.
  return (
    typeof value === 'object' && value !== null && !(value instanceof Error) &&
    typeof readProperty(value, 'status') === 'number' && typeof readProperty(value, 'bodyUsed') === 'boolean' &&
    typeof readProperty(value, 'text') === 'function' && typeof readProperty(readProperty(value, 'headers'), 'get') === 'function'
  );
}

// ofetch keeps a body of a type it does not know (AWS's application/x-amz-json-1.0) as a Blob:
// only the async path can read it.
function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

/** A body worth reading: text, bytes or a parsed object (not a function, not a stream). */
function isBody(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || (typeof value === 'object' && value !== null && !isStream(value));
}

function isStream(value: unknown): boolean {
  return typeof readProperty(value, 'getReader') === 'function' || typeof readProperty(value, 'pipe') === 'function';
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// gRPC status codes as HTTP statuses (google.rpc.Code's documented mapping), so a ServiceError
// classifies as the HTTP error it stands for.
/** @internal */
export const GRPC_STATUS = [200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401] as const;

/** A grpc-js `ServiceError`: a numeric `code` 1..16 next to `details` and `metadata`. */
function grpcOf(error: object): ThrownResponse | undefined {
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

/** The body a client kept: parsed, text or bytes, never a stream (a stream was the client's to read). */
function bodyOf(value: unknown): unknown {
  if (value === undefined || value === null || value === '' || isStream(value) || isResponse(value)) return undefined;
  return value;
}

// An SDK's `error` member that is an error object of its own (OpenAI's `APIError.error` is the
// body's `error` member, not the body): it is put back where profiles look for it.
function envelope(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return bodyOf(error);
  const inner = typeof readProperty(error, 'message') === 'string' && readProperty(error, 'error') === undefined && readProperty(error, 'errors') === undefined;
  return inner ? { error } : error;
}

// Stripe's `raw` is always the body's `error` member, message or not (`{type: 'api_error'}` has none).
function rawOf(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bodyOf(raw);
  return readProperty(raw, 'error') === undefined ? { error: raw } : raw;
}

/**
 * The vendor's error fields an SDK copied onto its own error and kept no body beside: twilio-node's RestException
 * (`code`, `message`, `moreInfo` from `{code, message, more_info}`) and its RFC 9457 TwilioServiceException (`type`,
 * `title`, `detail`, `errors`). They are put back as the body they were read from. A `code` alone is no such copy (a node
 * or client error code: `ERR_BAD_RESPONSE`), so one of the copied members must be there too.
 */
function copiedFields(error: object): unknown {
  const code = readProperty(error, 'code');
  const moreInfo = nonEmpty(readProperty(error, 'moreInfo'));
  const type = nonEmpty(readProperty(error, 'type'));
  if ((typeof code !== 'number' && typeof code !== 'string') || (moreInfo === undefined && type === undefined)) return undefined;
  // The RFC 9457 exception's own message is the SDK's (`[HTTP 400] Invalid parameter`): the body said `title` and `detail`.
  const message = type === undefined ? nonEmpty(readProperty(error, 'message')) : undefined;
  return { code, message, more_info: moreInfo, type, title: nonEmpty(readProperty(error, 'title')), detail: nonEmpty(readProperty(error, 'detail')), errors: readProperty(error, 'errors') };
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
 */
function graphqlBody(error: object): unknown {
  const named = readProperty(error, 'graphQLErrors');
  const errors = Array.isArray(named) && named.length > 0 ? named : readProperty(error, 'errors');
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first !== 'object' || first === null || (first instanceof Error && errors !== named)) return undefined;
  if (typeof readProperty(first, 'message') !== 'string' && typeof readProperty(first, 'type') !== 'string') return undefined;
  // The result's `extensions` too: Shopify's wait is in its `cost`, which Apollo keeps.
  return { errors, data: readProperty(error, 'data'), extensions: readProperty(error, 'extensions') };
}

/**
 * The response inside Apollo Client 3's ApolloError: its `networkError` (a ServerError with `statusCode`, the Response
 * and the parsed body as `result`), when that error carries one. urql's carries none: its CombinedError keeps the Response.
 */
function networkErrorOf(error: object, depth: number): ThrownResponse | undefined {
  const inner = readProperty(error, 'networkError');
  return typeof inner === 'object' && inner !== null && inner !== error && depth < 4 ? thrownResponse(inner, depth + 1) : undefined;
}

/**
 * A numeric `code` that is the HTTP status, beside the response it came with: OpenAPI Generator's `typescript` clients'
 * ApiException (@kubernetes/client-node: `code`, `body`, `headers`) and @sendgrid/client's ResponseError (`code`,
 * `response`). Alone, a number is no status: gRPC's codes are numbers too.
 */
function codeStatus(error: object, response: unknown): number | undefined {
  const code = readProperty(error, 'code');
  return typeof code === 'number' && (response !== undefined || readProperty(error, 'headers') !== undefined) ? statusOf(code) : undefined;
}

/** A body written into the message as JSON (genai's `ApiError`, clients that print the body). */
function bodyInMessage(error: object): unknown {
  const message = readProperty(error, 'message');
  if (typeof message !== 'string') return undefined;
  const start = message.indexOf('{');
  if (start < 0 || start > 200) return undefined;
  return message.slice(start);
}

function requestIdOf(error: object, metadata: unknown): string | undefined {
  return (
    nonEmpty(readProperty(error, 'requestID')) ??
    nonEmpty(readProperty(error, 'requestId')) ??
    nonEmpty(readProperty(error, 'request_id')) ??
    nonEmpty(readProperty(metadata, 'requestId'))
  );
}

/**
 * The response a thrown value carries, or `undefined` when it carries none. A plain snapshot
 * `{ status, headers?, body? }` and a fetch `Response` count too.
 * @internal
 */
export function thrownResponse(input: unknown, depth = 0): ThrownResponse | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const last = lastErrorOf(input);
  if (last !== undefined) return depth < 4 ? thrownResponse(last, depth + 1) : undefined;
  const network = networkErrorOf(input, depth);
  if (network !== undefined) return network;
  if (isResponse(input)) return { status: input.status, headers: input.headers, unread: input.bodyUsed ? undefined : input, bare: false };
  const own = statusOf(readProperty(input, 'status')) ?? statusOf(readProperty(input, 'statusCode'));
  if (!(input instanceof Error)) {
    // A snapshot, or a response-like object that is not an error: only its own fields count. A
    // snapshot with a body and no status (a body pasted from a log) is read for what it says.
    const body = readProperty(input, 'body');
    const headers = readProperty(input, 'headers');
    if (own !== undefined) return { status: own, headers, body, bare: false };
    return readProperty(input, 'status') === undefined && isBody(body) ? { status: undefined, headers, body, bare: false } : undefined;
  }
  // tRPC's TRPCClientError keeps the Response it read as `meta.response`.
  const response = readProperty(input, 'response') ?? readProperty(readProperty(input, 'meta'), 'response');
  const metadata = readProperty(input, '$metadata');
  const status =
    own ??
    statusOf(readProperty(metadata, 'httpStatusCode')) ??
    // A tRPC batch answers 207 when its calls differ: each call's own status is in its error's `data`.
    statusOf(readProperty(readProperty(readProperty(input, 'shape'), 'data'), 'httpStatus')) ??
    statusOf(readProperty(response, 'status')) ??
    statusOf(readProperty(response, 'statusCode')) ??
    codeStatus(input, response);
  if (status === undefined) {
    const graphql = graphqlBody(input);
    // GraphQL sends its errors under a 200 the error does not keep, so none is given.
    return grpcOf(input) ?? platformOf(input) ?? (graphql === undefined ? undefined : { status: undefined, headers: readProperty(input, 'headers'), body: graphql, bare: false });
  }
  const $response = readProperty(input, '$response');
  const headers =
    readProperty(input, 'headers') ??
    readProperty(input, 'responseHeaders') ??
    readProperty(response, 'headers') ??
    readProperty($response, 'headers') ??
    // Fern's SDKs (cohere-ai, elevenlabs) keep the response's headers as `rawResponse.headers`.
    readProperty(readProperty(input, 'rawResponse'), 'headers');
  const unread = isResponse(response) && !response.bodyUsed ? response : undefined;
  const body =
    bodyOf(readProperty(input, 'responseBody')) ??
    bodyOf(readProperty(response, 'data')) ??
    bodyOf(readProperty(response, '_data')) ??
    (isResponse(response) ? undefined : bodyOf(readProperty(response, 'body'))) ??
    // The Azure SDKs' RestError keeps the text of the body it read (@azure/core-rest-pipeline's PipelineResponse).
    bodyOf(readProperty(response, 'bodyAsText')) ??
    // Apollo Client's ServerError keeps the text it could not use (4) or the body it parsed (3); tRPC's error keeps the
    // server's error as `shape`, its `data` member being that error's own data, not a body.
    bodyOf(readProperty(input, 'bodyText')) ??
    bodyOf(readProperty(input, 'result')) ??
    envelope(readProperty(input, 'shape')) ??
    bodyOf(readProperty(input, 'data')) ??
    bodyOf(readProperty(input, 'body')) ??
    // discord.js (@discordjs/rest) keeps Discord's parsed body as `rawError`.
    bodyOf(readProperty(input, 'rawError')) ??
    envelope(readProperty(input, 'error')) ??
    rawOf(readProperty(input, 'raw')) ??
    awsBody(input, metadata) ??
    copiedFields(input) ??
    graphqlBody(input) ??
    bodyInMessage(input);
  if (isBlob(body)) return { status, headers, requestId: requestIdOf(input, metadata), unread: new Response(body), bare: false };
  return { status, headers, body, requestId: requestIdOf(input, metadata), unread, bare: headers === undefined && body === undefined && unread === undefined };
}

/**
 * The last attempt's error inside a client's own retry wrapper (the AI SDK's `RetryError`:
 * `errors[]` and `lastError`): the wrapper says only that attempts ran out, the last error says why.
 * @internal
 */
export function lastErrorOf(value: unknown): object | undefined {
  const last = readProperty(value, 'lastError');
  return typeof last === 'object' && last !== null && last !== value && Array.isArray(readProperty(value, 'errors')) ? last : undefined;
}

/** AWS SDK v3 exceptions keep the error code as their `name`, the body being read already. */
function awsBody(error: object, metadata: unknown): unknown {
  if (metadata === undefined) return undefined;
  const name = nonEmpty(readProperty(error, 'name'));
  if (name === undefined || name === 'Error') return undefined;
  return { __type: name, message: nonEmpty(readProperty(error, 'message')) ?? '' };
}

/**
 * Whether a thrown value holds a response body that nobody has read yet (a thrown fetch `Response`,
 * ky's `HTTPError`): only those need the async path. Cheap, so policies can ask on every failure.
 * @internal
 */
export function holdsUnreadBody(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // Response's own instanceof check reads the value, and a Proxy's trap may throw: that is no body.
  try {
    const response = isResponse(value) ? value : readProperty(value, 'response');
    if (isBlob(readProperty(value, 'data')) || isBlob(readProperty(response, '_data'))) return true;
    return isResponse(response) && !response.bodyUsed && response.body !== null;
  } catch {
    return false;
  }
}
