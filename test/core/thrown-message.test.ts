// Errors that keep less than a response (src/core/thrown.ts, src/core/classify-engine.ts): a client that wrote the
// status and body into its message (`throw new Error(\`HTTP ${res.status}: ${text}\`)`, the commonest hand-written
// client), an error that wraps the SDK's as its `cause`, and an error that kept a status and its message alone.
// Before this, the first two were `unknown` (never retried) and the third lost the server's words.
import { readFileSync } from 'node:fs';
import { AxiosError, AxiosHeaders } from 'axios';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultFromThrown } from '../../src/core/network.js';
import { classify } from '../../src/entry/default-classifier.js';
import { FaultError, createFault, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive } from '../sdk/cloud-support.js';

interface SeedCase {
  readonly id: string;
  readonly response: { readonly status?: number; readonly headers?: Record<string, string>; readonly body?: string };
  readonly expect: { readonly code: string };
}
const seeds = (JSON.parse(readFileSync(new URL('../fixtures/seed-cases.json', import.meta.url), 'utf8')) as { cases: SeedCase[] }).cases.filter(
  (c) => c.response.status !== undefined && typeof c.response.body === 'string' && c.response.body !== '',
);
const written = (c: SeedCase): Error => new Error(`Request failed with status ${String(c.response.status)}: ${c.response.body ?? ''}`);
const essentials = (f: ReturnType<typeof classify>) => ({ code: f.code, retry: f.retry, vendorCode: f.vendorCode, retryAfterMs: f.retryAfterMs, message: f.message });

