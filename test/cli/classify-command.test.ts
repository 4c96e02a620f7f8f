/**
 * `faultline classify` run in-process: --batch reproduces classify on every seed case, a curl -si
 * response on stdin is parsed, bad usage exits 2 with one line, and no secret is ever printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { classify } from '../../src/entry/default-classifier.js';
import { seedFixture } from '../seed-fixture.js';
import { memoryIO } from './support.js';

const { cases } = seedFixture;
const items = cases.map((c) => ({ ...c.response, ...(c.vendor === null ? {} : { vendor: c.vendor }) }));
const expected = cases.map((c) => JSON.parse(JSON.stringify(classify(c.response, c.vendor === null ? {} : { vendor: c.vendor }))) as unknown);

const RUNS = Number(process.env.FC_RUNS ?? 100);

async function run(argv: string[], stdin = '', files: Record<string, string> = {}, tty = false) {
  const m = memoryIO(stdin, files, tty);
  const code = await runCli(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

describe('faultline classify --batch', () => {
  it('a JSON array of the 55 seed cases gives the same Faults as classify, in order', async () => {
    const r = await run(['classify', '--batch', 'seeds.json'], '', { 'seeds.json': JSON.stringify(items) });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual(expected);
  });

  it('JSON Lines on stdin (--batch -) gives the same Faults', async () => {
    const r = await run(['classify', '--batch', '-'], `${items.map((i) => JSON.stringify(i)).join('\n')}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(expected);
  });

  it('a --vendor given on the command line applies to items that name none', async () => {
    const body = '{"error":{"message":"Internal server error","type":"server_error"}}';
    const r = await run(['classify', '--batch', '-', '--vendor', 'runinfra'], JSON.stringify([{ status: 500, body }, { status: 500, body, vendor: 'openai' }]));
    const [a, b] = JSON.parse(r.out) as { vendor: string; retryLimit?: number }[];
    expect(a).toMatchObject({ vendor: 'runinfra', retryLimit: 1 });
    expect(b?.vendor).toBe('openai');
  });
});

describe('faultline classify: one response', () => {
  it('parses a curl -si response on stdin (100 Continue, HTTP/2, CRLF) and prints a summary', async () => {
    const raw =
      'HTTP/1.1 100 Continue\r\n\r\n' +
      'HTTP/2 429 \r\nretry-after: 34\r\nx-request-id: req_9f2c\r\ncontent-type: application/json\r\n\r\n' +
      '{"valid": false, "error": "Rate limit exceeded", "limit": 120, "retry_after_seconds": 34}';
    const r = await run(['classify', '--vendor', 'impulse'], raw);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^code +rate_limited \(HTTP 429, impulse\)$/m);
    expect(r.out).toMatch(/^retry +yes/m);
    expect(r.out).toMatch(/^why +\S/m);
    expect(r.out).toMatch(/^wait +34 s$/m);
    expect(r.out).toMatch(/^request +req_9f2c$/m);
    expect(r.out).toMatch(/^message +Rate limit exceeded$/m);
  });

  it('--json prints the Fault classify returns for the same stdin response', async () => {
    const raw = 'HTTP/1.1 503 Service Unavailable\nRetry-After: 5\n\n';
    const r = await run(['classify', '--json'], raw);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(classify({ status: 503, headers: { 'Retry-After': '5' }, body: '' }))));
    expect(JSON.parse(r.out)).toMatchObject({ code: 'service_unavailable', retryAfterMs: 5000 });
  });

  it('--status, repeated -H and --body TEXT', async () => {
    const r = await run(['classify', '--status', '408', '-H', 'X-Request-Id: req_1', '-H', 'Content-Type: application/json', '--vendor', 'runs-api', '--json',
      '--body', '{"error":"sync_timeout_upgrade_async","message":"resubmit with async: true"}']);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'request_timeout', retry: 'never', remedy: 'resubmit_async', requestId: 'req_1', vendor: 'runs-api' });
  });

  it('--body @FILE and --body - read a file and stdin', async () => {
    const body = '{"error":{"code":"RATE_LIMITED","message":"Too many requests"}}';
    const fromFile = await run(['classify', '--status', '429', '--body', '@b.json', '--json'], '', { 'b.json': body });
    const fromStdin = await run(['classify', '--status', '429', '--body', '-', '--json'], body);
    expect(JSON.parse(fromFile.out)).toMatchObject({ code: 'rate_limited', vendorCode: 'RATE_LIMITED' });
    expect(fromStdin.out).toBe(fromFile.out);
  });

  it('--url picks a profile by host', async () => {
    const r = await run(['classify', '--status', '400', '--url', 'https://api.pulse.dev/v1/infer/m', '--json', '--body', '{"error":{"code":"VALIDATION_ERROR","message":"bad","details":[{"field":"x","message":"y"}]}}']);
    expect(JSON.parse(r.out)).toMatchObject({ vendor: 'pulse', fields: [{ path: 'x', message: 'y' }] });
  });

  it('prints retry limits, upgrade links and fields in the summary', async () => {
    const r = await run(['classify', '--status', '429', '--vendor', 'fhir-inference', '--body', '{"detail":{"error":"monthly_cap_exceeded","plan":"starter","upgrade_url":"https://portal.example.com/billing"}}']);
    expect(r.out).toMatch(/^code +quota_exhausted/m);
    expect(r.out).toMatch(/^retry +no/m);
    expect(r.out).toMatch(/^upgrade +https:\/\/portal\.example\.com\/billing$/m);
    const limit = await run(['classify', '--status', '500', '--vendor', 'runinfra', '--body', '{"error":{"message":"boom","type":"server_error"}}']);
    expect(limit.out).toMatch(/at most 1 retry$/m);
  });
});

describe('faultline: bad usage exits 2 with one line saying what is wrong', () => {
  const bad: [string, string[], string, RegExp][] = [
    ['no command', [], '', /missing command/],
    ['an unknown command', ['frobnicate'], '', /unknown command 'frobnicate'/],
    ['an unknown option', ['classify', '--nope'], '', /unknown option --nope/],
    ['a status that is not one', ['classify', '--status', '42x'], '', /--status must be an HTTP status \(100-999\), got '42x'/],
    ['a header without a colon', ['classify', '--status', '500', '-H', 'nocolon'], '', /-H\/--header must look like 'Name: value'/],
    ['an unknown vendor', ['classify', '--status', '500', '--vendor', 'acme'], '', /--vendor must be one of .*impulse.*, got 'acme'/],
    ['a relative URL', ['classify', '--status', '500', '--url', '/v1/x'], '', /--url must be an absolute URL/],
    ['--body without --status', ['classify', '--body', 'x'], 'HTTP/1.1 500 x\r\n\r\n', /--body needs --status/],
    ['--batch with --status', ['classify', '--batch', '-', '--status', '500'], '[]', /--batch cannot be combined with --status/],
    ['a batch that is not JSON', ['classify', '--batch', '-'], '{"status": 500}\nnot json\n', /--batch line 2 is not JSON/],
    ['an empty batch', ['classify', '--batch', '-'], '  ', /--batch input is empty/],
    ['a missing file', ['classify', '--status', '500', '--body', '@missing.json'], '', /cannot read --body file 'missing.json' \(ENOENT\)/],
    ['stdin that is not a response', ['classify'], '{"error":"x"}', /stdin is not an HTTP response/],
    ['an extra argument', ['classify', '--status', '500', 'extra'], '', /unexpected argument 'extra'/],
  ];
  for (const [what, argv, stdin, message] of bad) {
    it(what, async () => {
      const r = await run(argv, stdin);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('a terminal on stdin with nothing to classify', async () => {
    const r = await run(['classify'], '', {}, true);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing to classify/);
  });

  it('--help prints usage and exits 0', async () => {
    expect((await run(['classify', '--help'])).out).toMatch(/usage: faultline classify/);
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('faultline classify never prints a secret', () => {
  const secrets = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((s) => ({ text: `sk_live_${s}`, hidden: s })),
    fc.stringMatching(/^[A-Za-z0-9]{32}$/).map((s) => ({ text: `sk-proj-${s}`, hidden: s })),
    fc.stringMatching(/^[A-Za-z0-9]{20}$/).map((s) => ({ text: `Bearer ${s}`, hidden: s })),
    fc.stringMatching(/^[A-Za-z0-9]{16}$/).map((s) => ({ text: `https://api.example.com/v1?api_key=${s}`, hidden: s })),
  );
  const shapes = [
    (s: string) => JSON.stringify({ error: 'invalid_api_key', message: `Key ${s} was revoked` }),
    (s: string) => JSON.stringify({ error: { message: `Incorrect API key provided: ${s}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }),
    (s: string) => JSON.stringify({ detail: `credential ${s} rejected` }),
    (s: string) => `denied for ${s}`,
  ];

  it('property: in the human summary, --json and --batch output, and in usage errors', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, fc.integer({ min: 0, max: shapes.length - 1 }), fc.constantFrom(400, 401, 403, 429, 500), async (secret, shape, status) => {
        const body = (shapes[shape] as (s: string) => string)(secret.text);
        const raw = `HTTP/1.1 ${status} Error\r\nX-Request-Id: req_1\r\n\r\n${body}`;
        for (const r of [
          await run(['classify'], raw),
          await run(['classify', '--json'], raw),
          await run(['classify', '--status', String(status), '--body', body, '-H', `Authorization: ${secret.text}`]),
          await run(['classify', '--batch', '-'], JSON.stringify([{ status, body, headers: { authorization: secret.text } }])),
          await run(['classify', '--status', '500', '-H', secret.text]),
          await run(['classify', '--status', '500', '--url', secret.text.startsWith('https') ? secret.text.replace('https://', '') : secret.text]),
        ]) {
          expect(r.out).not.toContain(secret.hidden);
          expect(r.err).not.toContain(secret.hidden);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
