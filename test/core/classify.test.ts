/**
 * The resolution algorithm of TEAM.md ("How classify resolves a Fault"), step by step, on small
 * profiles built for the purpose, plus the status fallback table and classifyResponse.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/core/catalog.js';
import { createClassifier } from '../../src/core/classifier.js';
import { classify, classifyResponse } from '../../src/entry/default-classifier.js';
import { FaultError, createFault } from '../../src/core/fault.js';
import { codeForStatus } from '../../src/core/status.js';
import { defineProfile } from '../../src/vendors/define-profile.js';
import type { FaultDraft, ResponseSnapshot } from '../../src/vendors/profile.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);

/** A profile claiming `{ <key>: { code, msg, ... } }`, with whatever extra draft fields the body carries. */
function keyed(id: string, key: string, extra: Partial<Parameters<typeof defineProfile>[0]> = {}) {
  return defineProfile({
    id,
    codes: {},
    detect: (s: ResponseSnapshot) => typeof s.json === 'object' && s.json !== null && key in (s.json as object),
    parse: (s: ResponseSnapshot): FaultDraft | undefined => {
      const inner = (s.json as Record<string, unknown>)[key] as Record<string, unknown> | undefined;
      if (typeof inner !== 'object' || inner === null) return undefined;
      return inner as FaultDraft;
    },
    ...extra,
  });
}

const alpha = keyed('alpha', 'alpha', {
  hosts: ['api.alpha.dev', '*.alpha.io'],
  codes: {
    SLOW: { code: 'rate_limited', retry: 'never', remedy: 'wait_for_reset' },
    GONE: 'gone',
    BOOM: { code: 'internal', retryLimit: 3 },
  },
  statuses: { 500: { code: 'internal', retry: 'always', retryLimit: 1, remedy: 'contact_support' }, 418: 'overloaded' },
});
const beta = keyed('beta', 'beta');
const greedy = keyed('greedy', 'alpha'); // detects the same key, later in order
const { classify: c, classifyResponse: cr } = createClassifier({ profiles: [alpha, beta, greedy] });

describe('step 1: what counts as a response', () => {
  it('treats a non-snapshot as a thrown value', () => {
    expect(c(new Error('boom'))).toMatchObject({ code: 'unknown', source: 'client' });
    expect(c('a string')).toMatchObject({ code: 'unknown' });
    expect(c(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'connection_reset', source: 'network' });
  });

  it('passes a FaultError through unchanged', () => {
    const fault = createFault({ code: 'circuit_open', source: 'policy' });
    expect(c(new FaultError(fault))).toBe(fault);
  });

  it('accepts a string status and ignores an out-of-range one', () => {
    expect(c({ status: '429' }).code).toBe('rate_limited');
    expect(c({ status: 1234 }).code).toBe('unknown');
  });

  it('takes a fetch Response as a snapshot without reading its body', () => {
    const res = new Response('{"alpha":{"vendorCode":"GONE"}}', { status: 503, headers: { 'retry-after': '2' } });
    expect(c(res)).toMatchObject({ code: 'service_unavailable', retryAfterMs: 2000 });
    expect(res.bodyUsed).toBe(false);
  });
});

describe('step 2: the snapshot', () => {
  it('reads string, byte and pre-parsed bodies alike', () => {
    const text = '{"beta":{"message":"hi","vendorCode":"X"}}';
    for (const body of [text, new TextEncoder().encode(text), new TextEncoder().encode(text).buffer, JSON.parse(text) as unknown]) {
      expect(c({ status: 400, body })).toMatchObject({ vendor: 'beta', vendorCode: 'X', message: 'hi' });
    }
  });

  it('looks at no more than maxBodyBytes of a body', () => {
    const text = '{"beta":{"message":"hi"}}';
    expect(c({ status: 400, body: text }, { maxBodyBytes: 10 }).vendor).toBeUndefined();
    const small = createClassifier({ profiles: [beta], maxBodyBytes: 10 });
    expect(small.classify({ status: 400, body: new TextEncoder().encode(text) }).vendor).toBeUndefined();
    expect(small.classify({ status: 400, body: text }, { maxBodyBytes: 100 }).vendor).toBe('beta');
  });
});

