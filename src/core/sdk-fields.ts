/**
 * What SDK errors keep of a response's status and headers in members of their own, when they keep no response a client
 * would: gRPC's status, a status written as a numeric `code` or as Telegram's `error_code`, Clerk's wait, the last
 * answer Algolia's transporter got. The bodies they keep are read in ./sdk-bodies.ts. Each is read by property name
 * through readProperty, never by class.
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
  /** The async path read only part of the body (its bound or its timeout came first). */
  readonly cut?: boolean | undefined;
  /** Neither headers nor body: the status may be the client's own (Octokit reports a socket reset as 500). */
  readonly bare: boolean;
}

/**
 * How a classifier that reads bodies finds the body a thrown value kept (./thrown-body.ts); the status-and-headers
 * classifier of `faultline/mini` has none, so none of the readers is in its bundle.
 * @internal
 */
export interface BodyReaders {
  /** The body an error with a status kept (`response.data`, `body`, an SDK's copied fields, …). */
  readonly kept: (error: object, status: number, response: unknown, metadata: unknown) => unknown;
  /** The body an error with no status kept (a GraphQL result, PostgREST's fields, Slack's answer, a blocked generation). */
  readonly statusless: (error: object) => unknown;
  /** What a record that is no Error keeps besides a body: with a status, its `error` and `message`; without, PostgREST's fields. */
  readonly record: (record: object, status: number | undefined) => unknown;
  /** An error's message, as the body it holds, when the error kept nothing else. */
  readonly message: (error: object) => unknown;
}

/** A non-empty string, or `undefined`. @internal */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// gRPC status codes as HTTP statuses (google.rpc.Code's documented mapping), so a ServiceError
// classifies as the HTTP error it stands for.
/** @internal */
export const GRPC_STATUS = [200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401] as const;

/** gRPC status names by number (google/rpc/code.proto), as Google's bodies and Firebase's codes write them. @internal */
export const GRPC_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
] as const;

/**
 * A node, undici or HTTP client's own error code (`ECONNRESET`, `UND_ERR_SOCKET`, axios' `ERR_BAD_RESPONSE`): the
 * transport's, never a vendor's. ./sdk-bodies.ts' copiedFields asks for the whole code to be `E` + capitals instead, so
 * that vendors' codes such as `EMAIL_EXISTS` are still copied.
 * @internal
 */
export const CLIENT_CODE = /^(?:E[A-Z]{2,}|UND_ERR_|ERR_)/;

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
 * A numeric `code` that is the HTTP status, beside the response it came with: OpenAPI Generator's `typescript` clients'
 * ApiException (@kubernetes/client-node: `code`, `body`, `headers`) and @sendgrid/client's ResponseError (`code`,
 * `response`). Alone, a number is no status: gRPC's codes are numbers too.
 * @internal
 */
export function codeStatus(error: object, response: unknown): number | undefined {
  const code = readProperty(error, 'code');
  if (typeof code !== 'number') return undefined;
  // @datadog/datadog-api-client's ApiException keeps the body beside it, and may keep no headers.
  if (response !== undefined || readProperty(error, 'headers') !== undefined || readProperty(error, 'body') !== undefined) return statusOf(code);
  // The MCP SDK's StreamableHTTPError keeps only the status as `code` and says it is HTTP's ("Streamable HTTP error: …"), as
  // weaviate-client's WeaviateUnexpectedStatusCodeError says it is a status ("… failed with status code: 422 and message: …").
  const message = readProperty(error, 'message');
  return code >= 400 && code <= 599 && typeof message === 'string' && /\bHTTP\b|\bstatus code\b/.test(message.slice(0, 100)) ? code : undefined;
}

