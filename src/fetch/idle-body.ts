/**
 * An idle timeout for a streamed body: the time between chunks, not the whole body, is limited, so a
 * ten-minute token stream lives as long as tokens keep coming and a stalled one ends. Nothing is left
 * behind: the timer is armed only while a read is pending, and a cancel or an error releases the
 * underlying reader.
 */
import type { Clock } from '../policy/clock.js';
import { armWheelTimer } from '../policy/deadlines.js';
import { policyError } from '../policy/policy-error.js';

/** Turns what the underlying body's reader threw (a cut connection) into the caller's error. */
export type BodyErrorMapper = (error: unknown) => unknown;

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
export function withIdleTimeout(response: Response, idleMs: number, clock: Clock, mapError: BodyErrorMapper): Response {
  const body = response.body;
  if (body === null) return response;
  const reader = body.getReader();
  let cancelTimer: (() => void) | undefined;
  // Set by the caller's cancel: a read still pending then settles into a stream that is gone.
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
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
            if (chunk.done) controller.close();
            else controller.enqueue(chunk.value);
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
