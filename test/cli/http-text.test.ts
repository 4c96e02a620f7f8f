import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { parseHttpText } from '../../src/cli/http-text.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

describe('parseHttpText: a response as curl -si prints it', () => {
  it('reads an HTTP/1.1 response with CRLF line ends', () => {
    const r = parseHttpText('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 34\r\nX-Request-Id: req_1\r\n\r\n{"a":1}');
    expect(r).toEqual({ status: 429, headers: [['Retry-After', '34'], ['X-Request-Id', 'req_1']], body: '{"a":1}' });
  });

  it('reads an HTTP/2 status line without a reason phrase (curl prints a trailing space)', () => {
    const r = parseHttpText('HTTP/2 503 \r\nretry-after: 5\r\n\r\n');
    expect(r.status).toBe(503);
    expect(r.headers).toEqual([['retry-after', '5']]);
    expect(r.body).toBe('');
  });

  it('reads LF-only text and HTTP/3', () => {
    expect(parseHttpText('HTTP/3 404\ncontent-type: text/plain\n\nnope\n')).toEqual({ status: 404, headers: [['content-type', 'text/plain']], body: 'nope\n' });
  });

  it('skips 100 Continue, a proxy CONNECT and redirects: the last response is the one', () => {
    const text =
      'HTTP/1.1 200 Connection established\r\n\r\n' +
      'HTTP/1.1 100 Continue\r\n\r\n' +
      'HTTP/1.1 301 Moved Permanently\r\nLocation: /v2\r\n\r\n' +
      'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<h1>502</h1>';
    expect(parseHttpText(text)).toEqual({ status: 502, headers: [['Content-Type', 'text/html']], body: '<h1>502</h1>' });
  });

  it('keeps a body that contains blank lines and colons untouched', () => {
    const body = '{"message": "a: b"}\r\n\r\nmore: text\r\n';
    expect(parseHttpText(`HTTP/1.1 400 Bad Request\r\n\r\n${body}`).body).toBe(body);
  });

  it('joins folded header lines and keeps repeated headers', () => {
    const r = parseHttpText('HTTP/1.1 400 Bad Request\nX-Long: one\n two\nSet-Cookie: a=1\nSet-Cookie: b=2\n\n');
    expect(r.headers).toEqual([['X-Long', 'one two'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
  });

  it('tolerates leading blank lines and a BOM', () => {
    expect(parseHttpText('\uFEFF\r\n\r\nHTTP/1.1 410 Gone\r\n\r\n').status).toBe(410);
  });

  it('says what is wrong with text that is not a response', () => {
    expect(() => parseHttpText('{"error":"x"}')).toThrow(UsageError);
    expect(() => parseHttpText('{"error":"x"}')).toThrow(/expected a status line/);
    expect(() => parseHttpText('')).toThrow(UsageError);
    expect(() => parseHttpText('HTTP/1.1 500 Oops\r\nnot a header\r\n\r\n')).toThrow(/header line without a name/);
  });

  it('property: what a server writes (CRLF or LF, any reason phrase) is read back exactly', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
    const value = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 999 }),
        fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/3'),
        fc.stringMatching(/^[A-Za-z ]{0,20}$/),
        fc.array(fc.tuple(name, value), { maxLength: 6 }),
        fc.string().filter((b) => !/^HTTP\/\d/.test(b)),
        fc.constantFrom('\r\n', '\n'),
        (status, version, reason, headers, body, eol) => {
          const head = [`${version} ${status}${reason === '' ? '' : ` ${reason}`}`, ...headers.map(([n, v]) => `${n}: ${v}`)];
          const parsed = parseHttpText(`${head.join(eol)}${eol}${eol}${body}`);
          expect(parsed.status).toBe(status);
          expect(parsed.headers).toEqual(headers);
          expect(parsed.body).toBe(body);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
