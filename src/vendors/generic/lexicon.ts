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
import { hanMeaning } from './han.js';
import { WEAK } from './lexicon-rules.js';
import { ALTS, ASCII_SLOT, AT, IDS, NEXT, PHRASES, SECOND, SECOND_WHOLE, STEM_UP, UP, WIDTH, type Alt, type Phrase } from './lexicon-trie.js';

/** Text looked at: a meaning is stated early, and the cap keeps every rule's scan bounded. */
const HEAD = 1024;

// Scratch of one call (meanings never re-enters): word spans, where each word's walk ended, and
// which phrases were seen, by stamp so nothing is cleared between calls.
const MAX_WORDS = HEAD + 1;
const SPANS = new Int32Array(MAX_WORDS * 2);
const ENDS = new Int32Array(MAX_WORDS);
const EXACT = new Uint8Array(MAX_WORDS);
/**
 * 1 where a form feed comes before the word: no phrase runs across it. The generic layer puts one between
 * what the envelope read and the text it read it from, two readings of one body whose seam is no sentence
 * (ShipStation's "The request is invalid." then the printout's "Client error: …" is no OAuth `invalid_client`).
 */
const AFTER_BREAK = new Uint8Array(MAX_WORDS);
const STAMP = new Uint32Array(PHRASES.length);
const SEEN = new Int32Array(PHRASES.length);
let stamp = 0;
/** Whether the last text cut into words held a Han character (set by {@link spans}). */
let han = false;

/**
 * Cuts a text's first {@link HEAD} characters into words, into {@link SPANS}, and walks each down the
 * trie as it is read, into {@link ENDS} and {@link EXACT}; returns how many words.
 * `RATE_LIMIT_REACHED`, `RateLimitReached` and "Rate limit reached!" cut alike.
 */
function spans(text: string): number {
  let count = 0;
  const end = Math.min(text.length, HEAD);
  let start = -1;
  let prev = 0; // 0 separator, 1 lower/digit, 2 upper
  let node = 0; // the current word's walk: the node it reached, and whether it is still on the trie
  let exact = 1;
  let broken = 0;
  han = false;
  for (let i = 0; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === 12) broken = 1;
    // A link's path is an address, not a statement ("…/settings/billing" says nothing about billing).
    if (c === 58 && text.startsWith('//', i + 1) && start >= 0 && i - start <= 5) {
      start = -1;
      while (i < end && text.charCodeAt(i) > 32 && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 39) i++;
      prev = 0;
      continue;
    }
    let cut = false;
    if (c >= 65 && c <= 90) {
      // A capital after a lower-case letter starts a word (camelCase), as does the last capital of a run before one (HTTPError).
      cut = prev === 1 || (prev === 2 && text.charCodeAt(i + 1) >= 97 && text.charCodeAt(i + 1) <= 122);
      prev = 2;
      c += 32;
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && c !== 0xa0)) {
      // (A no-break space separates words as a space does: Yandex Market's docs write "10\u00a0000 points per 1\u00a0day".)
      if (c >= 0x3400 && c <= 0x9fff) han = true;
      prev = 1;
    } else {
      cut = true;
      prev = 0;
    }
    if (cut && start >= 0) {
      SPANS[count * 2] = start;
      SPANS[count * 2 + 1] = i;
      ENDS[count] = node;
      EXACT[count++] = exact;
      start = -1;
    }
    if (prev === 0) continue;
    if (start < 0) {
      start = i;
      node = 0;
      exact = 1;
      AFTER_BREAK[count] = broken;
      broken = 0;
    }
    if (exact === 0) continue;
    // Beyond ASCII only two letters lower-case (as the word's `toLowerCase` would) into ASCII: the
    // Kelvin sign into 'k', 'İ' into 'i' and a combining dot. The phrases are ASCII, so any other ends the walk.
    if (c > 127) {
      if (c !== 0x212a) {
        if (c === 0x130) node = (NEXT[node * WIDTH + (ASCII_SLOT[105] as number)] as number) || node;
        exact = 0;
        continue;
      }
      c = 107;
    }
    const next = NEXT[node * WIDTH + (ASCII_SLOT[c] as number)] as number;
    if (next === 0) exact = 0;
    else node = next;
  }
  if (start >= 0) {
    SPANS[count * 2] = start;
    SPANS[count * 2 + 1] = end;
    ENDS[count] = node;
    EXACT[count++] = exact;
  }
  return count;
}

