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
  // A token budget per minute or second is a throttle, though the text adds "too many tokens" (a TPM window refills).
  ['rate_limited', 'tokens per minute|tokens per second|tokens per min |tokens per sec |tpm limit'],
  ['context_length_exceeded', 'context length|context window|maximum context|context limit|context size|too many tokens|prompt is too long|input is too long|input too long|prompt too long|token limit|input token count|tokens exceed|max new tokens|exceeds the token|maximum number of tokens'],
  ['content_filtered', 'usage guidelines|blocked output|output blocked|content policy|content filter|content management policy|safety system|safety settings|responsible ai|moderation|flagged|blocked by content|blocked by safety|prohibited content|inappropriate content'],
  ['payment_required', 'payment required|payment failed|payment declined|billing|credit |credits |credit balance|out of credit|insufficient funds|insufficient balance|insufficient credit|balance is too low|balance too low|spending limit|spend limit|spending cap|card declined|card was declined|top up|add funds|paid plan'],
  ['rate_limited', 'quota &per minute|quota &per second|quota &per min |quota &requests per|quota &tokens per|quotas &per minute'],
  // A window of a day or more is an allowance, whatever else the text calls it ("Rate limit exceeded: free-models-per-day").
  ['quota_exhausted', 'monthly limit|daily limit|daily &limit |daily &limits |monthly &limit |daily quota|limit for the month|limit for the day|per day|per month|every day|each day|every month|pull rate limit'],
  // A rate limit said to be exceeded is a throttle, though the text adds "quota" ("Job exceeded rate limits: … exceeded quota").
  // So is a cap on requests in flight, though the text suggests an upgrade to raise it ("Too many concurrent requests … upgrade").
  ['rate_limited', 'rate limit exceeded|rate limits exceeded|exceeded rate limit|exceeded the rate limit|exceeds the rate limit|too many concurrent|concurrent request|concurrency limit|concurrent api'],
  ['quota_exhausted', 'quota |quotas |usage limit|plan limit|allowance|total request|limit&upgrad'],
  ['rate_limited', 'rate limit|ratelimit|over query limit|too many request|too many&attempts|toomanyrequests|throttl|slow down|requests per|calls per|per second|per minute|request limit|tokens per min|concurrency limit|concurrent request|concurrent api|limit exceeded|limit reached|rate exceeded|request rate|secondly limit|provisioned throughput|throughput exceeded|too many write|too many operation|too many calls|too many api calls|too many concurrent|number of api request|number of api call'],
  ['overloaded', 'overload|capacity|server is busy|servers are busy|too busy|busy |high demand|heavy load|rejected execution|shedding'],
  ['already_exists', 'exists |already exist|already a member|already a list member|already a subscriber|already subscribed|already a collaborator|already taken|already in use|already used|already registered|already been created|duplicate|exists already|resource exists'],
  ['permission_denied', 'not allowed&api key|not permitted&api key|unauthorized product|unauthorized operation|not authorized to perform|insufficient scope|missing scope|required scope|scope |scopes |does not have permission|not have permission|does not have access|not authorized to access'],
  ['unauthenticated', 'api key|apikey|subscription key|api token|api secret|access key|secret key|invalid key|invalid token|access token|expired token|token expired|token has expired|token is expired|token is invalid|jwt|bearer|unauthenticated|unauthorized|unauthorised|authenticat|credentials|invalid client|client secret|invalid grant|authorization grant|invalid signature|signature does not match|security token|invalid session|session expired|session has expired|session is not valid|session not valid|password has expired|expired password|too skewed|clock skew|login required|not logged in|must log in|must be logged in|log in first|login first|please log in|please login|missing authorization|authorization header|auth header|basic auth|auth failed|invalid auth|no auth|sign in|revoked'],
  // A thing said not to exist is not found, though the text hedges "(or perhaps you don't have permission)".
  ['not_found', 'does not exist|do not exist|doesn t exist|don t exist|did not exist|does not exists'],
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
  ['validation_failed', 'validation|schema violation|unprocessable|invalid input|invalid field|required field|is required|must be|invalid value|bad value|invalid parameter|missing parameter|missing required|non existent'],
  // gRPC's INVALID_ARGUMENT says the request was bad, not which field: the status class, as common-codes reads it.
  ['invalid_request', 'invalid request|bad request|invalid argument|wrong input'],
  ['internal', 'internal|server error|unexpected error|unknown error|generic error|something went wrong'],
];

/** Codes that say no more than "the request was bad" or "the server failed": the status knows better. */
const WEAK: ReadonlySet<FaultCode> = new Set<FaultCode>(['invalid_request', 'internal', 'request_timeout', 'service_unavailable']);

// The matcher. Every word of every phrase is a node of one trie (a flat table: a node's child for
// a letter is one array read), and a text's words are walked through it where they lie in the text:
// no word becomes a string, a slice or a map key, and each word is read once. A word's walk ends at
// its longest prefix the lexicon knows; a phrase's word matches when the walk ended exactly on its
// node (a whole word) or passed through it (a stem).

