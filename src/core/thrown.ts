/**
 * Thrown values that carry a response: the errors of SDKs and HTTP clients (openai, anthropic, stripe, octokit, the
 * AWS SDK, axios, got, ky, ofetch, undici, the AI SDK, genai, grpc-js, discord.js, Slack's and Twilio's Node SDKs, the
 * Azure SDKs, the Kubernetes client, SendGrid's, tRPC's, Apollo Client, urql, Fern's SDKs, supabase-js,
 * @huggingface/inference, @clerk/backend, telegraf, grammY, @gitbeaker/rest, postmark.js, algoliasearch, airtable.js,
 * Resend's, @google/generative-ai, Firebase's, ollama, typesense, Cloudinary's, the MCP SDK, chromadb, @datadog/datadog-api-client,
 * contentful.js, jira.js, @upstash/qstash), a thrown fetch `Response`, and an error wrapping one of these as its `cause`. They
 * are read by property name, never by class, so a second copy of an SDK, or a new client with the same shape, reads the
 * same. Every read goes through readProperty: a getter that throws reads as nothing. This file finds the status, the
 * headers and the request id; what SDKs keep of them in members of their own is read in ./sdk-fields.ts, and the body,
 * for the classifiers that read one, in ./thrown-body.ts.
 */
import { readProperty } from './read-property.js';
import { type BodyReaders, CLIENT_CODE, type ThrownResponse, codeStatus, contentfulStatus, grpcOf, lastFrame, namedStatus, nonEmpty, qstashHeaders, retryAfterHeaders, telegramAnswer } from './sdk-fields.js';
import { statusOf } from './status.js';

export type { ThrownResponse } from './sdk-fields.js';

