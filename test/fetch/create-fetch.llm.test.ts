/**
 * createFetch for long and streamed calls (issue 16): a per-attempt default that lets a ten-minute
 * completion finish, an idle timeout between the chunks of a streamed answer that leaves no timer or
 * reader behind, a body timeout option, and one error wrap.
 */
import { describe, expect, it } from 'vitest';
import { createFetch } from '../../src/entry/batteries.js';
import { FaultError } from '../../src/core/fault.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A streamed body whose chunks the test pushes by hand, and which knows whether it was cancelled. */
function handStream(): { stream: ReadableStream<Uint8Array>; push(text: string): void; end(): void; cancelled: () => boolean } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (cancelled = true),
  });
  return { stream, push: (t) => controller.enqueue(new TextEncoder().encode(t)), end: () => controller.close(), cancelled: () => cancelled };
}

const sse = (body: ReadableStream<Uint8Array>): Response => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });

describe('createFetch: long calls', () => {
  it('lets a call run 9 minutes before its headers (the default per-attempt deadline is 10 minutes)', async () => {
    const clock = new VirtualClock();
    let answer!: (r: Response) => void;
    const api = createFetch({ clock, fetch: () => new Promise<Response>((resolve) => (answer = resolve)) });
    const call = api('https://api.example.com/v1/chat/completions', { method: 'POST', body: '{}' });
    await flush();
    await clock.advance(9 * 60_000);
    answer(new Response('{"ok":true}', { status: 200 }));
    expect((await call).status).toBe(200);
    expect(clock.pendingTimers).toBe(0);
  });

  it('still ends a call that never answers, at 10 minutes, with client_timeout', async () => {
    const clock = new VirtualClock();
    const api = createFetch({ clock, fetch: (_i, init) => new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))) });
    const call = api('https://api.example.com/v1/chat/completions', { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    await flush();
    await clock.advance(600_000 - 1);
    await flush();
    let settled = false;
    void call.then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    await clock.advance(1);
    const error = await call;
    expect(error).toBeInstanceOf(FaultError);
    expect((error as FaultError).code).toBe('client_timeout');
  });
});

describe('createFetch: streamed answers', () => {
  it('lets a stream run as long as chunks keep coming, and ends a stalled one with client_timeout', async () => {
    const clock = new VirtualClock();
    const body = handStream();
    const api = createFetch({ clock, idleTimeoutMs: 1_000, fetch: async () => sse(body.stream) });
    const res = await api('https://api.example.com/v1/stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    for (let i = 0; i < 5; i++) {
      const next = reader.read();
      await flush();
      await clock.advance(900);
      body.push(`data: ${i}\n\n`);
      expect((await next).done).toBe(false);
    }
    const stalled = reader.read().catch((e: unknown) => e);
    await flush();
    await clock.advance(1_000);
    const error = await stalled;
    expect(error).toBeInstanceOf(FaultError);
    expect(error).toMatchObject({ code: 'client_timeout', source: 'policy' });
    await flush();
    expect(body.cancelled()).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('leaves no timer and releases the body when the caller stops reading', async () => {
    const clock = new VirtualClock();
    const body = handStream();
    const api = createFetch({ clock, idleTimeoutMs: 1_000, fetch: async () => sse(body.stream) });
    const res = await api('https://api.example.com/v1/stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const pending = reader.read();
    await flush();
    expect(clock.pendingTimers).toBe(1);
    await reader.cancel('done');
    await pending;
    expect(clock.pendingTimers).toBe(0);
    expect(body.cancelled()).toBe(true);
  });

  it('reads a finished stream to its end, with no timer left', async () => {
    const clock = new VirtualClock();
    const body = handStream();
    body.push('data: a\n\n');
    body.end();
    const api = createFetch({ clock, idleTimeoutMs: 1_000, fetch: async () => sse(body.stream) });
    expect(await (await api('https://api.example.com/v1/stream')).text()).toBe('data: a\n\n');
    expect(clock.pendingTimers).toBe(0);
  });

  it('leaves a JSON answer and idleTimeoutMs: 0 untouched', async () => {
    const json = new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    expect(await createFetch({ fetch: async () => json })('https://x.test/')).toBe(json);
    const stream = sse(handStream().stream);
    expect(await createFetch({ idleTimeoutMs: 0, fetch: async () => stream })('https://x.test/')).toBe(stream);
  });
});

describe('createFetch: errors', () => {
  it('wraps a network error once: the FaultError has the thrown error itself as cause', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const thrown = new TypeError('fetch failed', { cause: reset });
    const api = createFetch({ policy: { execute: (fn) => Promise.resolve(fn({ signal: new AbortController().signal, attempt: 1 })) }, fetch: async () => { throw thrown; } });
    const error = (await api('https://x.test/', { method: 'POST' }).catch((e: unknown) => e)) as FaultError;
    expect(error.code).toBe('connection_reset');
    // The caller gets the fault as classified (idempotent), not as fitted to this POST (never).
    expect(error.retry).toBe('idempotent');
    expect(error.cause).toBe(thrown);
  });

  it('gives an error response its body text, typed, and never in toJSON', async () => {
    const api = createFetch({ fetch: async () => new Response('{"error":{"message":"bad request","type":"invalid_request_error","internal_note":"only-in-the-body"}}', { status: 400 }) });
    const error = (await api('https://x.test/').catch((e: unknown) => e)) as FaultError;
    const text: string | undefined = error.bodyText;
    expect(text).toContain('only-in-the-body');
    expect(JSON.stringify(error)).not.toContain('only-in-the-body');
    expect(Object.keys(error)).not.toContain('bodyText');
  });

  it('classifies what arrived of an error body within bodyTimeoutMs', async () => {
    const clock = new VirtualClock();
    const body = handStream();
    body.push('{"error":{"message":"slow down","type":"rate_limit_error"}}');
    const api = createFetch({ clock, bodyTimeoutMs: 50, policy: { execute: (fn) => Promise.resolve(fn({ signal: new AbortController().signal, attempt: 1 })) }, fetch: async () => new Response(body.stream, { status: 429 }) });
    const call = api('https://x.test/').catch((e: unknown) => e);
    const error = (await call) as FaultError;
    expect(error.code).toBe('rate_limited');
  });

  it('refuses bad timing options with the option named', () => {
    expect(() => createFetch({ bodyTimeoutMs: -1 })).toThrow(/createFetch: bodyTimeoutMs must be a finite number >= 0, got -1/);
    expect(() => createFetch({ idleTimeoutMs: Number.NaN })).toThrow(/createFetch: idleTimeoutMs must be a finite number >= 0, got NaN/);
  });
});