// The status each of these SDKs' errors stands for: the SDK names the error after the status it got and keeps no status.
// chromadb keeps nothing else either; weaviate-client keeps the body in the message ("Unauthenticated: …", "Forbidden: …").
const NAMED_STATUS: Readonly<Record<string, number>> = {
  ChromaAuthError: 401,
  ChromaForbiddenError: 403,
  ChromaNotFoundError: 404,
  ChromaUniqueError: 409,
  ChromaRateLimitError: 429,
  // A 422 whose message opens "Quota exceeded" or "Billing limit exceeded" (the message is kept).
  ChromaQuotaExceededError: 422,
  WeaviateUnauthenticatedError: 401,
  WeaviateInsufficientPermissionsError: 403,
  // @vercel/blob's errors, each made from one of its API's codes (vercel/storage packages/blob/src/api.ts): named by
  // their class alone (their `name` is Error's), their message Vercel's words.
  BlobClientTokenExpiredError: 401,
  BlobAccessError: 403,
  BlobStoreSuspendedError: 403,
  BlobNotFoundError: 404,
  BlobStoreNotFoundError: 404,
  BlobContentTypeNotAllowedError: 400,
  BlobPathnameMismatchError: 400,
  BlobPreconditionFailedError: 412,
  BlobFileTooLargeError: 413,
  BlobServiceRateLimited: 429,
  BlobUnknownError: 500,
  BlobServiceNotAvailable: 503,
};

/** The name of a value's class (`BlobAccessError`), when the value's own `name` is only Error's. */
export function className(error: object): string | undefined {
  const made = readProperty(error, 'constructor');
  try {
    const name = typeof made === 'function' ? made.name : undefined;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The status an SDK's error was made from, by its `name` (chromadb's `ChromaNotFoundError` for a 404, weaviate-client's
 * `WeaviateUnauthenticatedError` for a 401, …). chromadb's ChromaClientError (a 400 or a 422) and ChromaServerError (any
 * other) name no one status. Only these exact names: a class name alone says nothing of other clients' errors.
 * @internal
 */
export function namedStatus(error: object): number | undefined {
  const own = readProperty(error, 'name');
  const name = own === 'Error' ? className(error) : own;
  return typeof name === 'string' && Object.hasOwn(NAMED_STATUS, name) ? NAMED_STATUS[name] : undefined;
}

/**
 * The Retry-After a client kept as a `retryAfter` member in whole seconds, having kept no headers: @clerk/backend's
 * ClerkAPIResponseError (`clerkError: true`; its request id is `clerkTraceId`, the body's `clerk_trace_id` or the
 * `cf-ray` header), assemblyai's SyncTranscriptError and DictationError, @paddle/paddle-node-sdk's ApiError (which keeps
 * no status either; its `documentationUrl` says it is Paddle's), and @vercel/blob's BlobServiceRateLimited. Other
 * clients' `retryAfter` is no such number (discord.js' is milliseconds), so only these are read.
 * @internal
 */
export function retryAfterHeaders(error: object): Readonly<Record<string, string>> | undefined {
  const seconds = readProperty(error, 'retryAfter');
  if (typeof seconds !== 'number') return undefined;
  const name = readProperty(error, 'name');
  const own = readProperty(error, 'clerkError') === true || name === 'SyncTranscriptError' || name === 'DictationError' || typeof readProperty(error, 'documentationUrl') === 'string' || (name === 'Error' && className(error) === 'BlobServiceRateLimited');
  return own ? { 'retry-after': String(seconds) } : undefined;
}

/**
 * A Telegram Bot API answer that said `ok: false`: telegraf's TelegramError keeps it whole as `response`, grammY's
 * GrammyError copies its members onto itself (`ok`, `error_code`, `description`, `parameters`, where the wait is
 * `retry_after`). Its `error_code` is the HTTP status Telegram sent.
 * @internal
 */