/** A fetch `Response`, of this runtime's fetch or another's. @internal */
export function isResponse(value: unknown): value is Response {
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

/** A stream a client left for its caller to read (web or node). @internal */
export function isStream(value: unknown): boolean {
  return typeof readProperty(value, 'getReader') === 'function' || typeof readProperty(value, 'pipe') === 'function';
}

/**
 * The response inside Apollo Client 3's ApolloError: its `networkError` (a ServerError with `statusCode`, the Response
 * and the parsed body as `result`), when that error carries one. urql's carries none: its CombinedError keeps the Response.
 */
function networkErrorOf(error: object, readers: BodyReaders | undefined, depth: number): ThrownResponse | undefined {
  const inner = readProperty(error, 'networkError');
  return typeof inner === 'object' && inner !== null && inner !== error && depth < 4 ? thrownResponse(inner, readers, depth + 1) : undefined;
}

/** A body that came with no status (a GraphQL result, PostgREST's error): classified from what it says. */
function statusless(body: unknown, headers?: unknown): ThrownResponse | undefined {
  return body === undefined ? undefined : { status: undefined, headers, body, bare: false };
}

/**
 * A `cause` that is a record, not an error: @gitbeaker/rest's GitbeakerRequestError keeps `{description, request, response}` there.
 * @internal
 */
export function causeRecord(error: object): unknown {
  const cause = readProperty(error, 'cause');
  return typeof cause === 'object' && cause !== null && !(cause instanceof Error) ? cause : undefined;
}

/** The response an error wraps as its `cause` (`new Error('Checkout failed', { cause: stripeError })`), when it keeps none itself. */
function causeOf(error: object, readers: BodyReaders | undefined, depth: number): ThrownResponse | undefined {
  const cause = readProperty(error, 'cause');
  if (typeof cause !== 'object' || cause === null || cause === error || depth >= 4) return undefined;
  // A system or client error under a network failure (`ECONNREFUSED`, `UND_ERR_SOCKET`) holds no response: the network
  // reader walks those. Looking through it for one would cost every network failure a second reading.
  const code = readProperty(cause, 'code');
  if (typeof code === 'string' && CLIENT_CODE.test(code) && readProperty(cause, 'response') === undefined) return undefined;
  return thrownResponse(cause, readers, depth + 1);
}

function requestIdOf(error: object, metadata: unknown, response: unknown): string | undefined {
  return (
    nonEmpty(readProperty(error, 'requestID')) ??
    nonEmpty(readProperty(error, 'requestId')) ??
    nonEmpty(readProperty(error, 'request_id')) ??
    nonEmpty(readProperty(metadata, 'requestId')) ??
    nonEmpty(readProperty(response, 'requestId')) ??
    nonEmpty(readProperty(error, 'clerkTraceId')) ??
    nonEmpty(readProperty(error, 'correlationId')) ??
    // plivo-node's errors keep Plivo's `api_id` as `apiID`.
    nonEmpty(readProperty(error, 'apiID'))
  );
}

/**
 * The response an error keeps, under whichever name its client gives it: `response` (most), tRPC's `meta.response`,
 * @huggingface/inference's `httpResponse` (`{requestId, status, body}`), box-node-sdk's `responseInfo`, and supabase-js'
 * FunctionsHttpError's `context`, the Response of an Edge Function nobody has read (only a Response there: other
 * errors' `context` is theirs).
 */
function responseOf(error: object): unknown {
  const context = readProperty(error, 'context');
  return (
    readProperty(error, 'response') ??
    readProperty(readProperty(error, 'meta'), 'response') ??
    readProperty(error, 'httpResponse') ??
    // box-node-sdk's BoxApiError: `responseInfo` `{statusCode, headers, body, …}`.
    readProperty(error, 'responseInfo') ??
    (isResponse(context) ? context : undefined) ??
    readProperty(causeRecord(error), 'response') ??
    lastFrame(error)
  );
}

/**
 * A rejection that is no Error but a record of the parsed body's members beside the fetch `Response` they came from:
 * @directus/sdk rejects with `{errors: [{message, extensions: {code}}], response}`, and @shopify/admin-api-client's
 * GraphQL client resolves its `errors` as `{networkStatusCode, message, graphQLErrors?, response}`. The Response gives the
 * status and headers (its body already read); the other members are the body, for a classifier that reads bodies, with
 * `graphQLErrors` under GraphQL's own name (Shopify's THROTTLED comes under a 200).
 */
function fetchedBeside(input: object, readers: BodyReaders | undefined): ThrownResponse | undefined {
  const response = readProperty(input, 'response');
  if (!isResponse(response)) return undefined;
  if (readers === undefined) return { status: response.status, headers: response.headers, bare: false };
  const body: Record<string, unknown> = {};
  let n = 0;
  let only: unknown;
  for (const key of Object.keys(input)) {
    if (key === 'response' || n++ >= 16) continue;
    only = body[key === 'graphQLErrors' ? 'errors' : key] = readProperty(input, key);
  }
  // A body that was no JSON is kept as its text alone (Directus' `errors` holds a proxy's HTML page so).
  const kept = n === 1 && typeof only === 'string' ? only : n > 0 ? body : undefined;
  return { status: response.status, headers: response.headers, body: kept, unread: kept === undefined && !response.bodyUsed ? response : undefined, bare: false };
}

/**
 * The response a thrown value carries, or `undefined` when it carries none. A plain snapshot
 * `{ status, headers?, body? }` and a fetch `Response` count too. With no `readers` no body is looked for: only the
 * status, headers and request id, what `faultline/mini`'s classifier reads.
 * @internal
 */
export function thrownResponse(input: unknown, readers?: BodyReaders, depth = 0): ThrownResponse | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const last = lastErrorOf(input);
  if (last !== undefined) return depth < 4 ? thrownResponse(last, readers, depth + 1) : undefined;
  const network = networkErrorOf(input, readers, depth);
  if (network !== undefined) return network;
  if (isResponse(input)) return { status: input.status, headers: input.headers, unread: input.bodyUsed ? undefined : input, bare: false };
  // ollama's ResponseError keeps it as `status_code`, typesense's errors as `httpStatus`, Cloudinary's rejections as `http_code`
  // (its Admin API's under `error`).
  const own =
    statusOf(readProperty(input, 'status')) ??
    statusOf(readProperty(input, 'statusCode')) ??
    statusOf(readProperty(input, 'status_code')) ??
    statusOf(readProperty(input, 'httpStatus')) ??
    statusOf(readProperty(input, 'http_code')) ??
    statusOf(readProperty(readProperty(input, 'error'), 'http_code'));
  if (!(input instanceof Error)) {
    // A snapshot, or a response-like object that is not an error: only its own fields count. A
    // snapshot with a body and no status (a body pasted from a log) is read for what it says.
    const body = readProperty(input, 'body');
    const headers = readProperty(input, 'headers');
    // A record with a message and nothing of the response may be a client's own over a failed connection (Adyen's
    // ApiException: `{name, message: 'connect ECONNREFUSED …', statusCode: 500}`, the 500 its default): bare.
    if (own !== undefined) {
      const kept = isBody(body);
      return { status: own, headers, body: kept ? body : readers?.record(input, own), bare: headers === undefined && !kept && typeof readProperty(input, 'message') === 'string' };
    }
    if (readProperty(input, 'status') !== undefined) return undefined;
    if (isBody(body)) return { status: undefined, headers, body, bare: false };
    const fetched = fetchedBeside(input, readers);
    if (fetched !== undefined) return fetched;
    return statusless(readers?.record(input, undefined));
  }
  const response = responseOf(input);
  const metadata = readProperty(input, '$metadata');
  const status =
    own ??
    statusOf(readProperty(metadata, 'httpStatusCode')) ??
    // A tRPC batch answers 207 when its calls differ: each call's own status is in its error's `data`.
    statusOf(readProperty(readProperty(readProperty(input, 'shape'), 'data'), 'httpStatus')) ??
    statusOf(readProperty(response, 'status')) ??
    statusOf(readProperty(response, 'statusCode')) ??
    statusOf(readProperty(telegramAnswer(input), 'error_code')) ??
    codeStatus(input, response) ??
    namedStatus(input) ??
    contentfulStatus(input);
  if (status === undefined) return grpcOf(input) ?? statusless(readers?.statusless(input), readProperty(input, 'headers') ?? retryAfterHeaders(input)) ?? causeOf(input, readers, depth);
  const $response = readProperty(input, '$response');
  const headers =
    readProperty(input, 'headers') ??
    readProperty(input, 'responseHeaders') ??
    readProperty(response, 'headers') ??
    readProperty($response, 'headers') ??
    // Fern's SDKs (cohere-ai, elevenlabs) keep the response's headers as `rawResponse.headers`.
    readProperty(readProperty(input, 'rawResponse'), 'headers') ??
    retryAfterHeaders(input) ??
    qstashHeaders(input) ??
    // jira.js' HttpException keeps the response's status and body, and the headers only on its `cause`, the AxiosError.
    readProperty(readProperty(readProperty(input, 'cause'), 'response'), 'headers');
  const unread = isResponse(response) && !response.bodyUsed ? response : undefined;
  const kept = readers?.kept(input, status, response, metadata);
  const requestId = requestIdOf(input, metadata, response);
  if (isBlob(kept)) return { status, headers, requestId, unread: new Response(kept), bare: false };
  // The message is read only when nothing else was kept, and is no response (Octokit's socket reset is a bare 500).
  const body = kept ?? (unread === undefined ? readers?.message(input) : undefined);
  return { status, headers, body, requestId, unread, bare: headers === undefined && kept === undefined && unread === undefined };
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

/**
 * Whether a thrown value holds a response body that nobody has read yet (a thrown fetch `Response`,
 * ky's `HTTPError`): only those need the async path. Cheap, so policies can ask on every failure.
 * @internal
 */
export function holdsUnreadBody(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // Response's own instanceof check reads the value, and a Proxy's trap may throw: that is no body.
  try {
    const response = isResponse(value) ? value : responseOf(value);
    if (isBlob(readProperty(value, 'data')) || isBlob(readProperty(response, '_data'))) return true;
    return isResponse(response) && !response.bodyUsed && response.body !== null;
  } catch {
    return false;
  }
}
