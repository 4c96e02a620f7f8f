/**
 * The built-in profiles are made with `builtinProfile` (freeze only) so that `defineProfile`'s
 * validation stays out of bundles; here every one of them passes `defineProfile` as a user's would.
 */
import { describe, expect, it } from 'vitest';
import { defineProfile } from '../../src/vendors/define-profile.js';
import { builtinProfile } from '../../src/vendors/builtin-profile.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import * as api from '../../src/vendors/index.js';

describe('built-in profiles', () => {
  it.each(BUILTIN_PROFILES.map((p) => [p.id, p] as const))('%s passes defineProfile and is frozen', (_id, profile) => {
    expect(Object.isFrozen(profile)).toBe(true);
    expect(defineProfile({ ...profile })).toEqual(profile);
  });

  it('every exported *Profile is registered and valid', () => {
    const exported = Object.entries(api).filter(([name]) => name.endsWith('Profile') && name !== 'defineProfile');
    expect(exported.length).toBe(BUILTIN_PROFILES.length);
    for (const [, profile] of exported) {
      expect(BUILTIN_PROFILES).toContain(profile);
      expect(() => defineProfile({ ...(profile as api.VendorProfile) })).not.toThrow();
    }
  });

  it('builtinProfile freezes and returns its argument', () => {
    const p = { id: 'x', detect: () => false, parse: () => undefined, codes: {} };
    expect(builtinProfile(p)).toBe(p);
    expect(Object.isFrozen(p)).toBe(true);
  });
});
