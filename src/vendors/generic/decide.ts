/**
 * How the generic layer weighs what a body says against its status: the vendor's code first, then
 * its message, then the status. A meaning only overrides a status that could carry it (a 403 that
 * says "rate limit" is a rate limit; a 404 stays not found whatever its message adds), and a
 * meaning that says no more than a status class (bad request, internal error) never overrides one.
 */
import type { FaultCode } from '../../core/catalog.js';
import { codeForStatus } from '../../core/status.js';
import type { RetryClass } from '../../core/codes.js';
import { meaningOf, paddedWords } from './lexicon.js';
import { RUNTIME_WORDS } from './lexicon-rules.js';

// Statuses whose meaning no message changes: the server said exactly what happened.
const SETTLED: ReadonlySet<FaultCode> = new Set<FaultCode>(['not_found', 'gone', 'not_implemented', 'precondition_failed', 'too_early', 'cancelled', 'connect_failed']);

const GATEWAY_OVERRIDES: ReadonlySet<FaultCode> = new Set<FaultCode>(['overloaded', 'rate_limited', 'quota_exhausted', 'connect_failed', 'gateway_timeout']);

// A text's words are read padded (`paddedWords`): `' too skewed '` matches a whole phrase.
function namesPermission(text: string | undefined): boolean {
  const w = paddedWords(text ?? '');
  // Twilio's 400s refuse the account, not a value: "Account not authorized to call …", "Trial accounts may only make calls to verified numbers";
  // the Gemini API's its caller's region: "User location is not supported for the API use."; OpenAI's its caller's
  // organization: "Your organization must be verified to stream this model."
  return w.includes(' scope') || w.includes(' permission') || w.includes(' privilege') || w.includes(' not permitted to ') || w.includes(' account not authorized to ') || w.includes(' trial account') || w.includes(' user location is not supported ') || w.includes(' organization must be verified ');
}

function namesRoute(text: string | undefined): boolean {
  const w = paddedWords(text ?? '');
  return w.includes(' url ') || w.includes(' route ') || w.includes(' endpoint ');
}

/** An "unauthorized" that names a permission, a role or an action the caller would perform (Sensu's "unauthorized to perform action"), and no credential. */
function namesRefusal(text: string | undefined): boolean {
  // Most refused credentials say no "permission", "role" or "perform": those are spared cutting into words.
  if (text === undefined || !/ermission|role|perform/i.test(text)) return false;
  const w = paddedWords(text);
  return w.includes(' unauthori') && (w.includes(' permission') || w.includes(' role ') || w.includes(' to perform ')) && !/ (?:token|api key|password|credential|login|log in|sign in|authenticat)/.test(w);
}

function namesBlankField(text: string | undefined): boolean {
  const w = paddedWords(text ?? '');
  return w.includes(' mandatory field') || w.includes(' cannot be blank') || w.includes(' can t be blank') || w.includes(' must not be blank');
}

function namesRuntime(text: string | undefined): boolean {
  const w = paddedWords(text ?? '');
  return RUNTIME_WORDS.split('|').some((phrase) => w.includes(` ${phrase}`));
}

/** A request method the server refuses (Owncast's 400 "GET not supported"): the 405's meaning under whatever status. */
function namesMethod(text: string | undefined): boolean {
  return / (?:get|post|put|patch|delete) not supported | method (?:is )?not allowed /.test(paddedWords(text ?? ''));
}

/** What a server that answered means by a connection that failed or timed out: its own upstream's. */
function upstreamFailure(w: string): FaultCode {
  return / timed out | timeout /.test(w) ? 'gateway_timeout' : 'bad_gateway';
}

function namesThrottle(w: string): boolean {
  return w.includes(' throttl') || w.includes(' rate limit') || w.includes(' too many request');
}

