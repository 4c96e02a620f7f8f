/**
 * What vendors write, by meaning: the words of error codes and messages ("rate limit", "throttl…",
 * "quota", "insufficient funds", "invalid api key", "no such …", "already exists", "maximum context
 * length", "overloaded", …) mapped to catalog codes, so a vendor no profile knows still gets the
 * right Fault. Codes and messages are cut into lower-case words first (`RATE_LIMIT_REACHED`,
 * `ThrottlingException`, `rate-limited` and "Rate limit reached" read alike), then the rules are
 * tried in order, the most telling first: "Request too large … tokens per min" is a size, never a
 * rate limit; "quota … per minute" is a rate limit, not a spent quota.
 */
import type { FaultCode } from '../../core/catalog.js';

/** Text looked at: a meaning is stated early, and the cap keeps every rule's scan bounded. */
const HEAD = 1024;

/**
 * `code: 'phrase|phrase'`, tried in order. A phrase matches at a word start: `" throttl"` matches
 * "throttled" and "throttling"; a trailing space asks for the whole word (`"credit "`, not
 * "credentials"). `&` joins phrases that must all appear.
 */
const RULES: readonly (readonly [FaultCode, string])[] = [
  ['payload_too_large', 'request too large|payload too large|entity too large|body too large|file too large|too big |maximum size|maximum request size|size limit|kb limit|mb limit|gb limit|byte limit|bytes limit|max complexity|maximum complexity|max depth|maximum depth'],
  ['context_length_exceeded', 'context length|context window|maximum context|context limit|context size|too many tokens|prompt is too long|input is too long|input too long|prompt too long|token limit|input token count|tokens exceed|max new tokens|exceeds the token|maximum number of tokens'],
  ['content_filtered', 'usage guidelines|blocked output|output blocked|content policy|content filter|content management policy|safety system|safety settings|responsible ai|moderation|flagged|blocked by content|blocked by safety|prohibited content|inappropriate content'],
  ['payment_required', 'payment required|payment failed|payment declined|billing|credit |credits |credit balance|out of credit|insufficient funds|insufficient balance|insufficient credit|balance is too low|balance too low|spending limit|spend limit|spending cap|card declined|card was declined|top up|add funds|paid plan'],
  ['rate_limited', 'quota &per minute|quota &per second|quota &per min |quota &requests per|quota &tokens per|quotas &per minute'],
  // A window of a day or more is an allowance, whatever else the text calls it ("Rate limit exceeded: free-models-per-day").
  ['quota_exhausted', 'monthly limit|daily limit|limit for the month|limit for the day|per day|per month|every day|each day|every month|pull rate limit'],
  // A rate limit said to be exceeded is a throttle, though the text adds "quota" ("Job exceeded rate limits: … exceeded quota").
  ['rate_limited', 'rate limit exceeded|rate limits exceeded|exceeded rate limit|exceeded the rate limit|exceeds the rate limit'],
  ['quota_exhausted', 'quota |quotas |usage limit|plan limit|allowance|total request|limit&upgrad'],
  ['rate_limited', 'rate limit|ratelimit|over query limit|too many request|too many&attempts|toomanyrequests|throttl|slow down|requests per|calls per|per second|per minute|request limit|tokens per min|concurrency limit|concurrent request|concurrent api|limit exceeded|limit reached|rate exceeded|request rate|secondly limit|provisioned throughput|throughput exceeded|too many write|too many operation|too many calls|too many api calls|too many concurrent|number of api request|number of api call'],
  ['overloaded', 'overload|capacity|server is busy|servers are busy|too busy|busy |high demand|heavy load|rejected execution|shedding'],
  ['already_exists', 'exists |already exist|already a member|already a list member|already a subscriber|already subscribed|already a collaborator|already taken|already in use|already registered|already been created|duplicate|exists already|resource exists'],
  ['permission_denied', 'not allowed&api key|not permitted&api key|unauthorized product|unauthorized operation|not authorized to perform|insufficient scope|missing scope|required scope|scope |scopes |does not have permission|not have permission|does not have access|not authorized to access'],
  ['unauthenticated', 'api key|apikey|subscription key|api token|api secret|access key|secret key|invalid key|invalid token|access token|expired token|token expired|token has expired|token is expired|token is invalid|jwt|bearer|unauthenticated|unauthorized|unauthorised|authenticat|credentials|invalid client|client secret|invalid grant|authorization grant|invalid signature|signature does not match|security token|invalid session|session expired|session has expired|session is not valid|session not valid|password has expired|expired password|too skewed|clock skew|login required|not logged in|must log in|must be logged in|log in first|login first|please log in|please login|missing authorization|authorization header|auth failed|invalid auth|no auth|sign in|revoked'],
  ['permission_denied', 'forbidden|authorization error|permission|not permitted|not allowed|access denied|denied |not authori|insufficient scope|privilege|row level security|restricted|suspended|banned|blocked'],
  ['precondition_failed', 'precondition|etag|if match|condition not met|conditional check failed|conditional request failed'],
  ['not_implemented', 'not implemented|unimplemented|not supported|unsupported operation|method not allowed'],
  ['not_found', 'not found|no such|doesn t exist|not exist|unknown resource|could not find|cannot find|can t find|no route|0 rows|no rows'],
  // Kubernetes' reason Expired (410) as kubectl prints it ("Error from server (Expired)") and the apiserver words it.
  ['gone', 'gone |no longer available|has been deleted|was deleted|from server expired|too old resource version'],
  ['conflict', 'conflict|concurrent modification|locked|lock timeout|being modified|in progress|version mismatch|state transition|invalid state|wrong state|in use|already '],
  ['connect_failed', 'connect to the origin|connect to origin'],
  // A connection that broke after the request went out, as clients print it (Go's `Post "…": EOF`, node's "socket hang up").
  ['connection_reset', 'connection reset|reset by peer|socket hang up|broken pipe|premature close|eof |econnreset|epipe '],
  ['service_unavailable', 'backend fetch failed|transport is closing|transient failure|no healthy upstream|upstream connect error|connection failure|connection refused|no available server|no server is available'],
  ['gateway_timeout', 'gateway timeout|gateway time out|first byte timeout|invocation timeout|backend timeout|upstream timeout|upstream request timeout|deadline exceeded|endpoint request timed out'],
  ['bad_gateway', 'bad gateway|connection lost|failed to respond|did not respond|didn t respond|upstream error|invalid response from|upstream returned|upstream sent|origin error'],
  ['request_timeout', 'request timeout|timed out|timeout|time out|took too long'],
  ['service_unavailable', 'unavailable|not available right now|service not available|services not available|service is not available|services are not available|service isn t available|services aren t available|maintenance|temporarily|try again|not ready|starting up|outage|down for|service is down'],
  // A request the server could not parse is refused before any field is checked: "malformed" outranks the field words after it.
  ['invalid_request', 'malformed|invalid json|parse error'],
  ['validation_failed', 'validation|schema violation|unprocessable|invalid input|invalid field|required field|is required|must be|invalid value|bad value|invalid parameter|invalid argument|missing parameter|missing required|non existent'],
  ['invalid_request', 'invalid request|bad request'],
  ['internal', 'internal|server error|unexpected error|unknown error|generic error|something went wrong'],
];

