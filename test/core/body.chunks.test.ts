import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readResponseText, viewBody } from '../../src/core/body.js';

/** A fetch Response whose body arrives in exactly these byte chunks. */
function chunked(chunks: readonly Uint8Array[]): Response {
  let next = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[next++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream);
}

/** Splits `bytes` at the given offsets (any order, duplicates allowed). */
function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const at of [...points, bytes.length]) {
    out.push(bytes.slice(from, at));
    from = at;
  }
  return out;
}

describe('readResponseText: chunk boundaries do not change the text', () => {
  it('decodes a character split across chunks whole', async () => {
    const euro = new TextEncoder().encode('€'); // three bytes
    const { text } = await readResponseText(chunked([euro.slice(0, 1), euro.slice(1, 2), euro.slice(2)]), 100, 60_000);
    expect(text).toBe('€');
  });

  it('strips a byte-order mark split across the first chunks, once', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect((await readResponseText(chunked([bytes.slice(0, 2), bytes.slice(2, 5), bytes.slice(5)]), 100, 60_000)).text).toBe('\ufeff{}');
  });

  it('gives what one-piece bytes give, for any text, any chunking and any bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        fc.integer({ min: 0, max: 200 }),
        async (text, cuts, max) => {
          const bytes = new TextEncoder().encode(text);
          const expected = viewBody(bytes, max).text;
          expect((await readResponseText(chunked(splitAt(bytes, cuts)), max, 60_000)).text).toBe(expected);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });
});
