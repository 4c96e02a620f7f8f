/**
 * Faults inside a stream: a 200 text/event-stream whose body carries an error event classifies as
 * that error, says it happened in the stream and whether output came before it; a stream whose
 * events are all fine classifies as a plain 200 does. Bad input never throws and is read within
 * maxBodyBytes.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { FaultError, createFault } from '../../src/core/fault.js';
import { sseError } from '../../src/core/sse.js';

const SSE = { 'content-type': 'text/event-stream; charset=utf-8' };

// Anthropic's streaming docs (https://docs.claude.com/en/docs/build-with-claude/streaming#error-events):
// "event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}".
const ANTHROPIC_OVERLOADED = 'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n';
const ANTHROPIC_TEXT =
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[]}}\n\n' +
  'event: ping\ndata: {"type": "ping"}\n\n';
const ANTHROPIC_DELTA =
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}\n\n';
// OpenAI's error chunk in a chat completions stream (openai-node src/core/streaming.ts raises on `data.error`).
const OPENAI_RATE =
  'data: {"error":{"message":"Rate limit reached for gpt-4o. Please try again in 20s.","type":"requests","param":null,"code":"rate_limit_exceeded"}}\n\n';
const OPENAI_CHUNK = 'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n';

describe('an error event inside a 200 stream', () => {
  it('is Anthropic overloaded_error, before any output, with the response request id', () => {
    const fault = classify({ status: 200, headers: { ...SSE, 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' }, body: ANTHROPIC_TEXT + ANTHROPIC_OVERLOADED });
    expect(fault).toMatchObject({
      code: 'overloaded', retry: 'always', status: 200, vendor: 'anthropic', vendorCode: 'overloaded_error',
      message: 'Overloaded', requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy', stream: { delivered: false },
    });
  });

  it('says output was delivered when a content event came before the error', () => {
    expect(classify({ status: 200, headers: SSE, body: ANTHROPIC_TEXT + ANTHROPIC_DELTA + ANTHROPIC_OVERLOADED }).stream).toEqual({ delivered: true });
    expect(classify({ status: 200, headers: SSE, body: OPENAI_CHUNK + OPENAI_RATE }).stream).toEqual({ delivered: true });
  });

  it("is OpenAI's error chunk with its code and the wait its message names", () => {
    const fault = classify({ status: 200, headers: { ...SSE, 'x-request-id': 'req_abc' }, body: OPENAI_RATE });
    expect(fault).toMatchObject({ code: 'rate_limited', vendor: 'openai', vendorCode: 'rate_limit_exceeded', retryAfterMs: 20_000, requestId: 'req_abc', stream: { delivered: false } });
  });

  it("takes the stream's retry: field as the wait when nothing else gives one", () => {
    const body = 'retry: 3000\n\nevent: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n';
    expect(classify({ status: 200, headers: SSE, body }).retryAfterMs).toBe(3000);
  });

  it('is internal (not unknown) when the event names nothing known, and keeps the first error only', () => {
    const fault = classify({ status: 200, headers: SSE, body: 'event: error\ndata: not json\n\nevent: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"x"}}\n\n' });
    expect(fault).toMatchObject({ code: 'internal', status: 200, message: 'not json', stream: { delivered: false } });
  });

  it('uses the status the event states when its body names no code', () => {
    const fault = classify({ status: 200, headers: SSE, body: 'data: {"error":{"message":"upstream down","status":503}}\n\n' });
    expect(fault).toMatchObject({ code: 'service_unavailable', status: 200, stream: { delivered: false } });
  });

  it('reads an error line the body ends inside (no blank line after it), CRLF and CR line ends', () => {
    expect(classify({ status: 200, headers: SSE, body: OPENAI_CHUNK + OPENAI_RATE.trimEnd() }).code).toBe('rate_limited');
    expect(classify({ status: 200, headers: SSE, body: ANTHROPIC_OVERLOADED.replace(/\n/g, '\r\n') }).code).toBe('overloaded');
    expect(classify({ status: 200, headers: SSE, body: ANTHROPIC_OVERLOADED.replace(/\n/g, '\r') }).code).toBe('overloaded');
  });

  it('reads bytes as it reads text', () => {
    const body = new TextEncoder().encode(ANTHROPIC_TEXT + ANTHROPIC_OVERLOADED);
    expect(classify({ status: 200, headers: SSE, body })).toEqual(classify({ status: 200, headers: SSE, body: ANTHROPIC_TEXT + ANTHROPIC_OVERLOADED }));
  });

  it('carries stream through createFault, FaultError and toJSON', () => {
    const fault = createFault({ code: 'overloaded', stream: { delivered: true } });
    expect(Object.isFrozen(fault.stream)).toBe(true);
    const error = new FaultError(fault);
    expect(error.stream).toEqual({ delivered: true });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'overloaded', stream: { delivered: true } });
    expect(JSON.parse(JSON.stringify(fault))).toEqual(fault);
  });
});

describe('a stream whose events are all fine', () => {
  it('classifies as a plain 200 does: no stream field, no code from the events', () => {
    const plain = classify({ status: 200, headers: SSE });
    const fine = classify({ status: 200, headers: SSE, body: OPENAI_CHUNK + 'data: [DONE]\n\n' });
    expect(fine.code).toBe(plain.code);
    expect(fine.retry).toBe(plain.retry);
    expect(fine.stream).toBeUndefined();
  });

  it('is not read as a stream without the event-stream content type', () => {
    expect(classify({ status: 200, headers: { 'content-type': 'text/plain' }, body: ANTHROPIC_OVERLOADED }).stream).toBeUndefined();
  });

  it('an error word in a content delta is not an error event', () => {
    expect(sseError('data: {"choices":[{"delta":{"content":"error"}}],"error":null}\n\n')).toBeUndefined();
  });
});

describe('bad input', () => {
  it('a 1 MB data line, an unterminated event and non-JSON error data never throw', () => {
    const big = `data: ${'x'.repeat(1 << 20)}\n\n`;
    expect(() => classify({ status: 200, headers: SSE, body: big })).not.toThrow();
    expect(classify({ status: 200, headers: SSE, body: 'event: error\ndata: {"type":"error","error":{' }).code).toBe('internal');
    expect(classify({ status: 200, headers: SSE, body: 'event: error\n' }).stream).toEqual({ delivered: false });
    expect(classify({ status: 200, headers: SSE, body: ':\n:\n\n\n\r\r\n' }).stream).toBeUndefined();
  });

  it('reads at most maxBodyBytes: an error event after the bound is not seen', () => {
    const body = `${OPENAI_CHUNK.repeat(200)}${OPENAI_RATE}`;
    expect(classify({ status: 200, headers: SSE, body }).code).toBe('rate_limited');
    expect(classify({ status: 200, headers: SSE, body }, { maxBodyBytes: 4096 }).stream).toBeUndefined();
  });

  it('a 10 MB stream is read in one bounded pass', () => {
    const body = new TextEncoder().encode(OPENAI_CHUNK.repeat(Math.ceil((10 << 20) / OPENAI_CHUNK.length)));
    expect(classify({ status: 200, headers: SSE, body }).stream).toBeUndefined();
  });
});
