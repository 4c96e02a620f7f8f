/**
 * The rules session 37's SDK probes gave, checked on generated values (the real packages' errors are checked in
 * test/sdk/<client>.test.ts against a loopback server): undici's `fetch failed` with its cause dropped, Linear's
 * `x-ratelimit-requests-*` headers, Upstash's command kept out of every Fault, Microsoft Graph's GraphError body put back
 * in its envelope, and an error's class read by name without trusting the value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

describe("undici's `fetch failed` with its cause dropped", () => {
  it('is connection_reset, retried only where sending twice is safe; a cause that names the socket error still decides', () => {
    expect(classify(new TypeError('fetch failed'))).toMatchObject({ code: 'connection_reset', retry: 'idempotent', source: 'network' });
    // Fern's generated SDKs (voyageai, intercom-client): `rawResponse.status` 0, no status, no cause.
    const fern = Object.assign(new Error('fetch failed'), { statusCode: undefined, body: undefined, rawResponse: { status: 0, statusText: 'Unknown Error', headers: {} } });
    expect(classify(fern)).toMatchObject({ code: 'connection_reset', retry: 'idempotent' });
    expect(classify(fern).status).toBeUndefined();
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    expect(classify(refused).code).toBe('connect_failed');
  });

  it('property: only those exact words count, not a message that holds them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (before, after) => {
        fc.pre(`${before}fetch failed${after}` !== 'fetch failed');
        // (A client's name before them, "GraphQL Client: fetch failed", is @shopify/admin-api-client's rethrow: session 38.)
        fc.pre(after !== '' || !/^[A-Z][\w ]{0,40} Client: $/.test(before));
        expect(classify(new Error(`${before}fetch failed${after}`)).code).not.toBe('connection_reset');
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Linear's `x-ratelimit-requests-*` (linear.app/developers/rate-limiting: the reset in epoch milliseconds)", () => {
  const NOW = Date.UTC(2026, 7, 3, 1, 14, 30);

  it('property: with nothing remaining, the wait runs to the reset; with some remaining there is none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_600_000 }), fc.integer({ min: 1, max: 5000 }), (wait, left) => {
        const headers = (remaining: number) => ({ 'x-ratelimit-requests-limit': '2500', 'x-ratelimit-requests-remaining': String(remaining), 'x-ratelimit-requests-reset': String(NOW + wait) });
        expect(classify({ status: 400, headers: headers(0) }, { now: NOW }).retryAfterMs).toBe(wait);
        expect(classify({ status: 400, headers: headers(left) }, { now: NOW }).retryAfterMs).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Upstash's UpstashError", () => {
  it('property: the command after the error never reaches the Fault, whatever it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 5 }), (command) => {
        const error = Object.assign(new Error(`WRONGPASS invalid or missing auth token, command was: ${JSON.stringify(['set', ...command])}`), { name: 'UpstashError' });
        const fault = classify(error);
        expect(fault.code).toBe('unauthenticated');
        expect(JSON.stringify(fault)).not.toContain('command was');
        for (const part of command) if (part.length > 3 && !'WRONGPASS invalid or missing auth token'.includes(part)) expect(JSON.stringify(fault)).not.toContain(JSON.stringify(part).slice(1, -1));
      }),
      { numRuns: RUNS },
    );
  });

  it('another error with the same words and no UpstashError name is left as it is', () => {
    expect(classify(new Error('WRONGPASS invalid or missing auth token, command was: ["get","k"]')).code).toBe('unknown');
  });
});

describe("Microsoft Graph's GraphError", () => {
  const graphError = (body: string, code: string) => Object.assign(new Error('Too many requests'), { statusCode: 429, code, requestId: 'r-1', date: new Date(0), body, headers: { 'retry-after': '41' } });

  it('its body, the error object without its envelope, is read as the Azure profile reads the response', () => {
    const body = JSON.stringify({ code: 'activityLimitReached', message: 'The application or user has been throttled.', innerError: { code: 'quota', date: '2021-12-06T06:07:33', 'request-id': 'r-1' } });
    expect(classify(graphError(body, 'activityLimitReached'))).toMatchObject({ code: 'rate_limited', retry: 'always', vendor: 'azure', retryAfterMs: 41_000 });
  });

  it('a body that is not its code’s object is not put back in an envelope', () => {
    expect(classify(graphError('{"code":"other","message":"x"}', 'activityLimitReached')).vendor).not.toBe('azure');
  });
});

describe('an error read by its class', () => {
  it('a constructor that throws, or is no function, reads as no class: classify never throws', () => {
    const hostile = new Error('Vercel Blob: Access denied');
    Object.defineProperty(hostile, 'constructor', { get: () => { throw new Error('trap'); } });
    expect(classify(hostile).code).toBe('unknown');
    const odd = Object.assign(new Error('Vercel Blob: Access denied'), { constructor: { name: 'BlobAccessError' } });
    expect(classify(odd).code).toBe('unknown');
  });
});