/**
 * The catalog code a vendor code and message mean under `status`, or `undefined` when they add
 * nothing to the status.
 *
 * @example
 * ```ts
 * codeByMeaning(400, 'credit_balance_low', undefined); // 'payment_required'
 * codeByMeaning(undefined, undefined, 'Rate limit reached for requests'); // 'rate_limited'
 * codeByMeaning(404, undefined, 'Rate limit reached'); // undefined: a 404 is settled
 * codeByMeaning(400, 'bad_request', 'Invalid request', true); // 'validation_failed': its errors name fields
 * ```
 * @internal
 */
export function codeByMeaning(status: number | undefined, vendorCode: string | undefined, message: string | undefined, fieldNamed = false): FaultCode | undefined {
  // Code and message are read as one text, the code first: the rules' order says which words tell more
  // ("TotalRequests Limit exceeded" under REQUEST_LIMIT_EXCEEDED is a spent allowance, not a throttle).
  // A text that already holds the code is read as it is: the code twice in a row would join its last
  // word to its first (EXCEEDED_ID_LIMIT twice reads "… limit exceeded …").
  const all = vendorCode === undefined ? message : message === undefined ? vendorCode : message.includes(vendorCode) ? message : `${vendorCode} \n ${message}`;
  const found = meaningOf(all);
  const { any } = found;
  // A request the server could not parse ("The parameter … was malformed: the value must be …") was
  // refused before its fields were read: the field words after "malformed" do not make it a validation.
  // A broken connection is what a client prints with no response; a response with a status had one. So is the client's
  // own deadline: a status that says "timed out after 30 seconds" is the server's (NewsCatcher's 408); so is a 408's
  // "Connection timed out." (Radicale's), the server's wait for the request's body, not a connection never made.
  // "Something has gone wrong" is the idiom of a failed server, not a resource that is gone (410).
  // The words are cut only where a rule reads them: most calls need none.
  if (found.strong === 'gone' && paddedWords(all ?? '').includes(' gone wrong ')) return status === undefined ? 'internal' : undefined;
  // A node still building what it serves ("transaction indexing in progress") answers once it has: the lexicon's rule that
  // says so comes before the conflict's "in progress", and its weak code outranks that one there.
  const strong = (found.strong === 'validation_failed' && any === 'invalid_request') || ((found.strong === 'connection_reset' || found.strong === 'client_timeout') && status !== undefined) || (found.strong === 'connect_failed' && status === 408) ? undefined : found.strong === 'conflict' && any === 'service_unavailable' ? any : found.strong;
  // "Unauthorized" is what many APIs call a refused permission: beside words that name one ("Unable to validate user
  // API permissions", "Forbidden - Approved role required"), it is not a credential refused; under a 401 it is.
  // (A status whose meaning no message changes stays: WOPI's 501 "Unauthorized to perform PutRelative" is the feature missing.)
  if (strong === 'unauthenticated' && status !== 401 && (status === undefined || !SETTLED.has(codeForStatus(status))) && namesRefusal(all)) return 'permission_denied';
  // Under a 400 a login that names the credential it left out is a request missing its fields (Flood's "Missing username or
  // password.", Porla's "Missing 'username' or 'password'"), no credential refused.
  if (strong === 'unauthenticated' && status === 400 && paddedWords(all ?? '').includes(' missing username or password ')) return undefined;
  // Under a 422 a credential named as a required parameter is a field the request left out (Conjur's "secret_access_key is
  // a required parameter and must be specified"), not a credential refused: the status's field-level rejection.
  if (strong === 'unauthenticated' && status === 422 && paddedWords(all ?? '').includes(' required ')) return undefined;
  // With no status, a runtime's error leaked as the message is the server's failure whatever names it holds
  // (`createHTTPError.notFound is not a constructor`): the lexicon's first rule, read again here because it is weak.
  if (status === undefined && any === 'internal' && strong !== undefined && namesRuntime(all)) return 'internal';
  // A server that answered, even with a success status, and says a connection failed speaks of its own upstream
  // (TheyWorkForYou's 200 `{"error": "Connection timed out"}` from the postcode lookup behind it): see the 5xx rule below.
  if (status !== undefined && status < 400 && strong === 'connect_failed') return upstreamFailure(paddedWords(all ?? ''));
  // With no status, Go's "context deadline exceeded" is the client's own deadline, not a gateway's (headscale's CLI: "Cannot
  // get nodes: context deadline exceeded"); one it hit while connecting is a connection never made ("Could not connect: …").
  if (status === undefined && strong === 'gateway_timeout') {
    const w = paddedWords(all ?? '');
    if (w.includes(' context deadline exceeded ')) return w.includes(' connect') ? 'connect_failed' : 'client_timeout';
  }
  // With no status, errors keyed by their fields are a field-level rejection whatever their words say.
  if (status === undefined || status < 400) return strong ?? (fieldNamed && status === undefined ? 'validation_failed' : any);
  const fromStatus = codeForStatus(status);
  // A throttle is what it says whatever status its stack sent (GCS's 410 "exceeds the rate limit"), but
  // a 404 and a 401 stay what they are. So does a 402 whose limit is no throttle: Drone's "Repository limit exceeded" is
  // the plan's count of repositories, not a rate.
  // So does a 413, whose limit is the request's size (Firecracker's "MMDS limit exceeded error: The MMDS patch request doesn't fit.").
  if (strong === 'rate_limited' && (status === 402 || status === 413) && !namesThrottle(paddedWords(all ?? ''))) return undefined;
  // So does a 409, whose concurrency is a request in flight, not a throttle (pretix's "Concurrent request with idempotency key.").
  if (strong === 'rate_limited' && status === 409) return undefined;
  if (strong === 'rate_limited' && fromStatus !== 'not_found' && status !== 401) return strong === fromStatus ? undefined : strong;
  // A 429 is a throttle though its words mention credit or a plan (Replicate's "throttled … while you have
  // less than $5.0 in credit"): payment words win there only when nothing says the request was throttled.
  if (status === 429 && strong === 'payment_required' && namesThrottle(paddedWords(all ?? ''))) return undefined;
  // Nor does a 429 say who the caller is or what it may touch: "blocked due to excessive requests" is the
  // throttle refusing, not a permission; nor is what it says is "locked" a resource in the wrong state, but the caller, for
  // a while (OpenEVSE's 429 `{"msg": "locked"}` after failed logins). Other words of state stand (DIMO's 429 "all error
  // codes already cleared").
  if (status === 429 && (strong === 'permission_denied' || strong === 'unauthenticated' || (strong === 'conflict' && paddedWords(all ?? '').includes(' locked ')))) return undefined;
  // A 401 is settled but for a spent quota or unpaid bill, which some APIs send with it (ElevenLabs' 401
  // `quota_exceeded`): the credentials were read, the allowance behind them is what ran out.
  // The code says which of the two when the message mentions both ("exceeds your quota … credits").
  if (status === 401 && (strong === 'quota_exhausted' || strong === 'payment_required')) {
    const byCode = meaningOf(vendorCode).strong;
    return byCode === 'quota_exhausted' || byCode === 'payment_required' ? byCode : strong;
  }
  // A 401 or a 405 whose words say the caller is known and may not do this is a refused permission: Core Lightning's 401
  // "Not permitted: method is equal to getinfo" (a rune valid but restricted), MISP's 405 "You do not have permission to use
  // this functionality.". Only words that name the permission: a 401's "Unauthorized" is a credential refused, and so is
  // one a guest's missing scope answers (Appwrite's 401 "… missing scope (account)").
  // So is one that says the thing acted on is someone else's (OpenFarm's 401 "Not Authorized. You can only create stages for
  // guides that belong to you.", ArkhamDB's 401 "You are not allowed to delete this deck, you are not the owner.").
  if (strong === 'permission_denied' && (status === 401 || status === 405) && / permission| not permitted | belongs? to you | not the owner /.test(paddedWords(all ?? ''))) return strong;
  // A 403 that says a quota ran out refuses for the allowance, not the caller (GitGuardian's 403 "Quota limit reached.");
  // one that says something is locked refuses the caller, whose account it is (fal's 403 "User is locked."), no state.
  if (status === 403 && strong === 'quota_exhausted') return strong;
  if (status === 403 && strong === 'conflict' && paddedWords(all ?? '').includes(' locked ')) return undefined;
  // A 408 that says the work is still in progress is a long poll whose wait ran out (Checkly's "Check session is still in
  // progress."), not a resource in the wrong state: poll again.
  if (status === 408 && strong === 'conflict') return undefined;
  if (SETTLED.has(fromStatus) || status === 401) return undefined;
  // A 5xx that says its error is unknown has not judged the credential its words name (Navidrome's 500 "Unknown error
  // authentication user. Please try again"): the server failed while checking it, and the status says so. So has one
  // that failed verifying it (Dask Gateway's 500 "Permission failure verifying user's JupyterHub API token").
  // So has one whose code names its own failure (htsget-rs' 500 `InternalError` "JWT validation not set": not configured).
  // So has one that says the service checking it is missing (BirdNET-Go's 500 "authentication service not available").
  if (status >= 500 && (strong === 'unauthenticated' || strong === 'permission_denied') && (/ unknown error | (?:failure|error|failed) verifying | service not available /.test(paddedWords(all ?? '')) || meaningOf(vendorCode).any === 'internal')) return undefined;
  // So has a 5xx whose code says its failure was internal and whose words name something missing: tRPC's 500
  // `INTERNAL_SERVER_ERROR` "Query \"trpc\" not found - is the file named `[trpc]`.ts?" is the server's setup, no resource.
  // A code that names only a server (Rancher's `ServerError` around Kubernetes' "users… not found") wraps what it says.
  if (status >= 500 && strong === 'not_found' && vendorCode !== undefined && /internal/i.test(vendorCode)) return undefined;
  // A text that hedges between missing and forbidden ("Resource does not exist, or you do not have permission to access
  // it", Onshape's 403) leaves the choice to the status: under a 403 the server chose the refusal.
  if (strong === 'not_found' && status === 403 && namesPermission(all)) return undefined;
  // A 500 that names a field left blank or a mandatory field missing is the request's fault, sent with the wrong status
  // (Lightspeed Restaurant's 500 `{"code":"11402","description":"Type id is a mandatory field"}`).
  if (strong === 'validation_failed' && status === 500 && namesBlankField(all)) return strong;
  // A server that answered, and says a connection failed, speaks of its own upstream, as a proxy does
  // (Proxmox's 595 "Errors during connection establishment, proxy handshake: Connection refused", its 596
  // "… Connection timed out"): the caller's request arrived, so the failure is a gateway's.
  if (status >= 500 && (status < 502 || status > 504) && (strong === 'connect_failed' || any === 'service_unavailable')) {
    const w = paddedWords(all ?? '');
    if (strong === 'connect_failed' || w.includes(' connection refused ')) return upstreamFailure(w);
    // A 500 that says what it needs is not available and to come back later is unavailable, not broken (Algorand
    // indexer's "Indexer DB is not available, try again later.").
    if (status === 500 && / not available /.test(w) && / try again later /.test(w)) return 'service_unavailable';
  }
  // A proxy's 502, 503 or 504 is what it says; words only add that the service sheds load or limits.
  if (status >= 502 && status <= 504) {
    return strong !== undefined && GATEWAY_OVERRIDES.has(strong) ? strong : undefined;
  }
  // Under a 400, "not allowed" is said of a value in the request ("address_location_not_allowed"): only
  // words that name a permission or a scope carry one there (OAuth's token errors are all 400s, RFC 6749
  // §5.2 invalid_scope; Meta's Graph sends "(#200) Permissions error" as a 400).
  // So under a 409: what is "not allowed" there is the resource's state (App Store Connect's 409
  // `ENTITY_ERROR.RELATIONSHIP.INVALID.NOT_ALLOWED`, "Only one appStoreVersion can be present").
  // So under a 422 whose errors name their fields: "This field is not allowed" is said of a field (Coolify's Laravel 422).
  if (strong === 'permission_denied' && (status === 400 || status === 409 || (status === 422 && fieldNamed)) && !namesPermission(all)) return undefined;
  // "Not supported" under a 400 or 422 is a value the server refuses ("a value specified for a secondary index
  // key is not supported"), not a missing feature: that is what 501 and 405 say. So under a 415, which names what is not
  // supported: the request's media type (OpenProject's `urn:openproject-org:api:v3:errors:TypeNotSupported`).
  // Only "not implemented" says it of the server itself, under any status (eLabFTW's 400 "API v3 is not implemented yet!").
  if (strong === 'not_implemented' && (status === 400 || status === 422 || status === 415) && !namesMethod(all) && !paddedWords(all ?? '').includes(' not implemented ')) return undefined;
  // A JSON parser's complaint under a 4xx is the server's about the request body it could not read
  // (Express body-parser's 400 "Unexpected token } in JSON at position 42"): the status says which.
  if (strong === 'malformed_response' && status < 500) return undefined;
  // Nor is a client's failure to parse an edge's page under a status past 504 (Cloudflare's 524 timeout page, which an R
  // client printed as "Unexpected content type 'text/html'"): the status says what the edge meant.
  if (strong === 'malformed_response' && status > 504) return undefined;
  // Nor is "not found" under a 400: what is missing is named by the request (a field, a directory, an
  // app id it passed), and a missing resource would have been a 404. A missing URL or route is the 404's own
  // meaning, whatever status a framework wrapped it in (Razorpay's 400 "The requested URL was not found"); so is
  // a vendor code that itself says not found (OpenAI-compatible servers' 400 `model_not_found`).
  if (strong === 'not_found' && status === 400 && !namesRoute(all) && meaningOf(vendorCode).strong !== 'not_found') return undefined;
  // A 400 whose errors each name their field is a field-level rejection, whatever its words (Paddle's
  // `bad_request` with `errors: [{field, message}]`, GoCardless' `errors[].field`): the catalog's validation_failed.
  if (fieldNamed && status === 400 && strong === undefined) return 'validation_failed';
  // A 422 whose words say its body was no JSON at all (FarmBot's "That request was not valid JSON.") was refused before
  // any field was read: the request was malformed, though the status names a field-level rejection.
  if (status === 422 && strong === undefined && /\b(?:not valid|invalid|malformed) json\b/i.test(all ?? '')) return 'invalid_request';
  // Field-level words sharpen a 400 into validation_failed; under any other status they add nothing.
  if (strong === 'validation_failed' && status !== 400) return undefined;
  // A 409 that says "already exists" is the sharper of the two 409 codes; a weak meaning is the status's own.
  return strong === fromStatus ? undefined : strong;
}

/**
 * The retry a meaning carries beyond its code's default: a request refused for clock skew ("Request
 * time too skewed", "clock skew") was signed at a time outside the server's window, and signed again
 * once the clock is corrected it succeeds, so the AWS SDKs retry it (aws-sdk-js-v3
 * service-error-classification CLOCK_SKEW_ERROR_CODES; RequestTimeTooSkewed in every SDK).
 *
 * @example
 * ```ts
 * retryByMeaning('unauthenticated', 'RequestTimeTooSkewed'); // 'always'
 * retryByMeaning('unauthenticated', 'Invalid API key'); // undefined
 * ```
 * @internal
 */
export function retryByMeaning(code: FaultCode | undefined, text: string | undefined): RetryClass | undefined {
  // Both phrases hold "skew": a text without it (nearly every 401) is not cut into words. The `u` flag
  // folds case as lower-casing the words does (the Kelvin sign is a `k` to both).
  if (code !== 'unauthenticated' || text === undefined || !/skew/iu.test(text)) return undefined;
  const w = paddedWords(text);
  return w.includes(' too skewed ') || w.includes(' clock skew ') ? 'always' : undefined;
}
