/**
 * The lexicon's table: what vendors' words mean, in the order the rules are tried (the most telling
 * first). Kept apart from the matcher (./lexicon.ts) so the words can be read and reviewed as data.
 */
import type { FaultCode } from '../../core/catalog.js';

/**
 * `code: 'phrase|phrase'`, tried in order. A phrase matches at a word start: `" throttl"` matches
 * "throttled" and "throttling"; a trailing space asks for the whole word (`"credit "`, not
 * "credentials"). `&` joins phrases that must all appear.
 * @internal
 */
/**
 * A runtime's own error words, leaked as a server's message: JavaScript's TypeError (Etherpad's `{"code": 2, "message":
 * "createHTTPError.notFound is not a constructor"}`, `Cannot read properties of null (reading 'deleted')`), PHP's notice
 * (OPNsense's "BaseField.php:334 - Array to string conversion (errno=8)"). The lexicon's first rule; weak as every
 * `internal` is, so codeByMeaning reads them again to let them stand over a sharper meaning where no status says otherwise.
 * @internal
 */
export const RUNTIME_WORDS = 'is not a constructor|is not a function|is not defined|cannot read propert|array to string conversion|referenced before assignment|not associated with a value|object has no attribute';

export const RULES: readonly (readonly [FaultCode, string])[] = [
  // A thing that cannot go while something else holds it is in the wrong state, before its nouns read as
  // anything else ("The capacity group cannot be removed while active numbers are assigned to it"); so is one whose
  // status forbids the next (Yandex Market's "Order 100000 with status CANCELLED is not allowed for status PROCESSING"), or
  // that something else must go first (OSF's 400 "Any child components must be deleted prior to deleting this project.").
  // HTTP 405's reason phrase as an API's code or message (JW Player's `method_not_allowed`), before "not allowed" reads as a permission.
  ['not_implemented', 'unknown method|unsupported action|method not allowed|method is not allowed|get not supported|post not supported|put not supported|patch not supported|delete not supported'],
  // A TLS certificate the client could not verify: no connection was made (curl's "SSL certificate problem: unable to get
  // local issuer certificate", OpenSSL's "certificate verify failed"), before its words read as anything else.
  ['connect_failed', 'ssl certificate problem|certificate verify failed|tls connect error|ssl connect error|certificate signed by unknown authority|unable to get local issuer certificate|self signed certificate in certificate chain'],
  // A runtime's error leaked as the message is the server's own code failing, before the names in it read as anything
  // else (see RUNTIME_WORDS).
  ['internal', RUNTIME_WORDS],
  // A captcha token already checked or too old (reCAPTCHA's `timeout-or-duplicate`): no retry of it can pass, before "duplicate" and "timeout" read alone.
  // So is a thing that "no longer exists", before "exists" reads as a duplicate (OpenBroadcaster's "This player no longer exists.").
  ['gone', 'timeout or duplicate|no longer exist'],
  // An idempotency key sent again with another request (Stripe's "Keys for idempotent requests can only be used with the
  // same parameters they were first used with."): the key's first request holds it.
  // An Ethereum transaction whose nonce the account has used (geth's "nonce too low"), and a thing still being deleted
  // (Azure Storage's ContainerBeingDeleted), are in the wrong state for the request; so is a document a language server
  // saw change under the request (LSP's -32801 "Content modified.").
  ['conflict', 'idempotent requests can only be used|while a run&is active|is used by|acquire the lock|acquire lock|cannot delete&with active|are used by|still used by|object has been modified|transaction has been aborted|must be deleted prior|must be deleted before|must be removed before|not allowed for status|cannot be removed while|cannot be deleted while|can not be deleted while|can t be deleted while|can t be removed while|not pending|insufficient stock|exceeds available stock|wrong expected version|still running|overlapping|last admin|last administrator|stale data|cannot be cancelled|cannot be canceled|can not be cancelled|can t be cancelled|cancellation not possible|nonce too low|is being deleted|content modified|need to delete'],
  // Zod's words for a value out of its bounds ("too_big: utm_source: Too big: expected string to have <=255 characters"):
  // a field's value, before "too big" reads as the request's size.
  // So are Python jsonschema's for a field not expected ("Additional properties are not allowed ('foo' was unexpected)"),
  // before "not allowed" reads as a permission.
  // So is Discord's 50035 "Invalid Form Body", whose fields' own errors follow ("…[SELECT_COMPONENT_OPTION_VALUE_DUPLICATED]:
  // The specified option value is already used"), before their words read as anything else.
  ['validation_failed', 'too big expected|too small expected|additional properties are not allowed|invalid form body'],
  ['payload_too_large', 'payload is too big|attempted to read more than|payload exceeds|size exceeds|max size|size &exceeds the limit|request size|request was too large|request is too large|maximum file size|file size cap|request too large|response too large|result too large|too large body|payload too large|entity too large|body too large|file too large|image too large|pdf too large|document too large|attachment too large|upload too large|content too large|message too large|message is too large|batch too large|maximum of &per request|in a single request|too big |maximum size|size limit|kb limit|mb limit|gb limit|byte limit|bytes limit|max complexity|maximum complexity|max depth|maximum depth|contents too large|size too large|file is too large'],
  // A token budget per minute or second is a throttle, though the text adds "too many tokens" (a TPM window refills).
  ['rate_limited', 'tokens per minute|tokens per second|tokens per min |tokens per sec |tpm limit'],
  // A daily token allowance (Bedrock's ThrottlingException "Too many tokens per day, please wait before trying again."),
  // before "too many tokens" reads as a prompt too long.
  ['quota_exhausted', 'tokens per day'],
  ['context_length_exceeded', 'context length|context window|maximum context|context limit|context size|too many tokens|prompt is too long|input is too long|input too long|prompt too long|token limit|input token count|tokens exceed|max new tokens|exceeds the token|maximum number of tokens|sequence length|max seq len|n ctx|max sampled tokens'],
  ['content_filtered', 'violate our terms|violates our terms|usage guidelines|blocked output|output blocked|content policy|content policies|content filter|content management policy|safety system|safety settings|responsible ai|moderation|moderated|flagged|blocked by content|blocked by safety|prohibited content|inappropriate content|content exists risk'],
  // An allowance counted over a day is spent until it resets, though the text suggests a paid plan to raise it
  // ("Developer accounts are limited to 100 requests over a 24 hour period … upgrade to a paid plan"); so is one whose
  // server says to come back tomorrow under a 429 (transport.opendata.ch's "… please try again tomorrow").
  // So is a cap on a day's count (Discord's 30034 "Max number of daily application command creates has been reached (200)").
  ['quota_exhausted', 'try again tomorrow|requests today|daily credit|billing period|24 hour period|24 hours period|requests per day|calls per day|requests per month|calls per month|number of daily'],
  // Credits that refill each minute are a throttle, though they are called credits (Twelve Data: "run out of API credits for the current minute").
  ['rate_limited', 'credits &current minute|credits &per minute|credits &next minute|credits &sec |credits &second |credits &per second'],
  // Google's call with no key at all ("Method doesn't allow unregistered callers"), before a client's guess that billing is off reads as payment.
  ['unauthenticated', 'unregistered callers'],
  // OpenAI's insufficient_quota in words ("You exceeded your current quota, please check your plan and billing details."),
  // as SDKs print it without its code: a spent allowance, as CATALOG.md reads insufficient_quota, before billing reads as payment.
  ['quota_exhausted', 'exceeded your current quota|billing hard limit'],
  ['payment_required', 'in free plan|premium access required|not paid for|active subscription required|no active subscription|premium membership|free plan allows|on the free plan|payment required|payment is required|insufficient margin|payment failed|payment declined|billing|credit |credits |credit balance|out of credit|insufficient funds|insufficient available funds|insufficient available balance|insufficient balance|insufficient credit|balance is too low|balance too low|spending limit|spend limit|spending cap|card declined|card was declined|top up|add funds|paid plan|balance not enough|not enough balance|exhausted balance|recharge|was declined|been declined|arrearage|in arrears|overdue payment|overdue balance|good standing|do not honor|declined |past due|premium functionality|premium feature|premium plan|premium account|premium subscription|not premium|requires premium|upgrade to premium|subscription has expired|subscription expired|subscription is expired|plan has expired|plan expired|zero balance|balance is zero|negative balance|subscription is not active|subscription is inactive|subscription inactive|license has expired|license expired|licence has expired|licence expired'],
  ['rate_limited', 'insufficient tokens for quota|resource has been exhausted e g check quota|quota &per minute|quota &per second|quota &per min |quota &requests per|quota &tokens per|quotas &per minute'],
  // A window of a day or more is an allowance, whatever else the text calls it ("Rate limit exceeded: free-models-per-day",
  // Upstash's "ERR max requests limit exceeded", its monthly request count (upstash.com/docs/redis/troubleshooting/
  // max_requests_limit; RudderStack's 429 "max requests limit reached" is a throttle); OpenRouter's key "(total limit)"),
  // Yandex Market's 420 "Hit rate limit of 10 000 points per 1 day for resource …").
  ['quota_exhausted', 'total limit|max requests limit exceeded|per 1 day|per 1 month|daily threshold|weekly limit|weekly &limit |monthly &exceeded|developer over rate|monthly limit|daily limit|in the last day|in the last 24 hours|previous 24 hours|past 24 hours|daily &limit |daily &limits |monthly &limit |daily quota|limit for the month|limit for the day|per day|per month|every day|each day|every month|for today|pull rate limit'],
  // A rate limit said to be exceeded is a throttle, though the text adds "quota" ("Job exceeded rate limits: … exceeded quota").
  // So is a cap on requests in flight, though the text suggests an upgrade to raise it ("Too many concurrent requests … upgrade").
  // Azure Storage's ServerBusy "Egress is over the account limit." (ingress, egress, operations per second): the account's
  // throughput target, a throttle.
  ['rate_limited', 'throttled out|queries exceeded|access is too fast|is throttled|max concurrent|calls per second|requests per second|rate limit exceeded|rate limits exceeded|exceeded rate limit|exceeded the rate limit|exceeds the rate limit|too many concurrent|too many simultaneous|too many tasks|concurrent request|concurrency limit|concurrent api|concurrent quota|concurrent session|concurrent connection|concurrent stream|concurrent job|parallel sessions|parallel tests|parallels are|over the account limit'],
  ['quota_exhausted', 'quota |quotas |reached maximum number|reached the maximum number|reached the maximum amount|resource limit|usage limit|plan limit|storage limit|bandwidth limit|allowance|total request|limit&upgrad|insufficient storage'],
  ['rate_limited', 'banned you temporarily|too quickly|please wait &second|parallel requests|enhance your calm|too frequency|too frequent|frequency is too high|frequency too high|rate limit|ratelimit|over query limit|qps |flood control|flood wait|for flooding|too many request|too many&attempts|too many successive|toomanyrequests|throttl|slow down|slowdown|per 1 minute|per 1 second|frequency limit|requests per|calls per|per second|per minute|request limit|exceeded limit|exceeded the limit|tokens per min|concurrency limit|concurrent request|concurrent api|limit exceeded|limit reached|usage reached|rate exceeded|request rate|secondly limit|provisioned throughput|throughput exceeded|too many write|too many operation|too many calls|too many api calls|too many concurrent|too many visit|excessive request|too frequent|too often|number of api request|number of api call|calls limit|call limit'],
  ['overloaded', 'low on memory|no slot available|no idle workers|overload|capacity|server is busy|servers are busy|too busy|busy |high demand|heavy load|load too high|too much load|rejected execution|shedding'],
  // Go's resolver (`dial tcp: lookup api.example.com: no such host`, `… server misbehaving`): no connection was made,
  // before "no such" reads as a missing resource. (A dial that timed out may be a gateway's upstream: not here.)
  ['connect_failed', 'no such host|server misbehaving|temporary failure in name resolution|name or service not known|nodename nor servname|tunneling socket could not be established'],
  // Expat's "not well-formed (invalid token)": the client's XML parser on a page that is no XML, before "invalid token" reads as a credential.
  ['malformed_response', 'not well formed invalid token|did not return json|no xml document|decode json|decoding json|unexpected content type'],
  // Whose the thing is, said beside its existing ("this crate exists but you don't seem to be an owner"); and an
  // allowlist of addresses, before "Unauthorized IP Address" reads as a credential (Transmission's RPC whitelist).
  // Elasticsearch's 403 security_exception "action [indices:data/read/search] is unauthorized for user [x]": a user it
  // knows, an action its roles do not grant, before "unauthorized" reads as a credential.
  // An account or organisation the vendor has switched off is known and refused (Anthropic's 400 "This organization has been
  // disabled."); so is a Google API "not used in project … before or it is disabled" (SERVICE_DISABLED as its text), before
  // the hint to "check your authentication settings" reads as a credential.
  ['permission_denied', 'unauthorized for user|organization must be verified|not accessible by integration|not admin|not an admin|plan does not support|plan does not include|not included in your plan|not agreed to|agree to terms|agree to the terms|accept the terms|accepted the terms|required terms|invalid ip address|lacks &permission|attention required cloudflare|unauthorized client|unavailable to this user|unavailable to the user|not available to this user|not available to your account|unauthorized ip|ip address whitelist|ip whitelist|ip allowlist|ip blacklist|blacklisted|not in whitelist|not in the whitelist|not whitelisted|not in allowlist|not in the allowlist|not allowlisted|not an owner|not the owner|be an owner|not enabled for|not for requested api|not for the requested api|not been granted|not granted|organization has been disabled|organization is disabled|organisation has been disabled|account has been disabled|account is disabled|has not been used in project'],
  // A write whose condition failed, though its words name what exists (SimpleDB's ConditionalCheckFailed "Conditional check
  // failed. Attribute (instanceId) value exists"), before `exists` reads as a duplicate.
  ['precondition_failed', 'conditional check failed|conditional request failed'],
  // Read before already_exists, whose `exists` the same words hold ("Collection [x] does not exists", `CollectionNotExists`).
  // And a thing said not to exist "or you do not have permissions" before the permission rules read that hedge.
  // So is ClickHouse's UNKNOWN_TABLE (60, a 404 in its own exceptionCodeToHTTPStatus), whose message names the query's
  // "scope", before that word reads as a permission.
  ['not_found', 'did not match any existing|does not match any existing|does not exists|not exists|does not exist or|do not exist or|doesn t exist or|similar object exists|unknown table|not a valid model'],
  ['already_exists', 'exists |non unique name|already associated with|already present|already signed up|already exist|already initialized|already initialised|username taken|name is taken|already a child|unique constraint|unique violation|already a member|already a user|already a list member|already a subscriber|already subscribed|already a collaborator|already shared|already loaded|already installed|already taken|already been taken|already in use|already used|already registered|already been registered|already been created|already been added|already added|already started|already have a |already have an |duplicate|exists already|resource exists|must be unique|uniqueness|already has access|already an account|already reviewed|already been received|already voted|already linked|email address is in use|email is in use|email in use|you already own|already reacted'],
  // So are rights the caller lacks, though the text names who was authenticated (ODK Central's 403.1 "The authenticated
  // actor does not have rights to perform that action.").
  ['permission_denied', 'not allow you to|api not enabled|api disabled|action is unauthorized|only administrator|api access disabled|api has been disabled|api is not enabled|not have rights|have no rights|no rights to|insufficient rights|not have the rights|not allowed&api key|not permitted&api key|unauthorized product|unauthorized operation|not authorized to perform|not authorised to perform|not authorised to access|not authorised to use|insufficient scope|missing scope|required scope|scope |scopes |does not have permission|not have permission|does not have access|does not have &access to|not authorized to access|not authorized to use|not authorized for|forbidden to perform|is forbidden to|can t access this|cannot access this resource|don t have access|do not have access|doesn t have access|doesn t have api access|not have api access|have no access|has no access|isn t authori|aren t authori|security constraint|missing permission |insufficient api permission'],
  ['unauthenticated', 'wrongpass|noauth|missing auth token|certificate was sent|bad password|totp |e mail or password|email or password|signature validation|account or password|incorrect account|auth error|relogin|wrong verification token|invalid verification token|bad authorization|invalid passcode|wrong passcode|incorrect passcode|wrong key |mfa |user and or password|token is not valid|signature not match|2fa |otp code|otp token|invalid otp|otp is|otp has|otp expired|otp required|wrong otp|one time password|two factor|token corrupted|integration key|no org id|session terminated|session ended|session has ended|re login|user token|login parameter|app key |checksum security|signature &not valid|signature error|oauth timestamp|oauth signature|oauth parameter|oauth nonce|oauth consumer|authorize token|authorise token|invalid refresh token|session is invalid|developer inactive|invalid application id|invalid app id|appkey|no valid key|input secret|secret missing|authorization key|login invalid|invalid login|no such token|token not found|need a token|token required|missing token|token is missing|token missing|key not authorised|key not authorized|authorization field|authorization missing|signature has expired|signature expired|expired signature|api key|apikey|invalid license key|license key is invalid|or license key|subscription key|api token|api secret|access key|secret key|invalid key |invalid token|access token|expired token|token expired|token has expired|token is expired|token is invalid|token invalid|token not valid|jwt|bearer|unauthenticated|unauthorized|unauthorised|authenticat|credentials|invalid client|client secret|invalid grant|authorization grant|invalid signature|signature does not match|security token|invalid session|session expired|session has expired|session is not valid|session not valid|password has expired|expired password|too skewed|clock skew|login required|not logged in|must log in|must be logged in|log in first|login first|please log in|please login|missing authorization|authorization header|auth header|basic auth|auth failed|auth failure|signature failure|invalid auth|no auth|sign in|revoked|invalid nonce|nonce is too small|nonce too small|passphrase|incorrect login|login incorrect|credential required|credentials required|credential is required|verify token|verify the token|token verification|wrong token|incorrect token|token is incorrect|token is wrong|password is incorrect|password is invalid|password is wrong|password is not valid|incorrect password|wrong password|invalid password|username or password|user name or password|username and or password|invalid username|password invalid|password failed|password incorrect|signature mismatch|session needs to be refreshed|login again|log in again|session id not found|session not found|id and password|user id or password|illegal secret|invalid secret|wrong secret|secret is invalid|need login|need to login|need to log in|tokens invalid|expired session|empty token|invalid verification code|wrong verification code|incorrect verification code|challenge token|bad token |wrong username|signature is invalid|timestamp has expired|http basic|token is disabled'],
  // A thing said not to exist is not found, though the text hedges "(or perhaps you don't have permission)".
  // So is one said not to be found "or access denied": the catalog's not_found covers what is hidden from the caller.
  ['not_found', 'does not exist|do not exist|doesn t exist|don t exist|did not exist|not found or'],
  ['permission_denied', 'privacy error|incapsula incident|is not verified|not been verified|sending paused|account is paused|account paused|forbidden|authorization error|permission|not permitted|not allowed|access denied|denied |not authori|insufficient scope|privilege|row level security|restricted|suspended|banned|blocked|readonly mode|read only mode|does not own|do not own|account is locked|account has been locked|user is locked|has been locked|in demo mode|demo app|action prohibited|notallowed'],
  ['precondition_failed', 'compare failed|precondition|etag mismatch|etag does not match|if match|condition not met|conditional check failed|conditional request failed'],
  // A region the service will not serve, before "not supported" reads as a missing feature (the Gemini API's 400 "User
  // location is not supported for the API use.", as OpenAI's unsupported_country_region_territory).
  ['permission_denied', 'user location is not supported|country region or territory not supported'],
  ['not_implemented', 'not implemented|not support |unimplemented|not supported|unsupported operation|method not allowed'],
  // GitHub GraphQL's words for a node it cannot find ("Could not resolve to a Repository with the name 'o/r'."), and
  // Stripe's for a path no endpoint has ("Unrecognized request URL (GET: /v1/customers/).").
  ['not_found', 'could not resolve to a |unrecognized request url'],
  // So is a range with no data in it (NOAA CO-OPS' client: "No data returned for conductivity product between …"), and
  // Django's Http404 from get_object_or_404 ("No Epic matches the given query.", as Taiga sends it).
  ['not_found', 'matches the given query|nothing found|not in the database|not in database|layer not defined|style not defined|not found|couldnt find|cant find|doesnt exist|dont exist|didnt find|unknown object|no such|no &found |doesn t exist|not exist|unknown resource|could not find|cannot find|can not find|unable to find|can t find|couldn t find|couldn t be found|could not be found|cannot be found|can not be found|can t be found|no route|match any route|null for uri|requested url &not available|unknown account|0 rows|no rows|no information available|no data returned for|user unknown|notfound '],
  // A thing someone else owns, after "not found" has had its say (Wallos' "Subscription not found or does not belong to you."
  // hedges, and a missing thing is the sharper answer there): OpenFarm's "You can only update gardens that belong to you.".
  ['permission_denied', 'belong to you|belongs to you'],
  // A bot or user outside the channel it writes to (Slack's `not_in_channel`, as its SDKs print it alone).
  ['permission_denied', 'not in channel'],
  // What a trial account may not do (Twilio's 21608 and 21219: "The number … is unverified. Trial accounts may only make calls
  // to verified numbers."): the account, not the request, is refused.
  ['permission_denied', 'trial accounts cannot|trial accounts may only|trial accounts can only'],
  // Kubernetes' reason Expired (410) as kubectl prints it ("Error from server (Expired)") and the apiserver words it.
  ['gone', 'gone |decommission|no longer available|has been deleted|was deleted|from server expired|too old resource version'],
  // A node still building what it serves answers once it has (geth's "transaction indexing in progress", an Ethereum node's
  // "… not available yet, because the ancient block sync is still in progress"), before "in progress" reads as a conflict.
  ['service_unavailable', 'indexing in progress|indexing is in progress|sync is still in progress|sync is in progress'],
  ['conflict', 'conflict|is not running|isn t running|invalid transition|transition to state|transition from|cannot transition|can not transition|can t transition|not a valid transition|version constraint|concurrent modification|locked|lock timeout|being modified|in progress|version mismatch|state transition|invalid state|wrong state|in use |already '],
  // Python clients' words for a connection never made: aiohttp's "Cannot connect to host … [Connect call failed …]",
  // urllib3's "Failed to establish a new connection"; urllib's URLError, which it raises only when no response came
  // (`<urlopen error [Errno -3] Try again>`: a response's error is an HTTPError).
  ['connect_failed', 'urlopen error|connection failed|connect to the origin|connect to origin|cannot connect to host|connect call failed|failed to establish a new connection|connection timed out|connect timed out|connect timeout|connect etimedout|econnrefused|enotfound|eai again|getaddrinfo'],
  // A connection that broke after the request went out, as clients print it (Go's `Post "…": EOF`, node's "socket hang up").
  ['connection_reset', 'connection reset|empty reply from server|reset by peer|socket hang up|broken pipe|premature close|eof |econnreset|epipe '],
  // Bitcoin Core's RPC while it warms up (RPC_IN_WARMUP, -28: "Loading block index…", "Verifying blocks…"), as its forks
  // word it too: the node answers once it has started.
  ['service_unavailable', 'loading block index|node is behind|verifying blocks|rewinding blocks|worker process not running|worker not running|workers not running|backend fetch failed|transport is closing|transient failure|no healthy upstream|upstream connect error|connection failure|connection refused|no available server|no server is available|no nodes available|no node available'],
  ['gateway_timeout', 'timely response|no reply within|timed out waiting for|timed out while waiting for|backend request timed out|gateway timeout|exceeded the maximum allowed time|gateway time out|first byte timeout|invocation timeout|backend timeout|upstream timeout|upstream request timeout|deadline exceeded|endpoint request timed out|taking longer than|processing timeout|respond to your request in time'],
  // A scraping or screenshot API whose fetch of the target failed or was blocked is a proxy whose upstream failed
  // (ScrapingAnt's 423 "The anti-bot detection system has detected the request", ZenRows' 422 "Could Not Get Content").
  ['bad_gateway', 'anti bot detection|antibot detection|target website|target site|could not get content|failed to forward|proxying|bad gateway|connection lost|failed to respond|did not respond|didn t respond|upstream error|upstream service error|invalid response from|upstream returned|upstream sent|origin error|error contacting'],
  // urllib3's "Read timed out. (read timeout=5)": the client's own deadline, not the server's.
  // So are axios's "timeout of 5000ms exceeded", a fetch aborted by `AbortSignal.timeout` ("The operation was aborted
  // due to timeout") and .NET HttpClient's "timed out after 100000ms".
  // So are .NET's: WebException's "The operation has timed out.", HttpClient's "… due to the configured HttpClient.Timeout of
  // 100 seconds elapsing".
  ['client_timeout', 'socket timeout|network timeout at|read timed out|timed out after|timeout of &exceeded|aborted due to timeout|operation has timed out|configured http client timeout'],
  ['request_timeout', 'request timeout|timed out|timeout|time out|took too long'],
  // Bedrock's ServiceUnavailableException says so in its words alone ("Bedrock is unable to process your request."), as
  // the CLIs that wrap it print it.
  ['service_unavailable', 'unable to process your request|unavailable|is offline|not available right now|service not available|services not available|service is not available|services are not available|service isn t available|services aren t available|maintenance|temporarily|try again|not ready|starting up|outage|down for|service is down'],
  // A request the server could not parse is refused before any field is checked: "malformed" outranks the field words after it.
  // A reply the client could not read is the response's fault, not the request's.
  // So is a JSON parser's complaint with no status beside it: V8's on a page whose first character is no JSON
  // ("Unexpected token < in JSON at position 0"), V8's on a cut body, Ruby's ("784: unexpected token at '200'").
  ['malformed_response', 'doctype is not valid json|html is not valid json|syntax error unexpected token|unexpected character at character 1|in json at position 0|unexpected end of json|unexpected token at |error decoding &response|expected json but|lexical error|invalid char in json|json decode error|unable to parse response|failed to parse response|could not parse response|cannot parse response|error parsing response|parse the response|parsing the response|no json object could be decoded|expecting value line 1 column 1|not in json format|response is not json|not a valid json response|invalid json response|unexpected response format|decode content encoding|gzip invalid header|decode it as json|invalid json from|invalid json or xml|looking for beginning of value|response has no content'],
  ['invalid_request', 'malformed|can not be parsed|invalid json|no json|valid json|deserializ|unmarshal|cannot decode|could not decode|unable to decode|required parameter|parameter is required|no recipients|expected format|parse error|could not be parsed|cannot be parsed|could not parse|failed to parse|unable to parse|syntax error|unsupported value type|faulty parameter'],
  // A field left blank is a field's rejection (Rails' "can't be blank"); a body "cannot be empty" is the request's.
  // Python jsonschema's own words for a field left out ("'hosts' is a required property"), as StackStorm and DoorDash's
  // CLI relay them.
  ['validation_failed', 'is a required property|does not validate against|against the schema|cannot be blank|can t be blank|must not be blank|mandatory field|validation|schema violation|unprocessable|invalid field|required field|is required|fields are required|must be|invalid value|bad value|non existent'],
  // gRPC's INVALID_ARGUMENT says the request was bad, not which field: the status class, as common-codes reads it.
  // So do "invalid input", "invalid parameter" and "missing (required) parameter" (AcoustID's "missing required parameter
  // \"client\""), and a member the server's decoder does not know (Go's `json: unknown field "reusable:"` from a decoder
  // that disallows unknown fields): the catalog's validation_failed is a rejection by field, and a body whose errors name their fields is
  // read as one whatever its words.
  ['invalid_request', 'invalid input|invalid parameter|bad argument|illegal argument|missing parameter|missing required|parameter error|parameter verification|unsupported document|unsupported format|unsupported file|unsupported content type|unsupported media type|param error|error param|invalid request|bad request|invalid argument|unknown variable|unknown parameter|unknown field|wrong input|parameters are missing|missing or incorrect|unknown command'],
  // A runtime's own error leaked as the message (`Cannot read properties of null (reading 'deleted')`, Python's
  // "'NoneType' object is not subscriptable"): the server's code failed, whatever the request was.
  // So does a device's own failure (a Hikvision camera's ISAPI `<statusString>Device Error</statusString>`).
  ['internal', 'undefined array key|out of memory|failed to write|write failed|unhandled exception|error on server side|undefined index|undefined offset|call to undefined|could not execute statement|assertion failed|nonetype object|nullpointerexception|null pointer exception|internal|server error|server failed|server call failed|unexpected condition|unexpected error|unknown error|database error|database failure|generic error|general error|unknown exception|exception occured|exception occurred|something went wrong|system error|caught exception|failed to execute|application error|device error|exception while fetching data|couldn t save to|could not save to|unable to save to|failed to save to'],
  // Last: a text that calls something invalid or missing and says nothing sharper ("Invalid reply token",
  // "payment_session_id is not present or is invalid", "Missing 'num_before' argument") refused the request;
  // weak, so only a body with no status takes it. So does one that calls it wrong (POEditor's "Wrong language code") or a
  // mismatch (OAuth's `redirect_uri_mismatch`).
  // So does one that names what it left out or did not expect (Medium's "No content specified.", "Unexpected fields specified.").
  // So does one that puts a value beyond what the server allows (Geotab's "Supplied results limit (50001) exceeds maximum
  // limit (50000).", GBIF's "maximum offset allowed is 200000") or asks for what it left out (VNPAY's "Parameter required",
  // Fabric CA's "No identity type provided. Please provide identity type"); so does a transaction whose fee is under a
  // node's minimum (Bitcoin Core's "mempool min fee not met", Esplora's "min relay fee not met").
  ['invalid_request', 'invalid |missing |must supply|is empty|is illegal|incorrect |no &provided|not recognized|not recognised|fee not met|not valid |not a valid |wrong |mismatch|unexpected field|not specified|no &specified |exceeds maximum|exceeds the maximum|maximum offset|please provide|expects one parameter|expects a parameter|parameter required'],
];

