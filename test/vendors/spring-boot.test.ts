import { describe, expect, it } from 'vitest';
import { springBootProfile } from '../../src/vendors/spring-boot.js';
import { loadFixtures, resolveWith, snapshotOf } from './generic-support.js';

describe('spring-boot profile', () => {
  for (const c of loadFixtures("spring-boot")) {
    it(`reads ${c.id}`, () => {
      const got = resolveWith(springBootProfile, snapshotOf(c.response, c.url));
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim a flat {error, message} body without timestamp and path', () => {
    expect(springBootProfile.detect(snapshotOf({ status: 404, body: '{"error":"Not found","path":"/x"}' }))).toBe(false);
  });
});