/** Codes that say no more than "the request was bad" or "the server failed": the status knows better. */
const WEAK: ReadonlySet<FaultCode> = new Set<FaultCode>(['invalid_request', 'internal', 'request_timeout', 'service_unavailable']);

interface Phrase {
  readonly words: readonly string[];
  /** The last word must be whole; otherwise it is a stem ("throttl" matches "throttling"). */
  readonly whole: boolean;
}

/** Phrases by id; rules as alternatives of phrase ids that must all appear. */
const PHRASES: Phrase[] = [];
const ALTS: { readonly code: FaultCode; readonly all: readonly number[] }[] = [];
/** Phrases of two or more words, by their first word (always whole). */
const BY_FIRST = new Map<string, number[]>();
/** One-word stems by their first three letters; one-word whole words by themselves. */
const BY_STEM = new Map<string, number[]>();
const BY_WORD = new Map<string, number[]>();
/** For each phrase, the alternatives it is part of. */
const ALTS_OF: number[][] = [];

function add(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else list.push(id);
}

// Built once at load: a few hundred phrases, so each text is read in one pass over its words.
for (const [code, spec] of RULES) {
  for (const alt of spec.split('|')) {
    ALTS.push({
      code,
      all: alt.split('&').map((p) => {
        const whole = p.endsWith(' ');
        const words = p.trim().split(' ');
        const id = PHRASES.push({ words, whole }) - 1;
        ALTS_OF[id] = [ALTS.length];
        const head = words[0] as string;
        if (words.length > 1) add(BY_FIRST, head, id);
        else if (whole || head.length < 3) add(BY_WORD, head, id);
        else add(BY_STEM, head.slice(0, 3), id);
        return id;
      }),
    });
  }
}

function matches(tokens: readonly string[], at: number, phrase: Phrase): boolean {
  const last = phrase.words.length - 1;
  for (let j = 1; j <= last; j++) {
    const token = tokens[at + j];
    const word = phrase.words[j] as string;
    if (token === undefined) return false;
    if (j < last || phrase.whole ? token !== word : !token.startsWith(word)) return false;
  }
  return true;
}

