/**
 * createFetch's `stream`: a streamed call (server-sent events) through the fetch's own policy,
 * classifier and idempotency rules. Each attempt fetches and reads until the first event with
 * output; an error event or a cut connection before it is that attempt's fault, retried as the same
 * fault on a plain call; after it, the fault reaches the caller (`stream.delivered: true`).
 */
import { faultErrorOf } from '../core/fault-error-of.js';
import { FaultError } from '../core/fault.js';
import { carriesOutput } from '../core/sse.js';
import { SseDecoder, type SseEvent, eventText, isErrorEvent } from '../core/sse-decoder.js';
import { type Opened, StreamRun, type StreamSettings, firstOutput, inStream, joinSignals } from '../policy/stream-run.js';
import { checkFunction, checkOptions } from '../policy/validate.js';
import { FetchCall, type FaultlineRequestInit, type FetchLike, type FetchSettings, type StreamFetchOptions } from './fetch-call.js';

/** Every option a FaultlineFetch's `stream` accepts. @internal */
export const STREAM_FETCH_OPTIONS = ['resume'] as const satisfies ReadonlyArray<keyof StreamFetchOptions>;

const NAME = 'createFetch().stream';
const isOutput = (event: SseEvent): boolean => carriesOutput(event.event, event.data);

/**
 * The events of a response body; an error event throws its classified FaultError, a read error (a
 * cut connection) throws as the body's reader threw it. `return()` cancels the reader at once, even
 * with a read pending.
 * @internal
 */
export function sseEvents(response: Response, settings: FetchSettings, vendor: string | undefined): AsyncIterableIterator<SseEvent> {
  const reader = response.body?.getReader();
  const decoder = new SseDecoder();
  const queue: SseEvent[] = [];
  let finished = reader === undefined;
  const stop = (): void => {
    if (finished) return;
    finished = true;
    reader?.cancel().catch(() => undefined);
  };
  const take = (events: SseEvent[]): void => {
    for (const event of events) {
      queue.push(event);
      if (isErrorEvent(event)) return;
    }
  };
  const fault = (event: SseEvent): FaultError => {
    const url = response.url === '' ? undefined : response.url;
    const classified = settings.classifier.classify(
      { status: response.status, headers: response.headers, body: eventText(event, decoder.retryMs) },
      { vendor, url, maxBodyBytes: settings.maxBodyBytes, ...(settings.clockIsTime ? { now: settings.clock.now() } : {}) },
    );
    return new FaultError(classified, { bodyText: event.data });
  };
  const iterator: AsyncIterableIterator<SseEvent> = {
    [Symbol.asyncIterator]: () => iterator,
    async next(): Promise<IteratorResult<SseEvent>> {
      for (;;) {
        const event = queue.shift();
        if (event !== undefined) {
          if (!isErrorEvent(event)) return { done: false, value: event };
          stop();
          queue.length = 0;
          throw fault(event);
        }
        if (finished || reader === undefined) return { done: true, value: undefined };
        const chunk = await reader.read();
        if (finished) return { done: true, value: undefined };
        if (chunk.done) {
          finished = true;
          take(decoder.end());
        } else {
          take(decoder.push(chunk.value));
        }
      }
    },
    return(): Promise<IteratorResult<SseEvent>> {
      stop();
      queue.length = 0;
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return iterator;
}

/**
 * Validates the options of one `stream` call and returns the stream; nothing is sent until the first read.
 * @internal
 */
export function streamFetch(
  settings: FetchSettings,
  input: string | URL | Request,
  init: FaultlineRequestInit | undefined,
  options: StreamFetchOptions | undefined,
): AsyncIterableIterator<SseEvent> {
  const o = checkOptions(NAME, options, STREAM_FETCH_OPTIONS);
  const resume = checkFunction(NAME, 'resume', o.resume);
  const streamSettings: StreamSettings<SseEvent> = {
    idleMs: settings.idleTimeoutMs,
    clock: settings.clock,
    isOutput,
    fault: (error, delivered) => {
      const failure = faultErrorOf(error, settings.classifier);
      return failure instanceof Promise ? failure.then((f) => inStream(f, delivered)) : inStream(failure, delivered);
    },
  };
  const start = (own: AbortSignal, resumed: FaultlineRequestInit | undefined): Promise<Opened<SseEvent>> => {
    const callInit: FaultlineRequestInit = { ...(resumed === undefined ? init : { ...init, ...resumed }), signal: own, throwOnError: true };
    const vendor = callInit.vendor ?? settings.vendor;
    const read = (response: Response): Promise<Opened<SseEvent>> => firstOutput(sseEvents(response, settings, vendor), streamSettings, own);
    // The request hears the stream's own signal too: a break after the first event aborts it.
    const underlying = settings.fetch;
    const joined: FetchSettings = {
      ...settings,
      fetch: (request, requestInit) => (underlying ?? (globalThis.fetch as FetchLike))(request, { ...requestInit, signal: joinSignals(requestInit?.signal, own) }),
    };
    return new FetchCall<Opened<SseEvent>>(joined, input, callInit, read).run() as Promise<Opened<SseEvent>>;
  };
  return new StreamRun<SseEvent, FaultlineRequestInit>(streamSettings, start, resume, init?.signal ?? undefined);
}
