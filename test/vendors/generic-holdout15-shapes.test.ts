/**
 * What the fifteenth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): statuses printed as `response code 404`, `status code of 401`,
 * `request failed (500)` and in urllib3's debug line; an `errors` object of sentences keyed by field; the
 * `error-codes` list of captcha verifiers; a Python traceback read without its frames, and the first of a
 * chain; a problem `type` that only links the HTTP RFC's section on the status; a reason phrase beside the
 * status as a number; a bare SCREAMING_SNAKE code as an exception's message; a Cloudflare `Ray ID`; lexicon
 * words (zero balance, an IP allowlist, "already been added", a license key, an undecodable body, "no
 * information available"). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT15_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT15_DIR]);

describe('printed statuses', () => {
  it.each([
    // HADotNet: "System.Exception: Unexpected response code 404 from Home Assistant API endpoint /api/states/."
    ['home-assistant/ha-hadotnet-404-states-exception', 'not_found'],
    // A Jellyfin client's repr: "JellyfinClientError('Jellyfin request failed (500) for …')"
    ['jellyfin/jellyfin-plugin-query-500-python-repr', 'internal'],
    // urllib3's debug log: `"POST /api/v2/report?ip=1.&… HTTP/1.1" 422 None`
    ['abuseipdb/rapid7-plugin-report-422', 'validation_failed'],
    // geoipupdate: "Received an unexpected HTTP status code of 401 from … Invalid account ID or license key"
    ['maxmind/geoipupdate-legacy-401-invalid-account-or-key', 'unauthenticated'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});

describe('members', () => {
  it('reads an `errors` object of sentences keyed by field (API-Football, under a 200)', () => {
    expect(c('api-football/apifootball-unknown-endpoint-200').code).toBe('not_found');
    expect(fieldsOf(c('api-football/apifootball-missing-league-field-200'), ['code', 'message'])).toEqual(['validation_failed', 'The League field is required.']);
  });

  it('still reads an `errors` object with a message of its own as one error', () => {
    const f = classify({ body: '{"errors":{"code":"quota","message":"Quota exceeded for this key"}}' });
    expect([f.vendorCode, f.message]).toEqual(['quota', 'Quota exceeded for this key']);
  });

  it('reads the `error-codes` list a captcha verifier answers with (hCaptcha siteverify)', () => {
    expect(c('hcaptcha/siteverify-invalid-input-response-json').vendorCode).toBe('invalid-input-response');
    expect(classify({ status: 200, body: '{"success":true,"error-codes":[]}' }).code).toBe('unknown');
  });

  it('takes no code from a problem type that only links the HTTP RFC (ASP.NET Core, Jellyfin)', () => {
    expect(fieldsOf(c('jellyfin/jellyfin-users-me-400-problem-details'), ['code', 'vendorCode'])).toEqual(['invalid_request', undefined]);
    const own = classify({ status: 403, headers: { 'content-type': 'application/problem+json' }, body: '{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit."}' });
    expect(own.vendorCode).toBe('https://example.com/probs/out-of-credit');
  });

  it('reads a reason phrase beside the status as a number as the status restated, not a code (Gotify)', () => {
    expect(c('gotify/gotify-401-browser-json').vendorCode).toBeUndefined();
    expect(classify({ body: '{"error":"Unauthorized","error_description":"apiKey invalid"}' }).vendorCode).toBe('Unauthorized');
  });

  it('reads a SCREAMING_SNAKE code that is an exception’s whole message (2Captcha’s Java client)', () => {
    expect(c('2captcha/2captcha-java-zero-captcha-filesize').vendorCode).toBe('ERROR_ZERO_CAPTCHA_FILESIZE');
  });

  it('reads a Cloudflare block page’s Ray ID as the request id (Have I Been Pwned)', () => {
    expect(c('haveibeenpwned/hibp-cloudflare-request-blocked-html').requestId).toBe('4fb4061f3ac2afde');
  });
});

describe('a Python traceback', () => {
  it('is read without its frames: a frame’s source names code that ran, not what failed (OpenF1)', () => {
    // A frame's `if … is_f1_session_in_progress():` read as "in progress" made it a conflict.
    expect(c('openf1/openf1-500-jolpica-traceback').code).not.toBe('conflict');
  });

  it('of a chain, is read for its first exception: the cause (shodan’s "Invalid API key" under its retry loop’s "Retry limit reached")', () => {
    expect(c('shodan/shodan-python-invalid-api-key-traceback').code).toBe('unauthenticated');
  });

  it('is read by its exception line (2Captcha’s ERROR_ZERO_BALANCE)', () => {
    expect(c('2captcha/2captcha-python-zero-balance-traceback').code).toBe('payment_required');
  });
});

describe('words', () => {
  it.each([
    ['transmission/transmission-403-ip-whitelist-text', 'permission_denied'],
    ['sonarr/sonarr-series-already-added-bytes-repr', 'already_exists'],
    ['virustotal/vt-go-quota-gzip-invalid-header', 'malformed_response'],
    ['maxmind/geoip2-dotnet-200-not-json', 'malformed_response'],
    ['shodan/shodan-no-information-for-ip', 'not_found'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads "license key" as a credential only where the text says it is wrong, not as a parameter’s name', () => {
    expect(classify({ status: 400, body: '{"success":false,"message":"The \'license_key\' parameter must be a string."}' }).code).not.toBe('unauthenticated');
  });
});
