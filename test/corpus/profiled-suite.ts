/**
 * The checks a profiled holdout gets (test/profiled-holdout-*.test.ts): real responses from vendors faultline has a
 * profile for, in the state users meet them (SDK printouts, Python reprs, stream errors, pages in front of the API),
 * gathered and labelled blind. Each file well formed with `profile` the built-in id that should read it, no body one the
 * repository's fixtures or tests already hold (a known body measures nothing), a minimum size, and floors (rounded down
 * to 0.1%) the default classify must keep. There is no generic-layer floor: these vendors' profiles are meant to read them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';
import { type ScoredField, SCORED_FIELDS, loadCorpus, ratio, score } from './corpus.js';
import { expectWellFormed } from './corpus-format.js';

export interface ProfiledSuite {
  /** "the first profiled holdout", as the test names say it. */
  readonly name: string;
  readonly dir: URL;
  readonly minCases: number;
  readonly minFamilies: number;
  readonly floor: Readonly<Record<ScoredField, number>>;
}

const TEST_ROOT = new URL('../', import.meta.url);

/** Every file under `dir` whose name ends in one of `ends`, skipping the directory `skip`. */
function filesUnder(dir: string, ends: readonly string[], skip: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = `${dir}/${name}`;
    if (path === skip) continue;
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ends, skip));
    else if (ends.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

function stringsOf(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value.replace(/\s+/g, ' ').trim());
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, into);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsOf(v, into);
}

export function profiledSuite(suite: ProfiledSuite): void {
  const files = loadCorpus(suite.dir);
  const profileIds = new Set(BUILTIN_PROFILES.map((p) => p.id));
  const own = fileURLToPath(suite.dir).replace(/\/$/, '');
  const root = fileURLToPath(TEST_ROOT).replace(/\/$/, '');

  describe(`${suite.name} is well formed`, () => {
    it.each(files.map((f) => [f.family, f] as const))('%s', (_family, file) => {
      expectWellFormed(file, profileIds);
      expect(file.profile, 'every family of a profiled holdout names the built-in profile that should read it').not.toBeNull();
    });

    it(`names each family once, and holds at least ${suite.minCases} cases from at least ${suite.minFamilies} families`, () => {
      expect(new Set(files.map((f) => f.family)).size).toBe(files.length);
      expect(files.length).toBeGreaterThanOrEqual(suite.minFamilies);
      expect(files.reduce((n, f) => n + f.cases.length, 0)).toBeGreaterThanOrEqual(suite.minCases);
    });

    it('holds no body that another fixture or a test already holds', () => {
      const known = new Set<string>();
      for (const path of filesUnder(root, ['.json'], own)) stringsOf(JSON.parse(readFileSync(path, 'utf8')) as unknown, known);
      const sources = filesUnder(root, ['.ts'], own).map((path) => readFileSync(path, 'utf8')).join('\n');
      const repeated = files.flatMap((f) =>
        f.cases
          .filter((c) => {
            const body = c.response.body ?? '';
            return body.length >= 16 && (known.has(body.replace(/\s+/g, ' ').trim()) || sources.includes(body.slice(0, 80)) || sources.includes(JSON.stringify(body).slice(1, 81)));
          })
          .map((c) => `${f.family}/${c.id}`),
      );
      expect(repeated).toEqual([]);
    });
  });

  describe(`${suite.name} scores`, () => {
    it('every field at or above its floor with the default classify', () => {
      const s = score(files, classify);
      for (const field of SCORED_FIELDS) expect(ratio(s.fields[field]), `${field}: ${JSON.stringify(s.fields[field])}`).toBeGreaterThanOrEqual(suite.floor[field]);
    });
  });
}
