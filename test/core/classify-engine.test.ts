import { describe, expect, it } from 'vitest';
import { classify, createClassifier, defineProfile, FaultError, createFault } from '../../src/index.js';

describe('the classify engine', () => {
  it('falls back to the catalog status table when no profile claims the body', () => {
    expect(classify({ status: 503, headers: { 'Retry-After': '5' }, body: '' })).toMatchObject({
      code: 'service_unavailable', retry: 'always', retryAfterMs: 5000, status: 503, source: 'server',
    });
    expect(classify({ status: 418 }).code).toBe('invalid_request');
    expect(classify({ status: 599 }).code).toBe('internal');
    expect(classify({ status: 200 }).code).toBe('unknown');
  });

  it('lets x-should-retry override every other rule', () => {
    expect(classify({ status: 503, headers: { 'x-should-retry': 'false' } }).retry).toBe('never');
    expect(classify({ status: 400, headers: { 'X-Should-Retry': 'true' } }).retry).toBe('always');
  });

  it('prefers retry-after-ms to Retry-After and measures HTTP-dates from the Date header', () => {
    expect(classify({ status: 429, headers: { 'retry-after-ms': '1500', 'Retry-After': '2' } }).retryAfterMs).toBe(1500);
    expect(
      classify({ status: 503, headers: { 'Retry-After': 'Mon, 23 Nov 2026 08:00:30 GMT', Date: 'Mon, 23 Nov 2026 08:00:00 GMT' } }).retryAfterMs,
    ).toBe(30000);
  });

  it('uses a rate-limit reset as the delay only when nothing is left, or when the answer is a 429', () => {
    const now = 1_700_000_000_000;
    expect(classify({ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) } }, { now }).retryAfterMs).toBe(30000);
    expect(classify({ status: 503, headers: { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '30' } }, { now }).retryAfterMs).toBeUndefined();
    // A 429 is the server refusing now, whatever the counter says: its reset is the only wait it gave.
    expect(classify({ status: 429, headers: { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '30' } }, { now }).retryAfterMs).toBe(30000);
  });

  it('classifies thrown values and passes a FaultError through', () => {
    const fault = createFault({ code: 'gone' });
    expect(classify(new FaultError(fault))).toBe(fault);
    expect(classify(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).code).toBe('connect_failed');
  });

  it('reads an SDK or axios error that carries a response', () => {
    const axiosLike = Object.assign(new Error('Request failed with status code 429'), { response: { status: 429, headers: { 'retry-after': '3' }, data: {} } });
    expect(classify(axiosLike)).toMatchObject({ code: 'rate_limited', retryAfterMs: 3000 });
  });

  it('uses a profile named by the caller, its code table and its status rules', () => {
    const acme = defineProfile({
      id: 'acme',
      hosts: ['api.acme.dev', '*.acme.io'],
      codes: { QUOTA: 'quota_exhausted', BUSY: { code: 'overloaded', retry: 'always', retryLimit: 2 } },
      statuses: { 500: { code: 'internal', retry: 'never', remedy: 'contact_support' } },
      detect: (s) => typeof (s.json as { fault?: unknown } | undefined)?.fault === 'object',
      parse: (s) => {
        const f = (s.json as { fault?: { id?: string; text?: string } } | undefined)?.fault;
        return f === undefined ? undefined : { vendorCode: f.id, message: f.text };
      },
    });
    const { classify: mine } = createClassifier({ profiles: [acme] });
    expect(mine({ status: 429, body: '{"fault":{"id":"QUOTA","text":"used up"}}' })).toMatchObject({ code: 'quota_exhausted', retry: 'never', vendor: 'acme', vendorCode: 'QUOTA', message: 'used up' });
    expect(mine({ status: 503, body: { fault: { id: 'BUSY' } } })).toMatchObject({ code: 'overloaded', retry: 'always', retryLimit: 2 });
    expect(mine({ status: 500, body: 'oops' }, { vendor: 'acme' })).toMatchObject({ code: 'internal', retry: 'never', remedy: 'contact_support', vendor: 'acme' });
    expect(mine({ status: 500, body: 'oops' }, { url: 'https://eu.acme.io/v1' })).toMatchObject({ vendor: 'acme', retry: 'never' });
    expect(mine({ status: 500, body: 'oops' }).vendor).toBeUndefined();
  });

  it('never throws, even for hostile input', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    const cyclic: Record<string, unknown> = { status: 500 };
    cyclic.body = cyclic;
    for (const input of [hostile, { status: hostile }, { status: 500, headers: hostile, body: hostile }, cyclic, { status: 'abc' }, { status: Number.NaN }]) {
      expect(() => classify(input)).not.toThrow();
    }
  });

  it('rejects bad options to createClassifier and defineProfile with a TypeError naming them', () => {
    expect(() => createClassifier({ profiles: 'x' as never })).toThrow(/createClassifier: profiles must be an array/);
    expect(() => defineProfile({ id: 'Bad Id', codes: {}, detect: () => false, parse: () => undefined })).toThrow(/defineProfile: id must be/);
    expect(() => defineProfile({ id: 'x', codes: { A: 'nope' as never }, detect: () => false, parse: () => undefined })).toThrow(/codes\['A'\] must be a catalog code/);
  });
});