/** Letters and digits, then any other character a phrase holds (so a phrase stays matchable as written). */
const SLOTS = new Map<number, number>();
for (let c = 97; c <= 122; c++) SLOTS.set(c, c - 97);
for (let c = 48; c <= 57; c++) SLOTS.set(c, c - 22);

interface Phrase {
  /** The trie node of each word. */
  readonly nodes: readonly number[];
  /** The last word must be whole; otherwise it is a stem ("throttl" matches "throttling"). */
  readonly whole: boolean;
  /** The alternative (rule entry) the phrase is part of. */
  readonly alt: number;
}

const PHRASES: Phrase[] = [];
/** Rules as alternatives of phrase ids that must all appear. */
const ALTS: { readonly code: FaultCode; readonly all: readonly number[] }[] = [];
/**
 * Per trie node: its parent, and the phrases it decides (as a whole word, as a stem, as a first word).
 * A node is made after its parent, so a parent's number is always the smaller.
 */
const PARENT: number[] = [0];
const WHOLE: number[][] = [[]];
const STEMS: number[][] = [[]];
const FIRST: number[][] = [[]];
/** Each node's children while the trie is built, by `node * 0x10000 + char code`. */
const CHILD = new Map<number, number>();

function nodeOf(word: string): number {
  let node = 0;
  for (let k = 0; k < word.length; k++) {
    const key = node * 0x10000 + word.charCodeAt(k);
    let next = CHILD.get(key);
    if (next === undefined) {
      next = PARENT.push(node) - 1;
      WHOLE.push([]);
      STEMS.push([]);
      FIRST.push([]);
      CHILD.set(key, next);
    }
    node = next;
  }
  return node;
}

// Built once at load: a few hundred phrases over about a thousand trie nodes.
for (const [code, spec] of RULES) {
  for (const alt of spec.split('|')) {
    const all = alt.split('&').map((p) => {
      const whole = p.endsWith(' ');
      const words = p.trim().split(' ');
      const nodes = words.map(nodeOf);
      const id = PHRASES.push({ nodes, whole, alt: ALTS.length }) - 1;
      const head = nodes[0] as number;
      if (words.length > 1) (FIRST[head] as number[]).push(id);
      else if (whole || (words[0] as string).length < 3) (WHOLE[head] as number[]).push(id);
      else (STEMS[head] as number[]).push(id);
      return id;
    });
    ALTS.push({ code, all });
  }
}

// Letters and digits have the first slots; any other character a phrase holds gets one after them.
for (const key of CHILD.keys()) if (!SLOTS.has(key % 0x10000)) SLOTS.set(key % 0x10000, SLOTS.size);
const WIDTH = SLOTS.size;
/** The trie as one table: `NEXT[node * WIDTH + slot]`, 0 for no child (the root is no one's child). */
const NEXT = new Uint32Array(PARENT.length * WIDTH);
for (const [key, node] of CHILD) NEXT[Math.floor(key / 0x10000) * WIDTH + (SLOTS.get(key % 0x10000) as number)] = node;
/** A letter's slot, or -1: ASCII by table, anything else by {@link SLOTS}. */
const ASCII_SLOT = new Int8Array(128).fill(-1);
for (const [c, slot] of SLOTS) if (c < 128) ASCII_SLOT[c] = slot;
/** The nearest node at or above each node that ends a one-word stem (0: none), so a word's stems are a short climb. */
const STEM_UP: number[] = PARENT.map(() => 0);
for (let n = 1; n < PARENT.length; n++) STEM_UP[n] = (STEMS[n] as number[]).length > 0 ? n : (STEM_UP[PARENT[n] as number] as number);

// Scratch of one call (meanings never re-enters): word spans, where each word's walk ended, and
// which phrases were seen, by stamp so nothing is cleared between calls.
const MAX_WORDS = HEAD + 1;
const SPANS = new Int32Array(MAX_WORDS * 2);
const ENDS = new Int32Array(MAX_WORDS);
const EXACT = new Uint8Array(MAX_WORDS);
const STAMP = new Uint32Array(PHRASES.length);
const SEEN = new Int32Array(PHRASES.length);
let stamp = 0;

/**
 * Cuts a text's first {@link HEAD} characters into words, into {@link SPANS}; returns how many.
 * `RATE_LIMIT_REACHED`, `RateLimitReached` and "Rate limit reached!" cut alike.
 */
function spans(text: string): number {
  let count = 0;
  const end = Math.min(text.length, HEAD);
  let start = -1;
  let prev = 0; // 0 separator, 1 lower/digit, 2 upper
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
      if (start >= 0 && (prev === 1 || (prev === 2 && text.charCodeAt(i + 1) >= 97 && text.charCodeAt(i + 1) <= 122))) {
        SPANS[count * 2] = start;
        SPANS[count++ * 2 + 1] = i;
        start = -1;
      }
      if (start < 0) start = i;
      prev = 2;
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127) {
      if (start < 0) start = i;
      prev = 1;
    } else {
      if (start >= 0) {
        SPANS[count * 2] = start;
        SPANS[count++ * 2 + 1] = i;
        start = -1;
      }
      prev = 0;
    }
  }
  if (start >= 0) {
    SPANS[count * 2] = start;
    SPANS[count++ * 2 + 1] = end;
  }
  return count;
}

