/**
 * No secret escapes through the `faultline classify` command: generated secrets of every form,
 * planted in a vendor-shaped body (message, vendor code, request id, field errors), in response
 * headers (Authorization, x-api-key, Set-Cookie, the request id), in the request URL's query
 * (`api_key=`, `key=`, `token=`) and in the status line's reason phrase, fed to the command through
 * flags, a `curl -si` response on stdin, and `--batch` — human and `--json` output alike. Bad input
 * carrying a secret (an argument, a header, a status line) is refused on stderr without it.
 * Nothing the command writes, to stdout or stderr, holds any secret or a long piece of one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { FAULT_CODES } from '../../src/core/catalog.js';
import { createFault } from '../../src/core/fault.js';
import type { RenderedResponse } from '../../src/vendors/profile.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { memoryIO } from '../cli/support.js';
import { type Planted, alnum, secrets, shows, surroundings } from './secret-arbitraries.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

const PLACE = { message: 'PLANTxMESSAGE', field: 'PLANTxFIELD', requestId: 'PLANTxREQID', vendorCode: 'PLANTxVCODE', upgradeUrl: 'https://portal.example.com/PLANTxUPGRADE' } as const;
const ERROR_CODES = FAULT_CODES.filter((code) => code !== 'unknown' && code !== 'cancelled' && code !== 'client_timeout');
const RENDERERS = BUILTIN_PROFILES.filter((p) => p.render !== undefined);
const VENDOR_IDS = BUILTIN_PROFILES.map((p) => p.id);

/** Text as it sits inside a JSON string (and in HTML or a header, where none of these characters need escaping). */
const inJson = (text: string): string => JSON.stringify(text).slice(1, -1);

/** The planted secrets of one run, one per place. */
interface Plants {
  readonly message: Planted;
  readonly field: Planted;
  readonly requestId: Planted;
  readonly vendorCode: Planted;
  readonly upgrade: Planted;
  readonly authorization: Planted;
  readonly apiKey: string;
  readonly cookie: string;
  readonly reason: Planted;
  readonly urlKey: string;
}

const plants: fc.Arbitrary<Plants> = fc.record({
  message: secrets,
  field: secrets,
  requestId: secrets,
  vendorCode: secrets,
  upgrade: secrets,
  authorization: secrets,
  apiKey: alnum(16, 40),
  cookie: alnum(16, 40),
  reason: secrets,
  urlKey: alnum(12, 32),
});

function allSecrets(p: Plants): string[] {
  return [p.message, p.field, p.requestId, p.vendorCode, p.upgrade, p.authorization, p.reason].map((s) => s.secret).concat(p.apiKey, p.cookie, p.urlKey);
}

/** A vendor's own error response (its profile's `render`), with the secrets written where the placeholders were. */
function vendorResponse(profileIndex: number, codeIndex: number, p: Plants, words: readonly [string, string]): RenderedResponse {
  const profile = RENDERERS[profileIndex % RENDERERS.length];
  const code = ERROR_CODES[codeIndex % ERROR_CODES.length] ?? 'internal';
  const fault = createFault({
    code,
    message: PLACE.message,
    requestId: PLACE.requestId,
    vendorCode: PLACE.vendorCode,
    upgradeUrl: PLACE.upgradeUrl,
    fields: [{ path: 'input', message: PLACE.field }],
    retryAfterMs: 2_000,
  });
  const rendered = profile?.render?.(fault) ?? { status: 500, headers: {}, body: JSON.stringify({ error: { code: PLACE.vendorCode, message: PLACE.message } }) };
  const swap = (text: string, escape: (t: string) => string): string =>
    text
      .replaceAll(PLACE.message, escape(`${words[0]}${p.message.text}${words[1]}`))
      .replaceAll(PLACE.field, escape(`must not be ${p.field.text}`))
      .replaceAll(PLACE.requestId, escape(p.requestId.text))
      .replaceAll(PLACE.vendorCode, escape(p.vendorCode.text))
      .replaceAll(PLACE.upgradeUrl, escape(p.upgrade.text));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rendered.headers)) headers[name] = swap(value, (t) => t);
  // A body that names none of the places still carries the message: some vendors' shapes have no message field.
  const body = swap(rendered.body, inJson);
  return {
    status: rendered.status,
    headers: {
      ...headers,
      'x-request-id': p.requestId.text,
      authorization: p.authorization.text,
      'x-api-key': p.apiKey,
      'set-cookie': `session=${p.cookie}; Path=/; HttpOnly`,
      'www-authenticate': `Bearer realm="api", error="invalid_token", error_description="${p.message.text}"`,
    },
    body: body.includes(p.message.secret) ? body : `${body}\n${p.message.text}`,
  };
}

const URLS = (key: string): string[] => [
  `https://api.example.com/v1/items?api_key=${key}&page=2`,
  `https://maps.example.com/api?key=${key}`,
  `https://hooks.example.com/v1/events?token=${key}`,
];

