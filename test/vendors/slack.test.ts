import { describe, expect, it } from 'vitest';
import { slackProfile } from '../../src/vendors/slack.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('slack profile', () => {
  for (const c of loadFixtures('slack')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(slackProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('never calls an unlisted Slack code unknown', () => {
    expect(resolveWith(slackProfile, snapshotOf({ status: 200, body: '{"ok":false,"error":"bookmark_not_found"}' }))).toMatchObject({ code: 'not_found' });
    expect(resolveWith(slackProfile, snapshotOf({ status: 200, body: '{"ok":false,"error":"cant_update_message"}' }))).toMatchObject({ code: 'invalid_request' });
  });

  it('does not claim a successful Slack response', () => {
    expect(slackProfile.detect(snapshotOf({ status: 200, body: '{"ok":true,"channel":"C1"}' }))).toBe(false);
  });
});

describe('slack detection', () => {
  it('does not claim a generic {ok:false, error:"a sentence"}', () => {
    expect(slackProfile.detect(snapshotOf({ status: 500, body: '{"ok":false,"error":"Something went wrong"}' }))).toBe(false);
  });

  it('lets a 5xx status speak for an unlisted code', () => {
    expect(resolveWith(slackProfile, snapshotOf({ status: 503, body: '{"ok":false,"error":"some_new_code"}' }))).toMatchObject({ code: 'service_unavailable' });
  });
});
