/**
 * A streamed body as createFetch hands it over: an idle timeout (the time between chunks, not the
 * whole body, is limited, so a ten-minute token stream lives as long as tokens keep coming and a
 * stalled one ends), and for server-sent events, an error event in the body (OpenAI's
 * `data: {"error":…}`, Anthropic's `event: error`) raised as the FaultError it names, once the chunk
 * that carried it has been read. Nothing is left behind: the timer is armed only while a read is
 * pending, and a cancel or an error releases the underlying reader.
 */
import { SseDecoder, isErrorEvent, type SseEvent } from '../core/sse-decoder.js';
import { carriesOutput } from '../core/sse.js';
import type { Clock } from '../policy/clock.js';
import { armWheelTimer } from '../policy/deadlines.js';
import { policyError } from '../policy/policy-error.js';

/** Turns what the underlying body's reader threw (a cut connection) into the caller's error. */
export type BodyErrorMapper = (error: unknown) => unknown;

/** The error a server-sent error event stands for, and whether output came before it. */
export type EventErrorMapper = (event: SseEvent, retryMs: number | undefined, delivered: boolean) => unknown;

/** Watches an event stream's bytes for its first error event. */
class ErrorEventWatch {
  readonly #decoder = new SseDecoder();
  readonly #map: EventErrorMapper;
  #delivered = false;
  constructor(map: EventErrorMapper) {
    this.#map = map;
  }
  /** The error the chunk's error event stands for, if it carried one. */
  check(bytes: Uint8Array | undefined): unknown {
    const events = bytes === undefined ? this.#decoder.end() : this.#decoder.push(bytes);
    for (const event of events) {
      if (isErrorEvent(event)) return this.#map(event, this.#decoder.retryMs, this.#delivered);
      if (carriesOutput(event.event, event.data)) this.#delivered = true;
    }
    return undefined;
  }
}

/**
 * The same response whose body errors with a `client_timeout` FaultError when no chunk arrives for
 * `idleMs`; a read error of the underlying body goes through `mapError`.
 *
 * @example
 * ```ts
 * const streamed = withIdleTimeout(response, 60_000, systemClock, (e) => e);
 * ```
 * @internal
 */
export function withIdleTimeout(response: Response, idleMs: number, clock: Clock, mapError: BodyErrorMapper, mapEvent?: EventErrorMapper): Response {
  const body = response.body;
  if (body === null) return response;
  const reader = body.getReader();
  let cancelTimer: (() => void) | undefined;
  // Set by the caller's cancel: a read still pending then settles into a stream that is gone.
  let cancelled = false;
  const watch = mapEvent !== undefined && isEventStream(response) ? new ErrorEventWatch(mapEvent) : undefined;
  // An error event's error, raised on the read after the chunk that carried it (erroring at once
  // would drop the chunk, and with it the events before the error).
  let failure: { readonly error: unknown } | undefined;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failure !== undefined) {
        reader.cancel(failure.error).catch(() => undefined);
        controller.error(failure.error);
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        let done = false;
        const finish = (): boolean => {
          if (done || cancelled) return false;
          done = true;
          cancelTimer?.();
          cancelTimer = undefined;
          return true;
        };
        cancelTimer = armWheelTimer(clock, idleMs, () => {
          cancelTimer = undefined;
          if (!finish()) return;
          const error = policyError('client_timeout', `No data for ${idleMs} ms`);
          reader.cancel(error).catch(() => undefined);
          controller.error(error);
          resolve();
        });
        reader.read().then(
          (chunk) => {
            if (!finish()) return;
            const error = watch?.check(chunk.done ? undefined : chunk.value);
            if (error !== undefined) failure = { error };
            if (!chunk.done) controller.enqueue(chunk.value);
            else if (failure === undefined) controller.close();
            else controller.error(failure.error);
            resolve();
          },
          (error: unknown) => {
            if (!finish()) return;
            controller.error(mapError(error));
            resolve();
          },
        );
      });
    },
    cancel(reason) {
      cancelled = true;
      cancelTimer?.();
      cancelTimer = undefined;
      return reader.cancel(reason);
    },
  });
  const copy = new Response(stream, { status: response.status, statusText: response.statusText, headers: response.headers });
  if (response.url !== '') Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

/**
 * Whether a response is a stream whose chunks arrive over time (server-sent events, NDJSON), the
 * bodies an idle timeout is for.
 *
 * @example
 * ```ts
 * isStreamed(new Response('', { headers: { 'content-type': 'text/event-stream' } })); // true
 * ```
 * @internal
 */
export function isStreamed(response: Response): boolean {
  const type = response.headers.get('content-type')?.toLowerCase() ?? '';
  return type.startsWith('text/event-stream') || type.startsWith('application/x-ndjson') || type.startsWith('application/jsonl');
}

/**
 * Whether a response is a server-sent event stream.
 *
 * @example
 * ```ts
 * isEventStream(new Response('', { headers: { 'content-type': 'text/event-stream' } })); // true
 * ```
 * @internal
 */
export function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream');
}
