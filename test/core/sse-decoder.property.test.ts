/**
 * The incremental SSE decoder the stream helpers read with: a body split at any byte boundary (inside
 * a UTF-8 character, between CR and LF) reads the same events, and its first error event is the one
 * sse.ts (classify's whole-body reader) finds, with the same delivered flag.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SseDecoder, type SseEvent, eventText, isErrorEvent } from '../../src/core/sse-decoder.js';
import { carriesOutput, sseError } from '../../src/core/sse.js';
import { classify } from '../../src/entry/default-classifier.js';
import { ANTHROPIC_DELTA, ANTHROPIC_OVERLOADED, ANTHROPIC_PING, ANTHROPIC_START, OPENAI_CHUNK, OPENAI_RATE } from '../support/sse-fixtures.js';


const encoder = new TextEncoder();

function decodeWhole(bytes: Uint8Array): SseEvent[] {
  const decoder = new SseDecoder();
  return [...decoder.push(bytes), ...decoder.end()];
}

function decodeSplit(bytes: Uint8Array, cuts: readonly number[]): SseEvent[] {
  const decoder = new SseDecoder();
  const out: SseEvent[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...decoder.push(bytes.subarray(at, cut)));
    at = cut;
  }
  out.push(...decoder.push(bytes.subarray(at)), ...decoder.end());
  return out;
}

const newline = fc.constantFrom('\n', '\r\n', '\r');
const text = fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', ' ', ':', '{', '"', '}'), maxLength: 12 });
const field = fc.oneof(
  fc.tuple(fc.constantFrom('data: ', 'data:', 'event: ', 'id: ', ': ', 'retry: ', 'error: '), text).map(([name, value]) => `${name}${value}`),
  fc.constant('data: [DONE]'),
);
const event = fc.tuple(fc.array(field, { minLength: 1, maxLength: 4 }), newline).map(([lines, nl]) => `${lines.join(nl)}${nl}${nl}`);
const body = fc.tuple(
  fc.array(fc.oneof(event, fc.constantFrom(ANTHROPIC_START, ANTHROPIC_PING, ANTHROPIC_DELTA, ANTHROPIC_OVERLOADED, OPENAI_CHUNK, OPENAI_RATE)), { maxLength: 8 }),
  fc.boolean(),
).map(([events, bom]) => `${bom ? '\uFEFF' : ''}${events.join('')}`);

describe('SseDecoder', () => {
  it('reads the same events whatever byte boundaries the body arrives in', () => {
    fc.assert(
      fc.property(
        body.chain((b) => {
          const bytes = encoder.encode(b);
          return fc.tuple(fc.constant(bytes), fc.uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }));
        }),
        ([bytes, cuts]) => {
          expect(decodeSplit(bytes, cuts)).toEqual(decodeWhole(bytes));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a body one byte at a time as it reads it whole', () => {
    const bytes = encoder.encode(`\uFEFF${ANTHROPIC_START}${ANTHROPIC_DELTA.replace(/\n/g, '\r\n')}${OPENAI_CHUNK.replace(/\n/g, '\r')}😀data: é€\n\n`);
    expect(decodeSplit(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(decodeWhole(bytes));
  });

  it('finds the error event sse.ts finds, with the same delivered flag, and classify reads its text as the whole body', () => {
    fc.assert(
      fc.property(body, (raw) => {
        // A text body reaches classify decoded, and TextDecoder drops the BOM (as the SSE spec does).
        const b = raw.replace(/^\uFEFF/, '');
        const events = decodeWhole(encoder.encode(b));
        const at = events.findIndex(isErrorEvent);
        const expected = sseError(b);
        if (at < 0) {
          expect(expected).toBeUndefined();
          return;
        }
        const error = events[at]!;
        // An `error:` field's object is handed over wrapped as `{"error": …}`, as sse.ts reads it.
        const wrapped = (() => {
          try {
            return JSON.stringify({ error: JSON.parse(expected?.text ?? '') as unknown });
          } catch {
            return undefined;
          }
        })();
        expect([expected?.text, wrapped]).toContain(error.data);
        expect(expected?.delivered).toBe(events.slice(0, at).some((e) => carriesOutput(e.event, e.data)));
        const headers = { 'content-type': 'text/event-stream' };
        const whole = classify({ status: 200, headers, body: b });
        const single = classify({ status: 200, headers, body: eventText(error, undefined) });
        expect({ ...single, stream: undefined }).toEqual({ ...whole, stream: undefined, ...(whole.retryAfterMs === undefined ? {} : { retryAfterMs: single.retryAfterMs }) });
      }),
      { numRuns: 600 },
    );
  });

  it('dispatches a last event the body ends inside, and an event: error with no data', () => {
    expect(decodeWhole(encoder.encode('data: a\n\nevent: error\n\ndata: tail'))).toEqual([
      { event: 'message', data: 'a', id: undefined },
      { event: 'error', data: '', id: undefined },
      { event: 'message', data: 'tail', id: undefined },
    ]);
  });
});
