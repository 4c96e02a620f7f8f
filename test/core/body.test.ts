import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, mediaType, readResponseText, viewBody, viewOfText } from '../../src/core/body.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * A fetch Response over a stream that hands out one chunk per pull (highWaterMark 0: nothing is
 * pulled ahead of a read), so a test can count how much of the body was asked for. With
 * `stall`, the stream hangs after its chunks instead of closing.
 */
function streamed(chunks: readonly string[], { stall = false } = {}) {
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[pulls++];
        if (next !== undefined) controller.enqueue(utf8(next));
        else if (stall) return new Promise<void>(() => undefined);
        else controller.close();
        return undefined;
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(stream), pulls: () => pulls, cancelled: () => cancelled };
}

const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('viewOfText: which text is parsed as JSON', () => {
  it('parses an object or array body', () => {
    expect(viewOfText('{"error":{"code":"x"}}', 100)).toEqual({ json: { error: { code: 'x' } }, text: '{"error":{"code":"x"}}', cut: false });
    expect(viewOfText('[1,2]', 100).json).toEqual([1, 2]);
  });

  it.each([
    ['space', ' '],
    ['line feed', '\n'],
    ['carriage return', '\r'],
    ['tab', '\t'],
    ['mixed', ' \r\n\t '],
  ])('parses JSON after leading whitespace (%s)', (_name, ws) => {
    expect(viewOfText(`${ws}{"a":1}`, 100).json).toEqual({ a: 1 });
    expect(viewOfText(`${ws}[true]`, 100).json).toEqual([true]);
  });

  it('parses JSON that a string body carries after a byte-order mark', () => {
    expect(viewOfText('\ufeff{"a":1}', 100).json).toEqual({ a: 1 });
    expect(viewOfText('\ufeff [2]', 100).json).toEqual([2]);
  });

  it.each(['123', 'null', 'true', '"{\\"a\\":1}"', '"[1]"', 'x{"a":1}', 'Error: {"a":1}'])(
    'leaves a body that does not start with { or [ unparsed: %s',
    (text) => {
      expect(viewOfText(text, 100)).toEqual({ json: undefined, text, cut: false });
    },
  );

  it('looks for the opening brace within the first 64 characters only', () => {
    expect(viewOfText(`${' '.repeat(63)}{"a":1}`, 1000).json).toEqual({ a: 1 });
    expect(viewOfText(`${' '.repeat(64)}{"a":1}`, 1000).json).toBeUndefined();
    expect(viewOfText(`${'\n'.repeat(500)}[1]`, 1000).json).toBeUndefined();
  });

  it('gives no JSON for empty, blank or broken text', () => {
    expect(viewOfText('', 100)).toEqual({ json: undefined, text: '', cut: false });
    expect(viewOfText('   ', 100)).toEqual({ json: undefined, text: '   ', cut: false });
    expect(viewOfText('{"a":', 100)).toEqual({ json: undefined, text: '{"a":', cut: false });
  });

  it('keeps at most max characters and parses only those', () => {
    expect(viewOfText('abcdef', 3).text).toBe('abc');
    expect(viewOfText('abc', 3).text).toBe('abc');
    expect(viewOfText('{"a":1}  ', 7)).toEqual({ json: { a: 1 }, text: '{"a":1}', cut: true });
    expect(viewOfText('{"a":1}', 6)).toEqual({ json: undefined, text: '{"a":1', cut: true });
  });
});

