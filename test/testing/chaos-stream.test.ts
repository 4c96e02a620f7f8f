// The chaos server's streamed answers: N events in the vendor's streaming shape, then an error event
// in that vendor's shape, a cut connection, or a stall; and faultline's stream helper against them.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { createFetch } from '../../src/entry/batteries.js';
import { FaultError } from '../../src/core/fault.js';
import type { FaultCode } from '../../src/core/catalog.js';
import type { ChaosServer, ChaosServerOptions } from '../../src/testing/chaos-server.js';
import { useChaosHarness } from '../fetch/helpers.js';
import { drain } from '../support/hand-source.js';

const h = useChaosHarness();

async function serve(options: Partial<ChaosServerOptions>): Promise<ChaosServer> {
  return h.serve({ vendor: 'openai', ...options });
}

async function read(s: ChaosServer): Promise<{ status: number; type: string | null; body: string }> {
  const res = await fetch(`${s.url}/v1/chat/completions`, { method: 'POST', body: '{"stream":true}' });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

const SSE = { 'content-type': 'text/event-stream' };

describe('startChaosServer: stream actions', () => {
  it.each([
    ['openai', 'data: {"id":"chatcmpl-chaos"', 'data: [DONE]\n\n'],
    ['anthropic', 'event: message_start\n', 'event: message_stop\ndata: {"type":"message_stop"}\n\n'],
    ['pulse', 'data: {"text":"token 0 "}', 'event: done\ndata: {}\n\n'],
  ])('serves %s a 200 event stream of N events in its shape, then its end', async (vendor, start, end) => {
    const s = await serve({ vendor, script: [{ type: 'stream', events: 4 }] });
    const { status, type, body } = await read(s);
    expect([status, type]).toEqual([200, 'text/event-stream']);
    expect(body.startsWith(start)).toBe(true);
    expect(body.endsWith(end)).toBe(true);
    expect(body.match(/token \d/g)).toEqual(['token 0', 'token 1', 'token 2', 'token 3']);
    expect(classify({ status: 200, headers: SSE, body }).stream).toBeUndefined();
    expect(s.requests[0]).toMatchObject({ action: 'stream', status: 200, fault: undefined });
  });

  // OpenAI's error chunk names no HTTP status, so only the codes its body names survive a stream.
  it.each<[string, FaultCode]>([
    ['openai', 'rate_limited'],
    ['openai', 'quota_exhausted'],
    ['openai', 'context_length_exceeded'],
    ['anthropic', 'overloaded'],
    ['anthropic', 'rate_limited'],
    ['anthropic', 'internal'],
    ['pulse', 'service_unavailable'],
    ['pulse', 'overloaded'],
  ])("fails a %s stream with %s as an error event in the vendor's shape, after the events", async (vendor, code) => {
    const s = await serve({ vendor, script: [{ type: 'stream', events: 2, fault: code }] });
    const { status, body } = await read(s);
    expect(status).toBe(200);
    const fault = classify({ status: 200, headers: SSE, body });
    expect(fault.code).toBe(code);
    expect(fault.stream).toEqual({ delivered: true });
    expect(s.requests[0]?.fault?.code).toBe(code);
    // Before any event, the same error event says nothing was delivered.
    const early = await serve({ vendor, script: [{ type: 'stream', events: 0, fault: code }] });
    expect(classify({ status: 200, headers: SSE, body: (await read(early)).body }).stream).toEqual({ delivered: false });
  });

  it('cuts the connection mid-stream, after the events went out: the reader fails with connection_reset', async () => {
    const s = await serve({ script: [{ type: 'stream', events: 2, then: 'cut' }] });
    const res = await fetch(`${s.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    let failure: unknown;
    for (;;) {
      try {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      } catch (error) {
        failure = error;
        break;
      }
    }
    expect(text.match(/token \d/g)).toEqual(['token 0', 'token 1']);
    expect(classify(failure).code).toBe('connection_reset');
  });

  it('refuses a bad stream action, naming the field', async () => {
    const bad: [unknown, string][] = [
      [{ type: 'stream', events: -1 }, "startChaosServer: script[0].events must be an integer >= 0, got -1"],
      [{ type: 'stream', fault: 'exploded' }, 'startChaosServer: script[0].fault must be a fault code or a fault with a code, got \'exploded\''],
      [{ type: 'stream', then: 'explode' }, "startChaosServer: script[0].then must be one of done, cut, hang, got 'explode'"],
      [{ type: 'stream', then: 'cut', fault: 'internal' }, "startChaosServer: script[0].then must be left out when a fault ends the stream, got 'cut'"],
      [{ type: 'stream', shape: 'gemini' }, "startChaosServer: script[0].shape must be one of openai, anthropic, generic, got 'gemini'"],
      [{ type: 'stream', eventDelayMs: -5 }, 'startChaosServer: script[0].eventDelayMs must be a number >= 0, got -5'],
      [{ type: 'stream', event: 3 }, `startChaosServer: script[0] keys must be one of type, events, fault, then, shape, eventDelayMs, delayMs, commit, got 'event'`],
    ];
    for (const [step, message] of bad) {
      await expect(h.serve({ vendor: 'openai', script: [step as never] })).rejects.toThrow(new TypeError(message));
    }
  });
});

describe('createFetch().stream against the chaos server', () => {
  it('retries an error event before the first output event, and hands over the stream that worked', async () => {
    const s = await serve({ vendor: 'anthropic', script: [{ type: 'stream', events: 0, fault: 'overloaded' }, { type: 'stream', events: 3 }] });
    const api = createFetch({ clock: h.clock, random: () => 0 });
    const texts: string[] = [];
    const reading = (async () => {
      for await (const event of api.stream(`${s.url}/v1/messages`, { method: 'POST', body: '{}' })) {
        if (event.event === 'content_block_delta') texts.push((JSON.parse(event.data) as { delta: { text: string } }).delta.text);
      }
    })();
    // The retry's backoff sleeps on the virtual clock.
    while (s.requests.length < 2) {
      await drain();
      await h.clock.advance(100);
    }
    await reading;
    expect(texts).toEqual(['token 0 ', 'token 1 ', 'token 2 ']);
    expect(s.requests).toHaveLength(2);
  });

  it('never sends again once output was delivered: the fault surfaces with stream.delivered true', async () => {
    const s = await serve({ vendor: 'anthropic', script: [{ type: 'stream', events: 2, fault: 'overloaded' }, 'stream'] });
    const api = createFetch({ clock: h.clock });
    const seen: string[] = [];
    let failure: unknown;
    try {
      for await (const event of api.stream(`${s.url}/v1/messages`, { method: 'POST', body: '{}' })) seen.push(event.event);
    } catch (error) {
      failure = error;
    }
    expect(seen).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_delta']);
    expect(failure).toBeInstanceOf(FaultError);
    expect(failure).toMatchObject({ code: 'overloaded', vendor: 'anthropic', requestId: 'req_000001', stream: { delivered: true } });
    expect(s.requests).toHaveLength(1);
  });

  it('ends a stream that stalls with client_timeout at the idle timeout, and closes it', async () => {
    const s = await serve({ script: [{ type: 'stream', events: 1, then: 'hang' }] });
    const api = createFetch({ clock: h.clock, idleTimeoutMs: 2_000 });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of api.stream(`${s.url}/v1/chat/completions`, { method: 'POST', body: '{}' })) seen.push(event.data);
    })().catch((e: unknown) => e);
    while (seen.length < 1) await drain();
    await h.clock.advance(1_999);
    await drain();
    expect(h.clock.pendingTimers).toBe(1);
    await h.clock.advance(1);
    expect(await reading).toMatchObject({ code: 'client_timeout', stream: { delivered: true } });
  });
});
