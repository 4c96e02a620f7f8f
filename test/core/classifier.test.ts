/**
 * Edges of the classify engine (createClassifier) that the step-by-step tests in classify.test.ts
 * leave open: which statuses make a response, which shapes of SDK error are read, what a profile's
 * parse may return, how the draft and header rate limits merge, what stays out of a Fault, and
 * what classify gives when resolving itself throws.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { DEFAULTS } from '../../src/core/codes.js';
import { FaultError, createFault } from '../../src/core/fault.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from '../../src/vendors/profile.js';

/** A profile claiming bodies of the form `{ <key>: draft }`; `parse` returns the draft as it is. */
function keyed(id: string, key: string, extra: Partial<VendorProfile> = {}): VendorProfile {
  return {
    id,
    codes: {},
    detect: (s: ResponseSnapshot) => typeof s.json === 'object' && s.json !== null && key in (s.json as object),
    parse: (s: ResponseSnapshot) => (s.json as Record<string, unknown>)[key] as FaultDraft | undefined,
    ...extra,
  };
}

const beta = keyed('beta', 'beta', {
  codes: { SLOW: { code: 'rate_limited', retry: 'never', remedy: 'wait_for_reset', retryLimit: 4 }, undefined: 'gone' },
  statuses: { 503: { code: 'service_unavailable', remedy: 'fallback' } },
});
const { classify: c } = createClassifier({ profiles: [beta] });

describe('which statuses make a response', () => {
  it('takes integer statuses from 100 to 999 as a response from the server', () => {
    expect(c({ status: 100 })).toMatchObject({ code: 'unknown', status: 100, source: 'server' });
    expect(c({ status: 999 })).toMatchObject({ code: 'unknown', status: 999, source: 'server' });
    expect(c({ status: ' 503 ' })).toMatchObject({ code: 'service_unavailable', status: 503, source: 'server' });
  });

  it('treats any other status as a thrown value: no status, source client', () => {
    for (const status of [99, 0, -429, 1000, 429.5, Number.NaN, Number.POSITIVE_INFINITY, '', '  ', 'abc', null, true, [503], { valueOf: () => 503 }]) {
      const fault = c({ status });
      expect(fault, String(status)).toMatchObject({ code: 'unknown', source: 'client' });
      expect('status' in fault, String(status)).toBe(false);
    }
  });

  it('reads statusCode when there is no usable status', () => {
    expect(c({ statusCode: 503, headers: { 'retry-after': '2' } })).toMatchObject({ code: 'service_unavailable', status: 503, retryAfterMs: 2000 });
    expect(c({ status: 'n/a', statusCode: '429' })).toMatchObject({ code: 'rate_limited', status: 429 });
  });

  it('does not treat a function carrying a status as a response', () => {
    expect(c(Object.assign(() => undefined, { status: 503 }))).toMatchObject({ code: 'unknown', source: 'client' });
  });

  it('does not treat an object without a status or a body as a response', () => {
    expect(c({ headers: { 'retry-after': '2' } })).toMatchObject({ code: 'unknown', source: 'client' });
    expect(c({ headers: { 'retry-after': '2' }, body: '' })).toMatchObject({ code: 'unknown', source: 'client' });
  });

  it('reads a body with no status (pasted from a log) as a response, status undefined', () => {
    const fault = c({ body: { beta: {} } });
    expect(fault).toMatchObject({ code: 'unknown', source: 'server' });
    expect(fault.status).toBeUndefined();
  });
});

