/**
 * The body a thrown value kept, for the classifiers that read bodies: under whichever member its client keeps it
 * (`response.data`, `body`, `responseBody`, `rawError`, `raw`, `shape`, …), the vendor's fields an SDK copied onto its
 * own error (./sdk-bodies.ts), or the text of the error's message. ./thrown.ts finds the status and headers, and asks
 * these readers for the body only when it is given them: `faultline/mini`'s classifier reads no body, so its bundle
 * carries none of this.
 */
import { readProperty } from './read-property.js';
import { awsBody, bodyAsCause, clickhouseError, contentfulBody, copiedFields, oktaBody, errorDetailsBody, generatedContent, graphErrorBody, graphqlBody, hranaError, platformOf, rpcError, s3Error, smsAnswer, upstashError } from './sdk-bodies.js';
import { type BodyReaders, nonEmpty, telegramAnswer } from './sdk-fields.js';
import { causeRecord, isResponse, isStream } from './thrown.js';

/**
 * The body a client kept: parsed, text or bytes, never a stream (a stream was the client's to read), nor an empty record,
 * which says nothing: PocketBase's ClientResponseError keeps the body as `response`, whose own `data` is the fields'
 * errors, `{}` when there are none.
 */
function bodyOf(value: unknown): unknown {
  if (value === undefined || value === null || value === '' || isStream(value) || isResponse(value) || emptyRecord(value)) return undefined;
  return value;
}

function emptyRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    for (const _ in value) return false;
    return Object.getOwnPropertyNames(value).length === 0;
  } catch {
    return false;
  }
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
 * The body an error's message holds: JSON written into it (genai's `ApiError`, clients that print the body), else the
 * message itself, when the SDK kept nothing else of the response (Algolia's ApiError is the body's message and the status).
 */
function bodyInMessage(error: object): unknown {
  // mailgun.js' MailgunAPIError keeps the body's message, or its text, as `details`; its own `message` is the reason phrase.
  // Read as the message is, so that its made-up 400 over a refused connection is still no response (./thrown.ts `bare`).
  const message = (readProperty(error, 'type') === 'MailgunAPIError' ? nonEmpty(readProperty(error, 'details')) : undefined) ?? nonEmpty(readProperty(error, 'message'));
  if (message === undefined) return undefined;
  const start = message.indexOf('{');
  if (start >= 0 && start <= 200) return message.slice(start);
  // typesense-js writes "Request failed with HTTP code 429 | Server said: <the body's message>".
  const said = message.indexOf(' | Server said: ');
  return said < 0 || said > 200 ? message : message.slice(said + 16);
}

/**
 * The error a rejection keeps as its `error` member beside its status, when it has no message of its own: Cloudinary's
 * Admin API (`{error: {message, http_code}, request_options, query_params}`) and Razorpay's (`{statusCode, error: {code,
 * description, reason, field, …}}`). Only the error is the body, as the API sent it: Cloudinary's request options hold the
 * API secret.
 */
function errorMemberBody(record: object): unknown {
  const error = readProperty(record, 'error');
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return undefined;
  return nonEmpty(readProperty(error, 'message')) ?? nonEmpty(readProperty(error, 'description')) ? { error } : undefined;
}

/**
 * The error a record keeps beside its status when it has no body: airtable.js' AirtableError (`{error: 'TOO_MANY_REQUESTS',
 * message, statusCode}`, no Error) and Resend's returned `error` (`{statusCode, name: 'rate_limit_exceeded', message}`).
 */
function recordFields(record: object): unknown {
  const message = nonEmpty(readProperty(record, 'message'));
  if (message === undefined) return errorMemberBody(record);
  const error = nonEmpty(readProperty(record, 'error'));
  const name = nonEmpty(readProperty(record, 'name'));
  // Each as the body had it: Resend's `name` is no `error` (its 403 `validation_error` names no field refused).
  // Cloudinary's uploader keeps the body's `code` beside its `http_code` (`ip_rate_limit_exceeded`).
  const code = nonEmpty(readProperty(record, 'code'));
  return { ...(error === undefined ? {} : { error }), ...(name !== undefined && /^[a-z]+(?:_[a-z]+)+$/.test(name) ? { name } : {}), ...(code === undefined ? {} : { code }), message };
}

/** superagent's text of a body it parsed into nothing: a `text/plain` 429's words, not its empty `body`. */
function superagentText(response: unknown): unknown {
  const text = readProperty(response, 'text');
  if (typeof text !== 'string' || text === '') return undefined;
  const body = readProperty(response, 'body');
  return body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0) ? text : undefined;
}