describe('step 3: which profile', () => {
  it('uses a named profile even when its parse finds nothing, with its status rules', () => {
    expect(c({ status: 500, body: 'oops' }, { vendor: 'alpha' })).toMatchObject({
      vendor: 'alpha', code: 'internal', retry: 'always', retryLimit: 1, remedy: 'contact_support',
    });
    expect(c({ status: 418 }, { vendor: 'alpha' })).toMatchObject({ vendor: 'alpha', code: 'overloaded' });
  });

  it('a named profile wins over detection and host', () => {
    expect(c({ status: 400, body: { beta: { vendorCode: 'B' } } }, { vendor: 'alpha', url: 'https://api.alpha.dev' }).vendor).toBe('alpha');
    expect(c({ status: 400, body: { alpha: { vendorCode: 'A' } } }, { vendor: 'beta' }).vendor).toBe('beta');
  });

  it('ignores an unknown vendor id and detects instead', () => {
    expect(c({ status: 400, body: { beta: {} } }, { vendor: 'nope' }).vendor).toBe('beta');
  });

  it('picks a profile by exact or wildcard host', () => {
    expect(c({ status: 500 }, { url: 'https://api.alpha.dev/v1/x' })).toMatchObject({ vendor: 'alpha', retry: 'always' });
    expect(c({ status: 500 }, { url: new URL('https://eu.alpha.io/v1') }).vendor).toBe('alpha');
    expect(c({ status: 500 }, { url: 'https://alpha.io.evil.com/' }).vendor).toBeUndefined();
    expect(c({ status: 500 }, { url: 'not a url' }).vendor).toBeUndefined();
  });

  it('falls back to detection when the host profile cannot read the body', () => {
    expect(c({ status: 400, body: { beta: { vendorCode: 'B' } } }, { url: 'https://api.alpha.dev' }).vendor).toBe('beta');
  });

  it('takes the first profile in order whose detect and parse both succeed', () => {
    expect(c({ status: 400, body: { alpha: { vendorCode: 'GONE' } } }).vendor).toBe('alpha');
    // alpha detects but parse gives nothing (not an object): nobody else parses either
    expect(c({ status: 400, body: { alpha: 1 } }).vendor).toBeUndefined();
    const order = createClassifier({ profiles: [greedy, alpha] });
    expect(order.classify({ status: 400, body: { alpha: { vendorCode: 'GONE' } } }).vendor).toBe('greedy');
  });

  it('treats a throwing detect or parse as no match', () => {
    const bad = defineProfile({ id: 'bad', codes: {}, detect: () => { throw new Error('x'); }, parse: () => undefined });
    const bad2 = defineProfile({ id: 'bad2', codes: {}, detect: () => true, parse: () => { throw new Error('y'); } });
    const k = createClassifier({ profiles: [bad, bad2, beta] });
    expect(k.classify({ status: 400, body: { beta: {} } }).vendor).toBe('beta');
    expect(k.classify({ status: 503 }, { vendor: 'bad2' })).toMatchObject({ code: 'service_unavailable', vendor: 'bad2' });
  });
});