describe('errors and responses as input', () => {
  it('passes a FaultError through as its own Fault, even one that carries an HTTP status', () => {
    const fault = createFault({ code: 'quota_exhausted', status: 429, vendor: 'acme', message: 'monthly cap' });
    expect(c(new FaultError(fault))).toBe(fault);
  });

  it("reads an axios-style error's response: data, else body", () => {
    const withData = Object.assign(new Error('Request failed'), { response: { status: 429, headers: { 'retry-after': '3' }, data: { beta: { vendorCode: 'SLOW' } } } });
    expect(c(withData)).toMatchObject({ code: 'rate_limited', vendor: 'beta', vendorCode: 'SLOW', retryAfterMs: 3000 });
    const withBody = Object.assign(new Error('Request failed'), { response: { status: 400, body: '{"beta":{"message":"from body"}}' } });
    expect(c(withBody)).toMatchObject({ code: 'invalid_request', vendor: 'beta', message: 'from body' });
  });

  it("reads an SDK error's own status, headers and error body (else body)", () => {
    const sdk = Object.assign(new Error('429 slow down'), { status: 429, headers: { 'retry-after': '4', 'x-request-id': 'req_9' }, error: { beta: { vendorCode: 'SLOW' } } });
    expect(c(sdk)).toMatchObject({ code: 'rate_limited', vendor: 'beta', retryAfterMs: 4000, requestId: 'req_9', source: 'server', status: 429 });
    const withBody = Object.assign(new Error('bad'), { statusCode: 400, body: { beta: { message: 'body of an error' } } });
    expect(c(withBody)).toMatchObject({ code: 'invalid_request', vendor: 'beta', message: 'body of an error' });
  });

  it('reads a plain snapshot from body, not from an error field, and ignores a response field', () => {
    expect(c({ status: 400, body: { beta: { message: 'right' } }, error: { beta: { message: 'wrong' } } }).message).toBe('right');
    expect(c({ response: { status: 503 } })).toMatchObject({ code: 'unknown', source: 'client' });
  });

  it("never looks at a fetch Response's body stream, even for a profile that claims any object", () => {
    const anyObject: VendorProfile = { id: 'any', codes: {}, detect: (s) => s.json !== undefined, parse: () => ({ message: 'claimed' }) };
    const { classify } = createClassifier({ profiles: [anyObject] });
    const fault = classify(new Response('{"x":1}', { status: 502 }));
    expect(fault).toMatchObject({ code: 'bad_gateway', message: 'Bad gateway' });
    expect(fault.vendor).toBeUndefined();
  });
});

describe('what a profile may return', () => {
  it('takes only an object from parse as a claim; null, strings and numbers are no match', () => {
    for (const result of [null, 'oops', 42, true]) {
      const odd: VendorProfile = { id: 'odd', codes: {}, detect: () => true, parse: () => result as unknown as FaultDraft };
      const { classify } = createClassifier({ profiles: [odd, beta] });
      expect(classify({ status: 400, body: { beta: { message: 'beta' } } }).vendor, String(result)).toBe('beta');
      expect(classify({ status: 400, body: 'plain' }).vendor, String(result)).toBeUndefined();
    }
  });

  it('never uses a profile whose detect throws, even if its parse would claim the body', () => {
    const throwing: VendorProfile = { id: 'throwing', codes: {}, detect: () => { throw new Error('x'); }, parse: () => ({ message: 'claimed' }) };
    const { classify } = createClassifier({ profiles: [throwing] });
    expect(classify({ status: 500, body: 'oops' })).toMatchObject({ code: 'internal', message: 'oops' });
    expect(classify({ status: 500, body: 'oops' }).vendor).toBeUndefined();
  });
});

describe('resolving the draft', () => {
  it("does not match a draft without a vendorCode to a code-table entry named 'undefined'", () => {
    expect(c({ status: 400, body: { beta: { message: 'no code' } } })).toMatchObject({ code: 'invalid_request', vendor: 'beta' });
  });

  it("does not lend a code rule's retry or remedy to a draft that names another code", () => {
    const fault = c({ status: 429, body: { beta: { code: 'data_loss', vendorCode: 'SLOW' } } });
    expect(fault).toMatchObject({ code: 'data_loss', retry: DEFAULTS.data_loss.retry, remedy: DEFAULTS.data_loss.remedy });
    expect(fault.retryLimit).toBeUndefined();
  });

  it("merges the draft's rate limit over the headers', key by key", () => {
    const now = Date.UTC(2026, 10, 23, 8, 0, 0);
    const headers = { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '30' };
    const fault = c({ status: 429, headers, body: { beta: { rateLimit: { remaining: 0 } } } }, { now });
    expect(fault.rateLimit).toEqual({ limit: 100, remaining: 0, resetMs: 30_000 });
    expect(fault).toMatchObject({ limit: 100, retryAfterMs: 30_000 });
    expect(c({ status: 429, body: { beta: { rateLimit: { limit: 7 } } } }).rateLimit).toEqual({ limit: 7 });
  });

  it('leaves out an empty fields list', () => {
    const fault = c({ status: 422, body: { beta: { fields: [] } } });
    expect(fault.code).toBe('validation_failed');
    expect('fields' in fault).toBe(false);
    expect(c({ status: 422, body: { beta: { fields: [{ path: 'a', message: 'b' }] } } }).fields).toEqual([{ path: 'a', message: 'b' }]);
  });
});

