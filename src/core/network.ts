/**
 * Thrown values → Faults: fetch, undici and node errors, aborts and timeouts. No vendor code here, so
 * policies can classify what a call threw without pulling any vendor profile into a bundle.
 */
import type { FaultCode, FaultSource } from './catalog.js';
import { type Fault, createFault, isFault, isFaultError } from './fault.js';
import { readProperty } from './read-property.js';
import { CLIENT_CODE, lastAnswer, mcpClientSide } from './sdk-fields.js';
import { lastErrorOf } from './thrown.js';

type Rule = readonly [FaultCode, FaultSource];
const CONNECT: Rule = ['connect_failed', 'network'];
const RESET: Rule = ['connection_reset', 'network'];
const TIMEOUT: Rule = ['client_timeout', 'network'];

const CANCELLED: Rule = ['cancelled', 'client'];

// Error codes (node `err.code`, undici `err.code`) → catalog code, one anchored alternation per rule
// (the groups share no code). TLS and certificate failures come under many codes (CERT_NOT_YET_VALID,
// ERR_TLS_HANDSHAKE_TIMEOUT, …): all mean the connection never carried the request, so those match by prefix.
const CODES: readonly (readonly [RegExp, Rule])[] = [
  [
    /^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL|EHOSTUNREACH|EHOSTDOWN|ENETUNREACH|ENETDOWN|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)$|^(?:CERT_|ERR_TLS_|ERR_SSL_|ERR_OSSL_)/,
    CONNECT,
  ],
  [
    /^(?:ECONNRESET|EPIPE|ECONNABORTED|ERR_STREAM_PREMATURE_CLOSE|UND_ERR_SOCKET|UND_ERR_CLOSED|UND_ERR_REQ_CONTENT_LENGTH_MISMATCH|UND_ERR_RES_CONTENT_LENGTH_MISMATCH|HPE_INVALID_CONSTANT)$/,
    RESET,
  ],
  [/^(?:ETIMEDOUT|ESOCKETTIMEDOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/, TIMEOUT],
  // axios's CanceledError (an AbortSignal or a CancelToken) carries ERR_CANCELED.
  [/^(?:ABORT_ERR|UND_ERR_ABORTED|ERR_CANCELED)$/, CANCELLED],
];

// ECONNABORTED is also what axios gives its own `timeout` option ('timeout of 20ms exceeded'):
// that is our deadline, not a broken connection.
// superagent's deadlines give the same code: "Timeout of 300ms exceeded", "Response timeout of 300ms exceeded".
const OWN_TIMEOUT = /^(?:response )?timeout of \d+ms exceeded$/i;

// Message fragments for errors that carry no code (browsers, Deno, Bun, older libraries): the first
// group with a fragment in the message decides.
const MESSAGES: readonly (readonly [RegExp, Rule])[] = [
  [/socket hang up|premature close|other side closed|connection reset|econnreset/, RESET],
  // chromadb's ChromaConnectionError drops the fetch error it replaces: "Failed to connect to chromadb. Make sure …".
  [/econnrefused|getaddrinfo|certificate|failed to fetch|networkerror when attempting to fetch|load failed|^failed to connect to |\b(?:enotfound|ehostunreach|enetunreach|eai_again)\b/, CONNECT],
  [/network connection was lost/, RESET],
  // A socket's timeout printed where its code would be ("connect ETIMEDOUT 10.0.0.1:443", in a message or a thrown string).
  [/\b(?:etimedout|esockettimedout)\b/, TIMEOUT],
  // openai-node names its errors plain `Error`: its APIConnectionTimeoutError and APIUserAbortError say so in the message.
  [/^request timed out\.?$/, ['client_timeout', 'client']],
  [/^request was aborted\.?$/, CANCELLED],
  // AbortSignal.timeout()'s own words (WHATWG DOM): a client that rethrows its TimeoutError as a plain Error keeps them (postmark.js).
  [/^the operation was aborted due to timeout$/, ['client_timeout', 'client']],
];

const MAX_DEPTH = 8;