describe('step 4: code, retry, remedy, retryLimit', () => {
  it('code: draft.code, then the code table, then status rules, then the status fallback', () => {
    expect(c({ status: 500, body: { alpha: { code: 'data_loss', vendorCode: 'GONE' } } }).code).toBe('data_loss');
    expect(c({ status: 500, body: { alpha: { vendorCode: 'GONE' } } }).code).toBe('gone');
    expect(c({ status: 418, body: { alpha: { vendorCode: 'UNLISTED' } } }).code).toBe('overloaded');
    expect(c({ status: 404, body: { alpha: { vendorCode: 'UNLISTED' } } }).code).toBe('not_found');
  });

  it('does not read inherited keys of the code table', () => {
    expect(c({ status: 400, body: { alpha: { vendorCode: 'toString' } } }).code).toBe('invalid_request');
    expect(c({ status: 400, body: { alpha: { vendorCode: '__proto__' } } }).code).toBe('invalid_request');
  });

  it('retry: draft, then the code rule, then the status rule, then the catalog', () => {
    expect(c({ status: 429, body: { alpha: { vendorCode: 'SLOW', retry: 'idempotent' } } }).retry).toBe('idempotent');
    expect(c({ status: 429, body: { alpha: { vendorCode: 'SLOW' } } })).toMatchObject({ retry: 'never', remedy: 'wait_for_reset' });
    // BOOM's rule has no retry: the status rule for 500 (same code) supplies it, and BOOM's retryLimit wins
    expect(c({ status: 500, body: { alpha: { vendorCode: 'BOOM' } } })).toMatchObject({ code: 'internal', retry: 'always', retryLimit: 3, remedy: 'contact_support' });
    expect(c({ status: 502, body: { alpha: { vendorCode: 'BOOM' } } })).toMatchObject({ retry: CATALOG.internal.retry, retryLimit: 3 });
  });

  it('ignores a status rule for another code than the resolved one', () => {
    // 500's rule says internal/always; GONE resolves to gone, so the rule's retry must not leak
    expect(c({ status: 500, body: { alpha: { vendorCode: 'GONE' } } })).toMatchObject({ code: 'gone', retry: 'never', remedy: 'recreate' });
    expect(c({ status: 500, body: { alpha: { vendorCode: 'GONE' } } }).retryLimit).toBeUndefined();
  });
});

describe('step 5: header hints', () => {
  it('a header delay beats the draft, which beats a rate-limit reset', () => {
    const body = { alpha: { vendorCode: 'SLOW', retryAfterMs: 9000 } };
    expect(c({ status: 429, headers: { 'Retry-After': '2' }, body }).retryAfterMs).toBe(2000);
    expect(c({ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }, body }, { now: NOW }).retryAfterMs).toBe(9000);
    expect(c({ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' } }, { now: NOW })).toMatchObject({
      retryAfterMs: 30_000, rateLimit: { remaining: 0, resetMs: 30_000 },
    });
  });

  it('reads the rate limit into fault.rateLimit and limit', () => {
    const f = c({ status: 429, headers: { RateLimit: '"default";r=0;t=12', 'RateLimit-Policy': '"default";q=50;w=60' } }, { now: NOW });
    expect(f).toMatchObject({ rateLimit: { limit: 50, remaining: 0, resetMs: 12_000 }, retryAfterMs: 12_000, limit: 50 });
  });

  it('a request-id header beats the draft', () => {
    expect(c({ status: 400, headers: { 'x-request-id': 'hdr' }, body: { beta: { requestId: 'body' } } }).requestId).toBe('hdr');
    expect(c({ status: 400, body: { beta: { requestId: 'body' } } }).requestId).toBe('body');
  });

  it('x-should-retry / Stripe-Should-Retry override everything, last', () => {
    expect(c({ status: 429, headers: { 'x-should-retry': 'true' }, body: { alpha: { vendorCode: 'SLOW', retry: 'never' } } }).retry).toBe('always');
    expect(c({ status: 503, headers: { 'Stripe-Should-Retry': 'false' } }).retry).toBe('never');
  });

  it('measures an HTTP-date against the Date header, else options.now', () => {
    expect(c({ status: 503, headers: { 'retry-after': 'Mon, 23 Nov 2026 08:00:40 GMT' } }, { now: NOW }).retryAfterMs).toBe(40_000);
  });
});

describe('step 6: vendor, message, source', () => {
  it('vendor is draft.vendor, else the profile id; source is server; status is kept', () => {
    expect(c({ status: 400, body: { beta: { vendor: 'beta-compatible' } } })).toMatchObject({ vendor: 'beta-compatible', source: 'server', status: 400 });
  });

  it('message: the draft, else a short text body, else the catalog default', () => {
    const fallback = createFault({ code: 'bad_gateway' }).message;
    expect(c({ status: 400, body: { beta: { message: 'from draft' } } }).message).toBe('from draft');
    expect(c({ status: 502, body: 'upstream said no' }).message).toBe('upstream said no');
    expect(c({ status: 502, body: '<html><title>502</title></html>' }).message).toBe(fallback);
    expect(c({ status: 502, body: 'x'.repeat(1000) }).message).toBe(fallback);
    expect(c({ status: 502 }).message).toBe(fallback);
  });

  it('redacts secrets in messages', () => {
    const f = c({ status: 401, body: 'Invalid key sk_live_4eC39HqLyjWDarjtT1zdp7dc' });
    expect(f.message).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
  });
});

