/**
 * The generic layer: the last profile the default classifier tries, and one that classifies alone
 * (`createClassifier({ profiles: [genericProfile] })`). It reads any common envelope — a JSON error
 * object at its usual paths, JSON cut off mid-body, a Python dict or JavaScript object as an SDK
 * prints it, `<Error><Code>` XML, `key: value` text — and maps the vendor's code and message by
 * meaning (./lexicon.ts), so a vendor no profile knows still gets the right Fault, with its most
 * specific code verbatim, its request id and any wait its message states.
 */
import type { FaultCode } from '../../core/catalog.js';
import { firebaseCode } from '../../core/firebase.js';
import { refusedFinish } from '../../core/gemini-finish.js';
import { headerNames } from '../../core/headers.js';
import { codeForStatus } from '../../core/status.js';
import { statusText } from '../status-text.js';
import { builtinProfile } from '../builtin-profile.js';
import { JSONRPC_CODES } from '../jsonrpc.js';
import { ALLOWANCE_WAIT_MS, asRecord, type FaultDraft, type ResponseSnapshot, type VendorProfile } from '../profile.js';
import { codeByMeaning, retryByMeaning } from './decide.js';
import { dyndnsReply } from './dyndns.js';
import { WEAK } from './lexicon-rules.js';
import { envelopeOf, LINES } from './body-envelope.js';
import { withoutEmptyMembers, withoutFrames, withoutHedge } from './noise.js';
import { statusInText } from './printed-status.js';
import { requestIdInText } from './request-id.js';
import { scanObject } from './scan.js';
import { sqlstateCode } from './sqlstate.js';
import { errsInSuccess } from './success-body.js';
import { waitInText, waitUntilInText } from './wait.js';
import { xmlSaysFailed } from './xml-envelope.js';

const HOUR = 3_600_000;

/** The `error` a Bearer challenge names (RFC 6750 §3), if any. */
function bearerError(challenge: string | undefined): string | undefined {
  const m = challenge === undefined ? null : /\berror="([a-z_]{3,40})"/.exec(challenge.slice(0, 512));
  return m?.[1];
}

// A vendor's own error-code header, named after it (Emby's `x-application-error-code: ParentalControl`, HestiaCP's
// `hestia-exit-code: 9`, Upwork's `x-upwork-error-code`, Marble's `x-marble-global-error: disallowed-network`): read when
// the body names no code.
const ERROR_CODE_HEADER = /-(?:error|exit)-?code$|-error$/;

function codeFromHeaders(s: ResponseSnapshot): string | undefined {
  for (const name of headerNames(s.headers)) {
    if (name.length > 64 || !(name.endsWith('code') || name.endsWith('error')) || !ERROR_CODE_HEADER.test(name)) continue;
    const value = s.headers.get(name)?.trim();
    // An `-error` header may name a reference rather than a code (Akamai's `x-reference-error: 18.5def2e17.…`): words only there.
    if (value !== undefined && (name.endsWith('code') ? /^[\w.:-]{1,60}$/ : /^[A-Za-z][A-Za-z_-]{2,59}$/).test(value)) return value;
  }
  return undefined;
}

// The server's own verdict in its error body, as `x-should-retry` gives it in a header (Flynn's `{"code": "unknown_error",
// …, "retry": false}`, DynamoDB's `"retryable": false`, Conductor's): a `false` says sending the same request again cannot
// help. A `true` is not read: servers set it on failures whose class already says when (Scrapfly's 429 for a spent
// credit budget, its 504 for a scrape that timed out). Looked for only where the class would retry (a 5xx, or no status):
// a missing member is a slow lookup on bodies of every shape, and most are 4xx.
function refusedRetry(json: unknown, status: number | undefined): boolean {
  if (status !== undefined && status < 500) return false;
  const r = asRecord(json);
  return r !== undefined && (r.retryable === false || r.retry === false);
}

/** Whether a text prints the status twice, or beside its reason phrase: then a code equal to it is the status again. */
function restatedInText(text: string, status: number): boolean {
  const word = String(status);
  const at = text.indexOf(word);
  return (at >= 0 && text.indexOf(word, at + word.length) >= 0) || text.includes(statusText(status));
}

