/**
 * Thrown values that carry a response: the errors of SDKs and HTTP clients (openai, anthropic, stripe, octokit, the
 * AWS SDK, axios, got, ky, ofetch, undici, the AI SDK, genai, grpc-js, discord.js, Slack's and Twilio's Node SDKs, the
 * Azure SDKs, the Kubernetes client, SendGrid's, tRPC's, Apollo Client, urql, Fern's SDKs, supabase-js,
 * @huggingface/inference, @clerk/backend) and a thrown fetch `Response`. They are read by property name, never by
 * class, so a second copy of an SDK, or a new client with the same shape, reads the same. Every read goes through
 * readProperty: a getter that throws reads as nothing. What SDKs keep in members of their own is read in
 * ./sdk-fields.ts.
 */
import { readProperty } from './read-property.js';
import { type ThrownResponse, awsBody, clerkHeaders, codeStatus, copiedFields, graphqlBody, grpcOf, nonEmpty, platformOf } from './sdk-fields.js';
import { statusOf } from './status.js';

export type { ThrownResponse } from './sdk-fields.js';

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
 * The response inside Apollo Client 3's ApolloError: its `networkError` (a ServerError with `statusCode`, the Response
 * and the parsed body as `result`), when that error carries one. urql's carries none: its CombinedError keeps the Response.
 */
function networkErrorOf(error: object, depth: number): ThrownResponse | undefined {
  const inner = readProperty(error, 'networkError');
  return typeof inner === 'object' && inner !== null && inner !== error && depth < 4 ? thrownResponse(inner, depth + 1) : undefined;
}

/** A body that came with no status (a GraphQL result, PostgREST's error): classified from what it says. */
function statusless(body: unknown, headers?: unknown): ThrownResponse | undefined {
  return body === undefined ? undefined : { status: undefined, headers, body, bare: false };
}

/** A body written into the message as JSON (genai's `ApiError`, clients that print the body). */
function bodyInMessage(error: object): unknown {
  const message = readProperty(error, 'message');
  if (typeof message !== 'string') return undefined;
  const start = message.indexOf('{');
  if (start < 0 || start > 200) return undefined;
  return message.slice(start);
}

function requestIdOf(error: object, metadata: unknown, response: unknown): string | undefined {
  return (
    nonEmpty(readProperty(error, 'requestID')) ??
    nonEmpty(readProperty(error, 'requestId')) ??
    nonEmpty(readProperty(error, 'request_id')) ??
    nonEmpty(readProperty(metadata, 'requestId')) ??
    nonEmpty(readProperty(response, 'requestId')) ??
    nonEmpty(readProperty(error, 'clerkTraceId'))
  );
}

/**
 * The response an error keeps, under whichever name its client gives it: `response` (most), tRPC's `meta.response`,
 * @huggingface/inference's `httpResponse` (`{requestId, status, body}`), and supabase-js' FunctionsHttpError's
 * `context`, the Response of an Edge Function nobody has read (only a Response there: other errors' `context` is theirs).
 */
function responseOf(error: object): unknown {
  const context = readProperty(error, 'context');
  return readProperty(error, 'response') ?? readProperty(readProperty(error, 'meta'), 'response') ?? readProperty(error, 'httpResponse') ?? (isResponse(context) ? context : undefined);
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
    if (readProperty(input, 'status') !== undefined) return undefined;
    if (isBody(body)) return { status: undefined, headers, body, bare: false };
    // supabase-js hands back PostgREST's error as a plain object (`{ data, error }`), which callers throw.
    return statusless(copiedFields(input, undefined));
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
    codeStatus(input, response);
  // GraphQL sends its errors under a 200 the error does not keep, so none is given; PostgREST's error keeps none either.
  if (status === undefined) return grpcOf(input) ?? platformOf(input) ?? statusless(graphqlBody(input) ?? copiedFields(input, undefined), readProperty(input, 'headers'));
  const $response = readProperty(input, '$response');
  const headers =
    readProperty(input, 'headers') ??
    readProperty(input, 'responseHeaders') ??
    readProperty(response, 'headers') ??
    readProperty($response, 'headers') ??
    // Fern's SDKs (cohere-ai, elevenlabs) keep the response's headers as `rawResponse.headers`.
    readProperty(readProperty(input, 'rawResponse'), 'headers') ??
    clerkHeaders(input);
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
    graphqlBody(input) ??
    copiedFields(input, status) ??
    bodyInMessage(input);
  const requestId = requestIdOf(input, metadata, response);
  if (isBlob(body)) return { status, headers, requestId, unread: new Response(body), bare: false };
  return { status, headers, body, requestId, unread, bare: headers === undefined && body === undefined && unread === undefined };
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
