import { describe, expect, it } from 'vitest';
import { cloudflareProfile } from '../../src/vendors/cloudflare.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('cloudflare profile', () => {
  for (const c of loadFixtures('cloudflare')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(cloudflareProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim a successful envelope or a flat {success:false, error}', () => {
    expect(cloudflareProfile.detect(snapshotOf({ status: 200, body: '{"success":true,"errors":[],"messages":[],"result":{}}' }))).toBe(false);
    expect(cloudflareProfile.detect(snapshotOf({ status: 400, body: '{"success":false,"error":"bad"}' }))).toBe(false);
  });

  it('renders what it reads', () => {
    const r = cloudflareProfile.render!(
      { code: 'rate_limited', retry: 'always', remedy: 'wait', message: 'slow down', source: 'server', status: 429, vendorCode: '971', retryAfterMs: 2000, requestId: 'abc-SJC' },
    );
    expect(resolveWith(cloudflareProfile, snapshotOf(r))).toMatchObject({ code: 'rate_limited', vendorCode: '971', retryAfterMs: 2000, requestId: 'abc-SJC' });
  });
});
