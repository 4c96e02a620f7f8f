/**
 * Server-sent events decoded as the bytes arrive, for the stream helpers: the same fields and
 * event rules as sse.ts (which reads a whole bounded body for classify), fed one chunk at a time.
 * Lines are split on the bytes CR and LF, which never occur inside a UTF-8 sequence, so a chunk
 * boundary anywhere (inside a character, between CR and LF) yields the same events.
 */
import { isErrorData, parseJson } from './sse.js';

/**
 * One server-sent event, as a stream helper hands it to the caller.
 *
 * @example
 * ```ts
 * const event: SseEvent = { event: 'message', data: '{"choices":[]}', id: undefined };
 * JSON.parse(event.data);
 * ```
 * @public
 */
export interface SseEvent {
  /** The `event:` field; `message` when the server named none. */
  readonly event: string;
  /** The `data:` lines joined by `\n`. */
  readonly data: string;
  /** The last `id:` seen so far (the Last-Event-ID a resumed request sends), if any. */
  readonly id: string | undefined;
}

const EMPTY = new Uint8Array(0);

/**
 * Decodes a byte stream into events; `push` each chunk, then `end()` once the body is done (a last
 * event the body ends inside, with no blank line after it, is dispatched then, as sse.ts reads it).
 *
 * @example
 * ```ts
 * const decoder = new SseDecoder();
 * decoder.push(new TextEncoder().encode('data: hi\n\n')); // [{ event: 'message', data: 'hi', id: undefined }]
 * ```
 * @internal
 */
export class SseDecoder {
  readonly #text = new TextDecoder();
  #pending: Uint8Array = EMPTY;
  #afterCr = false;
  #first = true;
  #event = '';
  #data: string[] = [];
  #id: string | undefined;
  // The event came from a llama.cpp-style `error:` field, whose value is the error object itself.
  #bare = false;
  /** The last `retry:` (reconnection time, ms) the stream sent. */
  retryMs: number | undefined;

  push(bytes: Uint8Array): SseEvent[] {
    const out: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b !== 10 && b !== 13) continue;
      if (b === 10 && this.#afterCr && i === start && this.#pending.length === 0) {
        // The LF of a CRLF whose CR ended the previous line.
        this.#afterCr = false;
        start = i + 1;
        continue;
      }
      this.#line(this.#take(bytes.subarray(start, i)), out);
      this.#afterCr = b === 13;
      start = i + 1;
    }
    if (start < bytes.length) {
      this.#afterCr = false;
      this.#pending = concat(this.#pending, bytes.subarray(start));
    }
    return out;
  }

  end(): SseEvent[] {
    const out: SseEvent[] = [];
    if (this.#pending.length > 0) this.#line(this.#take(EMPTY), out);
    this.#line('', out);
    return out;
  }

  #take(tail: Uint8Array): string {
    const bytes = this.#pending.length === 0 ? tail : concat(this.#pending, tail);
    this.#pending = EMPTY;
    let line = this.#text.decode(bytes);
    if (this.#first) {
      this.#first = false;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    }
    return line;
  }

  #line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.#data.length > 0 || this.#event === 'error') {
        let data = this.#data.join('\n');
        const parsed = this.#bare ? parseJson(data) : undefined;
        if (typeof parsed === 'object' && parsed !== null && !isErrorData(parsed)) data = JSON.stringify({ error: parsed });
        out.push({ event: this.#event === '' ? 'message' : this.#event, data, id: this.#id });
      }
      this.#event = '';
      this.#data = [];
      this.#bare = false;
      return;
    }
    if (line.charCodeAt(0) === 58) return; // ':' starts a comment
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (name === 'data') this.#data.push(value);
    else if (name === 'event') this.#event = value;
    else if (name === 'error') {
      // As sse.ts reads it: llama.cpp servers wrote a failure as a non-standard `error:` field.
      this.#event = 'error';
      this.#bare = true;
      this.#data.push(value);
    } else if (name === 'id' && !value.includes('\0')) this.#id = value;
    else if (name === 'retry' && /^\d{1,9}$/.test(value)) this.retryMs = Number(value);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Whether an event is an error event: `event: error`, or data whose JSON has a top-level `error`.
 *
 * @example
 * ```ts
 * isErrorEvent({ event: 'message', data: '{"error":{"message":"boom"}}', id: undefined }); // true
 * ```
 * @internal
 */
export function isErrorEvent(event: SseEvent): boolean {
  return event.event === 'error' || isErrorData(parseJson(event.data));
}

/**
 * The event written back as a `text/event-stream` body, for classify to read as it reads a whole
 * stream (the error event's code, wait hint and request id).
 *
 * @example
 * ```ts
 * eventText({ event: 'error', data: '{"error":{}}', id: undefined }, undefined); // 'event: error\ndata: {"error":{}}\n\n'
 * ```
 * @internal
 */
export function eventText(event: SseEvent, retryMs: number | undefined): string {
  const head = `${retryMs === undefined ? '' : `retry: ${retryMs}\n`}${event.id === undefined ? '' : `id: ${event.id}\n`}`;
  return `${head}${event.event === 'message' ? '' : `event: ${event.event}\n`}data: ${event.data.split('\n').join('\ndata: ')}\n\n`;
}

/**
 * An SDK's error for an error event it read inside a 200 stream (openai's and Anthropic's
 * `APIError` with no status and the event's JSON as `error`), written back as that event in a
 * stream, for classify to read as any error event; `undefined` for anything else. Only the stream
 * helpers use it, so `classify` alone does not carry it.
 *
 * @example
 * ```ts
 * sdkStreamEvent(Object.assign(new Error('Overloaded'), { status: undefined, error: { type: 'error', error: { type: 'overloaded_error' } } }))?.status; // 200
 * ```
 * @internal
 */
export function sdkStreamEvent(error: unknown): { readonly status: 200; readonly headers: Readonly<Record<string, string>>; readonly body: string } | undefined {
  if (!(error instanceof Error) || (error as { status?: unknown }).status !== undefined) return undefined;
  const body = (error as { error?: unknown }).error;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const event = typeof (body as { error?: unknown }).error === 'object' && (body as { error?: unknown }).error !== null ? body : { error: body };
  let data: string;
  try {
    data = JSON.stringify(event);
  } catch {
    return undefined;
  }
  const headers: Record<string, string> = { 'content-type': 'text/event-stream' };
  const id = (error as { requestID?: unknown }).requestID;
  if (typeof id === 'string' && id !== '') headers['request-id'] = id;
  return { status: 200, headers, body: `event: error\ndata: ${data}\n\n` };
}
