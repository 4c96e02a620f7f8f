/**
 * Instants written into messages as when to try again (session 38): crates.io's "Please try again after Thu, 30 Jun 2022
 * 15:07:44 GMT", Cloudinary's "Try again on 2024-10-04 14:00:00 UTC". The wait is the time from the classify call's `now`
 * to the instant; an instant already past, or a time with no zone, names no wait.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { waitUntilInText } from '../../src/vendors/generic/wait.js';
import { corpusResponse, HOLDOUT4_DIR, HOLDOUT_DIR, loadCorpus } from '../corpus/corpus.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2099, 11, 31);
const second = (ms: number): number => Math.floor(ms / 1000) * 1000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const cues = fc.constantFrom('Please try again after ', 'Try again on ', 'try again at ', 'Retry after ', 'blocked until ');

describe('waitUntilInText', () => {
  it('is the time from now to the instant, as an HTTP-date or a zoned date and time, or nothing once it is past', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), fc.integer({ min: FROM, max: TO }), cues, fc.constantFrom('http', 'utc', 'z', 'offset'), (at, now, cue, form) => {
        const instant = second(at);
        const written = form === 'http' ? new Date(instant).toUTCString() : form === 'utc' ? `${iso(instant)} UTC` : form === 'z' ? `${iso(instant).replace(' ', 'T')}Z` : `${iso(instant + 2 * 3_600_000)}+02:00`;
        const wait = waitUntilInText(`Rate limit reached. ${cue}${written} or email us.`, now);
        expect(wait).toBe(instant > now ? instant - now : undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads no instant without a zone, none that is no date, and none far from its cue', () => {
    const now = Date.UTC(2024, 9, 4, 13, 0);
    expect(waitUntilInText('Try again on 2024-10-04 14:00:00', now)).toBeUndefined();
    expect(waitUntilInText('Try again on Monday', now)).toBeUndefined();
    expect(waitUntilInText(`Try again later. ${'x'.repeat(60)} 2024-10-04 14:00:00 UTC`, now)).toBeUndefined();
    // A hostile text made of cues and near-dates is read in its bounded head only, and names nothing.
    expect(waitUntilInText('try again after 2024-10-04 14:00 '.repeat(300_000), now)).toBeUndefined();
  });

  it('gives the Fault its wait from the call’s now, the corpus’s own bodies (whose instants the corpus’s time has passed)', () => {
    const cloudinary = corpusResponse(loadCorpus(HOLDOUT_DIR), 'cloudinary/admin-api-rate-limit-text');
    expect(classify(cloudinary, { now: Date.UTC(2024, 9, 4, 13, 59) }).retryAfterMs).toBe(60_000);
    expect(classify(cloudinary, { now: Date.UTC(2026, 0, 1) }).retryAfterMs).toBeUndefined();
    const crates = corpusResponse(loadCorpus(HOLDOUT4_DIR), 'crates-io/publish-rate-limited-429');
    expect(classify(crates, { now: Date.UTC(2022, 5, 30, 15, 0, 0) })).toMatchObject({ code: 'rate_limited', retryAfterMs: 464_000 });
  });
});
