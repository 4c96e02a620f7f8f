/**
 * What the sixteenth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): statuses as Python requests and aiohttp print them; a `cause` message
 * (Hypixel); Bungie's `ErrorStatus` name beside its number; a problem type as a relative reference (Zyte); a
 * member printed empty says nothing (`"ThrottleSeconds" => 0`); a traceback pasted from its middle; Cloudflare's
 * `error code: 1020` text with no status; Django REST framework's throttle wait and an id beside `detail`;
 * lexicon words ("no such token", "Slowdown", "per 1 minute", "for today", "unable to find", "unknown
 * variable", an inactive subscription). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT16_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT16_DIR]);

describe('printed statuses', () => {
  it.each([
    // Home Assistant's log of requests' HTTPError: "data: 429 Client Error: for url: https://monitoringapi.solaredge.com/site/…"
    ['solaredge/solaredge-429-client-error-site-overview', 'rate_limited'],
    // aiohttp's ClientResponseError: "429, message='', url='https://monitoringapi.solaredge.com/site…"
    ['solaredge/solaredge-aiohttp-429-setup-retry', 'rate_limited'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});

describe('members', () => {
  it('reads `cause` as the message (Hypixel: `{"success": false, "cause": "Invalid API key"}`)', () => {
    expect(c('hypixel/hypixel-invalid-api-key-json').code).toBe('unauthenticated');
    expect(c('hypixel/hypixel-key-throttle-json').code).toBe('rate_limited');
  });

  it('reads Bungie’s `ErrorStatus` name over its `ErrorCode` number, and a member printed empty as nothing', () => {
    const f = c('bungie/bungie-systemdisabled-5-php-array-dump');
    // `"ThrottleSeconds" => 0` read as "throttle" made it a rate limit.
    expect([f.code, f.vendorCode]).toEqual(['service_unavailable', 'SystemDisabled']);
    expect(c('bungie/bungie-destiny-account-not-found-1601-log').code).toBe('not_found');
  });

  it('reads a problem type given as a relative reference (Zyte), but not a path a printed line names', () => {
    expect(c('zyte/zyte-429-over-user-limit').vendorCode).toBe('/limits/over-user-limit');
    expect(classify({ body: 'Unable to route request!\n\nservice name: /http/service/ratecontrol\n' }).vendorCode).toBeUndefined();
  });

  it('reads Django REST framework’s throttle wait and an id beside `detail`', () => {
    expect(c('courtlistener/courtlistener-429-throttled-5-per-min').retryAfterMs).toBe(7000);
    expect(c('octopus-energy/octopus-rest-500-server-error-correlation-id').requestId).toBe('1-6798e312-1e984d960e27997e3bfca3ad');
  });
});

describe('texts', () => {
  it('reads Cloudflare’s `error code: 1020` with no status as the firewall’s refusal', () => {
    expect(fieldsOf(c('zerobounce/zerobounce-batch-cloudflare-1020'), ['code', 'vendorCode'])).toEqual(['permission_denied', '1020']);
    expect(classify({ body: 'error code: 1015' }).code).toBe('rate_limited');
    expect(classify({ body: 'error code: 1020 and more words' }).vendor).not.toBe('html');
  });

  it('reads a traceback pasted from a frame, with no header, by its exception (musicbrainzngs)', () => {
    expect(c('musicbrainz/musicbrainzngs-xml-parse-not-well-formed').code).not.toBe('unauthenticated');
  });
});

describe('words', () => {
  it.each([
    ['lichess/lichess-no-such-token-account', 'unauthenticated'],
    ['libretranslate/libretranslate-slowdown-20-per-minute', 'rate_limited'],
    ['mymemory/mymemory-daily-quota-13h', 'quota_exhausted'],
    ['courtlistener/courtlistener-recap-upload-unable-to-find-docket', 'not_found'],
    ['us-census-bureau/census-tidycensus-unknown-variable', 'invalid_request'],
    ['pandadoc/pandadoc-400-permissions-error-subscription-inactive', 'payment_required'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
