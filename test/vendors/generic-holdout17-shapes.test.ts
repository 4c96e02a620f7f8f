/**
 * What the seventeenth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): a JSON error whose message quotes its client's status (Kutt); Go's
 * resolver failing (`no such host`, `server misbehaving`); Bitly's `status_txt`; lexicon words (an unmatched
 * route, a URL said not to be available, an unknown account, a missing or unauthorised key, an expired
 * signature, a frequency limit, an IP blacklist, a proxying failure, a file
 * size over the limit, a client that got invalid JSON). Every body is a corpus case (its `source` says where
 * it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT17_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT17_DIR]);

describe('statuses and members', () => {
  it('reads the status a JSON error’s message quotes from its client (Kutt: "Request failed with status code 429")', () => {
    expect(c('kutt/kutt-it-request-failed-429').code).toBe('rate_limited');
  });

  it('does not read a dotted vendor code as a status (M-Pesa Daraja’s `"errorCode": "404.001.03"`)', () => {
    expect(c('mpesa-daraja/django-daraja-404-001-03-invalid-access-token').code).toBe('unauthenticated');
  });

  it('reads Bitly v3’s `status_txt` as the code over the status the body restates', () => {
    expect(fieldsOf(c('bitly/bitly-v3-rate-limit-exceeded-envelope'), ['code', 'vendorCode'])).toEqual(['rate_limited', 'RATE_LIMIT_EXCEEDED']);
  });

  it('reads Go’s resolver failing as no connection made, not a missing resource (Tyk’s dashboard)', () => {
    expect(c('tyk/tyk-dashboard-create-key-dns-lookup-failed').code).toBe('connect_failed');
  });
});

describe('words', () => {
  it.each([
    ['apache-apisix/apisix-failed-to-match-any-routes', 'not_found'],
    ['jotform/jotform-php-exception-requested-url-not-available', 'not_found'],
    ['tinkoff-invest/openapi-unknown-account-gateway-request-data-error', 'not_found'],
    ['tyk/tyk-key-not-authorised-short-token', 'unauthenticated'],
    ['tyk/tyk-authorization-field-missing', 'unauthenticated'],
    ['tyk/tyk-problem-proxying-the-request', 'bad_gateway'],
    ['feishu/go-lark-99991661-need-a-token', 'unauthenticated'],
    ['feishu/feishu2md-99991400-frequency-limit', 'rate_limited'],
    ['filestack/filestack-picker-signature-expired', 'unauthenticated'],
    ['paypay/app-login-ip-blacklist', 'permission_denied'],
    ['uploadcare/uploadcare-multipart-start-file-size-exceeds-project-limit', 'payload_too_large'],
    ['uploadcare/uploadcare-node-invalid-json-stack', 'malformed_response'],
    ['activecampaign/activecampaign-php-empty-response-request-exception', 'malformed_response'],
    ['matomo/matomo-xml-requires-view-access-site-42', 'permission_denied'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
