/**
 * What the seventh holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: the eighth holdout does): statuses printed as `HTTP error 429`,
 * `status code is 402`, `StatusCode=429` and `error: (400)`, or restated in a `StatusCode` member;
 * "not found" under a 400 that names something the request passed; `request_failed` as no code;
 * a printed count is no code; a header dump's `etag` is no precondition; and wording several vendors
 * use. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { codeByMeaning } from '../../src/vendors/generic/decide.js';
import { statusInText } from '../../src/vendors/generic/printed-status.js';
import { CORPUS_DIR, HOLDOUT3_DIR, HOLDOUT6_DIR, HOLDOUT7_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([CORPUS_DIR, HOLDOUT3_DIR, HOLDOUT6_DIR, HOLDOUT7_DIR]);

describe('printed statuses', () => {
  it.each([
    // deeplr (R): `Please wait and send your request once again. (HTTP error 429)`
    ['deepl/deeplr-429-please-wait', 'rate_limited'],
    // node-geocoder: `Error: Response status code is 402`
    ['opencage/402-node-geocoder-printout', 'payment_required'],
    // an ITSM connector: `ServiceDeskHttpBadRequestException: StatusCode=429`
    ['servicenow/itsm-connector-429-printout', 'rate_limited'],
    // .NET: `System.Net.WebException: The remote server returned an error: (400)`
    ['yookassa/dotnet-webexception-400', 'invalid_request'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads `HTTP code 429` and not a longer number', () => {
    expect(statusInText('DeepLy API call: HTTP code 429, message: "Too many requests."')).toBe(429);
    expect(statusInText('HTTP code 4290 seen')).toBeUndefined();
  });

  it('reads a body’s `StatusCode` member as the status it restates (Stream’s `{"code":5,"StatusCode":401,…}`)', () => {
    expect(c('getstream/rn-ws-failed-code-5').code).toBe('unauthenticated');
    expect(classify({ body: '{"HttpCode":429,"Message":"slow"}' }).code).toBe('rate_limited');
  });
});

describe('"not found" under a 400', () => {
  it('is the bad request the status says when what is missing is something the request named', () => {
    // Bunny Storage: 400 "directory for path does not exist"; YouTrack: 400 "entity with the specified name … was not found"
    expect(c('bunny-cdn/bunny-storage-400-directory-missing').code).toBe('invalid_request');
    expect(c('youtrack/entity-name-not-found-400-integration').code).toBe('invalid_request');
    expect(codeByMeaning(400, undefined, 'app_id not found')).toBeUndefined();
  });

  it('stays not_found when the URL or route is what is missing (Razorpay’s 400 "The requested URL was not found")', () => {
    expect(c('razorpay/url-not-found-node-printout').code).toBe('not_found');
    expect(codeByMeaning(400, undefined, 'No route matches the endpoint')).toBe('not_found');
  });
});

describe('codes', () => {
  it('takes `request_failed` as no code, so the `type` beside it is (Cashfree)', () => {
    expect(c('cashfree/pg-authentication-failed').vendorCode).toBe('authentication_error');
  });

  it('takes a name before a number in parentheses as a printed count, not a code (Convex’s `(limit: 4096)`)', () => {
    expect(c('convex/auth-signin-too-many-reads').vendorCode).toBeUndefined();
  });

  it('takes an `etag:` in a printed header dump as no precondition (Runway’s node SDK printout)', () => {
    expect(c('runway/node-sdk-400-invalid-parameter-prompttext').code).not.toBe('precondition_failed');
    expect(codeByMeaning(undefined, undefined, 'etag mismatch on write')).toBe('precondition_failed');
  });
});

describe('words', () => {
  it.each([
    // AppVeyor: "Project not found or access denied." — what is hidden from the caller is not found
    ['appveyor/badge-project-not-found', 'not_found'],
    // TMDB: "The resource you requested could not be found."
    ['tmdb/resource-not-found-34-body', 'not_found'],
    // HeyGen: "Your account doesn't have API access"; Magento: "The consumer isn't authorized to access %resources."
    ['heygen/voice-list-400599-no-api-access', 'permission_denied'],
    ['magento/consumer-isnt-authorized-products', 'permission_denied'],
    // ServiceNow: "ACL Exception Update Failed due to security constraints"
    ['servicenow/acl-update-failed-truncated', 'permission_denied'],
    // NewsAPI: "limited to 100 requests over a 24 hour period … upgrade to a paid plan"
    ['newsapi/daily-cap-cli-text', 'quota_exhausted'],
    ['newsapi/rate-limited-daily-cap-429', 'quota_exhausted'],
    // Speechmatics: `quota_exceeded` "Concurrent Quota Exceeded": a cap on sessions in flight
    ['speechmatics/realtime-concurrent-quota-exceeded', 'rate_limited'],
    // Cashfree: "payment_session_id is not present or is invalid"; LINE: "Invalid reply token"
    ['cashfree/rn-sdk-payment-session-invalid', 'invalid_request'],
    ['line-messaging/python-sdk-v3-invalid-reply-token', 'invalid_request'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('lets a bare "invalid" decide only a body with no status', () => {
    expect(codeByMeaning(undefined, undefined, 'Invalid reply token')).toBe('invalid_request');
    expect(codeByMeaning(500, undefined, 'Invalid reply token')).toBeUndefined();
    expect(classify({ status: 500, body: '{"message":"Invalid reply token"}' }).code).toBe('internal');
  });
});
