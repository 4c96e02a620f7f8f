/**
 * The chaos server's streamed answers: a 200 `text/event-stream` that sends `events` chunks of
 * output in an LLM vendor's streaming shape, then ends, fails with an error event in that vendor's
 * shape (the body its profile's `render` writes), cuts the connection, or stalls. The shapes follow
 * the vendors' streaming docs: OpenAI chat completions chunks ending in `data: [DONE]`
 * (https://platform.openai.com/docs/api-reference/chat-streaming), an error as a `data:` line
 * holding `{"error":…}` (what openai-node's stream raises on); Anthropic's `message_start`,
 * `content_block_delta` … `message_stop`, and `event: error`
 * (https://docs.claude.com/en/docs/build-with-claude/streaming).
 */
import type { ServerResponse } from 'node:http';
import { CATALOG, isFaultCode, type FaultCode } from '../core/catalog.js';
import { createFault, type FaultInit } from '../core/fault.js';
import type { Clock } from '../policy/clock.js';
import type { VendorProfile } from '../vendors/profile.js';
import { faultReply } from './chaos-render.js';
import type { ChaosStreamAction, ChaosStreamShape } from './chaos-types.js';

/** Streaming shapes, each as its output chunk, its end and how an error body is framed. */
const SHAPES = {
  openai: {
    start: undefined,
    chunk: (i: number) => `data: ${JSON.stringify({ id: 'chatcmpl-chaos', object: 'chat.completion.chunk', created: 0, model: 'chaos', choices: [{ index: 0, delta: { content: `token ${i} ` }, finish_reason: null }] })}\n\n`,
    done: 'data: [DONE]\n\n',
    error: (body: string) => `data: ${body}\n\n`,
  },
  anthropic: {
    start: `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_chaos', type: 'message', role: 'assistant', content: [], model: 'chaos', stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } })}\n\n`,
    // The text block opens with the first token and closes before the message ends, as in the docs' example stream.
    chunk: (i: number) =>
      `${i === 0 ? 'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n' : ''}` +
      `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: `token ${i} ` } })}\n\n`,
    done:
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n' +
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":3}}\n\n' +
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    error: (body: string) => `event: error\ndata: ${body}\n\n`,
  },
  generic: {
    start: undefined,
    chunk: (i: number) => `data: ${JSON.stringify({ text: `token ${i} ` })}\n\n`,
    done: 'event: done\ndata: {}\n\n',
    error: (body: string) => `event: error\ndata: ${body}\n\n`,
  },
} as const satisfies Record<ChaosStreamShape, unknown>;

const SHAPE_NAMES = Object.keys(SHAPES) as ChaosStreamShape[];
const ENDS = ['done', 'cut', 'hang'] as const;
const STREAM_KEYS = ['type', 'events', 'fault', 'then', 'shape', 'eventDelayMs', 'delayMs', 'commit'] as const;

/**
 * The streaming shape a vendor answers in: its own for `openai` and `anthropic`, else the generic one.
 *
 * @example
 * ```ts
 * shapeOf({ type: 'stream' }, 'anthropic'); // 'anthropic'
 * ```
 * @internal
 */
export function shapeOf(action: ChaosStreamAction, profileId: string): ChaosStreamShape {
  if (action.shape !== undefined) return action.shape;
  return profileId === 'openai' || profileId === 'anthropic' ? profileId : 'generic';
}

/**
 * Checks a `stream` action, naming the exact field at fault (`script[2].events`).
 *
 * @example
 * ```ts
 * checkStreamAction({ type: 'stream', events: -1 }, 'script[0]'); // TypeError: startChaosServer: script[0].events must be an integer >= 0, got -1
 * ```
 * @internal
 */
