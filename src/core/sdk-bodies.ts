/**
 * The bodies SDK errors keep in members of their own, put back as the vendor sent them: a vendor's fields copied onto
 * the error, Slack's `ok: false` answer, a GraphQL result's errors, AWS's error name, the Gemini API's details and its
 * blocked generations. Only the classifiers that read bodies import these (./thrown-body.ts); `faultline/mini`'s, which
 * reads the status and headers alone, does not. Each is read by property name through readProperty, never by class.
 */
import { readProperty } from './read-property.js';
import { className, contentfulStatus, mcpClientSide, nonEmpty } from './sdk-fields.js';

// A node or client error code, whole (`ECONNREFUSED`, not a vendor's `EMAIL_EXISTS`): sdk-fields' CLIENT_CODE, stricter.
const SOCKET_CODE = /^(?:E[A-Z]{2,}$|ERR_|UND_ERR_)/;

/**
 * The vendor's error fields an SDK copied onto its own error and kept no body beside, put back as the body they were
 * read from:
 * - twilio-node's RestException (`code`, `message`, `moreInfo` from `{code, message, more_info}`) and its RFC 9457
 *   TwilioServiceException (`type`, `title`, `detail`, `errors`);
 * - supabase-js' PostgrestError, PostgREST's `{code, details, hint, message}` (`details` and `hint` there, if null);
 * - with a status beside them, a vendor's code and message alone (supabase-js' AuthApiError: `invalid_credentials`;
 *   postmark.js' PostmarkError: Postmark's numeric `ErrorCode`).
 * A node or client error code (`ERR_BAD_RESPONSE`, `ECONNRESET`, `UND_ERR_SOCKET`) is no vendor's, nor one beside an
 * `errors` list the SDK kept.
 * @internal
 */
export function copiedFields(error: object, status: number | undefined): unknown {
  const code = readProperty(error, 'code');
  // node-fetch's FetchError has a `type` (`system`) beside the socket's code: no vendor's fields.
  if ((typeof code !== 'number' && typeof code !== 'string') || (typeof code === 'string' && SOCKET_CODE.test(code))) return undefined;
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
  // @neondatabase/serverless' NeonDbError copies PostgreSQL's error fields (`severity`, SQLSTATE `code`, `detail`, `hint`).
  if (typeof code === 'string' && typeof readProperty(error, 'severity') === 'string') return { code, details: readProperty(error, 'detail') ?? null, hint: hint ?? null, message };
  // Beside an `errors` list the code is the SDK's own (@clerk/backend's `api_response_error`): the vendor's are in the list.
  if (status === undefined || message === undefined || Array.isArray(readProperty(error, 'errors'))) return undefined;
  // postmark.js' PostmarkError copies Postmark's numeric `ErrorCode` as `code`, beside `statusCode`. A `code` that is the
  // status again (the MCP SDK's StreamableHTTPError) is no vendor's: its message holds the body.
  // Put back as an error object, not as a whole body: `{code: 40140, message}` alone is the shape of Discord's bodies, and
  // Ably's ErrorInfo (`code`, `statusCode`, `href`) is no Discord error.
  if (typeof code === 'number') return Number.isInteger(code) && code !== status ? { error: { code, message } } : undefined;
  return { code, message };
}

/**
 * A Slack Web API answer that said `ok: false`, as @slack/web-api keeps it on its WebAPIPlatformError: the body is its
 * `data`, thrown or printed by node (`{ code: 'slack_webapi_platform_error', data: { ok: false, … } }`, which the printed
 * reading reads). Slack sent it with a success status the error does not keep, so none is given.
 * @internal
 */
