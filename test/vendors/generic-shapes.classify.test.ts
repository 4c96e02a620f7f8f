/**
 * The generic-shape, chat and telecom fixtures through the real default
 * `classify` (every built-in profile, in registry order, no `vendor` option
 * unless the case names one): auto-detection must pick the right profile and
 * the engine's header handling must agree with the profile's reading.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { loadFixtures } from './generic-support.js';

const NOW = Date.UTC(2026, 0, 1);
const IDS = ['problem+json', 'spring-boot', 'graphql', 'jsonapi', 'cloudflare', 'slack', 'twilio', 'discord', 'html'] as const;

for (const id of IDS) {
  describe(`classify: ${id} fixtures`, () => {
    const cases = loadFixtures(id);
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

describe('classify: responses none of these profiles may claim', () => {
  it('a 200 GraphQL success is not a fault of any vendor', () => {
    expect(classify({ status: 200, body: '{"data":{"viewer":{"login":"octocat"}}}' })).toMatchObject({ code: 'unknown' });
    expect(classify({ status: 200, body: '{"data":{"viewer":{"login":"octocat"}}}' }).vendor).toBeUndefined();
  });

  it('GitHub {message, documentation_url} is not Discord', () => {
    const fault = classify({ status: 404, body: '{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}' });
    expect(fault.vendor).not.toBe('discord');
  });
});