/** The response as `curl -si` prints it: an interim 100, the status line with a reason phrase, folded headers, the body. */
function curlText(r: RenderedResponse, p: Plants, http2: boolean): string {
  const lines = [http2 ? `HTTP/2 ${r.status} ${p.reason.text}` : `HTTP/1.1 ${r.status} ${p.reason.text}`];
  for (const [name, value] of Object.entries(r.headers)) lines.push(`${name}: ${value}`);
  lines.push('x-debug: upstream said', `  ${p.reason.text}`);
  return `HTTP/1.1 100 Continue\r\n\r\n${lines.join('\r\n')}\r\n\r\n${r.body}`;
}

type Mode = 'flags' | 'flags-stdin-body' | 'flags-file-body' | 'curl' | 'batch-stdin' | 'batch-file';
const MODES: readonly Mode[] = ['flags', 'flags-stdin-body', 'flags-file-body', 'curl', 'batch-stdin', 'batch-file'];

/** The command line, stdin and files for one way of giving the command the response. */
function invocation(mode: Mode, r: RenderedResponse, p: Plants, url: string, vendor: string | undefined, json: boolean) {
  const common = [...(vendor === undefined ? [] : ['--vendor', vendor]), '--url', url];
  const headerFlags = Object.entries(r.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const flags = (body: string) => ['classify', '--status', String(r.status), ...headerFlags, '--body', body, ...common, ...(json ? ['--json'] : [])];
  const item = { status: r.status, headers: r.headers, body: r.body, url };
  switch (mode) {
    case 'flags':
      return { argv: flags(r.body), stdin: '', files: {} };
    case 'flags-stdin-body':
      return { argv: flags('-'), stdin: r.body, files: {} };
    case 'flags-file-body':
      return { argv: flags('@body.txt'), stdin: '', files: { 'body.txt': r.body } };
    case 'curl':
      return { argv: ['classify', ...common, ...(json ? ['--json'] : [])], stdin: curlText(r, p, url.includes('token=')), files: {} };
    case 'batch-stdin':
      return { argv: ['classify', '--batch', '-', ...common], stdin: JSON.stringify([item, { ...item, status: 503, vendor: 'openai' }]), files: {} };
    case 'batch-file':
      return { argv: ['classify', '--batch', 'items.jsonl'], stdin: '', files: { 'items.jsonl': `${JSON.stringify(item)}\n\n${JSON.stringify({ ...item, status: 429 })}\n` } };
  }
}

describe('no secret escapes through faultline classify', () => {
  it('in its human and --json output, for a response given by flags, by curl -si on stdin, or as a batch', async () => {
    await fc.assert(
      fc.asyncProperty(
        plants,
        surroundings,
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...MODES),
        fc.boolean(),
        fc.option(fc.constantFrom(...VENDOR_IDS), { nil: undefined }),
        fc.nat(2),
        async (p, words, profileIndex, codeIndex, mode, json, vendor, urlIndex) => {
          const response = vendorResponse(profileIndex, codeIndex, p, words);
          const url = URLS(p.urlKey)[urlIndex] as string;
          const { argv, stdin, files } = invocation(mode, response, p, url, vendor, json);
          const io = memoryIO(stdin, files);
          const code = await runCli(argv, io.io);
          const output = `${io.out()}${io.err()}`;
          // The command did classify (a refusal would print nothing worth checking).
          expect({ code, err: io.err() }).toEqual({ code: 0, err: '' });
          expect(io.out()).toMatch(json || mode.startsWith('batch') ? /"code": "/ : /^code {5}\w+/);
          for (const secret of allSecrets(p)) expect(shows(output, secret), `${secret} in:\n${output}`).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('in the one line a refused command prints', async () => {
    const refusals = (s: Planted): { argv: string[]; stdin?: string }[] => [
      { argv: [s.text] },
      { argv: ['classify', s.text] },
      { argv: ['classify', '--status', `4x9 ${s.text}`] },
      { argv: ['classify', '--status', '401', '-H', `:${s.text}`] },
      { argv: ['classify', '--status', '401', '--url', `not a url ${s.text}`] },
      { argv: ['classify', '--vendor', s.text, '--status', '401'] },
      { argv: ['classify', `-${s.text}`] },
      { argv: ['classify'], stdin: s.text },
      { argv: ['classify', '--json'], stdin: `HTTP/1.1 ${s.text}\r\n\r\n{}` },
      { argv: ['classify'], stdin: `HTTP/1.1 401 Unauthorized\r\n:${s.text}\r\n\r\n{}` },
    ];
    await fc.assert(
      fc.asyncProperty(secrets, fc.nat(), async (s, pick) => {
        const all = refusals(s);
        const { argv, stdin } = all[pick % all.length] as (typeof all)[number];
        const io = memoryIO(stdin ?? '', {}, stdin === undefined);
        const code = await runCli(argv, io.io);
        expect(code).toBe(2);
        expect(io.err()).toMatch(/^faultline: /);
        expect(shows(`${io.out()}${io.err()}`, s.secret), `${s.secret} in:\n${io.err()}`).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