export function platformOf(error: object): object | undefined {
  const data = readProperty(error, 'data');
  return readProperty(error, 'code') !== 'slack_webapi_platform_error' || typeof data !== 'object' || data === null ? undefined : data;
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

/** AWS SDK v3 exceptions keep the error code as their `name`, the body being read already. @internal */
export function awsBody(error: object, metadata: unknown): unknown {
  if (metadata === undefined) return undefined;
  const name = nonEmpty(readProperty(error, 'name'));
  if (name === undefined || name === 'Error') return undefined;
  return { __type: name, message: nonEmpty(readProperty(error, 'message')) ?? '' };
}

// The google.rpc codes that one HTTP status alone stands for (google.rpc.Code's mapping; 400, 409 and 500 stand for several).
const RPC_OF_STATUS: Readonly<Record<number, string>> = { 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 501: 'UNIMPLEMENTED', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };

/**
 * The Gemini API's error as @google/generative-ai's GoogleGenerativeAIFetchError keeps it: the status, the google.rpc
 * `details` as `errorDetails` (RetryInfo's wait, ErrorInfo's reason, QuotaFailure's window), and the error's message
 * written into its own after `[429 Too Many Requests] `, the details' JSON appended. Put back as the body the API sent;
 * its `status` word, which the SDK drops, only where the HTTP status names one alone (a 429 is `RESOURCE_EXHAUSTED`).
 * @internal
 */
export function errorDetailsBody(error: object, status: number): unknown {
  const details = readProperty(error, 'errorDetails');
  const message = readProperty(error, 'message');
  const statusText = readProperty(error, 'statusText');
  const marker = `[${status} ${typeof statusText === 'string' ? statusText : ''}`;
  const at = typeof message === 'string' ? message.indexOf(marker) : -1;
  if (typeof message !== 'string' || (!Array.isArray(details) && (typeof statusText !== 'string' || at < 0))) return undefined;
  const close = at < 0 ? -1 : message.indexOf('] ', at);
  let said = close < 0 ? message : message.slice(close + 2);
  let json = '';
  try {
    json = Array.isArray(details) ? ` ${JSON.stringify(details)}` : '';
  } catch {
    // A detail that cannot be written back (a cycle, a BigInt) leaves the message as it is.
  }
  if (json.length > 1 && said.endsWith(json)) said = said.slice(0, -json.length);
  return { error: { code: status, message: said, status: RPC_OF_STATUS[status], details: Array.isArray(details) ? details : undefined } };
}

/**
 * The generation a Gemini SDK refused to hand over: @google/generative-ai's GoogleGenerativeAIResponseError keeps the
 * GenerateContentResponse as `response` when the prompt or every candidate was blocked (`promptFeedback.blockReason`,
 * `candidates[].finishReason`). It came with a 200 the error does not keep.
 * @internal
 */
export function generatedContent(error: object): unknown {
  const response = readProperty(error, 'response');
  if (typeof response !== 'object' || response === null || readProperty(response, 'status') !== undefined) return undefined;
  return readProperty(response, 'promptFeedback') !== undefined || Array.isArray(readProperty(response, 'candidates')) ? response : undefined;
}

/**
 * minio's S3Error, which keeps no status: S3's `<Error>` elements copied onto it in lower case (`code`, `message`,
 * `requestid`, `resource`) and the SDK's `amzRequestid` from the header, or for a HEAD, which has no body, the SDK's own
 * `NotFound`. Put back as the error S3 sent, which the AWS profile reads by its code.
 * @internal
 */
export function s3Error(error: object): unknown {
  const code = nonEmpty(readProperty(error, 'code'));
  const requestId = nonEmpty(readProperty(error, 'requestid')) ?? nonEmpty(readProperty(error, 'amzRequestid'));
  if (code === undefined || (requestId === undefined && readProperty(error, 'name') !== 'S3Error') || !/^[A-Z][A-Za-z]{1,60}$/.test(code)) return undefined;
  return { Error: { Code: code, Message: nonEmpty(readProperty(error, 'message')) }, RequestId: requestId };
}

/**
 * A JSON-RPC error an SDK threw with its `code` (-32768 to -32000, the spec's and its servers' range) and no response: the
 * MCP SDK's McpError, whose message it opens with "MCP error <code>: ". Put back as the answer's error.
 * @internal
 */
export function rpcError(error: object): unknown {
  const code = readProperty(error, 'code');
  // The MCP SDK's own deadline, abort or closed transport is no server's answer: ./network.ts reads those.
  if (typeof code !== 'number' || !Number.isInteger(code) || code < -32768 || code > -32000 || mcpClientSide(error) !== undefined) return undefined;
  const message = nonEmpty(readProperty(error, 'message'))?.replace(/^(?:MCP error -\d{5}: ){1,3}/, '');
  return { jsonrpc: '2.0', error: { code, message } };
}

/**
 * The parsed body an SDK keeps as its error's `cause` record (./thrown.ts causeRecord; meilisearch's MeiliSearchApiError:
 * `{message, code, type, link}`): a record with the vendor's code and message.
 * @internal
 */
export function bodyAsCause(cause: unknown): unknown {
  const code = readProperty(cause, 'code');
  // A socket error's record (`{code: 'ECONNRESET', …}`) is no body.
  return typeof readProperty(cause, 'message') === 'string' && typeof code === 'string' && !SOCKET_CODE.test(code) ? cause : undefined;
}

/**
 * The body contentful.js printed as its error's message (./sdk-fields.ts contentfulStatus), put back as Contentful sent
 * it: `sys.id` (the error's `name`, unless the SDK named it by the status for want of one), `message`, `details`,
 * `requestId`. The request it printed beside (its URL, headers and payload) is left out.
 * @internal
 */
export function contentfulBody(error: object): unknown {
  if (contentfulStatus(error) === undefined) return undefined;
  let printed: unknown;
  try {
    printed = JSON.parse(String(readProperty(error, 'message')).slice(0, 65_536));
  } catch {
    return undefined;
  }
  const name = nonEmpty(readProperty(error, 'name'));
  const id = name !== undefined && /^[A-Za-z]{1,60}$/.test(name) ? name : undefined;
  return { sys: { type: 'Error', id }, message: readProperty(printed, 'message'), details: readProperty(printed, 'details'), requestId: readProperty(printed, 'requestId') };
}

/**
 * The error a Hrana server (libSQL, Turso) sent for a statement it refused inside its 200, as @libsql/client keeps it: its
 * LibsqlError's `cause` is a ResponseError whose `proto` is the server's `{message, code}` (`SQLITE_CONSTRAINT`, …).
 * @internal
 */
export function hranaError(error: object): unknown {
  const proto = readProperty(readProperty(error, 'cause'), 'proto');
  return typeof readProperty(proto, 'message') === 'string' && typeof readProperty(proto, 'code') === 'string' ? proto : undefined;
}

/**
 * The answer Vonage's SMS API sent with a 200 when a message failed, as @vonage/server-sdk's MessageSendAllFailure and
 * MessageSendPartialFailure keep it: `response` is `{messageCount, messages: [{status, errorText, …}]}` (its keys camel-cased).
 * @internal
 */
export function smsAnswer(error: object): unknown {
  const response = readProperty(error, 'response');
  return Array.isArray(readProperty(response, 'messages')) && readProperty(response, 'messageCount') !== undefined ? response : undefined;
}

/**
 * Microsoft Graph's GraphError keeps the body's `error` object as JSON text in `body`, its envelope dropped
 * (@microsoft/microsoft-graph-client's GraphErrorHandler: `gError.body = JSON.stringify(error)`), beside its `code` and
 * the `date` it read: put back in its envelope, so the Azure profile reads it as the response was.
 */
export function graphErrorBody(error: object): unknown {
  const body = readProperty(error, 'body');
  const code = readProperty(error, 'code');
  return typeof body === 'string' && typeof code === 'string' && readProperty(error, 'date') instanceof Date && body.startsWith('{') && body.includes(`"code":${JSON.stringify(code)}`) ? `{"error":${body}}` : undefined;
}

/**
 * @upstash/redis' UpstashError keeps Upstash's error text alone, the command it sent after it (`WRONGPASS invalid or
 * missing auth token, command was: ["get","k"]`), which may hold the caller's values: the text before it is the body,
 * read for what it says; the command is never read.
 */
export function upstashError(error: object): unknown {
  const message = readProperty(error, 'message');
  if (readProperty(error, 'name') !== 'UpstashError' || typeof message !== 'string') return undefined;
  const at = message.indexOf(', command was: ');
  return at < 0 ? message : message.slice(0, at);
}

/**
 * @clickhouse/client's ClickHouseError keeps the server's error name as `type` (`UNKNOWN_TABLE`), its number as `code`
 * (`"60"`) and its message, not the status: the name is the vendor's code, read with the message for what they mean.
 */
export function clickhouseError(error: object): unknown {
  const type = readProperty(error, 'type');
  const code = readProperty(error, 'code');
  const message = readProperty(error, 'message');
  return className(error) === 'ClickHouseError' && typeof type === 'string' && /^[A-Z][A-Z0-9_]{1,80}$/.test(type) && typeof code === 'string' && /^\d{1,4}$/.test(code) && typeof message === 'string' ? { code: type, message: message.trim() } : undefined;
}

/**
 * The body @okta/okta-sdk-nodejs spread onto its OktaApiError (`errorCode`, `errorSummary`, `errorLink`, `errorId`,
 * `errorCauses`), put back together: Okta's error object (developer.okta.com/docs/reference/error-codes).
 * @internal
 */
export function oktaBody(error: object): unknown {
  const errorCode = readProperty(error, 'errorCode');
  const errorSummary = readProperty(error, 'errorSummary');
  if (typeof errorCode !== 'string' || typeof errorSummary !== 'string') return undefined;
  return { errorCode, errorSummary, errorLink: readProperty(error, 'errorLink'), errorId: readProperty(error, 'errorId'), errorCauses: readProperty(error, 'errorCauses') };
}