describe('an error whose message holds what the server answered', () => {
  it('is read as that text pasted with no status: every seed response written into a message', () => {
    expect(seeds.length).toBeGreaterThan(40);
    let right = 0;
    for (const c of seeds) {
      const error = written(c);
      const fault = classify(error);
      expect(essentials(fault), c.id).toEqual(essentials(classify({ body: error.message })));
      expect(fault.code, c.id).not.toBe('unknown');
      if (fault.code === c.expect.code) right++;
    }
    // The status in words and the vendor's body: the catalog code of the response itself for nearly all of them.
    expect(right / seeds.length).toBeGreaterThan(0.9);
  });

  it("clients' own sentences around a status", () => {
    const cases: [string, string][] = [
      // @gitbeaker/rest, after its own ten tries.
      ['Could not successfully complete this request after 10 retries, last status code: 429. Check the applicable rate limits for this endpoint.', 'rate_limited'],
      // Envoy's own 503 body behind a client that prints the status first.
      ['HTTP 503: upstream connect error or disconnect/reset before headers. reset reason: connection failure', 'service_unavailable'],
      ['Request failed with status 502', 'bad_gateway'],
    ];
    for (const [message, code] of cases) expect(classify(new Error(message)).code, message).toBe(code);
  });

  it('a wait the message states is kept (Telegram\'s "retry after 35")', () => {
    const fault = classify(new Error("Call to 'sendMessage' failed! (429: Too Many Requests: retry after 35)"));
    expect([fault.code, fault.retryAfterMs, fault.source]).toEqual(['rate_limited', 35_000, 'server']);
  });

  it('a message naming no status and holding no object is not read: the thrown value stays `unknown`', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }).filter((s) => !/[45]\d\d|\{/.test(s)), (message) => {
        const error = new Error(message);
        expect(classify(error)).toEqual(faultFromThrown(error));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('numbers that are no status do not open the message', () => {
    for (const message of ['render took 429.5 ms', 'listening on port 4040', 'token 5001234 expired at 1.404', 'Cannot read properties of undefined (reading "x")']) {
      expect(classify(new Error(message)).code, message).toBe('unknown');
      expect(classify(new Error(message)).source, message).toBe('client');
    }
  });

  it('a reading that names no code leaves the thrown value as it was', () => {
    const error = new Error('unexpected state {}');
    expect(classify(error)).toEqual(faultFromThrown(error));
  });

  it("a FaultError is its own answer, even an `unknown` one whose message names a status", () => {
    const fault = createFault({ code: 'unknown', source: 'client', message: 'HTTP 503 from upstream' });
    expect(classify(new FaultError(fault))).toBe(fault);
  });

  it('a network error underneath wins over the words of the message', () => {
    const error = new TypeError('fetch failed: 503', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    expect(classify(error).code).toBe('connection_reset');
  });

  it('maxBodyBytes 0 reads nothing of the message', () => {
    const error = new Error('HTTP 429: Too Many Requests');
    expect(classify(error, { maxBodyBytes: 0 }).code).toBe('unknown');
    expect(classify(error).code).toBe('rate_limited');
  });

  it('a key the client wrote into its message (the URL it called) is redacted', () => {
    const key = 'sk-proj-' + 'Q7f2'.repeat(12);
    const fault = classify(new Error(`HTTP 401 Unauthorized from https://api.example.com/v1/models?api_key=${key}`));
    expect(fault.code).toBe('unauthenticated');
    expect(JSON.stringify(fault)).not.toContain(key.slice(8, 24));
  });

  it('retry() retries a written 503 and sends a written 400 once', async () => {
    for (const [status, body, calls] of [[503, '{"error":{"code":"service_unavailable","message":"Pool saturated"}}', 3], [400, '{"error":"invalid_request","message":"Missing required field: prompt"}', 1]] as const) {
      let n = 0;
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(async () => {
        n++;
        throw new Error(`HTTP ${status}: ${body}`);
      }));
      expect(result.ok).toBe(false);
      expect(n).toBe(calls);
    }
  });
});

describe('an error wrapping the SDK error as its cause', () => {
  it("reads the response the cause keeps: an AxiosError's 429 with Retry-After", () => {
    const seed = seeds.find((c) => c.id === 'impulse-429-rate-limit') as SeedCase;
    const response = { status: 429, statusText: 'Too Many Requests', headers: new AxiosHeaders({ 'retry-after': '34' }), data: JSON.parse(seed.response.body as string) as unknown, config: {} as never };
    const axiosError = new AxiosError('Request failed with status code 429', 'ERR_BAD_REQUEST', undefined, undefined, response as never);
    const fault = classify(new Error('Could not deploy', { cause: axiosError }));
    expect([fault.code, fault.retryAfterMs, fault.status]).toEqual(['rate_limited', 34_000, 429]);
    expect(fault).toEqual(classify(axiosError));
  });

  it('a snapshot as the cause, and causes nested a few deep', () => {
    const inner = new Error('inner', { cause: { status: 503, headers: { 'retry-after': '3' } } });
    expect(classify(new Error('outer', { cause: inner })).retryAfterMs).toBe(3000);
  });

  it('the outer error\'s own status wins over its cause', () => {
    const error = Object.assign(new Error('Not Found', { cause: { status: 429 } }), { status: 404 });
    expect(classify(error).code).toBe('not_found');
  });

  it('a cause cycle ends', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    expect(classify(a).code).toBe('unknown');
  });
});

describe('an error that kept a status and its message alone', () => {
  it("the message is the body's text (Algolia's ApiError: the message is the server's)", () => {
    const fault = classify(Object.assign(new Error('Invalid Application-ID or API key'), { status: 403 }));
    expect([fault.code, fault.message]).toEqual(['unauthenticated', 'Invalid Application-ID or API key']);
  });

  it("a numeric code beside the status is the vendor's (postmark.js' PostmarkError)", () => {
    const fault = classify(Object.assign(new Error("Invalid 'To' address: 'x'."), { code: 300, statusCode: 422 }));
    expect([fault.code, fault.vendorCode, fault.status]).toEqual(['validation_failed', '300', 422]);
  });

  it("a client's own status with a network error under it is still the network's (Octokit's socket reset as a 500)", () => {
    const error = Object.assign(new Error('socket hang up', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }), { status: 500 });
    expect(classify(error).code).toBe('connection_reset');
  });
});