/**
 * The first rule a text's words satisfy, and the first that is not weak: one pass over the words,
 * each looked up in three maps, then the rules checked in order against the phrases seen.
 */
function meanings(text: string): { readonly any: FaultCode | undefined; readonly strong: FaultCode | undefined } {
  const list = tokens(text);
  const seen = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const token = list[i] as string;
    const exact = BY_WORD.get(token);
    if (exact !== undefined) for (const id of exact) seen.add(id);
    const stems = token.length >= 3 ? BY_STEM.get(token.slice(0, 3)) : undefined;
    if (stems !== undefined) for (const id of stems) if (token.startsWith((PHRASES[id] as Phrase).words[0] as string)) seen.add(id);
    const firsts = BY_FIRST.get(token);
    if (firsts !== undefined) for (const id of firsts) if (!seen.has(id) && matches(list, i, PHRASES[id] as Phrase)) seen.add(id);
  }
  // The earliest satisfied alternatives: only those a seen phrase belongs to are looked at.
  let any = Infinity;
  let strong = Infinity;
  for (const id of seen) {
    for (const a of ALTS_OF[id] as number[]) {
      if (a >= strong) continue;
      const alt = ALTS[a] as { readonly code: FaultCode; readonly all: readonly number[] };
      if (alt.all.length > 1 && !alt.all.every((p) => seen.has(p))) continue;
      if (a < any) any = a;
      if (!WEAK.has(alt.code)) strong = a;
    }
  }
  return { any: ALTS[any]?.code, strong: ALTS[strong]?.code };
}

/**
 * The lower-case words of a text: `RATE_LIMIT_REACHED`, `RateLimitReached` and "Rate limit
 * reached!" all give `['rate', 'limit', 'reached']`. One pass over at most {@link HEAD} characters.
 * @internal
 */
export function tokens(text: string): string[] {
  const out: string[] = [];
  const end = Math.min(text.length, HEAD);
  let start = -1;
  let prev = 0; // 0 separator, 1 lower/digit, 2 upper
  const cut = (i: number): void => {
    if (start >= 0) out.push(text.slice(start, i).toLowerCase());
    start = -1;
  };
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // A link's path is an address, not a statement ("…/settings/billing" says nothing about billing).
    if (c === 58 && text.startsWith('//', i + 1) && start >= 0 && i - start <= 5) {
      start = -1;
      while (i < end && text.charCodeAt(i) > 32 && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 39) i++;
      prev = 0;
      continue;
    }
    if (c >= 65 && c <= 90) {
      // A capital after a lower-case letter starts a word (camelCase), as does the last capital of a run before one (HTTPError).
      if (prev === 1) cut(i);
      else if (prev === 2) {
        const next = text.charCodeAt(i + 1);
        if (next >= 97 && next <= 122) cut(i);
      }
      if (start < 0) start = i;
      prev = 2;
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127) {
      if (start < 0) start = i;
      prev = 1;
    } else {
      cut(i);
      prev = 0;
    }
  }
  cut(end);
  return out;
}

/**
 * Lower-case words separated by single spaces, with a space at both ends: ` rate limit reached `.
 * @internal
 */
export function words(text: string): string {
  const t = tokens(text);
  return t.length === 0 ? ' ' : ` ${t.join(' ')} `;
}

/**
 * The catalog code a code or message means, or `undefined` when its words say nothing the lexicon
 * knows. `strong` leaves out the codes that say no more than a status would (bad request, internal).
 *
 * @example
 * ```ts
 * meaning('RATE_LIMIT_REACHED'); // 'rate_limited'
 * meaning('Your credit balance is too low to access the API'); // 'payment_required'
 * ```
 * @internal
 */
export function meaning(text: string | undefined, strong = false): FaultCode | undefined {
  if (text === undefined || text === '') return undefined;
  const found = meanings(text);
  return strong ? found.strong : found.any;
}

/**
 * Both readings at once: the first meaning, and the first that says more than a status class.
 * @example
 * ```ts
 * meaningOf('Validation failed: rate limit'); // { any: 'rate_limited', strong: 'rate_limited' }
 * ```
 * @internal
 */
export function meaningOf(text: string | undefined): { readonly any: FaultCode | undefined; readonly strong: FaultCode | undefined } {
  return text === undefined || text === '' ? { any: undefined, strong: undefined } : meanings(text);
}

/**
 * Whether a code is one that only restates a status class (`invalid_request`, `internal`, …).
 * @internal
 */
export function isWeak(code: FaultCode): boolean {
  return WEAK.has(code);
}
