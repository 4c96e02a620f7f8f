/**
 * A raw HTTP response as `curl -si` prints it: a status line, header lines, a blank line, the
 * body. CRLF or LF; HTTP/1.x (`HTTP/1.1 429 Too Many Requests`) or HTTP/2 and /3 (`HTTP/2 429`);
 * interim blocks (`100 Continue`, a proxy's `200 Connection established`, redirects followed with
 * `-L`) are skipped, because the response that matters is the last one.
 */
import { UsageError } from './args.js';

/**
 * A parsed response, ready for `classify`.
 * @example
 * ```ts
 * const { status, headers, body }: HttpText = parseHttpText(raw);
 * classify({ status, headers, body });
 * ```
 * @internal
 */
export interface HttpText {
  readonly status: number;
  /** Header entries in the order received; repeated names are kept. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t][^\r\n]*)?\r?$/;
const NEXT_STATUS = /^HTTP\/\d(?:\.\d)?[ \t]+\d{3}/;

/**
 * Parses the text of a raw HTTP response, or throws a {@link UsageError} saying what is missing.
 * @example
 * ```ts
 * parseHttpText('HTTP/2 429\r\nretry-after: 2\r\n\r\n{"error":"rate_limited"}').status; // 429
 * ```
 * @internal
 */
export function parseHttpText(text: string): HttpText {
  let rest = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  for (;;) {
    const lineEnd = rest.indexOf('\n');
    const statusLine = lineEnd === -1 ? rest : rest.slice(0, lineEnd);
    const match = STATUS_LINE.exec(statusLine);
    if (match === null) {
      throw new UsageError(`stdin is not an HTTP response: expected a status line such as 'HTTP/1.1 429 Too Many Requests', got '${statusLine.slice(0, 40)}'`);
    }
    const status = Number(match[1]);
    rest = lineEnd === -1 ? '' : rest.slice(lineEnd + 1);
    const headers: [string, string][] = [];
    for (;;) {
      const end = rest.indexOf('\n');
      const line = (end === -1 ? rest : rest.slice(0, end)).replace(/\r$/, '');
      rest = end === -1 ? '' : rest.slice(end + 1);
      if (line === '') break;
      const last = headers[headers.length - 1];
      if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
        // obsolete line folding: a continuation of the previous header
        last[1] = `${last[1]} ${line.trim()}`;
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) throw new UsageError(`stdin is not an HTTP response: header line without a name: '${line.slice(0, 40)}'`);
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
      if (end === -1) break;
    }
    if (NEXT_STATUS.test(rest)) continue;
    return { status, headers, body: rest };
  }
}
