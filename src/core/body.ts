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
}

const NONE: BodyView = Object.freeze({ json: undefined, text: '' });
let decoder: TextDecoder | undefined;

function decode(bytes: Uint8Array, max: number): string {
  decoder ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  return decoder.decode(bytes.length > max ? bytes.subarray(0, max) : bytes);
}

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length && i < 64; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) return true; // { [
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return false;
  }
  return false;
}

/** Text (bounded) plus its JSON, when it is JSON. */
export function viewOfText(raw: string, max: number): BodyView {
  const text = raw.length > max ? raw.slice(0, max) : raw;
  if (!looksLikeJson(text)) return { json: undefined, text };
  try {
    // The sniff skips a byte-order mark (a string from Buffer#toString keeps it); JSON.parse does not.
    return { json: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown, text };
  } catch {
    return { json: undefined, text };
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
    if (body instanceof Uint8Array) return viewOfText(decode(body, max), max);
    if (body instanceof ArrayBuffer) return viewOfText(decode(new Uint8Array(body, 0, Math.min(body.byteLength, max)), max), max);
    if (ArrayBuffer.isView(body)) {
      return viewOfText(decode(new Uint8Array(body.buffer, body.byteOffset, Math.min(body.byteLength, max)), max), max);
    }
    if (typeof body === 'object') return { json: body, text: '' };
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
 * first. Never rejects.
 * @internal
 */
export async function readResponseText(response: Response, max: number, timeoutMs: number): Promise<string> {
  const stream = response.body;
  if (stream === null || stream === undefined) return '';
  if (response.bodyUsed) return '';
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    while (size < max) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'timeout' || next.done) break;
      chunks.push(next.value);
      size += next.value.byteLength;
    }
    const all = new Uint8Array(Math.min(size, max));
    let offset = 0;
    for (const chunk of chunks) {
      if (offset >= all.length) break;
      const part = chunk.subarray(0, all.length - offset);
      all.set(part, offset);
      offset += part.length;
    }
    return decode(all, max);
  } catch {
    return '';
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    // Cancel whatever is left so the socket is released; errors here are of no interest.
    reader?.cancel().catch(() => undefined);
  }
}
