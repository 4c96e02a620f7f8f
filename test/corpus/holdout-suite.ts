/**
 * The checks every held-out corpus gets, shared by test/corpus-holdout*.test.ts: each file well formed
 * with `profile: null`, no family also in the public corpus or an earlier holdout, a minimum size, and
 * floors (rounded down to 0.1%) that the default classify and the generic layer alone must keep.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { classify } from '../../src/entry/default-classifier.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { type ScoredField, SCORED_FIELDS, loadCorpus, ratio, score } from './corpus.js';
import { expectWellFormed } from './corpus-format.js';

export interface HoldoutSuite {
  /** "the second holdout corpus", as the test names say it. */
  readonly name: string;
  readonly dir: URL;
  /** Earlier holdouts, whose families this one must not repeat (the public corpus is always checked). */
  readonly earlier: readonly { readonly name: string; readonly dir: URL }[];
  readonly minCases: number;
  readonly minFamilies: number;
  readonly floor: Readonly<Record<ScoredField, number>>;
  readonly genericFloor: Readonly<Record<ScoredField, number>>;
}

export function holdoutSuite(suite: HoldoutSuite): void {
  const files = loadCorpus(suite.dir);
  const profileIds = new Set(BUILTIN_PROFILES.map((p) => p.id));
  const others = [{ name: 'public corpus', dir: undefined }, ...suite.earlier].map((o) => ({
    name: o.name,
    families: new Set(loadCorpus(o.dir).map((f) => f.family)),
  }));

  describe(`${suite.name} is well formed`, () => {
    it.each(files.map((f) => [f.family, f] as const))('%s', (_family, file) => {
      expectWellFormed(file, profileIds);
      expect(file.profile, 'no holdout family has a profile').toBeNull();
      for (const o of others) expect(o.families.has(file.family), `${file.family} is not a ${o.name} family`).toBe(false);
    });

    it(`names each family once, and holds at least ${suite.minCases} cases from at least ${suite.minFamilies} families`, () => {
      expect(new Set(files.map((f) => f.family)).size).toBe(files.length);
      expect(files.length).toBeGreaterThanOrEqual(suite.minFamilies);
      expect(files.reduce((n, f) => n + f.cases.length, 0)).toBeGreaterThanOrEqual(suite.minCases);
    });
  });

  describe(`${suite.name} scores`, () => {
    it('every field at or above its floor with the default classify', () => {
      const s = score(files, classify);
      for (const field of SCORED_FIELDS) expect(ratio(s.fields[field]), `${field}: ${JSON.stringify(s.fields[field])}`).toBeGreaterThanOrEqual(suite.floor[field]);
    });

    it('every field at or above its floor with the generic layer alone', () => {
      const s = score(files, createClassifier({ profiles: [genericProfile] }).classify);
      for (const field of SCORED_FIELDS) expect(ratio(s.fields[field]), `${field}: ${JSON.stringify(s.fields[field])}`).toBeGreaterThanOrEqual(suite.genericFloor[field]);
    });
  });
}