/**
 * Codes that say no more than "the request was bad" or "the server failed": the status knows better.
 * @internal
 */
export const WEAK: ReadonlySet<FaultCode> = new Set<FaultCode>(['invalid_request', 'internal', 'request_timeout', 'service_unavailable']);

/**
 * What Chinese vendors write, by meaning, in the order tried: the same codes as {@link RULES}, matched
 * as substrings because the words are not spaced. Only a text holding Han characters is looked at.
 * The words are the vendors' own error tables': Zhipu's (docs.bigmodel.cn/cn/faq/api-code: 1113
 * "您的账户已欠费,请充值后重试", 1302 "并发数过高", 1304 "已达今日调用次数限额", 1301 "不安全或敏感内容",
 * 1261 "Prompt 超长"), Tencent Cloud's (cloud.tencent.com/document/product/1240/100406: "请求过于频繁",
 * "超过并发限制", "未授权操作", "系统内部错误") and Huawei Cloud's ("余额不足").
 * @internal
 */
export const HAN_RULES: readonly (readonly [FaultCode, string])[] = [
  ['context_length_exceeded', '超长|上下文长度|最大长度|最大上下文'],
  ['content_filtered', '敏感|不安全|内容安全|违规内容|内容审核'],
  ['payment_required', '余额不足|余额已用完|欠费|充值'],
  ['quota_exhausted', '今日|每日|每周|每月|使用上限|额度已用完|配额不足'],
  ['rate_limited', '频率|频繁|限流|并发|速率限制|流量限制|次数限制|请求过多|流控'],
  ['overloaded', '访问量过大|繁忙|负载过高'],
  ['unauthenticated', '鉴权|认证|身份验证|令牌|密钥|会话过期|重新登录|未注册'],
  ['permission_denied', '无权|权限|未授权|禁止|锁定|封禁'],
  ['not_found', '不存在|未找到'],
  ['already_exists', '已存在|重复'],
  ['request_timeout', '超时'],
  ['service_unavailable', '服务不可用|暂不可用|维护'],
  ['invalid_request', '参数'],
  ['internal', '内部错误|系统错误|服务器错误'],
];