// A client that keeps its own rate-limit buckets refuses a call itself, with no response behind it: discord.js'
// `RateLimitError[/route]` (with `rejectOnRateLimit`), on a 429 or before a request its bucket has no room for. Its
// `retryAfter` is the wait in milliseconds; read only beside `timeToReset`, the shape that says so. It is 0 when the 429
// had no Retry-After: no wait stated.
// @slack/web-api's WebAPIRateLimitedError (with `rejectRateLimitedCalls`) is the same refusal, its `retryAfter` in seconds.
// @qdrant/js-client-rest's QdrantClientResourceExhaustedError is one too: a 429 with Retry-After, kept as `retry_after` in seconds.
function rateLimitOf(error: unknown): Fault | undefined {
  const name = readProperty(error, 'name');
  const waitIn = readProperty(error, 'code') === 'slack_webapi_rate_limited_error' ? 'retryAfter' : name === 'QdrantClientResourceExhaustedError' ? 'retry_after' : undefined;
  if (waitIn !== undefined) {
    const seconds = readProperty(error, waitIn);
    return createFault({ code: 'rate_limited', source: 'server', message: text(error), retryAfterMs: typeof seconds === 'number' && seconds > 0 && Number.isFinite(seconds) ? seconds * 1000 : undefined });
  }
  if (typeof name !== 'string' || !/^RateLimitError(?:\[|$)/.test(name)) return undefined;
  const wait = readProperty(error, 'retryAfter');
  const ms = typeof wait === 'number' && wait > 0 && typeof readProperty(error, 'timeToReset') === 'number' ? wait : undefined;
  return createFault({ code: 'rate_limited', source: 'server', message: text(error) || name, retryAfterMs: ms });
}

function text(value: unknown): string {
  const v = readProperty(value, 'message');
  return typeof v === 'string' ? v : '';
}

function errorMember(value: unknown): Error | undefined {
  const inner = readProperty(value, 'error');
  if (inner instanceof Error) return inner;
  // @linear/sdk's errors keep the fetch error they replace as `raw` (its HTTP errors keep the response there: no Error).
  const raw = readProperty(value, 'raw');
  return raw instanceof Error ? raw : undefined;
}

/**
 * A connection that failed, as algoliasearch's RetryError keeps it: the last answer in its `stackTrace` has status 0
 * and the socket error's words as `content` ("connect ECONNREFUSED …"), or says it timed out.
 */
function failedAnswer(value: unknown): object | undefined {
  const last = lastAnswer(value);
  if (readProperty(last, 'status') !== 0) return undefined;
  const content = readProperty(last, 'content');
  const message = typeof content === 'string' ? content : '';
  return readProperty(last, 'isTimedOut') === true ? { name: 'TimeoutError', message } : message === '' ? undefined : { message };
}

const MCP_RULES: Readonly<Record<string, Rule>> = { timeout: ['client_timeout', 'client'], cancelled: CANCELLED, closed: RESET };

function ruleOf(error: unknown): Rule | undefined {
  const name = readProperty(error, 'name');
  if (name === 'AbortError') return CANCELLED;
  const mcp = typeof error === 'object' && error !== null ? mcpClientSide(error) : undefined;
  if (mcp !== undefined) return MCP_RULES[mcp];
  // axios reports its own timeout as ECONNABORTED, the code a reset also has: its message tells them apart.
  if (readProperty(error, 'code') === 'ECONNABORTED' && OWN_TIMEOUT.test(text(error))) return TIMEOUT;
  for (const key of ['code', 'errno', 'syscall']) {
    const code = readProperty(error, key);
    if (typeof code === 'string') for (const [codes, rule] of CODES) if (codes.test(code)) return rule;
  }
  // After the codes: the AWS SDK's node handler renames an ECONNRESET or EPIPE to TimeoutError, and
  // undici's ConnectTimeoutError stays a connect failure; then the SDKs' own APIUserAbortError and
  // APIConnectionTimeoutError (anthropic names them; openai says so in the message).
  if (typeof name === 'string' && name.endsWith('AbortError')) return CANCELLED;
  if (typeof name === 'string' && name.endsWith('TimeoutError')) return ['client_timeout', 'client'];
  const message = text(error).toLowerCase();
  if (message.length > 0 && message.length < 2000) {
    for (const [fragments, rule] of MESSAGES) if (fragments.test(message)) return rule;
  }
  return undefined;
}

/**
 * undici's words, alone or after the name of the client that rethrew them: @shopify/admin-api-client's "GraphQL Client:
 * fetch failed" and "Admin API Client: fetch failed", their cause dropped.
 */
function isFetchFailed(message: string): boolean {
  return message === 'fetch failed' || (message.endsWith(' Client: fetch failed') && /^[A-Z][\w ]{0,40} Client: fetch failed$/.test(message));
}

/**
 * Turns anything a call threw into a Fault, without looking at any vendor's body format: a
 * `FaultError` gives its Fault; DOMException `AbortError` → `cancelled`, `TimeoutError` →
 * `client_timeout`; node and undici error codes anywhere on the `cause` chain → `connect_failed`,
 * `connection_reset` or `client_timeout`; undici's 'fetch failed' with its cause dropped → `connection_reset`; a client's own `RateLimitError` (discord.js with `rejectOnRateLimit`, Slack's `WebAPIRateLimitedError`) →
 * `rate_limited` with its wait; anything else → `unknown`. Never throws.
 *
 * @example
 * ```ts
 * faultFromThrown(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })).code; // 'connect_failed'
 * ```
 * @public
 */
export function faultFromThrown(value: unknown): Fault {
  try {
    let current: unknown = value;
    const seen = new Set<unknown>();
    // The root cause is the most specific (fetch wraps ECONNREFUSED in TypeError('fetch failed')).
    let best: Rule | undefined;
    let bestMessage = '';
    // An unrecognised error from the transport (fetch's 'fetch failed', a system error code) is still the network's.
    let network = false;
    // undici's own words for any failure of the transport, its `cause` dropped by a client that rethrows it: Fern's generated
    // SDKs (voyageai, intercom-client: `{statusCode: undefined, rawResponse: {status: 0}}`), Microsoft Graph's GraphError
    // (`statusCode: -1`). A refused connection and one cut mid-request read alike there: see below.
    let fetchFailed = false;
    for (let depth = 0; depth < MAX_DEPTH && typeof current === 'object' && current !== null && !seen.has(current); depth++) {
      seen.add(current);
      // The brand alone is not enough: a forged or foreign brand without a Fault must not make classify return one that is not.
      if (isFaultError(current) && isFault(current.fault)) return current.fault;
      // A Fault thrown as it is (or one that crossed JSON) is its own answer; deeper on the chain it is only data.
      if (depth === 0 && isFault(current)) return current;
      const limited = rateLimitOf(current);
      if (limited !== undefined) return limited;
      const rule = ruleOf(current);
      const code = readProperty(current, 'code');
      if (typeof code === 'string' && CLIENT_CODE.test(code)) network = true;
      if (isFetchFailed(text(current))) {
        network = true;
        // One that kept a cause this reader does not know (an undici error of its own) says no more than that.
        if (readProperty(current, 'cause') === undefined) fetchFailed = true;
      }
      if (rule !== undefined) {
        best = rule;
        bestMessage = text(current);
      }
      // stripe-node keeps the socket error as `detail` (StripeConnectionError), not `cause`; a retry
      // wrapper (the AI SDK's RetryError) as `lastError`.
      // grammY's HttpError keeps the fetch error as `error`: only an Error there is one (OpenAI's `error` is the body's).
      // @neondatabase/serverless' NeonDbError keeps it as `sourceError`.
      current = readProperty(current, 'cause') ?? readProperty(current, 'detail') ?? lastErrorOf(current) ?? errorMember(current) ?? readProperty(current, 'sourceError') ?? failedAnswer(current);
    }
    // A client that rejects with an error's stack as a string (plivo-node over a refused connection: "Error: connect
    // ECONNREFUSED 127.0.0.1:443\n    at AxiosError.from …"): its first line is read as an error's message.
    if (best === undefined && typeof value === 'string') {
      const line = value.slice(0, value.indexOf('\n') >>> 0).replace(/^\w{0,40}Error: /, '');
      best = ruleOf({ message: line });
      if (best !== undefined) bestMessage = line;
    }
    const message = bestMessage || text(value) || (typeof value === 'string' ? value : '');
    if (best !== undefined) return createFault({ code: best[0], source: best[1], message });
    // Whether the request went out cannot be told: connection_reset, retried only where sending it twice is safe.
    if (fetchFailed) return createFault({ code: RESET[0], source: RESET[1], message });
    return createFault({ code: 'unknown', source: network ? 'network' : 'client', message: message || 'A non-error value was thrown' });
  } catch {
    return createFault({ code: 'unknown', source: 'client' });
  }
}

/**
 * The network fault in a thrown value's cause chain, if there is one. A status with no response
 * behind it can be the client's own wrapping of a network error (Octokit reports a socket reset as
 * a 500): then the network fault underneath is the truth.
 * @internal
 */
export function networkFaultUnder(value: unknown): Fault | undefined {
  const underneath = faultFromThrown(value);
  return underneath.source === 'network' && underneath.code !== 'unknown' ? underneath : undefined;
}
