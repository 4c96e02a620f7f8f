/**
 * createFetch().stream: server-sent events through the fetch's own policy. An error event or a cut
 * connection before the first event with output is retried as the same fault on a plain call (the
 * call's idempotency included); after it, it is thrown with stream.delivered true and the request is
 * not sent again unless `resume` says how; the body's reader is cancelled when the caller stops.
 */
import { describe, expect, it } from 'vitest';
import { createFetch } from '../../src/entry/batteries.js';
import { createFetch as miniCreateFetch } from '../../src/fetch/create-fetch.js';
import { FaultError } from '../../src/core/fault.js';
import type { SseEvent } from '../../src/core/sse-decoder.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { PROFILED4_DIR, corpusResponse, loadCorpus } from '../corpus/corpus.js';
import { drain } from '../support/hand-source.js';
import { ANTHROPIC_DELTA, ANTHROPIC_OVERLOADED, ANTHROPIC_PING, ANTHROPIC_START, OPENAI_CHUNK, OPENAI_RATE } from '../support/sse-fixtures.js';

const DONE = 'data: [DONE]\n\n';

/** A streamed body the test drives, which knows whether its reader cancelled it. */
function handBody(): { stream: ReadableStream<Uint8Array>; push(text: string): void; end(): void; cut(error: unknown): void; cancelled: () => boolean } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: () => void (cancelled = true) });
  return {
    stream,
    push: (t) => controller.enqueue(new TextEncoder().encode(t)),
    end: () => controller.close(),
    cut: (e) => controller.error(e),
    cancelled: () => cancelled,
  };
}

const sse = (body: BodyInit, headers: Record<string, string> = {}): Response =>
  new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream', ...headers } });

/** A fetch double answering each call with the next of `answers`, recording each call's init. */
function scripted(answers: (() => Response)[]): { fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>; calls: RequestInit[] } {
  const calls: RequestInit[] = [];
  return {
    calls,
    fetch: async (_input, init) => {
      calls.push(init ?? {});
      const next = answers[calls.length - 1];
      if (next === undefined) throw new Error('no more answers');
      return next();
    },
  };
}

async function readAll(stream: AsyncIterable<SseEvent>): Promise<{ data: string[]; error: FaultError | undefined }> {
  const data: string[] = [];
  try {
    for await (const event of stream) data.push(event.data);
    return { data, error: undefined };
  } catch (error) {
    return { data, error: error as FaultError };
  }
}

const POST = { method: 'POST', body: '{"stream":true}' } as const;

describe('createFetch().stream: before the first event with output', () => {
  it('retries an Anthropic overloaded_error event that came after message_start and ping', async () => {
    const { fetch, calls } = scripted([() => sse(ANTHROPIC_START + ANTHROPIC_PING + ANTHROPIC_OVERLOADED), () => sse(ANTHROPIC_START + ANTHROPIC_DELTA)]);
    const api = createFetch({ fetch, random: () => 0 });
    const { data, error } = await readAll(api.stream('https://api.anthropic.com/v1/messages', POST));
    expect(error).toBeUndefined();
    expect(calls).toHaveLength(2);
    expect(data).toHaveLength(2);
    expect(JSON.parse(data[1]!)).toMatchObject({ type: 'content_block_delta' });
  });

  it('gives up on an error event exactly as on the same fault answered as an error response (retry class, Retry-After)', async () => {
    // OpenAI's rate_limit_exceeded chunk carries "try again in 20s", more than the default 60 s? no: 20 s is waited.
    const clock = new VirtualClock();
    const { fetch, calls } = scripted([() => sse(OPENAI_RATE), () => sse(OPENAI_CHUNK + DONE)]);
    const api = createFetch({ fetch, clock, random: () => 0 });
    const reading = readAll(api.stream('https://api.openai.com/v1/chat/completions', POST));
    await drain();
    expect(calls).toHaveLength(1);
    await clock.runAll();
    await drain();
    const { data, error } = await reading;
    expect(error).toBeUndefined();
    expect(calls).toHaveLength(2);
    expect(data).toEqual([OPENAI_CHUNK.slice(6, -2), '[DONE]']);
  });

  it('does not retry a cut connection on a POST (connection_reset is idempotent-only), but does with idempotent: true', async () => {
    const cut = (): Response => {
      const body = handBody();
      queueMicrotask(() => body.cut(Object.assign(new TypeError('terminated'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })));
      return sse(body.stream);
    };
    const once = scripted([cut, () => sse(OPENAI_CHUNK)]);
    const { error } = await readAll(createFetch({ fetch: once.fetch }).stream('https://x.test/v1', POST));
    expect(error).toMatchObject({ code: 'connection_reset', retry: 'idempotent', stream: { delivered: false } });
    expect(once.calls).toHaveLength(1);
    const twice = scripted([cut, () => sse(OPENAI_CHUNK)]);
    const again = await readAll(createFetch({ fetch: twice.fetch, random: () => 0 }).stream('https://x.test/v1', { ...POST, idempotent: true }));
    expect(again.error).toBeUndefined();
    expect(twice.calls).toHaveLength(2);
  });

  it('retries an error response before the stream, as a plain call does', async () => {
    const { fetch, calls } = scripted([() => new Response('', { status: 503 }), () => sse(OPENAI_CHUNK)]);
    const { error } = await readAll(createFetch({ fetch, random: () => 0 }).stream('https://x.test/v1', POST));
    expect(error).toBeUndefined();
    expect(calls).toHaveLength(2);
  });
});