/** Whether the word whose walk ended at `node` starts with the word of trie node `stem`. */
function under(node: number, stem: number): boolean {
  while (node > stem) node = UP[node] as number;
  return node === stem;
}

/** Whether the words after word `at` continue phrase `p` (its first two words already matched). */
function continues(count: number, at: number, p: Phrase): boolean {
  const last = p.nodes.length - 1;
  if (at + last >= count) return false;
  for (let j = 2; j <= last; j++) {
    const node = p.nodes[j] as number;
    const w = at + j;
    if (AFTER_BREAK[w] === 1) return false;
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

/** Whether every phrase of an alternative was seen in this call (a loop, not a closure per check). */
function allSeen(ids: readonly number[]): boolean {
  for (const p of ids) if (STAMP[p] !== stamp) return false;
  return true;
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
  if (++stamp === 0xffffffff) {
    STAMP.fill(0);
    stamp = 1;
  }
  let n = 0;
  for (let w = 0; w < count; w++) {
    const node = ENDS[w] as number;
    for (let s = STEM_UP[node] as number; s !== 0; s = STEM_UP[UP[s] as number] as number) for (let k = AT[s * 3 + 1] as number; k < (AT[s * 3 + 2] as number); k++) n = see(IDS[k] as number, n);
    if (EXACT[w] !== 1) continue;
    for (let k = AT[node * 3] as number; k < (AT[node * 3 + 1] as number); k++) n = see(IDS[k] as number, n);
    const next = w + 1;
    if (next >= count || AFTER_BREAK[next] === 1) continue;
    for (let k = AT[node * 3 + 2] as number; k < (AT[node * 3 + 3] as number); k++) {
      const id = IDS[k] as number;
      if (STAMP[id] === stamp) continue;
      // The next word first, from two flat tables: most phrases fail there, and then the phrase itself is never read.
      const second = SECOND[id] as number;
      if (SECOND_WHOLE[id] === 1 ? EXACT[next] !== 1 || ENDS[next] !== second : !under(ENDS[next] as number, second)) continue;
      if (continues(count, w, PHRASES[id] as Phrase)) n = see(id, n);
    }
  }
  const written = han ? hanMeaning(text, HEAD) : undefined;
  if (n === 0 && written === undefined) return NOTHING;
  // The earliest satisfied alternatives: only those a seen phrase belongs to are looked at.
  let any = Infinity;
  let strong = Infinity;
  for (let k = 0; k < n; k++) {
    const a = (PHRASES[SEEN[k] as number] as Phrase).alt;
    if (a >= strong) continue;
    const alt = ALTS[a] as Alt;
    if (alt.all.length > 1 && !allSeen(alt.all)) continue;
    if (a < any) any = a;
    if (!WEAK.has(alt.code)) strong = a;
  }
  return { any: ALTS[any]?.code ?? written, strong: ALTS[strong]?.code ?? (written !== undefined && !WEAK.has(written) ? written : undefined) };
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
 * {@link tokens} as one string, space-separated and space-padded (`' rate limit reached '`), built
 * with no array: a whole phrase is then one `includes`.
 * @example
 * ```ts
 * paddedWords('RequestTimeTooSkewed'); // ' request time too skewed '
 * ```
 * @internal
 */
export function paddedWords(text: string): string {
  const count = spans(text);
  let out = ' ';
  for (let w = 0; w < count; w++) out += `${text.slice(SPANS[w * 2], SPANS[w * 2 + 1]).toLowerCase()} `;
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
