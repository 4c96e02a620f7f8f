import { describe, expect, it } from 'vitest';
import { jsonapiProfile } from '../../src/vendors/jsonapi.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('jsonapi profile', () => {
  for (const c of loadFixtures('jsonapi')) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(jsonapiProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim GraphQL errors, which carry a message', () => {
    expect(jsonapiProfile.detect(snapshotOf({ status: 200, body: '{"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}]}' }))).toBe(false);
  });

  it('takes the status from the error member when the response has none', () => {
    const s = snapshotOf({ body: '{"errors":[{"status":"404","title":"Not Found"}]}' });
    expect(jsonapiProfile.parse(s)).toMatchObject({ message: 'Not Found' });
  });
});
