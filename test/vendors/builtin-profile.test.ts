/**
 * The built-in profiles are made with `builtinProfile` (freeze only) so that `defineProfile`'s
 * validation stays out of bundles; here every one of them passes `defineProfile` as a user's would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { createFault } from '../../src/core/fault.js';
import { classify } from '../../src/entry/default-classifier.js';
import { defineProfile } from '../../src/vendors/define-profile.js';
import { builtinProfile, withRender } from '../../src/vendors/builtin-profile.js';
import { VENDOR_PROFILE_KEYS } from '../../src/vendors/profile.js';
import { BUILTIN_PROFILES, BUILTIN_READERS, PRINTED_READERS } from '../../src/vendors/registry.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/core/body.js';
import { classifyEngine } from '../../src/core/classify-engine.js';
import { printedReading } from '../../src/core/printed.js';
import { choosePrinted, printedResponse } from '../../src/vendors/generic/printed-object.js';
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

// The default classify carries the readers (issue 17, size): the profiles without their renderers.
describe('BUILTIN_READERS', () => {
  const reading = VENDOR_PROFILE_KEYS.filter((k) => k !== 'render' && k !== 'expressible');

  it('are BUILTIN_PROFILES in the same order, with the same detection, tables and parse, and no renderer', () => {
    expect(BUILTIN_READERS.map((p) => p.id)).toEqual(BUILTIN_PROFILES.map((p) => p.id));
    BUILTIN_READERS.forEach((reader, i) => {
      const profile = BUILTIN_PROFILES[i] as api.VendorProfile;
      for (const key of reading) expect(reader[key], `${reader.id}.${key}`).toBe(profile[key]);
      if (reader !== profile) expect([reader.render, reader.expressible], reader.id).toEqual([undefined, undefined]);
      expect(Object.isFrozen(reader), reader.id).toBe(true);
    });
    expect(Object.isFrozen(BUILTIN_READERS)).toBe(true);
  });

  it('pass the checks createClassifier and defineProfile make, which the default classify skips', () => {
    expect(() => createClassifier({ profiles: BUILTIN_READERS })).not.toThrow();
    for (const reader of BUILTIN_READERS) expect(() => defineProfile({ ...reader })).not.toThrow();
  });

  it('classify every vendor fixture as the full profiles do', () => {
    // The same engine, second reading of printouts and all, over the full profiles (a Python repr pasted alone is read by
    // the vendors' profiles too).
    const printedProfiles = PRINTED_READERS.map((r) => BUILTIN_PROFILES.find((p) => p.id === r.id) as api.VendorProfile);
    const full = classifyEngine(BUILTIN_PROFILES, DEFAULT_MAX_BODY_BYTES, printedReading({ unwrap: printedResponse, profiles: printedProfiles, choose: choosePrinted }));
    const dir = new URL('../fixtures/vendors/', import.meta.url);
    let compared = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const { cases } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { cases: { response: unknown; url?: string; now?: number }[] };
      for (const c of cases) {
        const options = { now: c.now ?? Date.UTC(2026, 0, 1), url: c.url };
        expect(classify(c.response, options)).toEqual(full.classify(c.response, options));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });
});

describe('withRender', () => {
  it("returns a frozen profile with the reader's members and the renderer", () => {
    const reader = builtinProfile({ id: 'x', detect: () => false, parse: () => undefined, codes: { A: 'internal' as const } });
    const render = (): api.RenderedResponse => ({ status: 500, headers: {}, body: '' });
    const full = withRender(reader, { render, expressible: { retryAfter: 'ms' } });
    expect(Object.isFrozen(full)).toBe(true);
    expect(full).toEqual({ ...reader, render, expressible: { retryAfter: 'ms' } });
    expect(full.parse).toBe(reader.parse);
    expect(full.render?.(createFault({ code: 'internal' })).status).toBe(500);
  });
});

