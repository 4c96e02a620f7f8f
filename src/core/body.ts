/**
 * Response bodies, bounded: only the first `maxBodyBytes` are ever decoded or parsed, JSON is
 * parsed once and only when the text looks like JSON, and nothing here throws.
 */

/** The default bound on how much of a body is read: 64 KiB. @public */
export const DEFAULT_MAX_BODY_BYTES = 65_536;

/** What classify sees of a body. @internal */
export interface BodyView {
  /** The parsed JSON, or the already-parsed value given; `undefined` when the body is not JSON. */
  readonly json: unknown;
  /** The text, at most `max` characters; `''` for pre-parsed or empty bodies. */
  readonly text: string;
  /** Whether the body went on past `max`: then a JSON text that does not parse may only have been cut here. */
  readonly cut: boolean;
}

const NONE: BodyView = Object.freeze({ json: undefined, text: '', cut: false });
// UTF-8, non-fatal, BOM stripped: the TextDecoder defaults.
let decoder: TextDecoder | undefined;

function decode(bytes: Uint8Array, max: number): string {
  decoder ??= new TextDecoder();
  return decoder.decode(bytes.subarray(0, max));
}

// JSON when an opening brace or bracket comes within the first 64 characters, after nothing but
// whitespace or a byte-order mark, and what follows it can follow it in JSON (a key's quote, a value, the
// close): anchored and bounded, so it never scans a long body. A Python dict's `{'error': …}` and a log
// line's `[ERROR] …` are turned away here, not by JSON.parse, whose throw costs more than most classify calls.
const JSON_START = /^[ \n\r\t\ufeff]{0,63}(?:\{[ \n\r\t]*["}]|\[[ \n\r\t]*[-\d"{[\]tfn])/;

/** Text (bounded) plus its JSON, when it is JSON. */
export function viewOfText(raw: string, max: number, longer = raw.length > max): BodyView {
  const text = raw.slice(0, max);
  if (!JSON_START.test(text)) return { json: undefined, text, cut: longer };
  try {
    // The sniff skips a byte-order mark (a string from Buffer#toString keeps it); JSON.parse does not.
    return { json: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown, text, cut: longer };
  } catch {
    return { json: undefined, text, cut: longer };
  }
}

/**
 * A body given as a string, bytes (`Uint8Array`, `ArrayBuffer`, any typed array) or an already-parsed
 * value, viewed within `max` bytes.
 * @internal
 */
export function viewBody(body: unknown, max: number): BodyView {
  try {
    if (body === undefined || body === null) return NONE;
    if (typeof body === 'string') return viewOfText(body, max);
    // Any view (Uint8Array, Buffer, DataView, other typed arrays) is read as its bytes; a Uint8Array
    // behind a Proxy, which isView does not see, is tried too (and reads as no body, as it always has).
    if (body instanceof Uint8Array || ArrayBuffer.isView(body)) return viewOfText(decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), max), max, body.byteLength > max);
    if (body instanceof ArrayBuffer) return viewOfText(decode(new Uint8Array(body), max), max, body.byteLength > max);
    if (typeof body === 'object') return { json: body, text: '', cut: false };
    return NONE;
  } catch {
    return NONE;
  }
}

/**
 * The media type of a `Content-Type` value, lower case, without parameters.
 * @internal
 */
export function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/**
 * Reads at most `max` bytes of a fetch `Response` body as text, then cancels the rest of the
 * stream. Gives `''` when the body cannot be read, and what arrived so far when `timeoutMs` passes
 * first; `whole` says whether the stream ended within those bytes and that time. Never rejects.
 * @internal
 */
export async function readResponseText(response: Response, max: number, timeoutMs: number): Promise<{ readonly text: string; readonly whole: boolean }> {
  const stream = response.body;
  if (stream === null || stream === undefined) return { text: '', whole: true };
  if (response.bodyUsed) return { text: '', whole: false };
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    reader = stream.getReader();
    // One decoder per body, streaming, so a character split across chunks decodes whole.
    const streaming = new TextDecoder();
    let text = '';
    let size = 0;
    let whole = false;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    while (size < max) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'timeout') break;
      if (next.done) {
        whole = true;
        break;
      }
      const chunk = next.value.subarray(0, max - size);
      size += chunk.length;
      text += streaming.decode(chunk, { stream: true });
    }
    return { text: text + streaming.decode(), whole };
  } catch {
    return { text: '', whole: false };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    // Cancel whatever is left so the socket is released; errors here are of no interest.
    reader?.cancel().catch(() => undefined);
  }
}

/**
 * Whether a success's whole body says it is one JSON value, by its media type or its first character, and JSON.parse
 * refused it: cut short by the server, or invalid up to its end (the catalog's malformed_response). Ask only of a body
 * read whole: one that went on past the read bound may only have been cut here. One whose first value closes before the
 * text ends is something else (lines of JSON, a printout after a body) for the readers to name. One pass over the text.
 * @example
 * ```ts
 * brokenJson(200, undefined, '{', ''); // true
 * brokenJson(200, undefined, '{"a": 1}\n{"b": 2}', ''); // false
 * ```
 * @internal
 */
export function brokenJson(status: number | undefined, json: unknown, body: string, contentType: string): boolean {
  if (status === undefined || status < 200 || status >= 300 || json !== undefined) return false;
  const text = body.trim();
  const first = text.charCodeAt(0);
  if (first !== 123 && first !== 91) return text !== '' && (contentType === 'application/json' || contentType.endsWith('+json'));
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 92) i++;
      else if (c === 34) quoted = false;
    } else if (c === 34) quoted = true;
    else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return i === text.length - 1;
  }
  return true;
}
