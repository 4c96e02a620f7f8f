import { describe, expect, it } from 'vitest';
import { defineProfile } from '../../src/vendors/define-profile.js';
import type { Fault } from '../../src/core/fault.js';
import { testProfile } from '../../src/testing/index.js';

const CODES = { QUOTA: 'quota_exhausted', BUSY: { code: 'overloaded', retry: 'always' } } as const;

function acme(readBack = true) {
  return defineProfile({
    id: 'acme',
    hosts: ['api.acme.dev'],
    codes: CODES,
    detect: (s) => typeof (s.json as { fault?: unknown } | undefined)?.fault === 'object',
    parse: (s) => {
      const f = (s.json as { fault?: { id?: string; text?: string; wait_ms?: number } }).fault;
      return f === undefined ? undefined : { vendorCode: readBack ? f.id : undefined, message: f.text, retryAfterMs: f.wait_ms };
    },
    render: (fault: Fault) => ({
      status: fault.code === 'quota_exhausted' ? 429 : 503,
      headers: { 'content-type': 'application/json', ...(fault.requestId !== undefined ? { 'x-request-id': fault.requestId } : {}) },
      body: JSON.stringify({ fault: { id: fault.vendorCode, text: fault.message, wait_ms: fault.retryAfterMs } }),
    }),
    expressible: { retryAfter: 'ms' },
  });
}

const fixtures = [
  { id: 'quota', source: 'https://docs.acme.dev/errors', vendor: null, response: { status: 429, body: '{"fault":{"id":"QUOTA","text":"used up"}}' }, expect: { code: 'quota_exhausted', retry: 'never', vendorCode: 'QUOTA', message: 'used up' } },
  { id: 'busy', response: { status: 503, headers: { 'Retry-After': '2' }, body: '{"fault":{"id":"BUSY"}}' }, expect: { code: 'overloaded', retryAfterMs: 2000 } },
];

describe('testProfile', () => {
  it('passes a correct profile and reports what it ran', () => {
    const report = testProfile(acme(), fixtures);
    expect(report).toMatchObject({ profile: 'acme', cases: 2, ok: true, mismatches: [] });
    expect(report.roundTrips).toBe(4);
    expect(testProfile(acme(), { cases: fixtures }).ok).toBe(true);
  });

  it('throws an assertion error listing each mismatch', () => {
    const wrong = [{ id: 'quota', response: fixtures[0]!.response, expect: { code: 'rate_limited', fields: [{ path: 'x', message: 'y' }] } }];
    expect(() => testProfile(acme(), wrong)).toThrow(/testProfile\(acme\): 2 mismatch\(es\)\n {2}quota: code expected "rate_limited", got "quota_exhausted"/);
    try {
      testProfile(acme(), wrong);
    } catch (error) {
      expect((error as Error).name).toBe('AssertionError');
    }
  });

  it('catches a renderer whose output the profile cannot read back', () => {
    const report = testProfile(acme(false), [], { throwOnFailure: false });
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((m) => `${m.case}/${m.field}`)).toContain('round trip: QUOTA/vendorCode');
  });

  it('checks secrets stay out of messages', () => {
    const leak = [{ id: 'leak', response: { status: 401, body: '{"fault":{"id":"X","text":"bad key sk_live_abcdefghijklmnop"}}' }, expect: { messageMustNotContain: 'abcdefghijklmnop' } }];
    expect(testProfile(acme(), leak, { roundTrip: false }).ok).toBe(true);
  });

  it('rejects bad arguments with a TypeError', () => {
    expect(() => testProfile(null as never, [])).toThrow(TypeError);
    expect(() => testProfile(acme(), 'x' as never)).toThrow(/testProfile: fixtures must be/);
  });
});