describe('createFetch().stream: after output', () => {
  it('throws the error event with stream.delivered true, its request id, and sends nothing again', async () => {
    const { fetch, calls } = scripted([() => sse(ANTHROPIC_START + ANTHROPIC_DELTA + ANTHROPIC_OVERLOADED, { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' })]);
    const { data, error } = await readAll(createFetch({ fetch }).stream('https://api.anthropic.com/v1/messages', POST));
    expect(data).toHaveLength(2);
    expect(error).toBeInstanceOf(FaultError);
    expect(error).toMatchObject({ code: 'overloaded', vendor: 'anthropic', requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy', stream: { delivered: true } });
    expect(calls).toHaveLength(1);
  });

  it('a Gemini stream whose last chunk the recitation check stopped ends in content_filtered, after the text it gave', async () => {
    // The Firebase AI SDK's test data (profiled-holdout-4): five chunks of text, then `finishReason: "RECITATION"`.
    const body = corpusResponse(loadCorpus(PROFILED4_DIR), 'gemini-api/gemini-api-stream-finish-reason-recitation').body;
    const { fetch, calls } = scripted([() => sse(body)]);
    const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse';
    const { data, error } = await readAll(createFetch({ fetch }).stream(url, POST));
    expect(data.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: 'content_filtered', vendor: 'google', vendorCode: 'RECITATION', stream: { delivered: true } });
    expect(calls).toHaveLength(1);
  });

  it('a cut connection after output is connection_reset with stream.delivered true', async () => {
    const body = handBody();
    const { fetch } = scripted([() => sse(body.stream)]);
    const reading = readAll(createFetch({ fetch }).stream('https://x.test/v1', { ...POST, idempotent: true }));
    body.push(OPENAI_CHUNK);
    await drain();
    body.cut(Object.assign(new TypeError('terminated'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
    const { data, error } = await reading;
    expect(data).toHaveLength(1);
    expect(error).toMatchObject({ code: 'connection_reset', stream: { delivered: true } });
  });

  it('resumes with the init resume returns, merged over the first (a Last-Event-ID)', async () => {
    const { fetch, calls } = scripted([
      () => sse('id: 1\ndata: a\n\nid: 2\ndata: b\n\n' + ANTHROPIC_OVERLOADED),
      () => sse('id: 3\ndata: c\n\n'),
    ]);
    const api = createFetch({ fetch });
    const { data, error } = await readAll(
      api.stream('https://x.test/v1', POST, { resume: ({ last, fault }) => (fault.code === 'overloaded' ? { headers: { 'Last-Event-ID': last.id ?? '' } } : undefined) }),
    );
    expect(error).toBeUndefined();
    expect(data).toEqual(['a', 'b', 'c']);
    expect(new Headers(calls[1]!.headers).get('last-event-id')).toBe('2');
    expect(calls[1]!.method).toBe('POST');
  });
});

describe('createFetch().stream: idle timeout and stopping', () => {
  it('ends a stalled stream with client_timeout after idleTimeoutMs, cancelling the body', async () => {
    const clock = new VirtualClock();
    const body = handBody();
    const { fetch } = scripted([() => sse(body.stream)]);
    const reading = readAll(createFetch({ fetch, clock, idleTimeoutMs: 1_000 }).stream('https://x.test/v1', POST));
    await drain();
    body.push(OPENAI_CHUNK);
    await drain();
    await clock.advance(999);
    body.push(OPENAI_CHUNK);
    await drain();
    await clock.advance(1_000);
    const { data, error } = await reading;
    expect(data).toHaveLength(2);
    expect(error).toMatchObject({ code: 'client_timeout', stream: { delivered: true } });
    await drain();
    expect(body.cancelled()).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a break cancels the body and leaves no timer; the caller signal aborts the request', async () => {
    const clock = new VirtualClock();
    const body = handBody();
    const { fetch, calls } = scripted([() => sse(body.stream)]);
    const caller = new AbortController();
    const stream = createFetch({ fetch, clock, idleTimeoutMs: 1_000 }).stream('https://x.test/v1', { ...POST, signal: caller.signal });
    body.push(OPENAI_CHUNK + OPENAI_CHUNK);
    for await (const event of stream) {
      expect(event.event).toBe('message');
      break;
    }
    await drain();
    expect(body.cancelled()).toBe(true);
    expect(clock.pendingTimers).toBe(0);
    expect(calls[0]!.signal?.aborted).toBe(true);
  });

  it('the caller aborting a pending read ends the stream with cancelled', async () => {
    const body = handBody();
    const { fetch } = scripted([() => sse(body.stream)]);
    const caller = new AbortController();
    const reading = readAll(createFetch({ fetch }).stream('https://x.test/v1', { ...POST, signal: caller.signal }));
    body.push(OPENAI_CHUNK);
    await drain();
    caller.abort();
    const { data, error } = await reading;
    expect(data).toHaveLength(1);
    expect(error).toMatchObject({ code: 'cancelled', stream: { delivered: true } });
    await drain();
    expect(body.cancelled()).toBe(true);
  });
});

describe('createFetch().stream: options', () => {
  it('refuses unknown options and a resume that is not a function, with exact messages', () => {
    const api = miniCreateFetch();
    expect(() => api.stream('https://x.test/', {}, { resum: () => undefined } as never)).toThrow(new TypeError("createFetch().stream: unknown option 'resum' — did you mean 'resume'?"));
    expect(() => api.stream('https://x.test/', {}, { resume: 'yes' as never })).toThrow(new TypeError('createFetch().stream: resume must be a function, got "yes"'));
  });
});

describe("createFetch's plain streamed body", () => {
  async function readBody(res: Response): Promise<{ text: string; error: unknown }> {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    for (;;) {
      try {
        const chunk = await reader.read();
        if (chunk.done) return { text, error: undefined };
        text += new TextDecoder().decode(chunk.value);
      } catch (error) {
        return { text, error };
      }
    }
  }

  it('hands over the chunk that carried an error event, then errors with its FaultError (stream.delivered as it was)', async () => {
    const api = createFetch({ fetch: async () => sse(OPENAI_CHUNK + OPENAI_RATE) });
    const { text, error } = await readBody(await api('https://api.openai.com/v1/chat/completions', POST));
    expect(text).toBe(OPENAI_CHUNK + OPENAI_RATE);
    expect(error).toBeInstanceOf(FaultError);
    expect(error).toMatchObject({ code: 'rate_limited', vendor: 'openai', vendorCode: 'rate_limit_exceeded', stream: { delivered: true } });
  });

  it('says nothing was delivered when the error event came first, across chunk boundaries', async () => {
    const body = handBody();
    const api = createFetch({ fetch: async () => sse(body.stream, { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' }) });
    const reading = readBody(await api('https://api.anthropic.com/v1/messages', POST));
    body.push(ANTHROPIC_START);
    body.push(ANTHROPIC_OVERLOADED.slice(0, 20));
    await drain();
    body.push(ANTHROPIC_OVERLOADED.slice(20));
    const { error } = await reading;
    expect(error).toMatchObject({ code: 'overloaded', requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy', stream: { delivered: false } });
    await drain();
    expect(body.cancelled()).toBe(true);
  });

  it('reads a stream whose events are all fine to its end', async () => {
    const api = createFetch({ fetch: async () => sse(ANTHROPIC_START + ANTHROPIC_PING + ANTHROPIC_DELTA) });
    expect(await readBody(await api('https://api.anthropic.com/v1/messages', POST))).toEqual({ text: ANTHROPIC_START + ANTHROPIC_PING + ANTHROPIC_DELTA, error: undefined });
  });
});
