/**
 * Server-sent events, read only as far as classify needs: the first error event of a
 * `text/event-stream` body and whether any output came before it. One linear pass over text that
 * is already bounded by `maxBodyBytes`; nothing here throws, whatever the body holds.
 *
 * An error event is `event: error` (Anthropic: `data: {"type":"error","error":{…}}`) or a data
 * line whose JSON has a top-level `error` (OpenAI's `data: {"error":{…}}` chunk) or is vLLM's
 * `{"object": "error", …}`. Every other
 * event with data counts as delivered output (a retry after it would repeat what the caller already
 * has), bar those that carry none: `ping`, Anthropic's `message_start` and the `[DONE]` sentinel.
 */

import { refusedFinish } from './gemini-finish.js';

/** The first error event of a stream, as classify reads it. @internal */
export interface SseError {
  /** The event's data parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
  /** The event's data as text (its `data:` lines joined by `\n`). */
  readonly text: string;
  /** The event's `id:`, if any. */
  readonly id: string | undefined;
  /** The stream's last `retry:` (its reconnection time in ms) before the error, if any. */
  readonly retryMs: number | undefined;
  /** Whether an event with output came before it. */
  readonly delivered: boolean;
}

// Events that carry no output: a keep-alive, and Anthropic's envelope before the first content block.
const NO_OUTPUT: ReadonlySet<string> = new Set(['ping', 'message_start']);

// JSON when the data starts, after whitespace, with a brace: anything else is never parsed.
const JSON_START = /^[ \t]{0,63}\{/;

/**
 * Whether a (non-error) event carries output for the caller: not a keep-alive, Anthropic's
 * `message_start` envelope, or the `[DONE]` sentinel.
 * @example
 * ```ts
 * carriesOutput('ping', '{}'); // false
 * ```
 * @internal
 */
export function carriesOutput(event: string, data: string): boolean {
  return !NO_OUTPUT.has(event) && data.trim() !== '[DONE]';
}

/**
 * The data of an event parsed as JSON when it looks like an object, else `undefined`; never throws.
 * @example
 * ```ts
 * parseJson('{"a":1}'); // { a: 1 }
 * ```
 * @internal
 */
export function parseJson(text: string): unknown {
  if (!JSON_START.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Whether an event's data JSON is an error chunk: a top-level `error` (OpenAI), vLLM's (and
 * Mistral's) top-level `{"object": "error", "message": …}`, or Gemini's refused candidates.
 * @example
 * ```ts
 * isErrorData({ error: { message: 'boom' } }); // true
 * ```
 * @internal
 */
export function isErrorData(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const j = json as { error?: unknown; object?: unknown; message?: unknown };
  // vLLM's (and Mistral's) top-level `{"object": "error", "message": …}` is an error chunk too; so is a Gemini chunk
  // whose candidates were refused (`finishReason: "RECITATION"`), which Google's SDKs throw on.
  return (j.error !== null && j.error !== undefined) || (j.object === 'error' && typeof j.message === 'string') || refusedFinish(json) !== undefined;
}

/**
 * The first error event in `text`, or `undefined` when every event is fine (or the text is not a
 * stream at all). A last event the body ends inside (no blank line after it) is read too: a
 * server that fails often closes the stream straight after its error line.
 *
 * @example
 * ```ts
 * sseError('data: {"choices":[]}\n\ndata: {"error":{"message":"boom"}}\n\n')?.delivered; // true
 * ```
 * @internal
 */
export function sseError(text: string): SseError | undefined {
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let retryMs: number | undefined;
  let delivered = false;
  // The event came from an `error:` field, whose value is the error object itself.
  let bare = false;
  let triedJson = false;
  let at = 0;
  const end = text.length;
  // One line per step; `at <= end` lets the final, unterminated line (and event) be dispatched.
  while (at <= end) {
    let next = at;
    while (next < end) {
      const c = text.charCodeAt(next);
      if (c === 10 || c === 13) break;
      next++;
    }
    const line = text.slice(at, next);
    // A JSON error object that opens a line outside any event, after the events: a stream that failed part-way and
    // wrote its error as the server's plain JSON body (the Gemini API's mid-stream CANCELLED, as Google's SDK test data
    // records it). Only a line that starts with a brace is tried, and only once.
    if (line.charCodeAt(0) === 123 && data.length === 0 && event === '' && !triedJson) {
      triedJson = true;
      const rest = text.slice(at);
      const json = parseJson(rest);
      if (isErrorData(json)) return { json, text: rest, id, retryMs, delivered };
    }
    const atEnd = next >= end;
    // CRLF, CR or LF ends a line.
    at = next + (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1);
    if (line === '' || atEnd) {
      if (line !== '') field(line);
      if (data.length > 0 || event === 'error') {
        const joined = data.join('\n');
        const parsed = parseJson(joined);
        const json = bare && typeof parsed === 'object' && parsed !== null && !isErrorData(parsed) ? { error: parsed } : parsed;
        if (event === 'error' || isErrorData(json)) return { json, text: joined, id, retryMs, delivered };
        if (carriesOutput(event, joined)) delivered = true;
      }
      event = '';
      data = [];
      bare = false;
      if (atEnd) break;
      continue;
    }
    field(line);
  }
  return undefined;

  function field(line: string): void {
    if (line.charCodeAt(0) === 58) return; // ':' starts a comment
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
    // llama.cpp servers of 2025 wrote a failure as a non-standard `error:` field at HTTP 200.
    else if (name === 'error') {
      event = 'error';
      bare = true;
      data.push(value);
    }
    else if (name === 'id' && !value.includes('\0')) id = value;
    else if (name === 'retry' && /^\d{1,9}$/.test(value)) retryMs = Number(value);
  }
}

/**
 * The HTTP status an error event's JSON states (`error.status`, `error.code` or `status`, 400–599), else none.
 * @example
 * ```ts
 * statusInEvent({ error: { message: 'down', status: 503 } }); // 503
 * ```
 * @internal
 */
export function statusInEvent(json: unknown): number | undefined {
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
  const error = typeof body?.error === 'object' && body.error !== null ? (body.error as Record<string, unknown>) : undefined;
  for (const value of [error?.status, error?.code, body?.status]) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599) return value;
  }
  return undefined;
}