/**
 * Walks word `w` (`text` from `from` to `to`, lower-cased) down the trie into {@link ENDS} and
 * {@link EXACT}. `lowered`: the word is already lower-cased, its letters beyond ASCII looked up as they are.
 */
function walk(text: string, from: number, to: number, w: number, lowered = false): void {
  let node = 0;
  let exact = 1;
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k);
    // Beyond ASCII, lower-casing may change a word's length ('İ'): walk the lower-cased word itself.
    if (c > 127 && !lowered) {
      const lower = text.slice(from, to).toLowerCase();
      return walk(lower, 0, lower.length, w, true);
    }
    if (c <= 90 && c >= 65) c += 32;
    const slot = c < 128 ? (ASCII_SLOT[c] as number) : (SLOTS.get(c) ?? -1);
    const next = slot < 0 ? 0 : (NEXT[node * WIDTH + slot] as number);
    if (next === 0) {
      exact = 0;
      break;
    }
    node = next;
  }
  ENDS[w] = node;
  EXACT[w] = exact;
}

/** Whether the word whose walk ended at `node` starts with the word of trie node `stem`. */
function under(node: number, stem: number): boolean {
  while (node > stem) node = PARENT[node] as number;
  return node === stem;
}

/** Whether the words after word `at` continue phrase `p` (its first word already matched). */
function continues(count: number, at: number, p: Phrase): boolean {
  const last = p.nodes.length - 1;
  if (at + last >= count) return false;
  for (let j = 1; j <= last; j++) {
    const node = p.nodes[j] as number;
    const w = at + j;
    if (j < last || p.whole ? EXACT[w] !== 1 || ENDS[w] !== node : !under(ENDS[w] as number, node)) return false;
  }
  return true;
}

function see(id: number, n: number): number {
  if (STAMP[id] === stamp) return n;
  STAMP[id] = stamp;
  SEEN[n] = id;
  return n + 1;
}

interface Meanings {
  readonly any: FaultCode | undefined;
  readonly strong: FaultCode | undefined;
}

const NOTHING: Meanings = Object.freeze({ any: undefined, strong: undefined });

/**
 * The first rule a text's words satisfy, and the first that is not weak: one pass over the words,
 * each walked down the trie, then the rules checked in order against the phrases seen.
 */
function meanings(text: string): Meanings {
  const count = spans(text);
  for (let w = 0; w < count; w++) walk(text, SPANS[w * 2] as number, SPANS[w * 2 + 1] as number, w);
  if (++stamp === 0xffffffff) {
    STAMP.fill(0);
    stamp = 1;
  }
  let n = 0;
  for (let w = 0; w < count; w++) {
    const node = ENDS[w] as number;
    for (let s = STEM_UP[node] as number; s !== 0; s = STEM_UP[PARENT[s] as number] as number) for (const id of STEMS[s] as number[]) n = see(id, n);
    if (EXACT[w] !== 1) continue;
    for (const id of WHOLE[node] as number[]) n = see(id, n);
    for (const id of FIRST[node] as number[]) if (STAMP[id] !== stamp && continues(count, w, PHRASES[id] as Phrase)) n = see(id, n);
  }
  if (n === 0) return NOTHING;
  // The earliest satisfied alternatives: only those a seen phrase belongs to are looked at.
  let any = Infinity;
  let strong = Infinity;
  for (let k = 0; k < n; k++) {
    const a = (PHRASES[SEEN[k] as number] as Phrase).alt;
    if (a >= strong) continue;
    const alt = ALTS[a] as { readonly code: FaultCode; readonly all: readonly number[] };
    if (alt.all.length > 1 && !alt.all.every((p) => STAMP[p] === stamp)) continue;
    if (a < any) any = a;
    if (!WEAK.has(alt.code)) strong = a;
  }
  return { any: ALTS[any]?.code, strong: ALTS[strong]?.code };
}

/**
 * The lower-case words of a text: `RATE_LIMIT_REACHED`, `RateLimitReached` and "Rate limit
 * reached!" all give `['rate', 'limit', 'reached']`. One pass over at most {@link HEAD} characters.
 * @internal
 */
export function tokens(text: string): string[] {
  const count = spans(text);
  const out: string[] = [];
  for (let w = 0; w < count; w++) out.push(text.slice(SPANS[w * 2], SPANS[w * 2 + 1]).toLowerCase());
  return out;
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
  const found = meaningOf(text);
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
  return text === undefined || text === '' ? NOTHING : meanings(text);
}

/**
 * Whether a code is one that only restates a status class (`invalid_request`, `internal`, …).
 * @internal
 */
export function isWeak(code: FaultCode): boolean {
  return WEAK.has(code);
}
