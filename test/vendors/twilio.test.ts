import { describe, expect, it } from 'vitest';
import { twilioProfile } from '../../src/vendors/twilio.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('twilio profile', () => {
  for (const c of loadFixtures('twilio')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(twilioProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim a generic {code, message} body without more_info', () => {
    expect(twilioProfile.detect(snapshotOf({ status: 404, body: '{"code":404,"message":"Not Found"}' }))).toBe(false);
  });

  it('renders a numeric code for faults without one', () => {
    const r = twilioProfile.render!({ code: 'not_found', retry: 'never', remedy: 'check_identifier', message: 'gone', source: 'server', status: 404 });
    expect(JSON.parse(r.body)).toMatchObject({ code: 20404, status: 404 });
  });
});