describe('status fallbacks (CATALOG.md)', () => {
  it.each([
    [400, 'invalid_request'], [401, 'unauthenticated'], [402, 'payment_required'], [403, 'permission_denied'],
    [404, 'not_found'], [405, 'not_implemented'], [408, 'request_timeout'], [409, 'conflict'], [410, 'gone'],
    [412, 'precondition_failed'], [413, 'payload_too_large'], [415, 'invalid_request'], [422, 'validation_failed'],
    [425, 'too_early'], [428, 'precondition_failed'], [429, 'rate_limited'], [499, 'cancelled'], [500, 'internal'],
    [501, 'not_implemented'], [502, 'bad_gateway'], [503, 'service_unavailable'], [504, 'gateway_timeout'],
    [505, 'not_implemented'], [520, 'bad_gateway'], [521, 'connect_failed'], [522, 'gateway_timeout'],
    [523, 'bad_gateway'], [524, 'gateway_timeout'], [525, 'bad_gateway'], [526, 'bad_gateway'], [529, 'overloaded'],
    [418, 'invalid_request'], [451, 'invalid_request'], [507, 'internal'], [599, 'internal'],
    [200, 'unknown'], [302, 'unknown'], [undefined, 'unknown'],
  ] as const)('%s → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
    if (status !== undefined) expect(classify({ status }).code).toBe(code);
  });
});

describe('classifyResponse', () => {
  it('reads the body and uses response.url for host matching', async () => {
    const res = new Response('{"alpha":{"vendorCode":"GONE"}}', { status: 404 });
    expect(await cr(res)).toMatchObject({ code: 'gone', vendor: 'alpha' });
    expect(await cr(new Response('', { status: 500 }), { url: 'https://api.alpha.dev/x' })).toMatchObject({ vendor: 'alpha', retryLimit: 1 });
  });

  it('reads at most maxBodyBytes and cancels the rest of the stream', async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) { pulled++; controller.enqueue(chunk); },
      cancel() { cancelled = true; },
    });
    const f = await cr(new Response(stream, { status: 502 }), { maxBodyBytes: 4096 });
    expect(f.code).toBe('bad_gateway');
    expect(pulled).toBeLessThan(10);
    await new Promise((r) => setTimeout(r, 0));
    expect(cancelled).toBe(true);
  });

  it('gives up on a body that never arrives after bodyTimeoutMs and classifies by status', async () => {
    const stream = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const f = await cr(new Response(stream, { status: 503, headers: { 'retry-after': '1' } }), { bodyTimeoutMs: 0 });
    expect(f).toMatchObject({ code: 'service_unavailable', retryAfterMs: 1000 });
  });

  it('never rejects, even for a used or broken response', async () => {
    const res = new Response('x', { status: 500 });
    await res.text();
    expect((await classifyResponse(res)).code).toBe('internal');
    expect((await classifyResponse({} as Response)).code).toBeDefined();
    expect((await classifyResponse(null as unknown as Response)).code).toBeDefined();
  });
});

describe('createClassifier validation', () => {
  it('names the bad option', () => {
    expect(() => createClassifier(undefined as never)).toThrow(TypeError);
    expect(() => createClassifier({ profiles: [alpha, alpha] })).toThrow(/profiles must be unique by id, got 'alpha' twice/);
    expect(() => createClassifier({ profiles: [{ id: 'x' } as never] })).toThrow(/profiles\[0\] must be a vendor profile/);
    expect(() => createClassifier({ profiles: [], maxBodyBytes: -1 })).toThrow(/maxBodyBytes must be an integer >= 0, got -1/);
  });
});