export function telegramAnswer(error: object): object | undefined {
  const kept = readProperty(error, 'response');
  // telegraf makes up `{error_code, description}` with no `ok` for a 5xx whose body was no answer.
  const answer = typeof readProperty(kept, 'error_code') === 'number' && typeof readProperty(kept, 'description') === 'string' ? kept : error;
  if ((answer === error && readProperty(answer, 'ok') !== false) || typeof readProperty(answer, 'error_code') !== 'number') return undefined;
  return answer === error ? { ok: false, error_code: readProperty(error, 'error_code'), description: readProperty(error, 'description'), parameters: readProperty(error, 'parameters') } : (answer as object);
}

/**
 * The last answer algoliasearch's transporter got, from its errors' `stackTrace` (ApiError, DetailedApiError, and the
 * RetryError it throws when every host failed): `{status, headers, content, isTimedOut}`, the API key already masked by
 * the SDK.
 * @internal
 */
export function lastAnswer(error: unknown): unknown {
  const trace = readProperty(error, 'stackTrace');
  return Array.isArray(trace) && trace.length > 0 ? readProperty(trace[trace.length - 1], 'response') : undefined;
}

/**
 * {@link lastAnswer} when it is a response. A status of 0 is a connection that failed, which ./network.ts reads.
 * @internal
 */
export function lastFrame(error: object): unknown {
  const response = lastAnswer(error);
  return statusOf(readProperty(response, 'status')) === undefined ? undefined : response;
}

// contentful.js (contentful-sdk-core's errorHandler) throws an Error whose message is the JSON of what it kept, opening so.
const CONTENTFUL = /^\{\n {2}"status": ([1-5]\d\d),\n {2}"statusText": /;

/**
 * The status contentful.js wrote at the head of its error's message (`{"status": 429, "statusText": …, "message": …,
 * "details": …, "request": …, "requestId": …}`, indented), whose `name` is the body's `sys.id`.
 * @internal
 */
export function contentfulStatus(error: object): number | undefined {
  const message = readProperty(error, 'message');
  const m = typeof message === 'string' ? CONTENTFUL.exec(message.slice(0, 48)) : null;
  return m === null ? undefined : Number(m[1]);
}

/**
 * The rate-limit headers @upstash/qstash's QstashRatelimitError (and its Daily and Chat kin) keeps as members of its own,
 * `limit`, `remaining` and `reset` (epoch seconds), having dropped the response's headers.
 * @internal
 */
export function qstashHeaders(error: object): Readonly<Record<string, string>> | undefined {
  const name = readProperty(error, 'name');
  const reset = readProperty(error, 'reset');
  if (typeof name !== 'string' || !/^Qstash\w{0,20}RatelimitError$/.test(name) || (typeof reset !== 'string' && typeof reset !== 'number')) return undefined;
  return { 'x-ratelimit-limit': String(readProperty(error, 'limit')), 'x-ratelimit-remaining': String(readProperty(error, 'remaining')), 'x-ratelimit-reset': String(reset) };
}

/**
 * What an McpError the MCP SDK made itself says, with no server's answer behind it: its own deadline (`-32001` "Request
 * timed out", with the `timeout` in `data`; "Maximum total timeout exceeded"), a caller's abort (`-32001` with the abort's
 * reason, "Request was cancelled"), or the transport closing (`-32000` "Connection closed"). A server's JSON-RPC error
 * under the same numbers is none of these.
 * @internal
 */
export function mcpClientSide(error: object): 'timeout' | 'cancelled' | 'closed' | undefined {
  if (readProperty(error, 'name') !== 'McpError') return undefined;
  const code = readProperty(error, 'code');
  const message = readProperty(error, 'message');
  if ((code !== -32001 && code !== -32000) || typeof message !== 'string') return undefined;
  const data = readProperty(error, 'data');
  if (typeof readProperty(data, 'timeout') === 'number' || typeof readProperty(data, 'maxTotalTimeout') === 'number') return 'timeout';
  if (message.endsWith(': Request was cancelled') || (code === -32001 && /abort/i.test(message.slice(0, 200)))) return 'cancelled';
  return code === -32000 && message.endsWith(': Connection closed') ? 'closed' : undefined;
}
