/**
 * Dispatch by keys: up to 31 profiles a response's candidates are one number's bits; more profiles
 * take the array of marks. Both must name the same profiles, in detection order, for every body.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { createDispatch } from '../../src/core/dispatch.js';
import type { ResponseSnapshot, VendorProfile } from '../../src/core/profile.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { CORPUS_NOW, loadCorpus } from '../corpus/corpus.js';

const cases = loadCorpus().flatMap((f) => f.cases);
const jsonOf = (body: string | undefined): unknown => {
  try {
    return JSON.parse(body ?? '');
  } catch {
    return undefined;
  }
};
const snapshot = (json: unknown, contentType = 'application/json'): ResponseSnapshot =>
  ({ status: 400, headers: { get: () => undefined }, json, text: '', contentType, host: undefined, now: 0 }) as ResponseSnapshot;

/** What dispatch means, written plainly: profiles that claim nothing, or claim one of the body's keys or its type. */
function reference(profiles: readonly VendorProfile[], s: ResponseSnapshot): number[] {
  const json = s.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return profiles.map((_, i) => i);
  return profiles.flatMap((p, i) => {
    if (!Array.isArray(p.keys) && !Array.isArray(p.contentTypes)) return [i];
    const claims = (p.keys ?? []).some((k) => Object.hasOwn(json, k)) || (p.contentTypes ?? []).includes(s.contentType);
    return claims ? [i] : [];
  });
}

/** A profile that claims a key no body has and never matches: padding past one number's bits. */
const inert = (n: number): VendorProfile => ({ id: `inert-${n}`, codes: {}, keys: [`inert-${n}`], detect: () => false, parse: () => undefined });

describe('dispatch by keys', () => {
  it('names, for every corpus body, the profiles its keys and type claim plus those that claim nothing, in order', () => {
    const bodies = cases.map((c) => jsonOf(c.response.body)).filter((j) => j !== undefined);
    expect(BUILTIN_PROFILES.length).toBeLessThanOrEqual(31);
    for (const profiles of [BUILTIN_PROFILES, [...BUILTIN_PROFILES, ...Array.from({ length: 12 }, (_, n) => inert(n))]]) {
      const candidates = createDispatch(profiles);
      for (const json of bodies) {
        expect(candidates(snapshot(json))).toEqual(reference(profiles, snapshot(json)));
        expect(candidates(snapshot(json, 'application/problem+json'))).toEqual(reference(profiles, snapshot(json, 'application/problem+json')));
      }
    }
  });

  it('classifies the corpus alike with 27 profiles (bits) and with 39 (marks)', () => {
    const bits = createClassifier({ profiles: BUILTIN_PROFILES });
    const marks = createClassifier({ profiles: [...BUILTIN_PROFILES, ...Array.from({ length: 12 }, (_, n) => inert(n))] });
    for (const c of cases) {
      const options = { now: c.now ?? CORPUS_NOW, url: c.url };
      expect(marks.classify(c.response, options)).toEqual(bits.classify(c.response, options));
    }
  });

  it('lets a profile past the 31st still claim a body by its key', () => {
    const late: VendorProfile = { id: 'late', codes: {}, keys: ['lateKey'], detect: () => true, parse: () => ({ code: 'gone', vendorCode: 'late' }) };
    const profiles = [...Array.from({ length: 40 }, (_, n) => inert(n)), late];
    expect(createClassifier({ profiles }).classify({ status: 400, body: { lateKey: 1 } }).vendor).toBe('late');
    expect(createClassifier({ profiles: [inert(0), late] }).classify({ status: 400, body: { lateKey: 1 } }).vendor).toBe('late');
  });
});
