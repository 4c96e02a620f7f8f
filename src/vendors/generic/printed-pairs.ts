/**
 * The members a printout holds: `key: value` pairs as logs, CLIs and printed hashes show them, the code a `code: message`
 * chain names, a list as R prints it, a form-encoded body, and Python's `(status, 'code', …)` call. Every pattern has
 * bounded quantifiers only.
 */
import { isReasonPhraseRunTogether } from '../status-text.js';
import { meaning } from './lexicon.js';

// `key: value`, `key=value`, `key => value`, `[key] => value`, `"key": value` wherever a key starts
// (a line, after `,` `{` `(` `[` or a space). Bounded quantifiers only: linear.
// The separator before a key is looked behind, not consumed, so a key right after another's
// spaces still starts a pair (PowerShell's `Write-Error:  errorCode: E0000011;`); a quote before a
// key must close after it, so a quoted value that opens with `CODE:` is no key.
const PAIR = /(?<=^|[\s,;{(\[])(["']?)([A-Za-z_][\w.-]{0,40})\1\]?[ \t]{0,3}(?::(?!\/\/)|=>|=)[ \t]{0,3}/g;

/**
 * The pairs a log line, a CLI's output or a printed hash holds, as a record: `Request ID: abc` is `request_id`.
 * @example
 * ```ts
 * pairs('status: 429, code: rate_limited'); // { status: 429, code: 'rate_limited' }
 * ```
 * @internal
 */
export function pairs(head: string): Readonly<Record<string, unknown>> | undefined {
  const out: Record<string, unknown> = {};
  const found: { key: string; from: number; to: number }[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(head); m !== null && found.length < 40; m = PAIR.exec(head)) {
    found.push({ key: codeKey(m[2] as string, head, m.index), from: m.index, to: m.index + m[0].length });
    if (m[0].length === 0) PAIR.lastIndex++;
  }
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as { key: string; from: number; to: number };
    const end = i + 1 < found.length ? (found[i + 1] as { from: number }).from : head.length;
    // A log's `error_class=` is the exception's class (Fluentd's `error_class=Fluent::UnrecoverableError`), never
    // the vendor's code a JSON body's `error_class` is (Salt Edge's `"error_class": "ConnectionNotFound"`).
    if (f.key === 'error_class') continue;
    const value = trimValue(withoutLabel(head.slice(f.to, end)));
    // `000` stays a string: a number with a leading zero is a code (Adyen's `errorCode`), not a count.
    if (value !== '' && !Object.hasOwn(out, f.key)) out[f.key] = /^(?:0|[1-9]\d{0,14})$/.test(value) ? Number(value) : value;
  }
  return found.length > 0 ? out : undefined;
}

/**
 * A `Code` label with the word a printout puts before it: the AWS SDK for Java v1's `Status Code: 409, AWS Service: …,
 * AWS Request ID: …, AWS Error Code: ConditionalCheckFailed` names the status first, then the vendor's code.
 */
function codeKey(key: string, head: string, at: number): string {
  if (key !== 'Code' && key !== 'code') return key;
  const before = head.slice(Math.max(0, at - 7), at).toLowerCase();
  return before.endsWith('status ') ? 'status_code' : before.endsWith('error ') ? 'error_code' : key;
}

/**
 * A value without the first words of the next pair's label: in `AWS Error Code: ConditionalCheckFailed, AWS Error Message:
 * …` the next key is `Message`, and `, AWS Error` before it is its label's, not the code's.
 */
function withoutLabel(raw: string): string {
  const comma = raw.lastIndexOf(', ');
  return comma > 0 && /^(?:[A-Z][A-Za-z]{0,20} ){1,3}$/.test(raw.slice(comma + 2)) ? raw.slice(0, comma) : raw;
}

/** A printed value without its quotes, the separator after it or the line end. */
function trimValue(raw: string): string {
  const nl = raw.indexOf('\n');
  // PHP's var_dump prints a string's length before it (`["ErrorCode"]=> string(18) "InvalidCredentials"`).
  let v = (nl < 0 ? raw : raw.slice(0, nl)).trim().replace(/^string\(\d{1,9}\) /, '');
  // A `[` closing the value opens the next key (PHP's print_r on one line: `[error_message] => … [error_code] => FORBIDDEN`).
  // So does the `>` that closes an XML tag after its attribute (QuickBooks' `<Error code="3001">`).
  while (v !== '' && ',;)]}[>'.includes(v.charAt(v.length - 1))) v = v.slice(0, -1).trimEnd();
  const q = v.charAt(0);
  if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) v = v.slice(1, -1);
  // A number closing a sentence is the number (Vault's `Code: 403. Errors:`).
  if (/^-?\d{1,15}\.$/.test(v)) v = v.slice(0, -1);
  return v === 'null' || v === 'None' || v === 'nil' || v === 'undefined' ? '' : v;
}

/**
 * Words printouts and logs use as labels before a colon (`note: …`, `body: …`, `fatal: [host]: …`, `err: 1`),
 * and the HTTP tools that open their errors with their own name (`curl: (22) The requested URL
 * returned error: 503`, Google's Go client's `googleapi: Error 404: …`, .NET's `StatusCode: 413, ReasonPhrase: …`),
 * and the operations Go's net errors name (`dial tcp 10.0.0.1:443: connect: operation
 * timed out`, `read: connection reset by peer`), and PHP's `Fatal error: Uncaught …`,
 * and Go's encoding/json, database/sql, crypto/x509 and crypto/tls, which open every error with their package's name (`json: unknown field
 * "reusable:"`, `sql: no rows in result set`), and
 * the HTTP client an app names as it prints a request that failed (AdGuard Home's `client: timeout exceeded: 13.03s`), and
 * .NET's console logger's levels (`fail: CarbonAware.DataSources.WattTime.Client…`), and Go's runtime (`panic: runtime error: …`):
 * no vendor's code.
 */
const LABELS = new Set('note body attempt fatal panic warning userwarning info debug hint help cause details curl wget err message connect dial read write lookup uncaught api success googleapi statuscode json sql client fail warn crit dbug trce x509 tls'.split(' '));

// The first link of a `code: message` chain that is one code-like token (Docker's `toomanyrequests: You have reached…`,
// `INVALID_SESSION_ID: Session expired`), neither a class name (`…Exception`, `Foo::Bar`) nor a capitalised word (`Forbidden`).
function chainToken(head: string): string | undefined {
  const nl = head.indexOf('\n');
  const line = nl < 0 ? head : head.slice(0, nl);
  // No `: ` on the first line, no chain: most messages leave here unsplit.
  const links = line.includes(': ') ? line.split(': ', 12) : [];
  for (let i = 0; i < links.length - 1; i++) {
    const link = links[i] as string;
    const open = link.lastIndexOf('(');
    const token = (open >= 0 ? link.slice(open + 1) : link).trim();
    if (token.length < 3 || token.length > 64 || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(token)) continue;
    // So is a client's own name (`WattTimeAPI: Error fetching data from WattTime API.`).
    if (/Exception$|Error$|[a-z](?:API|Api|Client)$|[.]/.test(token) || token.toLowerCase() === 'error' || LABELS.has(token.toLowerCase())) continue;
    // A reason phrase run together is the status's name (Goldwarden's `BadRequest: {"message": …}`), not a code.
    if (isReasonPhraseRunTogether(token)) continue;
    // A name before a number is a printed count (`(limit: 4096)`), not a code.
    if (open >= 0 && /^\d/.test(links[i + 1] as string)) continue;
    // A link before a quoted or bracketed value is a field's name (`message: 'Unauthorized'`, `body: "{…}"`).
    // A PascalCase code of two words or more (`SlowDown: …`, `NoSuchKey: …`) is one too; at the
    // text's start it may name a JSON message, as contentful.js names its errors by `sys.id`.
    const pascal = /^[A-Z][a-z0-9]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,6}$/.test(token);
    const next = links[i + 1] as string;
    // A class that spells out its message's first words (`UnexpectedResponse: Unexpected Response: 400`) is the client's.
    if (pascal && next.slice(0, token.length + 8).replace(/ /g, '').startsWith(token)) continue;
    if (`'"{[`.includes(next.charAt(0)) && !(pascal && i === 0 && link === token && next.charAt(0) === '{')) continue;
    // google-api-core names its exception by the status (`TooManyRequests: 429 POST https://…`): a class, not a code.
    if (pascal && /^\d{3} /.test(next)) continue;
    if (token === token.toLowerCase() || token === token.toUpperCase() || pascal) return token;
    // A camelCase code right after the exception's class, as Google's Ruby clients print a legacy reason
    // (`Google::Cloud::PermissionDeniedError: rateLimitExceeded: Exceeded rate limits: …`).
    if (i > 0 && /(?:Error|Exception)$/.test(links[i - 1] as string) && /^[a-z][a-z0-9]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,6}$/.test(token)) return token;
  }
  return undefined;
}

/**
 * The code a `code: message` chain names; a plain lower-case word leading it is one only when it means something (Docker's
 * `toomanyrequests: …`, `denied: …`) or is the Prometheus API's `errorType` its clients print before the error
 * (Mimir's `execution: expanding series: …`), never a Go package or an app naming its error (go2rtc's `streams: source
 * not supported`, `wandb: ERROR …`, `gzip: invalid header`).
 * @internal
 */
export function chainCode(lead: string): string | undefined {
  const code = chainToken(lead);
  return code === undefined || !/^(?:[a-z]{3,20}|[A-Z]{3,5})$/.test(code) || code === 'execution' || meaning(code) !== undefined ? code : undefined;
}

/**
 * A list as R prints it (httr's `content(response)`, which R clients of JSON APIs paste): each member's path on a line,
 * `$content$\`service-error\`$\`status\`$\`statusCode\``, its value on the next, `[1] "AUTHORIZATION_ERROR"`. As
 * `name: value` lines, the last name of each path, for the pairs reader.
 * @internal
 */
export function rPairs(lead: string): string {
  const lines = lead.split('\n');
  let out = '';
  for (let i = 0; i + 1 < lines.length; i++) {
    const path = lines[i] as string;
    const next = lines[i + 1] as string;
    if (path.startsWith('$') && next.startsWith('[1] ')) out += `${path.slice(path.lastIndexOf('$') + 1).replaceAll('`', '')}: ${next.slice(4).trim()}\n`;
  }
  return out;
}

/**
 * Python's `TransportError(429, 'index_not_found_exception', …)`: a status, then a code.
 * @internal
 */
export const CALL = /\((\d{3}), u?['"]([A-Za-z][\w.:-]{0,79})['"]/;

/**
 * A whole body form-encoded (`k=v&k=v`, no spaces): the members a payment gateway's reply holds
 * (VNPay's `vnp_ResponseCode=99&vnp_Message=Parameter+required`), decoded, without the prefix every
 * member shares, so `vnp_Message` reads as a `Message`. Both quantified classes stop at `&`: linear.
 */
const FORM = /^[A-Za-z_][\w.[\]-]{0,40}=[^&\s]{0,2048}(?:&[A-Za-z_][\w.[\]-]{0,40}=[^&\s]{0,2048}){1,40}$/;

/**
 * The members of a body that is all one form (FORM), decoded, without their shared prefix.
 * @internal
 */
export function formMembers(head: string): Record<string, string> | undefined {
  const text = head.trim();
  if (!FORM.test(text)) return undefined;
  const entries = [...new URLSearchParams(text)];
  const prefix = /^[a-z]{2,8}_/.exec(entries[0]?.[0] ?? '')?.[0];
  const shared = prefix !== undefined && entries.every(([k]) => k.startsWith(prefix) && k.length > prefix.length);
  return Object.fromEntries(entries.map(([k, v]) => [shared ? k.slice(prefix.length) : k, v]));
}
