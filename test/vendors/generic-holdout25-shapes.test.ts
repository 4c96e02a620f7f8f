/**
 * What the twenty-fifth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): TIDAL's `subStatus` / `sub_status` and Meross' `apiStatus` as codes, Quandl's
 * `(Quandl Error QECx02)` as its clients print it, waits "renewed in" and "remaining period of", no code from an HTML
 * page a client logged after its own words or from a `UserWarning:` or `success:` label, and lexicon words (size
 * exceeds, payment is required, error param, is offline). Every body is a corpus case (its `source` says where it
 * was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT25_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT25_DIR]);

describe('codes', () => {
  it.each([
    ['tidal/tidal-login-username-token-35', '6004'],
    ['tidal/tidal-streamrip-device-authorization-298', '1005'],
    ['tidal/tidal-node-wrapper-album-lookup-42', '2001'],
    ['meross/meross-homebridge-cloud-login-462', '1006'],
    ['nasdaq-data-link/nasdaq-data-link-fmac-hpi-state-loop', 'QECx02'],
    ['nasdaq-data-link/nasdaq-data-link-sf1-export-env-key', 'QEPx04'],
  ])('reads `subStatus`, `sub_status`, `apiStatus` and a code printed as `(… Error CODE)` (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it.each([
    ['trakt/trakt-calendar-progress-watched-ha-96'],
    ['world-bank/world-bank-datareader-wdi-population-age'],
    ['ipqualityscore/ipqualityscore-armour-ipqs-query-129'],
  ])('takes no code from a logged HTML page’s attributes or a `UserWarning:` or `success:` label (%s)', (ref) => {
    expect(c(ref).vendorCode).toBeUndefined();
  });
});

describe('waits', () => {
  it('reads "renewed in 09 hours and 57 minutes" (OpenSubtitles)', () => {
    expect(c('opensubtitles/opensubtitles-download-anonymous-ip-952').retryAfterMs).toBe(35_820_000);
  });

  it('reads "the remaining period of 50460 seconds", a wait long enough to be a spent allowance (Home Connect)', () => {
    expect(fieldsOf(c('home-connect/home-connect-get-appliances-ha-119129'), ['code', 'retryAfterMs'])).toEqual(['quota_exhausted', 50_460_000]);
  });
});

describe('words', () => {
  it.each([
    ['eurostat/eurostat-sdmx-nama-gdp-c-all', 'payload_too_large'],
    ['purpleair/purpleair-nearby-sensors-ha-109259', 'payment_required'],
    ['shopee/shopee-v1-orders-list-time-range', 'invalid_request'],
    ['home-connect/home-connect-appliance-commands-get-ha-139540', 'service_unavailable'],
  ])('reads %s as %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
