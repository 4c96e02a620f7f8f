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
  ['payload_too_large', 'request too large|request entity too large|payload too large|entity too large|body too large|file too large|too big |exceeds the maximum size|exceeds maximum size|maximum request size|size limit'],
  ['context_length_exceeded', 'context length|context window|maximum context|context limit|context size|too many tokens|prompt is too long|input is too long|input too long|prompt too long|token limit|input token count|maximum tokens|max tokens|tokens exceeds|tokens exceed|exceeds the token|maximum number of tokens'],
  ['content_filtered', 'content policy|content filter|content management policy|safety system|safety settings|responsible ai|moderation|flagged|blocked by content|blocked by the content|blocked by safety|prohibited content|inappropriate content'],
  ['payment_required', 'payment required|payment failed|payment declined|billing|credit |credits |credit balance|out of credit|insufficient funds|insufficient balance|insufficient credit|balance is too low|balance too low|spending limit|spend limit|spending cap|card declined|card was declined|top up|add funds|paid plan'],
  ['rate_limited', 'quota&per minute|quota&per second|quota&per min |quota&requests per|quota&tokens per'],
  ['quota_exhausted', 'quota|usage limit|monthly limit|daily limit|limit for the month|limit for the day|per day|per month|plan limit|allowance|total request|limit&upgrad'],
  ['rate_limited', 'rate limit|ratelimit|rate limited|too many requests|too many request|toomanyrequests|throttl|slow down|requests per|calls per|per second|per minute|request limit|tokens per min|concurrency limit|concurrent request|concurrent api|limit exceeded|limit reached|rate exceeded|request rate|secondly limit|provisioned throughput|throughput exceeded'],
  ['overloaded', 'overload|capacity|server is busy|servers are busy|too busy|busy |high demand|heavy load|rejected execution|shedding'],
  ['already_exists', 'already exists|already exist|alreadyexists|already taken|already in use|already registered|already been created|duplicate|exists already|resource exists'],
  ['unauthenticated', 'api key|apikey|api token|api secret|access key|secret key|invalid key|invalid token|access token|expired token|token expired|token has expired|token is expired|token is invalid|jwt|bearer|unauthenticated|unauthorized|unauthorised|not authenticated|authentication|authenticate|credentials|invalid client|invalid grant|authorization grant|invalid signature|signature does not match|security token|invalid session|session expired|session has expired|session is not valid|session not valid|password has expired|expired password|login required|not logged in|missing authorization|authorization header|auth failed|invalid auth|no auth|sign in|revoked'],
  ['permission_denied', 'forbidden|permission|not permitted|not allowed|access denied|denied |not authorized|not authorised|insufficient scope|insufficient privilege|privilege|row level security|restricted|suspended|banned|blocked'],
  ['precondition_failed', 'precondition|etag|if match|condition not met|conditional check failed|conditional request failed'],
  ['not_implemented', 'not implemented|unimplemented|not supported|unsupported operation|method not allowed'],
  ['not_found', 'not found|no such|does not exist|doesn t exist|not exist|unknown resource|could not find|cannot find|can t find|no route|contains 0 rows|0 rows|no rows'],
  ['gone', 'gone |no longer available|has been deleted|was deleted'],
  ['conflict', 'conflict|concurrent modification|locked|lock timeout|being modified|in progress|version mismatch|state transition|invalid state|wrong state|in use|already '],
  ['service_unavailable', 'no healthy upstream|upstream connect error|connection failure|connection refused|no available server|no server is available'],
  ['gateway_timeout', 'gateway timeout|upstream timeout|upstream request timeout|deadline exceeded|endpoint request timed out|timed out waiting for upstream'],
  ['bad_gateway', 'bad gateway|upstream error|invalid response from|upstream returned|upstream sent|origin error'],
  ['request_timeout', 'request timeout|timed out|timeout|time out|took too long'],
  ['service_unavailable', 'unavailable|maintenance|temporarily|try again|not ready|starting up|outage|down for|service is down'],
  ['validation_failed', 'validation|unprocessable|invalid input|invalid field|required field|is required|must be|invalid value|invalid parameter|invalid argument|invalid request|bad request|malformed|invalid json|parse error|missing parameter|missing required|non existent'],
  ['internal', 'internal|server error|unexpected error|unknown error|something went wrong'],
];

/** Codes that say no more than "the request was bad" or "the server failed": the status knows better. */
const WEAK: ReadonlySet<FaultCode> = new Set<FaultCode>(['validation_failed', 'internal', 'request_timeout', 'service_unavailable']);

interface Rule {
  readonly code: FaultCode;
  /** Alternatives; each a list of phrases that must all appear. */
  readonly any: readonly (readonly string[])[];
}

const COMPILED: readonly Rule[] = RULES.map(([code, spec]) => ({
  code,
  any: spec.split('|').map((alt) => alt.split('&').map((p) => ` ${p}`)),
}));

/**
 * Lower-case words separated by single spaces, with a space at both ends: `RATE_LIMIT_REACHED`,
 * `RateLimitReached` and "Rate limit reached!" all give ` rate limit reached `. One pass.
 * @internal
 */
export function words(text: string): string {
  let out = ' ';
  let prev = 0; // 0 separator, 1 lower/digit, 2 upper
  const end = Math.min(text.length, HEAD);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
    if (upper) {
      // A capital after a lower-case letter starts a word: camelCase and PascalCase split.
      const next = text.charCodeAt(i + 1);
      if (prev === 1 || (prev === 2 && next >= 97 && next <= 122)) out += ' ';
      out += String.fromCharCode(c + 32);
      prev = 2;
    } else if (lower) {
      out += text[i];
      prev = 1;
    } else if (c === 39 && prev !== 0) {
      // "doesn't" reads as "doesn t"; a quote around a word is a separator like any other.
      out += ' ';
      prev = 0;
    } else if (prev !== 0) {
      out += ' ';
      prev = 0;
    }
  }
  return prev === 0 ? out : `${out} `;
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
  const w = words(text);
  for (const rule of COMPILED) {
    if (strong && WEAK.has(rule.code)) continue;
    for (const all of rule.any) if (all.every((p) => w.includes(p))) return rule.code;
  }
  return undefined;
}

/**
 * Whether a code is one that only restates a status class (`invalid_request`, `internal`, …).
 * @internal
 */
export function isWeak(code: FaultCode): boolean {
  return WEAK.has(code);
}