describe('a short text body as the message', () => {
  it('uses a text body of up to 300 characters (after trimming) as the message', () => {
    expect(c({ status: 502, body: 'x'.repeat(300) }).message).toBe('x'.repeat(300));
    expect(c({ status: 502, body: 'x'.repeat(301) }).message).toBe('Bad gateway');
    expect(c({ status: 502, body: `   ${'y'.repeat(298)}   ` }).message).toBe('y'.repeat(298));
    expect(c({ status: 502, body: '   <html>down</html>' }).message).toBe('Bad gateway');
  });

  it('does not use a JSON body that no profile read as the message', () => {
    expect(c({ status: 502, body: '{"detail":"upstream"}' }).message).toBe('Bad gateway');
  });
});

describe('when resolving throws', () => {
  it('falls back to the status: code, status and source server, nothing from the profile', () => {
    const hostileDraft: VendorProfile = {
      id: 'hostile',
      codes: {},
      detect: () => true,
      parse: () => Object.defineProperty({}, 'code', { get: () => { throw new Error('getter'); }, enumerable: true }) as FaultDraft,
    };
    const { classify } = createClassifier({ profiles: [hostileDraft] });
    const fault = classify({ status: 503, headers: { 'retry-after': '9' }, body: 'x' });
    expect(fault).toEqual({ code: 'service_unavailable', retry: 'always', remedy: 'wait', message: 'Service unavailable', source: 'server', status: 503 });
  });

  it('gives unknown from the client when even the status cannot be read', () => {
    const trap = { getPrototypeOf: () => { throw new Error('trap'); } };
    expect(c(new Proxy({ status: 503 }, trap))).toMatchObject({ code: 'service_unavailable', status: 503, source: 'server' });
    const fault = c(new Proxy({}, trap));
    expect(fault).toMatchObject({ code: 'unknown', source: 'client' });
    expect('status' in fault).toBe(false);
  });
});

describe('per-call maxBodyBytes', () => {
  it('falls back to the classifier default for a negative or non-number limit', () => {
    const body = '{"beta":{"message":"whole body read"}}';
    for (const maxBodyBytes of [-1, Number.NaN, '10' as unknown as number]) {
      expect(c({ status: 400, body }, { maxBodyBytes }).message, String(maxBodyBytes)).toBe('whole body read');
    }
    expect(c({ status: 400, body }, { maxBodyBytes: 0 }).vendor).toBeUndefined();
  });
});

describe('classifyResponse', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const { classifyResponse: cr } = createClassifier({ profiles: [keyed('alpha', 'alpha', { hosts: ['api.alpha.dev'], statuses: { 500: { code: 'internal', retry: 'never' } } })] });
  const stalled = () => new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) }), { status: 503 });

  /** How many virtual milliseconds pass before classifyResponse gives up on a stalled body. */
  async function settlesAfter(options: Parameters<typeof cr>[1], probes: readonly number[]): Promise<boolean[]> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const pending = cr(stalled(), options).then((fault) => {
      settled = true;
      return fault;
    });
    const seen: boolean[] = [];
    let at = 0;
    for (const ms of probes) {
      await vi.advanceTimersByTimeAsync(ms - at);
      at = ms;
      seen.push(settled);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await pending).code).toBe('service_unavailable');
    return seen;
  }

  it('waits exactly bodyTimeoutMs for a stalled body, 0 included', async () => {
    expect(await settlesAfter({ bodyTimeoutMs: 100 }, [99, 100])).toEqual([false, true]);
    expect(await settlesAfter({ bodyTimeoutMs: 0 }, [0])).toEqual([true]);
  });

  it('waits the default 5000 ms when bodyTimeoutMs is missing, negative or not a number', async () => {
    for (const bodyTimeoutMs of [undefined, -1, '100' as unknown as number]) {
      expect(await settlesAfter({ bodyTimeoutMs }, [4999, 5000]), String(bodyTimeoutMs)).toEqual([false, true]);
    }
  });

  it("matches a profile by the response's own url when no url option is given", async () => {
    const res = new Response('', { status: 500 });
    Object.defineProperty(res, 'url', { value: 'https://api.alpha.dev/v1/things' });
    expect(await cr(res)).toMatchObject({ vendor: 'alpha', retry: 'never' });
    expect((await cr(new Response('', { status: 500 }))).vendor).toBeUndefined();
  });
});

