import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { githubProfile } from '../../src/vendors/github.js';
import { loadFixtures, snapshotOf } from './generic-support.js';
import { resolve, resolveCase } from './vendor-support.js';

const NOW = Date.UTC(2026, 0, 1);
const DOCS = 'https://docs.github.com/rest';
const body = (message: string) => JSON.stringify({ message, documentation_url: DOCS });

describe('github profile', () => {
  for (const c of loadFixtures('github')) {
    it(`reads ${c.id}`, () => {
      const got = resolveCase(githubProfile, c);
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('primary limit: waits until x-ratelimit-reset (epoch seconds)', () => {
    const reset = String(NOW / 1000 + 90);
    const s = snapshotOf({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: body('API rate limit exceeded for user ID 1.') });
    expect(resolve(githubProfile, s)).toMatchObject({ code: 'rate_limited', retry: 'always', retryAfterMs: 90_000 });
    expect(githubProfile.parse(s)?.resetAt).toBe(NOW + 90_000);
  });

  it('secondary limit without retry-after: at least one minute', () => {
    const s = snapshotOf({ status: 403, headers: { 'x-ratelimit-remaining': '14' }, body: body('You have exceeded a secondary rate limit and have been temporarily blocked from content creation.') });
    expect(resolve(githubProfile, s)).toMatchObject({ code: 'rate_limited', retryAfterMs: 60_000 });
  });

  it('any other 403 is permission_denied', () => {
    const s = snapshotOf({ status: 403, headers: { 'x-ratelimit-remaining': '4999' }, body: body('Resource not accessible by integration') });
    expect(resolve(githubProfile, s)).toMatchObject({ code: 'permission_denied', retry: 'never' });
  });

  it('does not claim bodies without a GitHub documentation_url', () => {
    expect(githubProfile.detect(snapshotOf({ status: 404, body: '{"message":"Not Found"}' }))).toBe(false);
    expect(githubProfile.detect(snapshotOf({ status: 404, body: '{"message":"x","documentation_url":"https://example.com/docs"}' }))).toBe(false);
  });

  it('renders what it reads', () => {
    for (const fault of [
      createFault({ code: 'rate_limited', retryAfterMs: 30_000, requestId: 'CC84:2C6A' }),
      createFault({ code: 'rate_limited', requestId: 'CC84:2C6A' }),
      createFault({ code: 'not_found', requestId: 'CC84:2C6A' }),
      createFault({ code: 'validation_failed', fields: [{ path: 'title', message: 'missing_field' }] }),
    ]) {
      const r = githubProfile.render!(fault);
      expect(githubProfile.detect(snapshotOf(r))).toBe(true);
      expect(resolve(githubProfile, snapshotOf(r))).toMatchObject({ code: fault.code, retry: fault.retry });
      expect(resolve(githubProfile, snapshotOf(r))?.retryAfterMs).toBe(fault.retryAfterMs);
    }
  });
});

describe('github and its GraphQL API', () => {
  it('leaves {data, errors} from api.github.com to the graphql profile', () => {
    const s = snapshotOf({ status: 200, headers: { 'x-github-request-id': 'AB:CD' }, body: '{"data":null,"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded"}]}' }, 'https://api.github.com/graphql');
    expect(githubProfile.detect(s)).toBe(false);
    expect(githubProfile.parse(s)).toBeUndefined();
  });
});