export function checkStreamAction(action: ChaosStreamAction, option: string, fail: (option: string, rule: string, value: unknown) => never): ChaosStreamAction {
  for (const key of Object.keys(action)) {
    if (!(STREAM_KEYS as readonly string[]).includes(key)) fail(`${option} keys`, `one of ${STREAM_KEYS.join(', ')}`, key);
  }
  const { events, fault, then, shape, eventDelayMs } = action;
  if (events !== undefined && (typeof events !== 'number' || !Number.isInteger(events) || events < 0)) fail(`${option}.events`, 'an integer >= 0', events);
  if (fault !== undefined && !isFaultCode(typeof fault === 'string' ? fault : (fault as { code?: unknown } | null)?.code)) {
    fail(`${option}.fault`, 'a fault code or a fault with a code', fault);
  }
  if (then !== undefined && !(ENDS as readonly string[]).includes(then)) fail(`${option}.then`, `one of ${ENDS.join(', ')}`, then);
  if (then !== undefined && fault !== undefined) fail(`${option}.then`, 'left out when a fault ends the stream', then);
  if (shape !== undefined && !SHAPE_NAMES.includes(shape)) fail(`${option}.shape`, `one of ${SHAPE_NAMES.join(', ')}`, shape);
  if (eventDelayMs !== undefined && (typeof eventDelayMs !== 'number' || !(eventDelayMs >= 0) || !Number.isFinite(eventDelayMs))) {
    fail(`${option}.eventDelayMs`, 'a number >= 0', eventDelayMs);
  }
  return action;
}

/**
 * The error event a stream ends with, framed in its streaming shape: OpenAI's and Anthropic's
 * carry the body the vendor's profile renders for the fault; the generic shape states the code,
 * message and HTTP status (`{"error":{"code","message","status"}}`) so any reader can classify it.
 *
 * @example
 * ```ts
 * errorEvent(profile, 'openai', 'rate_limited', 'req_000001'); // 'data: {"error":{…}}\n\n'
 * ```
 * @internal
 */
export function errorEvent(profile: VendorProfile, shape: ChaosStreamShape, fault: FaultCode | FaultInit, requestId: string): string {
  if (shape !== 'generic') return SHAPES[shape].error(faultReply(profile, fault, requestId).body);
  const init = typeof fault === 'string' ? { code: fault } : fault;
  const full = createFault({ status: CATALOG[init.code].status, ...init });
  return SHAPES.generic.error(JSON.stringify({ error: { code: full.vendorCode ?? full.code, message: full.message, status: full.status } }));
}

/**
 * What a `stream` action sends, in order: the shape's opening event, the output chunks, and the
 * last part (its end, or the error event; none for `cut` and `hang`).
 *
 * @example
 * ```ts
 * streamParts({ type: 'stream', events: 1 }, profile, 'req_000001'); // { chunks: ['data: {…}\n\n'], last: 'data: [DONE]\n\n' }
 * ```
 * @internal
 */
export function streamParts(action: ChaosStreamAction, profile: VendorProfile, requestId: string): { readonly chunks: readonly string[]; readonly last: string | undefined } {
  const name = shapeOf(action, profile.id);
  const shape = SHAPES[name];
  const chunks: string[] = [];
  for (let i = 0; i < (action.events ?? 3); i++) chunks.push(shape.chunk(i));
  if (shape.start !== undefined) chunks[0] = `${shape.start}${chunks[0] ?? ''}`;
  const last = action.fault !== undefined ? errorEvent(profile, name, action.fault, requestId) : (action.then ?? 'done') === 'done' ? shape.done : undefined;
  return { chunks, last };
}

/** What the server needs to write a stream. @internal */
export interface StreamWriter {
  readonly res: ServerResponse;
  readonly clock: Clock;
  readonly closing: AbortSignal;
  readonly profile: VendorProfile;
  readonly requestId: string;
  /** Closes the connection with the response unfinished (the client reads a premature close). */
  readonly cut: () => void;
}

/**
 * Writes a `stream` action: the headers, `events` output chunks (`eventDelayMs` apart, on the
 * server's clock), then its end. Resolves when done; a closed server or client stops it quietly.
 * @internal
 */
export async function writeStream(action: ChaosStreamAction, w: StreamWriter): Promise<void> {
  const { chunks, last } = streamParts(action, w.profile, w.requestId);
  w.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': w.requestId, 'request-id': w.requestId });
  const gap = action.eventDelayMs ?? 0;
  for (const chunk of chunks) {
    if (gap > 0) {
      try {
        await w.clock.sleep(gap, w.closing);
      } catch {
        return;
      }
    }
    if (w.res.destroyed) return;
    w.res.write(chunk);
  }
  if (last !== undefined) {
    w.res.end(last);
  } else if (action.then === 'cut') {
    // Only once what was written has left: a cut must come after the events, never instead of them.
    await new Promise<void>((resolve) => w.res.write('', () => resolve()));
    w.cut();
  }
  // 'hang': the headers and events are out; the rest never comes (until the client gives up or the server closes).
}
