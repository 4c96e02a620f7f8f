/**
 * The generic fixture runner: every test/fixtures/vendors/<profile-id>.json case goes through the
 * real default `classify` (no vendor option when the case says `vendor: null`, so auto-detection in
 * registry order is what is tested), and every field of `expect` must match. Arrays (`fields`)
 * are compared deeply; `messageMustNotContain` is checked in the message, `toJSON()` and the
 * FaultError's string form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { FaultError } from '../../src/core/fault.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';

const NOW = Date.UTC(2026, 0, 1);
const DIR = new URL('../fixtures/vendors/', import.meta.url);

interface Case {
  readonly id: string;
  readonly source: string;
  readonly vendor: string | null;
  readonly url?: string;
  readonly now?: number;
  readonly response: { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string };
  readonly expect: Readonly<Record<string, unknown>>;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const loaded = files.map((file) => ({ file, data: JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as { profile: string; cases: Case[] } }));

describe('fixture files are well formed', () => {
  for (const { file, data } of loaded) {
    it(file, () => {
      expect(`${data.profile}.json`).toBe(file);
      expect(Array.isArray(data.cases)).toBe(true);
      const ids = new Set<string>();
      for (const c of data.cases) {
        expect(typeof c.id, 'id').toBe('string');
        expect(ids.has(c.id), `duplicate id ${c.id}`).toBe(false);
        ids.add(c.id);
        // A public page, or one of the seed vendor docs in shared/seeds/.
        expect(c.source, `${c.id}: source must name a URL or seed doc`).toMatch(/^(?:https?:\/\/|(?:\.\.\/)*shared\/seeds\/)\S/);
        expect(c.vendor === null || typeof c.vendor === 'string', `${c.id}: vendor`).toBe(true);
        expect(Number.isInteger(c.response.status), `${c.id}: status`).toBe(true);
        expect(c.response.body === undefined || typeof c.response.body === 'string', `${c.id}: body is a string`).toBe(true);
        expect(Object.keys(c.expect).length, `${c.id}: expect is empty`).toBeGreaterThan(0);
      }
    });
  }

  it('every registered profile has a fixture file with at least 6 real responses', () => {
    const counts = new Map(loaded.map(({ data }) => [data.profile, data.cases.length]));
    // The generic layer is no vendor: the public corpus (test/corpus.test.ts) scores it instead.
    const missing = BUILTIN_PROFILES.filter((p) => p.id !== 'generic' && (counts.get(p.id) ?? 0) < 6).map((p) => `${p.id} (${counts.get(p.id) ?? 0})`);
    expect(missing).toEqual([]);
  });
});

for (const { file, data } of loaded) {
  describe(`classify: ${file}`, () => {
    for (const c of data.cases) {
      it(c.id, () => {
        const fault = classify(c.response, { vendor: c.vendor ?? undefined, url: c.url, now: c.now ?? NOW });
        const got = fault as unknown as Record<string, unknown>;
        for (const [key, want] of Object.entries(c.expect)) {
          if (key === 'messageMustNotContain') {
            const texts = [fault.message, JSON.stringify(new FaultError(fault)), String(new FaultError(fault))];
            for (const secret of Array.isArray(want) ? want : [want]) {
              for (const text of texts) expect(text, `secret ${String(secret)}`).not.toContain(secret);
            }
            continue;
          }
          expect(got[key], key).toEqual(want === null ? undefined : want);
        }
      });
    }
  });
}
