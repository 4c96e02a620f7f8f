/**
 * Properties of errors inside a stream: any interleaving of data events (and comments, pings,
 * retry fields) with one error event classifies as that error, with `delivered` saying whether a
 * data event came first; and a stream split at any byte boundary, its chunks joined, reads the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { sseError } from '../../src/core/sse.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const SSE = { 'content-type': 'text/event-stream' };

const ERRORS = [
  { text: 'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n', code: 'overloaded' },
  { text: 'event: error\ndata: {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}\n\n', code: 'rate_limited' },
  { text: 'data: {"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}\n\n', code: 'quota_exhausted' },
  { text: 'data: {"error":{"message":"This model\'s maximum context length is 8192 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}\n\n', code: 'context_length_exceeded' },
] as const;

// Text that is safe inside a JSON string and a data line: no quotes, backslashes or line ends.
const word = fc.string({ maxLength: 12 }).map((s) => s.replace(/["\\\r\n\u2028\u2029]/g, ''));
const output = word.map((w) => ({ text: `data: {"choices":[{"delta":{"content":"${w}"}}]}\n\n`, output: true }));
const noise = fc.oneof(
  fc.constant({ text: ': keep-alive\n\n', output: false }),
  fc.constant({ text: 'event: ping\ndata: {"type": "ping"}\n\n', output: false }),
  fc.constant({ text: 'retry: 1000\n\n', output: false }),
  word.map((w) => ({ text: `: ${w}\n`, output: false })),
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

describe('errors inside a stream', () => {
  it('any interleaving of data events and one error event classifies as that error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(output, noise), { maxLength: 12 }),
        fc.array(fc.oneof(output, noise), { maxLength: 6 }),
        fc.constantFrom(...ERRORS),
        lineEnd,
        (before, after, error, eol) => {
          const body = [...before, error, ...after].map((e) => e.text).join('').replace(/\n/g, eol);
          const fault = classify({ status: 200, headers: SSE, body });
          expect(fault.code).toBe(error.code);
          expect(fault.status).toBe(200);
          expect(fault.stream).toEqual({ delivered: before.some((e) => e.output) });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a stream of data events alone is no fault of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(output, noise), { maxLength: 12 }), (events) => {
        const body = events.map((e) => e.text).join('');
        expect(sseError(body)).toBeUndefined();
        expect(classify({ status: 200, headers: SSE, body }).stream).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('a stream split at any byte boundary, its chunks joined, reads the same', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(output, noise, fc.constant({ text: 'data: {"choices":[{"delta":{"content":"日本語 ✓ 🎉"}}]}\n\n', output: true })), { maxLength: 8 }),
        fc.constantFrom(...ERRORS),
        fc.array(fc.nat(), { maxLength: 6 }),
        (before, error, cuts) => {
          const whole = new TextEncoder().encode([...before, error].map((e) => e.text).join(''));
          const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) => whole.subarray(start, i < at.length ? at[i] : whole.length));
          const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
          let offset = 0;
          for (const chunk of chunks) {
            joined.set(chunk, offset);
            offset += chunk.length;
          }
          // A streaming decode, chunk by chunk, as a body reader sees it, reads the same too.
          const decoder = new TextDecoder();
          const streamed = chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
          const expected = classify({ status: 200, headers: SSE, body: whole });
          expect(classify({ status: 200, headers: SSE, body: joined })).toEqual(expected);
          expect(classify({ status: 200, headers: SSE, body: streamed })).toEqual(expected);
          expect(expected.code).toBe(error.code);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
