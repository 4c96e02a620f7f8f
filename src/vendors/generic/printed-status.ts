/**
 * The error status a printout, log line or page states in its text: SDK and CLI cues (`Error code: 429 - {…}`,
 * `status code 503`, `HTTP/1.1 502`, Python requests' `Response [503]`), a status before its words
 * (`405 status code`), a status with its reason phrase (`429 Too Many Requests`), a printed tuple, a page's
 * opening line or title, and a JSON parser's quote of a reason phrase. Every search is bounded: linear in
 * the text read.
 */
import { statusOf } from '../../core/status.js';
import { statusText } from '../status-text.js';

/**
 * Where SDK printouts and logs state the status: `Error code: 429 - {…}`, `status code 503`, `HTTP/1.1 502`,
 * `Unexpected response code 404 from …` (HADotNet), `unexpected HTTP status code of 401` (geoipupdate),
 * `request failed (500)`, `Pushing feeder v1.4.6 failed (422)` (mix hex), `upload failed with code 422` (the Bugsnag
 * Gradle plugin), urllib3's debug line `"POST /api/v2/report?… HTTP/1.1" 422 None`, and a check's own words
 * (`Invalid status code: expected 200-299, got 401.`).
 */
const STATUS_CUES = ['error code: ', 'status code: ', 'status code is ', 'status code ', 'statuscode: ', 'statuscode=', 'status: ', 'response status : ', 'http/1.1 ', 'http/2 ', 'http/1.0 ', 'http error ', 'http code ', 'http ', 'status=', 'code: ', '(status ', 'status is ', 'status = ', 'returned ', 'returns ', 'error ', 'error: ', 'error (', 'error: (', 'bad response ', 'bad response: ', 'server response ', 'server response: ', 'response [', 'response code ', 'status code of ', 'failed (', 'failed with code ', 'http/1.1" ', 'status ', ', got ', 'server response (', 'error(code='] as const;

