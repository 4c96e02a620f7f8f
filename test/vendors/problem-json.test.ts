import { describe, expect, it } from 'vitest';
import { problemJsonProfile } from '../../src/vendors/problem-json.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('problem+json profile', () => {
  for (const c of loadFixtures('problem+json')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(problemJsonProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim an Anthropic-style {type:"error"} envelope', () => {
    const s = snapshotOf({ status: 529, body: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' });
    expect(problemJsonProfile.detect(s)).toBe(false);
  });

  it('keeps about:blank out of vendorCode and falls back to a code extension', () => {
    const s = snapshotOf({ status: 409, body: '{"type":"about:blank","title":"Conflict","status":409,"code":"ORDER_LOCKED"}' });
    expect(resolveWith(problemJsonProfile, s)).toMatchObject({ code: 'conflict', vendorCode: 'ORDER_LOCKED' });
  });

  it('never reads beyond a truncated XML element', () => {
    const s = snapshotOf({ status: 500, headers: { 'content-type': 'application/problem+xml' }, body: '<problem xmlns="urn:ietf:rfc:7807"><title>x' });
    expect(resolveWith(problemJsonProfile, s)).toMatchObject({ code: 'internal' });
  });
});
