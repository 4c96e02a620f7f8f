/**
 * How the lexicon's matcher and the wait finder read text, beyond what any one rule means: words
 * walked down the phrase trie (whole words, stems, phrases of several words, `&`), non-ASCII words
 * lower-cased as a string would be, and the bounded heads both read (1 MB inputs below).
 */
import { describe, expect, it } from 'vitest';
import { meaning, meaningOf, tokens } from '../../src/vendors/generic/lexicon.js';
import { RULES } from '../../src/vendors/generic/lexicon-rules.js';
import { waitInText } from '../../src/vendors/generic/wait.js';

describe('lexicon matcher', () => {
  it('matches a stem as a word start, a whole word only whole, and a phrase only in order', () => {
    expect(meaning('Throttled')).toBe('rate_limited'); // 'throttl' is a stem
    expect(meaning('credentialsInvalid')).toBe('unauthenticated'); // 'credit ' is whole, so 'credentials' is no credit
    expect(meaning('rate the limit')).toBeUndefined(); // 'rate limit' needs its words adjacent
    expect(meaning('RequestsPerMinuteExceeded')).toBe('rate_limited'); // camelCase cut into 'requests per minute'
  });

  it('lets the last word of a longer phrase be a stem, and the others whole', () => {
    expect(meaning('You are not authorized')).toBe('permission_denied'); // 'not authori'
    expect(meaning('server is busyness')).toBe('overloaded'); // 'server is busy'
    expect(meaning("doesn't exist")).toBe('not_found'); // 'doesn t exist'
  });

  it('needs every part of an & rule, and keeps the rules order', () => {
    expect(meaning('limit reached, upgrade')).toBe('quota_exhausted'); // 'limit&upgrad' comes before 'limit reached'
    expect(meaning('limit reached')).toBe('rate_limited');
    expect(meaning('Quota exceeded: requests per minute')).toBe('rate_limited');
    expect(meaningOf('Bad request: rate limit')).toEqual({ any: 'rate_limited', strong: 'rate_limited' });
    expect(meaningOf('internal server error')).toEqual({ any: 'internal', strong: undefined });
  });

  it('lower-cases a word beyond ASCII as a string would (the Kelvin sign is a k; a dotted İ is no i)', () => {
    expect(meaning('API \u212Aey is wrong')).toBe('unauthenticated');
    expect(meaning('Throttl\u00e9')).toBe('rate_limited');
    expect(meaning('\u0130nvalid input')).toBeUndefined();
    expect(meaning('invalid input')).toBe('invalid_request');
  });

  it('holds phrases of ASCII only: the trie walks no letter beyond it', () => {
    for (const [, spec] of RULES) expect(spec).toMatch(/^[ -~]*$/);
  });

  it('reads only the first 1024 characters of a 1 MB text, however it is cut', () => {
    const tail = 'aB'.repeat(500_000);
    expect(meaning(`${tail}rate limit`)).toBeUndefined();
    expect(meaning(`rate limit ${tail}`)).toBe('rate_limited');
    expect(meaning(`${'x '.repeat(600)}rate limit`)).toBeUndefined();
    expect(tokens(`${'a '.repeat(500_000)}`).length).toBe(512);
    expect(tokens('aB'.repeat(500_000)).length).toBe(513); // 'a', then 'ba' at each capital
  });
});

describe('wait finder', () => {
  it('finds a cue however it is capitalised, with any run of spaces before the number', () => {
    expect(waitInText('Try Again In 5 Seconds')).toBe(5000);
    expect(waitInText('RETRY AFTER 2')).toBe(2000);
    expect(waitInText('retry after    3')).toBe(3000);
    expect(waitInText('Retry-After: 7')).toBe(7000);
    expect(waitInText('Wait For 3 s')).toBe(3000);
  });

  it('finds none where no number follows a cue', () => {
    expect(waitInText('again in\t5s')).toBeUndefined();
    expect(waitInText('in 5 minutes')).toBeUndefined();
    expect(waitInText('request 42 failed, try again in a moment')).toBeUndefined();
  });

  it('reads only the first 2048 characters of a 1 MB text', () => {
    expect(waitInText(`${'x'.repeat(2030)} retry after 5`)).toBe(5000);
    expect(waitInText(`${'x'.repeat(2048)} retry after 5`)).toBeUndefined();
    expect(waitInText(' in 1'.repeat(200_000))).toBeUndefined();
    expect(waitInText(`${' in 1'.repeat(200_000)} retry after 5`)).toBeUndefined();
  });
});
