/**
 * A tolerant reader for bodies JSON.parse refuses: JSON cut off mid-body, a Python dict as an SDK
 * prints it (single quotes, `None`, `True`), a JavaScript object as `console.log` shows it (bare
 * keys), JSON glued to a stack trace. It returns whatever arrived before the text ends or stops
 * making sense. One pass over the characters with `charCodeAt`, every step moving forward, nesting
 * deeper than {@link MAX_DEPTH} skipped without recursion: linear in the text on any input.
 */

/** Nesting kept; anything deeper is skipped (error envelopes are a few levels deep). */
const MAX_DEPTH = 12;
/** Members or items kept per object or array; the rest are read past. */
const MAX_ITEMS = 64;

const WORDS: Readonly<Record<string, unknown>> = { true: true, True: true, false: false, False: false, null: null, None: null, undefined: undefined };

/** The state of one scan: the text, the position, and the steps taken (for the linear-time tests). */
interface Cursor {
  readonly t: string;
  i: number;
  steps: number;
}

function space(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 44; // comma too: separators are read past
}

function wordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 45 || c === 46 || c === 43 || c === 35 || c === 47;
}

function skipSpace(k: Cursor): void {
  while (k.i < k.t.length && space(k.t.charCodeAt(k.i))) {
    k.i++;
    k.steps++;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** Characters kept of one string: codes and messages are short, and a long one is read past. */
const MAX_STRING = 2048;

/** A quoted string from its opening quote; a cut-off string is what arrived, marked as a fragment. */
function str(k: Cursor): string {
  const t = k.t;
  const quote = t.charCodeAt(k.i++);
  let out = '';
  let from = k.i;
  const keep = (to: number): void => {
    if (out.length < MAX_STRING) out += t.slice(from, Math.min(to, from + MAX_STRING - out.length));
  };
  while (k.i < t.length) {
    k.steps++;
    const c = t.charCodeAt(k.i);
    if (c === quote) {
      keep(k.i++);
      return out;
    }
    if (c === 92) {
      keep(k.i);
      const e = t.charAt(k.i + 1);
      if (e === 'u' && k.i + 5 < t.length) {
        const n = Number.parseInt(t.slice(k.i + 2, k.i + 6), 16);
        if (out.length < MAX_STRING) out += Number.isNaN(n) ? '' : String.fromCharCode(n);
        k.i += 6;
      } else {
        if (out.length < MAX_STRING) out += ESCAPES[e] ?? e;
        k.i += 2;
      }
      from = k.i;
      continue;
    }
    k.i++;
  }
  keep(t.length);
  // Cut off: what arrived, marked with an ellipsis so it reads as a fragment and never as a whole code.
  return `${out}\u2026`;
}

/** A bare word or number: `None`, `True`, `42`, `invalid_client`. */
function word(k: Cursor): unknown {
  const from = k.i;
  while (k.i < k.t.length && wordChar(k.t.charCodeAt(k.i))) {
    k.i++;
    k.steps++;
  }
  const w = k.t.slice(from, k.i);
  if (Object.hasOwn(WORDS, w)) return WORDS[w];
  const n = Number(w);
  return w !== '' && Number.isFinite(n) && /^-?\d/.test(w) ? n : w;
}

/** Skips one nested value without keeping it: bracket counting, quotes respected, no recursion. */
function skip(k: Cursor): void {
  let depth = 0;
  const t = k.t;
  while (k.i < t.length) {
    k.steps++;
    const c = t.charCodeAt(k.i);
    if (c === 34 || c === 39) {
      str(k);
      continue;
    }
    k.i++;
    if (c === 123 || c === 91 || c === 40) depth++;
    else if ((c === 125 || c === 93 || c === 41) && --depth <= 0) return;
  }
}

/** Python 2's `u'…'` and Python 3's `b'…'`: the prefix is read past, the string is what follows. */
function stringPrefix(k: Cursor): void {
  const c = k.t.charCodeAt(k.i);
  const q = k.t.charCodeAt(k.i + 1);
  if ((c === 117 || c === 98) && (q === 39 || q === 34)) k.i++;
}

function value(k: Cursor, depth: number): unknown {
  skipSpace(k);
  if (k.i >= k.t.length) return undefined;
  stringPrefix(k);
  const c = k.t.charCodeAt(k.i);
  // What node's inspect prints past its depth (`body: { errors: [Array] }`): a value left out, not a list holding a word.
  if (c === 91 && (k.t.startsWith('[Array]', k.i) || k.t.startsWith('[Object]', k.i))) {
    k.i += k.t.charCodeAt(k.i + 1) === 65 ? 7 : 8;
    return undefined;
  }
  if (c === 123 || c === 91) {
    if (depth >= MAX_DEPTH) {
      skip(k);
      return undefined;
    }
    return c === 123 ? object(k, depth + 1) : array(k, depth + 1);
  }
  if (c === 34 || c === 39) return str(k);
  if (wordChar(c)) return word(k);
  // A number in parentheses, as Python source writes a negative literal (Mopidy's JSON-RPC tests: `"code": (-32600)`).
  if (c === 40) {
    const m = /^\((-?\d{1,15})\)/.exec(k.t.slice(k.i, k.i + 18));
    if (m !== null) {
      k.i += m[0].length;
      return Number(m[1]);
    }
  }
  // Anything else (`<`, `(`, `=`): not a value; step over it so the caller moves on.
  k.i++;
  return undefined;
}

function object(k: Cursor, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let n = 0;
  k.i++;
  while (k.i < k.t.length) {
    skipSpace(k);
    const c = k.t.charCodeAt(k.i);
    if (c === 125) {
      k.i++;
      return out;
    }
    if (c === 93) {
      // A stray `]` (node's `{ [Error: …] response: {…} }`) is read past.
      k.i++;
      continue;
    }
    const at = k.i;
    stringPrefix(k);
    const q = k.t.charCodeAt(k.i);
    const key = q === 34 || q === 39 ? str(k) : word(k);
    skipSpace(k);
    if (k.t.charCodeAt(k.i) === 58 || k.t.charCodeAt(k.i) === 61) {
      // `:`, `=` and Ruby's `=>`
      k.i += k.t.charCodeAt(k.i + 1) === 62 ? 2 : 1;
      const v = value(k, depth);
      if (typeof key === 'string' && key !== '__proto__' && n++ < MAX_ITEMS) out[key] = v;
    }
    if (k.i === at) k.i++;
  }
  return out;
}

function array(k: Cursor, depth: number): unknown[] {
  const out: unknown[] = [];
  k.i++;
  while (k.i < k.t.length) {
    skipSpace(k);
    const c = k.t.charCodeAt(k.i);
    if (c === 93) {
      k.i++;
      return out;
    }
    if (c === 125) {
      k.i++;
      continue;
    }
    const at = k.i;
    const v = value(k, depth);
    if (out.length < MAX_ITEMS) out.push(v);
    if (k.i === at) k.i++;
  }
  return out;
}

/** What {@link scanObject} read, and how many steps it took. @internal */
export interface Scanned {
  readonly value: Readonly<Record<string, unknown>> | undefined;
  readonly steps: number;
}

/**
 * The first object in `text` (its opening brace within the first `within` characters), read
 * tolerantly up to where the text ends. Never throws; linear in `text`.
 *
 * @example
 * ```ts
 * scanObject("Error code: 429 - {'error': {'code': 'rate_limit_exceeded', 'param': None, 'message': 'Rate li").value;
 * // { error: { code: 'rate_limit_exceeded', param: null, message: 'Rate li' } }
 * ```
 * @internal
 */
export function scanObject(text: string, within = 4096): Scanned {
  const start = text.slice(0, within + 1).indexOf('{');
  if (start < 0 || start > within) return { value: undefined, steps: 0 };
  const k: Cursor = { t: text, i: start, steps: 0 };
  try {
    return { value: object(k, 1), steps: k.steps };
  } catch {
    return { value: undefined, steps: k.steps };
  }
}

/**
 * The string a text holds as one JSON string literal, if it is one: a body JSON-encoded a second time (a proxy or logger
 * that stringified the vendor's JSON, `"{\"type\":\"error\",…}"`), or a bare `"notauthenticated"`.
 * @example
 * ```ts
 * jsonString('"{\\"code\\":500}"'); // '{"code":500}'
 * ```
 * @internal
 */
export function jsonString(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