/** A value set on the object itself as `data`, never through a getter (node-fetch's Body warns on its `data`). */
function ownData(response: object): unknown {
  try {
    return Object.getOwnPropertyDescriptor(response, 'data')?.value;
  } catch {
    return undefined;
  }
}

function kept(input: object, status: number, response: unknown, metadata: unknown): unknown {
  return (
    bodyOf(readProperty(input, 'responseBody')) ??
    // node-appwrite's AppwriteException keeps the body's text as `response` (its status as `code`).
    (typeof response === 'string' ? bodyOf(response) : undefined) ??
    // (No fetch Response has a `data`: node-fetch's warns that it "doesn't exist" when asked. gaxios, under googleapis
    // and the Google Cloud clients, sets the body it parsed as the Response's own `data`: that one is read.)
    bodyOf(isResponse(response) ? ownData(response) : readProperty(response, 'data')) ??
    bodyOf(readProperty(response, '_data')) ??
    // superagent parses what it can into `body` (`{}` for a text body) and keeps the text as `text`.
    superagentText(response) ??
    (isResponse(response) ? undefined : bodyOf(readProperty(response, 'body'))) ??
    // The Azure SDKs' RestError keeps the text of the body it read (@azure/core-rest-pipeline's PipelineResponse).
    bodyOf(readProperty(response, 'bodyAsText')) ??
    // algoliasearch's transporter keeps the text it got as `content` (./sdk-fields.ts lastFrame).
    bodyOf(readProperty(response, 'content')) ??
    // Apollo Client's ServerError keeps the text it could not use (4) or the body it parsed (3); tRPC's error keeps the
    // server's error as `shape`, its `data` member being that error's own data, not a body.
    bodyOf(readProperty(input, 'bodyText')) ??
    bodyOf(readProperty(input, 'result')) ??
    envelope(readProperty(input, 'shape')) ??
    bodyOf(readProperty(input, 'data')) ??
    graphErrorBody(input) ??
    bodyOf(readProperty(input, 'body')) ??
    // discord.js (@discordjs/rest) keeps Discord's parsed body as `rawError`.
    bodyOf(readProperty(input, 'rawError')) ??
    // superagent keeps a body it could not parse (a 403 `Forbidden` sent as JSON) as `rawResponse`; Fern's SDKs name an
    // object so, which is no body.
    (typeof readProperty(input, 'rawResponse') === 'string' ? bodyOf(readProperty(input, 'rawResponse')) : undefined) ??
    envelope(readProperty(input, 'error')) ??
    rawOf(readProperty(input, 'raw')) ??
    awsBody(input, metadata) ??
    graphqlBody(input) ??
    // Telegram's answer, whole as telegraf's `response` or copied onto grammY's error, after the members it has none of.
    telegramAnswer(input) ??
    bodyAsCause(causeRecord(input)) ??
    contentfulBody(input) ??
    oktaBody(input) ??
    copiedFields(input, status) ??
    // @gitbeaker/rest keeps the body's message (or its text) as its `cause` record's `description`.
    bodyOf(readProperty(causeRecord(input), 'description')) ??
    errorDetailsBody(input, status)
  );
}

/**
 * The readers ./thrown.ts asks for a thrown value's body: what the default classifier and `createClassifier` use.
 * @internal
 */
export const BODY_READERS: BodyReaders = {
  kept,
  // GraphQL sends its errors under a 200 the error does not keep; PostgREST's error keeps none either; nor does Slack's.
  statusless: (input) => platformOf(input) ?? graphqlBody(input) ?? clickhouseError(input) ?? copiedFields(input, undefined) ?? generatedContent(input) ?? s3Error(input) ?? rpcError(input) ?? hranaError(input) ?? smsAnswer(input) ?? upstashError(input),
  // supabase-js hands back PostgREST's error as a plain object (`{ data, error }`), which callers throw.
  record: (record, status) => (status === undefined ? copiedFields(record, undefined) : recordFields(record)),
  message: bodyInMessage,
};

/**
 * {@link BODY_READERS} with one more reader of an error that kept no status, tried after the others.
 * @example
 * ```ts
 * const readers = withStatusless((error) => firebaseBody(error));
 * ```
 * @internal
 */
export function withStatusless(more: (error: object) => unknown): BodyReaders {
  return { ...BODY_READERS, statusless: (error) => BODY_READERS.statusless(error) ?? more(error) };
}