describe('viewBody: every kind of body, bounded', () => {
  it('gives nothing for null, undefined and non-object primitives', () => {
    for (const body of [null, undefined, 42, true, 10n, Symbol('s'), () => '{}']) {
      expect(viewBody(body, 100)).toEqual({ json: undefined, text: '', cut: false });
    }
  });

  it('passes an already-parsed value through as json, with no text', () => {
    const parsed = { error: { type: 'rate_limit_error' } };
    const view = viewBody(parsed, 100);
    expect(view.json).toBe(parsed);
    expect(view.text).toBe('');
    expect(viewBody([1], 100)).toEqual({ json: [1], text: '', cut: false });
  });

  it('decodes a Uint8Array (and a Buffer) as UTF-8 text and parses it', () => {
    expect(viewBody(utf8('{"a":"é"}'), 100)).toEqual({ json: { a: 'é' }, text: '{"a":"é"}', cut: false });
    expect(viewBody(Buffer.from('[1]'), 100)).toEqual({ json: [1], text: '[1]', cut: false });
  });

  it('decodes an ArrayBuffer smaller and larger than max', () => {
    const bytes = utf8('{"a":1}');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect(viewBody(buffer, DEFAULT_MAX_BODY_BYTES)).toEqual({ json: { a: 1 }, text: '{"a":1}', cut: false });
    expect(viewBody(buffer, 3)).toEqual({ json: undefined, text: '{"a', cut: true });
  });

  it('decodes the viewed bytes of any other typed array or DataView, honouring its offset', () => {
    const backing = utf8('xx{"b":2}yy');
    const view = new DataView(backing.buffer, backing.byteOffset + 2, 7);
    expect(viewBody(view, DEFAULT_MAX_BODY_BYTES)).toEqual({ json: { b: 2 }, text: '{"b":2}', cut: false });
    expect(viewBody(new DataView(backing.buffer, backing.byteOffset + 2, 7), 4).text).toBe('{"b"');
    const even = utf8('[10]');
    expect(viewBody(new Uint16Array(even.buffer, even.byteOffset, 2), 100).json).toEqual([10]);
  });

  it('reads at most max bytes, even when a character is cut in half', () => {
    // 'é' is two bytes: 3 bytes hold one and a half of them.
    expect(viewBody(utf8('éé'), 3).text).toBe('é\ufffd');
    expect(viewBody(utf8('éééé'), 4).text).toBe('éé');
    expect(viewBody(utf8('abcdef'), 4).text).toBe('abcd');
  });

  it('replaces invalid UTF-8 instead of giving up on the body', () => {
    expect(viewBody(new Uint8Array([0x68, 0x69, 0xff, 0x21]), 100).text).toBe('hi\ufffd!');
  });

  it('strips a UTF-8 byte-order mark from bytes and parses the JSON after it', () => {
    expect(viewBody(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')]), 100)).toEqual({ json: { a: 1 }, text: '{"a":1}', cut: false });
  });

  it('never throws: a hostile object reads as no body', () => {
    const hostile = new Proxy({}, {
      getPrototypeOf() {
        throw new Error('trap');
      },
    });
    expect(viewBody(hostile, 100)).toEqual({ json: undefined, text: '', cut: false });
  });
});

describe('mediaType', () => {
  it('is the lower-case media type without parameters or spaces', () => {
    expect(mediaType('Application/Problem+JSON; charset=utf-8')).toBe('application/problem+json');
    expect(mediaType(' Text/HTML ')).toBe('text/html');
    expect(mediaType('text/plain;charset=utf-8')).toBe('text/plain');
    expect(mediaType('a;b')).toBe('a');
    expect(mediaType('application/json')).toBe('application/json');
  });

  it('is empty for a missing or empty header', () => {
    expect(mediaType(undefined)).toBe('');
    expect(mediaType('')).toBe('');
    expect(mediaType('; charset=utf-8')).toBe('');
  });
});

describe('readResponseText: a fetch body, bounded in size and time', () => {
  it('reads a whole body that fits, across chunks', async () => {
    const { response, cancelled } = streamed(['{"a":', '1}']);
    expect(await readResponseText(response, 100, 60_000)).toEqual({ text: '{"a":1}', whole: true });
    expect(cancelled()).toBe(false);
  });

  it('cuts the body at max bytes, inside a chunk', async () => {
    expect(await readResponseText(streamed(['abc', 'def', 'ghi']).response, 5, 60_000)).toEqual({ text: 'abcde', whole: false });
    expect((await readResponseText(new Response('éé'), 3, 60_000)).text).toBe('é\ufffd');
  });

  it('stops pulling once max bytes are in, and cancels the rest of the stream', async () => {
    const { response, pulls, cancelled } = streamed(['abc', 'def', 'ghi']);
    expect((await readResponseText(response, 6, 60_000)).text).toBe('abcdef');
    expect(pulls()).toBe(2);
    expect(cancelled()).toBe(true);
  });

  it('gives what arrived before the timeout when the rest of the body stalls', async () => {
    const { response, cancelled } = streamed(['{"error":"par'], { stall: true });
    expect(await readResponseText(response, 100, 0)).toEqual({ text: '{"error":"par', whole: false });
    expect(cancelled()).toBe(true);
  });

  it('leaves no timer behind', async () => {
    const before = timers();
    expect((await readResponseText(new Response('ok'), 100, 60_000)).text).toBe('ok');
    expect(timers()).toBe(before);
  });

  it('gives an empty string for a response without a body', async () => {
    expect(await readResponseText(new Response(null, { status: 503 }), 100, 60_000)).toEqual({ text: '', whole: true });
  });

  it('gives an empty string for a body someone else has started reading', async () => {
    const { response } = streamed(['{"error":', '"the rest"}']);
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    reader.releaseLock();
    expect(response.bodyUsed).toBe(true);
    expect((await readResponseText(response, 100, 60_000)).text).toBe('');
  });

  it('resolves to an empty string, never rejects, for a body locked by another reader', async () => {
    const response = new Response('hello');
    response.body!.getReader();
    expect((await readResponseText(response, 100, 60_000)).text).toBe('');
  });

  it('gives an empty string when the stream errors', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket hang up'));
      },
    });
    expect(await readResponseText(new Response(stream), 100, 60_000)).toEqual({ text: '', whole: false });
  });
});
