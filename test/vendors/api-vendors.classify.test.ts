/**
 * The API-vendor fixtures through the real default `classify` (every built-in
 * profile, in registry order): auto-detection, the engine's header handling and
 * the profiles' tables together.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { loadFixtures } from './generic-support.js';

const NOW = Date.UTC(2026, 0, 1);
const IDS = ['anthropic', 'google', 'aws', 'azure', 'stripe', 'github'] as const;

for (const id of IDS) {
  let cases: ReturnType<typeof loadFixtures>;
  try {
    cases = loadFixtures(id);
  } catch {
    continue;
  }
  describe(`classify: ${id} fixtures`, () => {
    it('has at least six real responses, each with a source', () => {
      expect(cases.length).toBeGreaterThanOrEqual(6);
      for (const c of cases) expect(c.source).toMatch(/^https:\/\//);
    });
    for (const c of cases) {
      it(c.id, () => {
        const fault = classify(c.response, { vendor: c.vendor ?? undefined, url: c.url, now: NOW });
        for (const [k, v] of Object.entries(c.expect)) expect((fault as unknown as Record<string, unknown>)[k], k).toEqual(v);
      });
    }
  });
}