/**
 * A limit whose end the server states decides between the two limit codes: a wait under an hour
 * is a throttle ("Rate limit reached … per day … try again in 9m38s"), a wait of six hours or more
 * is a spent allowance ("The rate limit of 6 exceeded … Try again in 7 days", GoCardless Bank Data's
 * "The rate limit for this resource is 4/day. Please try again in 85092 seconds", Google Ads' basic
 * access operations, "Resource has been exhausted" with "Retry in 40591 seconds").
 */
function byWait(code: FaultCode | undefined, wait: number | undefined): FaultCode | undefined {
  if (wait === undefined || (code !== 'rate_limited' && code !== 'quota_exhausted')) return code;
  return wait < HOUR ? 'rate_limited' : wait >= ALLOWANCE_WAIT_MS ? 'quota_exhausted' : code;
}

/**
 * Request ids in headers the engine leaves out (Kubernetes' `audit-id`, Vercel's, .NET's activity id), read after the
 * body's. The engine reads every name that ends in a request, trace or correlation id itself, and before any draft's.
 */
const ID_HEADERS = ['audit-id', 'x-vercel-id', 'x-ms-activity-id'] as const;

/**
 * A wait in seconds under a name no standard gives it (OpenSky's `x-rate-limit-retry-after-seconds: 60394`), which the
 * engine's own header list leaves out; or the `Backoff` header of Mozilla's services protocol (Kinto, Firefox Sync),
 * which Zotero's API sends too (`Backoff: 0.1`, seconds).
 */
function waitFromHeaders(s: ResponseSnapshot): number | undefined {
  const v = s.headers.get('x-rate-limit-retry-after-seconds') ?? s.headers.get('x-ratelimit-retry-after-seconds') ?? s.headers.get('backoff');
  const n = v === undefined || !/^\d{1,12}(?:\.\d{1,6})?$/.test(v.trim()) ? undefined : Math.round(Number(v.trim()) * 1000);
  return n === undefined ? undefined : Math.min(n, Number.MAX_SAFE_INTEGER);
}

/**
 * The code one of JSON-RPC 2.0's own error codes names (jsonrpc.org/specification §5.1: -32700, -32600 to -32603), read
 * wherever an error object carries one, as a websocket client logs it without its envelope (Moonraker's `{'code':
 * -32601, 'message': 'Method not found'}`): the spec fixes their meaning, and a method the server lacks is a missing
 * feature, not a missing resource. The JSON-RPC profile's table holds them; its codes from -32099 up are Ethereum's
 * (EIP-1474), which only a `jsonrpc` envelope vouches for. Only where no HTTP status says more than a class (none, a
 * success, 400, 500) and the words name nothing sharper.
 */
function rpcCode(vendorCode: string | undefined, status: number | undefined, byWords: FaultCode | undefined): FaultCode | undefined {
  const named = vendorCode !== undefined && vendorCode.startsWith('-32') && Number(vendorCode) < -32599 && Object.hasOwn(JSONRPC_CODES, vendorCode) ? JSONRPC_CODES[vendorCode] : undefined;
  if (named === undefined || (status !== undefined && status >= 400 && status !== 400 && status !== 500)) return byWords;
  // The spec's Parse error and Invalid Request are about the JSON-RPC envelope, whatever member their words name (Mopidy's
  // -32600 with "'jsonrpc' member must be included"): no parameter of the call was read.
  return byWords === undefined || WEAK.has(byWords) || !WEAK.has(named) || (byWords === 'validation_failed' && (vendorCode === '-32600' || vendorCode === '-32700')) ? named : byWords;
}

/** A text that opens with an exception's class name and a colon (`Azure.RequestFailedException : …`, `ApiError: …`). */
const PRINTED_EXCEPTION = /^[A-Za-z_$][\w.$]{0,80}(?:Exception|Error) ?:/;

/**
 * Attempts counted against the caller ("too many authorization attempts", "too many times", "5 attempts exceeded", CapRover's
 * "Too many wrong passwords", jambonz's "Maximum login attempts reached"). Bounded quantifiers only.
 */
const TOO_MANY_TRIES = /\btoo many (?:[a-z]{1,20} ){0,3}(?:attempts|times|tries|passwords|logins)\b|\battempts exceeded\b|\bmaximum (?:[a-z]{1,20} ){0,2}attempts(?: reached)?\b/i;