describe('createClassifier option errors', () => {
  it('says what it got instead of a profiles array', () => {
    expect(() => createClassifier({ profiles: null as never })).toThrow('createClassifier: profiles must be an array of vendor profiles, got null');
    expect(() => createClassifier({ profiles: 5 as never })).toThrow('createClassifier: profiles must be an array of vendor profiles, got number');
    expect(() => createClassifier({} as never)).toThrow('createClassifier: profiles must be an array of vendor profiles, got undefined');
  });

  it('says what it got instead of an options object, and accepts a maxBodyBytes of 0 but not below', () => {
    expect(() => createClassifier(null as never)).toThrow(new TypeError('createClassifier: options must be an object with a profiles array'));
    expect(() => createClassifier('openai' as never)).toThrow(new TypeError('createClassifier: options must be an object with a profiles array'));
    expect(createClassifier({ profiles: [], maxBodyBytes: 0 }).classify({ status: 400, body: '{"beta":{}}' }).code).toBe('invalid_request');
    expect(() => createClassifier({ profiles: [], maxBodyBytes: -1 })).toThrow(new TypeError('createClassifier: maxBodyBytes must be an integer >= 0, got -1'));
  });

  it('refuses a profile without an id, a detect or a parse', () => {
    const { id, detect, parse } = beta;
    for (const profile of [{ detect, parse }, { id, parse }, { id, detect }, { id: 7, detect, parse }]) {
      expect(() => createClassifier({ profiles: [profile as never] }), JSON.stringify(Object.keys(profile))).toThrow(
        new TypeError('createClassifier: profiles[0] must be a vendor profile with id, detect and parse, got object'),
      );
    }
  });

  it('says what it got instead of a vendor profile', () => {
    expect(() => createClassifier({ profiles: [null as never] })).toThrow('createClassifier: profiles[0] must be a vendor profile with id, detect and parse, got null');
    expect(() => createClassifier({ profiles: [beta, 'openai' as never] })).toThrow('createClassifier: profiles[1] must be a vendor profile with id, detect and parse, got string');
  });
});

describe('which profile a request URL picks', () => {
  // Detects nothing from the body: only the host (or a name) can pick it.
  const hostOnly = (hosts: readonly string[]): VendorProfile => ({ id: 'hosted', codes: {}, hosts, detect: () => false, parse: () => ({ message: 'by host' }) });
  const vendorFor = (hosts: readonly string[], url: string): string | undefined =>
    createClassifier({ profiles: [hostOnly(hosts)] }).classify({ status: 500, body: 'oops' }, { url }).vendor;

  it('matches an exact host whatever its case, and not as a suffix of another host', () => {
    expect(vendorFor(['API.Example.com'], 'https://api.example.COM/v1')).toBe('hosted');
    expect(vendorFor(['api.example.com'], 'https://myapi.example.com/v1')).toBeUndefined();
    expect(vendorFor(['api.example.com'], 'https://eu.api.example.com/v1')).toBeUndefined();
  });

  it("matches a '*.' host on any subdomain, and not on the bare domain or a look-alike", () => {
    expect(vendorFor(['*.Example.io'], 'https://eu.api.example.io/x')).toBe('hosted');
    expect(vendorFor(['*.example.io'], 'https://notexample.io/x')).toBeUndefined();
    expect(vendorFor(['*.example.io'], 'https://example.io/x')).toBeUndefined();
  });
});

describe("what a profile sees of the response's content type", () => {
  it('the media type of the content-type header, lower-case and without parameters', () => {
    const seen: string[] = [];
    const spy: VendorProfile = { id: 'spy', codes: {}, detect: (s) => (seen.push(s.contentType), false), parse: () => undefined };
    createClassifier({ profiles: [spy] }).classify({ status: 400, headers: { 'Content-Type': 'Application/Problem+JSON; charset=utf-8' }, body: '{}' });
    expect(seen).toEqual(['application/problem+json']);
  });
});
