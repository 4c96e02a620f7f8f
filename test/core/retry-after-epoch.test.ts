/**
 * A Retry-After "delay" that is really the reset's epoch seconds, and a throttle whose wait is a day
 * or more: the corpus cases behind both (their sources are in the corpus files).
 */
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/core/headers.js';
import { classify } from '../../src/entry/default-classifier.js';
import { CORPUS_DIR, loadCorpus } from '../corpus/corpus.js';

const corpusCase = (family: string, id: string) => {
  const c = loadCorpus(CORPUS_DIR).find((f) => f.family === family)?.cases.find((k) => k.id === id);
  if (c === undefined) throw new Error(`no corpus case ${family}/${id}`);
  return c.response;
};

describe('Retry-After as epoch seconds', () => {
  it('reads a value within a day of the response’s Date as that instant (Heroku’s legacy API)', () => {
    expect(parseRetryAfter('1353003093', { date: 'Thu, 15 Nov 2012 18:11:22 GMT' })).toBe(11_000);
    expect(parseRetryAfter('1353003093', { now: Date.UTC(2012, 10, 15, 18, 11, 22) })).toBe(11_000);
  });

  it('keeps a huge value that is no nearby instant a huge (capped) delay, and small values delay-seconds', () => {
    expect(parseRetryAfter('1353003093', { now: 0 })).toBe(1_353_003_093_000);
    expect(parseRetryAfter('99999999999999999999')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseRetryAfter('999999999', { now: 999_999_999_000 })).toBe(999_999_999_000);
  });

  it('so Heroku’s 429 stays a short throttle', () => {
    const f = classify(corpusCase('heroku', 'heroku-429-legacy-rate-limit-excon'), { now: 0 });
    expect([f.code, f.retry, f.retryAfterMs]).toEqual(['rate_limited', 'always', 11_000]);
  });
});

describe('a throttle whose wait is more than a day', () => {
  it('is a spent allowance, never retried (Vercel: `rate_limited`, "Try again in 7 days")', () => {
    const f = classify(corpusCase('vercel', 'vercel-api-rate-limited-7-days'), { now: 0 });
    expect([f.code, f.retry, f.retryAfterMs]).toEqual(['quota_exhausted', 'never', 604_800_000]);
  });

  it('a day or less stays a throttle (Azure OpenAI’s token rate limit: "retry after 86400 seconds")', () => {
    const f = classify({ status: 429, headers: { 'retry-after': '86400' }, body: '' }, { now: 0 });
    expect([f.code, f.retryAfterMs]).toEqual(['rate_limited', 86_400_000]);
    const g = classify({ status: 429, headers: { 'retry-after': '86401' }, body: '' }, { now: 0 });
    expect(g.code).toBe('quota_exhausted');
  });
});