/**
 * A text that relays the status an endpoint behind it returned: an Office 365 connector answers a Teams webhook's
 * failure with a 200 whose body is "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP
 * error 429 with ContextId …". Bounded quantifiers only.
 */
const RELAYED = /\bfailed with error: [^\n]{0,200}?\bHTTP error ([45]\d\d)\b/;

function idFromHeaders(s: ResponseSnapshot): string | undefined {
  for (const name of ID_HEADERS) {
    const v = s.headers.get(name);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/**
 * Reads any response by its envelope and its words; `undefined` when the body says nothing.
 *
 * @example
 * ```ts
 * readGeneric({ status: undefined, headers: { get: () => undefined }, json: undefined, contentType: '', host: undefined, now: 0,
 *   text: `Error code: 429 - {'error': {'message': 'Rate limit reached', 'type': 'requests', 'code': 'rate_limit_exceeded'}}` });
 * // { code: 'rate_limited', vendorCode: 'rate_limit_exceeded', message: 'Rate limit reached', … }
 * ```
 * @internal
 */
export function readGeneric(s: ResponseSnapshot): FaultDraft | undefined {
  const ddns = s.json === undefined ? dyndnsReply(s.text) : undefined;
  if (ddns !== undefined) return ddns;
  // A generation Gemini's filters refused, which the stream reader takes for an error event: named as the Google profile names it.
  const stopped = refusedFinish(s.json);
  if (stopped !== undefined) return { code: stopped.code, vendorCode: stopped.reason, message: stopped.message };
  const { env, head, form } = envelopeOf(s);
  // Under a success status, the error status a body restates is the one it means (monday.com's 200 with `status_code: 429`).
  const success = s.status !== undefined && s.status < 400;
  const relayed = success && s.json === undefined ? RELAYED.exec(head.slice(0, 1024))?.[1] : undefined;
  // With no status at all, one its words print: a text's lines, or a JSON error's message quoting its client
  // (Kutt's `{"error": "Request failed with status code 429"}`, an agent's log `"error": "…, status code: 403 Forbidden"`).
  const status = (success ? (env.status ?? (relayed === undefined ? s.status : Number(relayed))) : (s.status ?? env.status)) ?? statusInText((head === '' ? (env.message ?? '') : head).slice(0, LINES));
  const said = head === '' ? env.text : `${env.text ?? ''} \f ${withoutEmptyMembers(withoutFrames(head).slice(0, 1024))}`;
  const words = said === undefined ? undefined : withoutHedge(said);
  // A 2xx body is a fault only when it names an error, never for the words in a payload.
  // A SOAP fault is one under any status (WCF services answer theirs with a 200), and so is an XML-RPC fault (every
  // XML-RPC answer is a 200) and an XML root that says it failed.
  // A body JSON.parse refused is read as the scanner reads it (Sabre's `{"errors": [{…, "fieldPath": "…", }]}`, a trailing comma).
  // So is a text relaying an endpoint's error status (RELAYED).
  // So is an exception a client printed, status and all (Azure's `RequestFailedException : … Status: 200 (OK)` from a
  // long-running operation's poll that failed).
  // So is a text that opens with `-ERR `, the error line of RESP (Redis), POP3 and FreeSWITCH's HTTP API, whose command
  // output is the 200's body (`-ERR No such channel!`).
  if (success && relayed === undefined && !head.includes(':Fault>') && !head.includes('<name>faultCode</name>') && !head.startsWith('-ERR ') && !PRINTED_EXCEPTION.test(head) && !xmlSaysFailed(head) && !errsInSuccess(s.json ?? form ?? (head.startsWith('{') ? scanObject(s.text).value : undefined), env, words, head)) return undefined;
  // A QuotaFailure detail says which allowance ran out, whatever the message's words ("check your plan
  // and billing details" under Gemini's per-minute limit): a short window refills, a day's does not.
  let code: FaultCode | undefined = env.quota !== undefined ? (env.quota === 'long' ? 'quota_exhausted' : 'rate_limited') : rpcCode(env.vendorCode, status, codeByMeaning(status, env.vendorCode, words, env.fieldNamed));
  // A Firebase SDK's code, as its FirebaseError prints it, means what Firebase documents, not what its words suggest
  // (`auth/invalid-credential` is a failed sign-in, not a malformed request).
  if (status === undefined && env.vendorCode?.includes('/') === true) code = firebaseCode(env.vendorCode) ?? code;
  // No error status from the response: the one the body restates, or the one a printout states, names the code.
  if (code === undefined && (s.status === undefined || success) && status !== undefined && status >= 400) code = codeForStatus(status);
  // With no status at all, PostgREST's SQLSTATE (supabase-js' errors keep none).
  const sql = code === undefined && status === undefined ? sqlstateCode(s.json) : undefined;
  if (sql !== undefined) code = sql.code;
  const retryAfterMs = env.retryAfterMs ?? waitInText(words) ?? waitUntilInText(words, s.now) ?? waitFromHeaders(s);
  // A refusal that says when to try again after too many attempts throttles attempts; the credential was not judged
  // (Kavita's 401 "You've been locked out from too many authorization attempts. Please wait 10 minutes.", Casdoor's
  // 200 "You have entered the wrong password or code too many times, please wait for 15 minutes and try again").
  // So is one whose refused access names the attempts spent (Technitium's "Max limit of 5 attempts exceeded. Access blocked for 300 seconds.").
  const refused = code ?? (status === 401 ? 'unauthenticated' : status === 403 ? 'permission_denied' : undefined);
  if (retryAfterMs !== undefined && (refused === 'unauthenticated' || refused === 'permission_denied') && TOO_MANY_TRIES.test(words ?? '')) code = 'rate_limited';
  // The status's own code too: a 429 whose wait runs past half a day is an allowance spent (OpenSky's 16-hour wait).
  const limit = code ?? (status !== undefined && status >= 400 ? codeForStatus(status) : undefined);
  const waited = byWait(limit, retryAfterMs);
  if (waited !== limit) code = waited;
  // An id the envelope names, else one the text prints after its label, else a header's.
  const requestId = env.requestId ?? requestIdInText(head === '' ? (env.text ?? '') : head) ?? idFromHeaders(s);
  // A resource server's refusal in its challenge (RFC 6750 §3: `WWW-Authenticate: Bearer error="invalid_token"`) when the body names none.
  const challenged = env.vendorCode ?? (status === 401 || status === 403 ? bearerError(s.headers.get('www-authenticate')) : undefined) ?? codeFromHeaders(s);
  if (code === undefined && challenged === undefined && env.message === undefined && requestId === undefined && retryAfterMs === undefined) return undefined;
  // A code that only restates the status (Planning Center's `{"errors": [{"code": "429", …}]}`) is no code of the vendor's;
  // but a status read from the text may be that very code (Clockify's `… (code: 501)`): then the number must stand twice,
  // or beside its reason phrase (`Too Many Requests (code: 429)`).
  const vendorCode = status !== undefined && challenged === String(status) && (s.status !== undefined || env.status !== undefined || restatedInText(head === '' ? `${env.text ?? ''} ${challenged}` : head, status)) ? undefined : challenged;
  return { code, vendorCode, message: env.message, requestId, retryAfterMs, retry: sql?.retry ?? (refusedRetry(s.json, status) ? 'never' : undefined) ?? (code === 'unauthenticated' ? retryByMeaning(code, `${env.vendorCode ?? ''} ${words ?? ''}`) : undefined) };
}

/**
 * The generic layer as a profile: tried last by the default classifier, or alone.
 *
 * @example
 * ```ts
 * const { classify } = createClassifier({ profiles: [genericProfile] });
 * classify({ status: 429, body: '{"name":"RATE_LIMIT_REACHED","message":"Too many requests","debug_id":"c02f80d9c7e60"}' });
 * // { code: 'rate_limited', vendor: 'generic', vendorCode: 'RATE_LIMIT_REACHED', requestId: 'c02f80d9c7e60', … }
 * ```
 * @public
 */
export const genericProfile: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'generic',
  codes: {},
  detect: () => true,
  parse: readGeneric,
  expressible: { codes: [], vendorCodes: [], retryAfter: 'none', requestId: false },
});