/** Express's text for a request no route matched. */
const EXPRESS_NO_ROUTE = /(?<![\w])Cannot (?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \//;

/** Three digits that could be an error status. */
const ERROR_NUMBER = /[45]\d\d/;

/** A 4xx or 5xx standing alone before a word. */
const PHRASED = /(?<![\w.\/-])([45]\d\d) (?=[a-z])/g;

/** The error status printed right before `word` (`405 status code`, `503 error`), not the end of a longer number or name. */
function statusBefore(t: string, word: string): number | undefined {
  const at = t.indexOf(word);
  const n = at >= 3 ? statusOf(t.slice(at - 3, at)) : undefined;
  return n !== undefined && n >= 400 && !/[\w.]/.test(t.charAt(at - 4)) ? n : undefined;
}

/** An error status (400–599) that opens `text` as a whole number: "502. That’s an error.", "401 Authorization Required". */
function openingStatus(text: string): number | undefined {
  const n = /^\d{3}(?!\w)/.test(text) ? Number(text.slice(0, 3)) : 0;
  return n >= 400 && n <= 599 ? n : undefined;
}

/**
 * The error status a printout or page states in its text, if any.
 *
 * @example
 * ```ts
 * statusInText('Error executing request GET https://api.example.com/v1/account. HTTP status is 429.'); // 429
 * ```
 * @internal
 */
export function statusInText(head: string): number | undefined {
  // Express answers a route it has no handler for with a 404 whose whole text is `Cannot POST /api/v2/…`
  // (finalhandler): the words are that 404's, printed or pasted without it.
  if (head.includes('Cannot ') && EXPRESS_NO_ROUTE.test(head)) return 404;
  // Every form below prints a 4xx or 5xx but a JSON parser's quote of a reason phrase: a text with neither
  // (most messages) is spared lower-casing and every search.
  if (!ERROR_NUMBER.test(head) && !head.includes('is not valid JSON')) return undefined;
  const t = head.toLowerCase();
  // Most cues share a word: a text without it is spared each of their searches.
  const absent = ['status', 'error', 'http'].filter((word) => !t.includes(word));
  for (const cue of STATUS_CUES) {
    // A cue's first three places are looked at: an earlier `code: 'HTTP_ERROR'` may come before `(Code: 429)`.
    for (let at = absent.some((word) => cue.includes(word)) ? -1 : t.indexOf(cue), k = 0; at >= 0 && k < 3; at = t.indexOf(cue, at + 1), k++) {
      // A padded column (`bad response  429`) may put a space or two more before the number.
      let from = at + cue.length;
      if (t.charCodeAt(from) === 32) from += t.charCodeAt(from + 1) === 32 ? 2 : 1;
      // A JavaScript object as util.inspect prints it quotes a status kept as a string (`status: '429'`);
      // a Terraform provider brackets it with the code (`Error: [422:INVALID_BODY]`).
      if (t.charCodeAt(from) === 39 || t.charCodeAt(from) === 91) from += 1;
      const s = t.slice(from, from + 4);
      const n = statusOf(s.slice(0, 3));
      if (n !== undefined && n >= 400 && !(s.charCodeAt(3) >= 48 && s.charCodeAt(3) <= 57)) return n;
    }
  }
  // Or the status before the words, as openai-node and the Anthropic SDK word an error with no body
  // (`405 status code (no body)`, core/error.ts makeMessage), and every app that prints one.
  // Python requests' `raise_for_status()` (`429 Client Error: Too Many Requests for url: …`) and aiohttp's
  // ClientResponseError (`429, message='Too Many Requests', url=…`) put the status before their own words.
  const before = statusBefore(t, ' status code') ?? statusBefore(t, ' client error: ') ?? statusBefore(t, ' server error: ') ?? statusBefore(t, ', message=');
  if (before !== undefined) return before;
  // Or a status followed by its own reason phrase anywhere, as HTTP clients print a request line's outcome
  // (`POST https://… 429 Too Many Requests`, `403 Forbidden`): the phrase vouches for the number.
  PHRASED.lastIndex = 0;
  for (let m = PHRASED.exec(t), k = 0; m !== null && k < 16; m = PHRASED.exec(t), k++) {
    const n = Number(m[1]);
    const phrase = statusText(n);
    if (phrase !== 'Error' && t.startsWith(phrase.toLowerCase(), m.index + 4)) return n;
  }
  // Or a bracketed status opening the message, as openapi-generator's PHP clients print it (`Exception when calling
  // DerivativesApi->translate: [404] Error connecting to the API (…)`).
  const bracketed = /(?:^|: )\[([45]\d\d)\] /.exec(t);
  if (bracketed !== null) return Number(bracketed[1]);
  // Or a status as the first member of a printed tuple or variant: Python's `(403, {'error': …})`, Rust's `Client(\n    429,\n)`.
  const tuple = /\(\s{0,8}([45]\d\d),/.exec(t);
  if (tuple !== null) return Number(tuple[1]);
  // Or the status that opens the text, as a rendered error page or a CLI line does: Google's "502. That’s an
  // error.", "429 Too Many Requests".
  // But Perl's LWP, which makes up a 500 when it could not connect (`500 Can't connect to host:443 (certificate verify
  // failed)`, marked `Client-Warning: Internal response`): no server sent that status.
  const opening = t.trimStart();
  const first = openingStatus(opening);
  if (first !== undefined) return first === 500 && opening.startsWith("500 can't connect to ") ? undefined : first;
  // Or the status that opens a page's title or heading, as servers render them: nginx and openresty's
  // `<title>401 Authorization Required</title>`, Jetty's `<title>Error 403 …</title>`.
  for (const tag of ['<title>', '<h1>']) {
    const open = t.indexOf(tag);
    if (open < 0) continue;
    const rest = t.slice(open + tag.length, open + tag.length + 24).trimStart();
    const n = openingStatus(rest.startsWith('error ') ? rest.slice(6) : rest);
    if (n !== undefined) return n;
  }
  // Or the status whose reason phrase a JSON parser quotes as the body's start: a client that called
  // `res.json()` on a plain-text error page prints `Unexpected token 'T', "Too Many R"... is not valid JSON`.
  const quoted = QUOTED_START.exec(t)?.[1];
  if (quoted !== undefined) {
    for (let n = 400; n < 600; n++) {
      const phrase = statusText(n);
      if (phrase !== 'Error' && phrase.toLowerCase().startsWith(quoted)) return n;
    }
  }
  // Or the status before the word, as a page's heading has it: CloudFront's `<H1>503 ERROR</H1>`.
  return statusBefore(t, ' error');
}

/** V8's message for JSON.parse on text, quoting the text's first ten characters (lower-cased here). */
const QUOTED_START = /"([a-z][a-z ]{4,11})"\.\.\. is not valid json/;
