/**
 * The generic layer's wording rules, each on a real response from the public corpus (its source is
 * the case's `source`, printed in the test name): what a vendor's words mean, when they override a
 * status, and where a body restates its status.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classifier.js';
import { classify } from '../../src/entry/default-classifier.js';
import { codeByMeaning, retryByMeaning } from '../../src/vendors/generic/decide.js';
import { readEnvelope } from '../../src/vendors/generic/envelope.js';
import { genericProfile } from '../../src/vendors/generic/generic.js';
import { meaning } from '../../src/vendors/generic/lexicon.js';
import { type CorpusCase, CORPUS_NOW, loadCorpus } from '../corpus/corpus.js';

const generic = createClassifier({ profiles: [genericProfile] });
const corpus = loadCorpus();

function corpusCase(family: string, id: string): CorpusCase {
  const found = corpus.find((f) => f.family === family)?.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no corpus case ${family}/${id}`);
  return found;
}

/** The generic layer alone on a corpus case's response. */
function alone(family: string, id: string) {
  const c = corpusCase(family, id);
  return generic.classify({ status: c.response.status, headers: c.response.headers, body: c.response.body ?? '' }, { now: c.now ?? CORPUS_NOW });
}

const src = (family: string, id: string): string => `${family}/${id} (${corpusCase(family, id).source})`;

describe('lexicon: what vendors write', () => {
  it.each([
    // "quota" is a whole word: "without quotation marks" in Square's auth error says nothing of a quota.
    ['square', 'unauthorized-malformed-no-status', 'unauthenticated'],
    ['square', 'unauthorized-node-printout', 'unauthenticated'],
    // A rate limit said to be exceeded is a throttle, though Google's text adds "quota" or a `usageLimits` domain.
    ['bigquery', 'bigquery-job-rate-limit-400-client-json', 'rate_limited'],
    ['google-cloud-storage', 'gcs-java-429-object-mutation-rate-cut', 'rate_limited'],
    // Dropbox's too_many_write_operations: "retry after a delay" (dropbox.com/developers/documentation/http/documentation, errors).
    ['dropbox', 'too-many-write-operations-printout', 'rate_limited'],
    // "the maximum number of api requests are already reached. Please try later." on a 403 is a throttle…
    ['zoom', 'v1-per-second-limit-403', 'rate_limited'],
    // …and "every day" makes it an allowance.
    ['zoom', 'v1-daily-report-limit', 'quota_exhausted'],
    // Docker Hub's pull limit runs over 6 hours (docs.docker.com/docker-hub/usage/pulls/): an allowance, even under the engine's 500.
    ['docker-registry', 'docker-engine-api-unauthenticated-pull-limit', 'quota_exhausted'],
    // "is already a list member": the thing being created exists.
    ['mailchimp', 'member-exists-node-printout', 'already_exists'],
    // A key that is valid but not allowed an index, or a product: permission, not authentication.
    ['algolia', 'algolia-403-index-not-allowed-for-key', 'permission_denied'],
    ['plaid', 'legacy-unauthorized-product', 'permission_denied'],
    // Kong's DAO error name; "schema violation (name: unknown field)".
    ['kong', 'kong-admin-schema-violation', 'validation_failed'],
    ['circleci', 'circleci-v2-must-log-in-first', 'unauthenticated'],
    // SDKs name 403 AuthorizationError apart from 401 AuthenticationError (Braintree, and many more).
    ['braintree', 'authorization-ruby-printout', 'permission_denied'],
    ['microsoft-identity', 'missing-client-secret-text', 'unauthenticated'],
    ['meta-graph', 'whatsapp-generic-error-node-printout', 'internal'],
    // Kubernetes' StatusReason Expired is HTTP 410 (k8s.io/apimachinery metav1.StatusReasonExpired), as kubectl prints it.
    ['kubernetes', 'k8s-kubectl-expired-list-too-old', 'gone'],
  ])('%s/%s → %s', (family, id, code) => {
    expect(alone(family, id).code, src(family, id)).toBe(code);
  });

  it('keeps reading quota words that are whole words or split from a code', () => {
    expect(meaning('quotaExceeded')).toBe('quota_exhausted');
    expect(meaning('insufficient_quota')).toBe('quota_exhausted');
    expect(meaning('Quotas exceeded for this project')).toBe('quota_exhausted');
    expect(meaning('the format "Bearer TOKEN" (without quotation marks)')).toBe('unauthenticated');
  });

  it('too many attempts is a throttle, though a login lockout words it and the status is 400', () => {
    // Firebase Auth's TOO_MANY_ATTEMPTS_TRY_LATER (github.com/firebase/firebase-js-sdk/issues/2399, holdout firebase-auth).
    const body = '{"error":{"code":400,"message":"TOO_MANY_ATTEMPTS_TRY_LATER","errors":[{"message":"TOO_MANY_ATTEMPTS_TRY_LATER","domain":"global","reason":"invalid"}]}}';
    expect(generic.classify({ body }).code).toBe('rate_limited');
    expect(meaning('Too many unsuccessful login attempts. Please try again later')).toBe('rate_limited');
    expect(meaning('Too many failed login attempts')).toBe('rate_limited');
  });

  it('a window of a day beats "rate limit exceeded"; a minute does not', () => {
    expect(meaning('Rate limit exceeded: free-models-per-day-high-balance.')).toBe('quota_exhausted');
    expect(meaning('Exceeded rate limits: too many api requests per user per method')).toBe('rate_limited');
    expect(meaning('Quota exceeded for quota metric requests per minute')).toBe('rate_limited');
  });

  it('a throttle on a 403 is retried; an allowance is not', () => {
    expect(alone('zoom', 'v1-per-second-limit-403').retry).toBe('always');
    expect(alone('docker-registry', 'docker-engine-api-unauthenticated-pull-limit').retry).toBe('never');
  });
});

describe('clock skew: unauthenticated, and retried once re-signed', () => {
  // aws-sdk-js-v3 service-error-classification: CLOCK_SKEW_ERROR_CODES (RequestTimeTooSkewed, …) are
  // retried after the SDK corrects its clock offset; the aws profile says the same (src/vendors/aws.ts).
  it(src('s3', 's3-php-request-time-too-skewed'), () => {
    const fault = alone('s3', 's3-php-request-time-too-skewed');
    expect(fault.code).toBe('unauthenticated');
    expect(fault.retry).toBe('always');
  });

  it('only skew words lend the retry, and only to unauthenticated', () => {
    expect(retryByMeaning('unauthenticated', 'RequestTimeTooSkewed')).toBe('always');
    expect(retryByMeaning('unauthenticated', 'Invalid API key')).toBeUndefined();
    expect(retryByMeaning('permission_denied', 'RequestTimeTooSkewed')).toBeUndefined();
  });
});

describe('decide: when words override a status', () => {
  it(`a vendor code already in the text is read once: ${src('salesforce', 'exceeded-id-limit-no-status')}`, () => {
    // Read twice, EXCEEDED_ID_LIMIT EXCEEDED_ID_LIMIT says "limit exceeded".
    const fault = alone('salesforce', 'exceeded-id-limit-no-status');
    expect(fault.code).not.toBe('rate_limited');
    expect(fault.retry).toBe('never');
  });

  it(`"not supported" under a 400 is a refused value, not a missing feature: ${src('dynamodb', 'ddb-go-v2-validation-empty-index-key')}`, () => {
    expect(alone('dynamodb', 'ddb-go-v2-validation-empty-index-key').code).toBe('invalid_request');
    expect(codeByMeaning(501, undefined, 'Not supported')).toBeUndefined();
    expect(codeByMeaning(undefined, undefined, 'Operation not supported')).toBe('not_implemented');
  });

  it('a 5xx whose code names its own failure stays internal though its words name something missing (tRPC\'s bad setup)', () => {
    const message = 'Query "trpc" not found - is the file named `[trpc]`.ts or `[...trpc].ts`?';
    expect(codeByMeaning(500, 'INTERNAL_SERVER_ERROR', message)).toBeUndefined();
    expect(codeByMeaning(500, 'ServerError', 'users.management.cattle.io "foo" not found')).toBe('not_found');
  });

  it(`a throttle overrides a 410, never a 404 or a 401: ${src('google-cloud-storage', 'gcs-410-resumable-upload-rate-limit')}`, () => {
    const fault = alone('google-cloud-storage', 'gcs-410-resumable-upload-rate-limit');
    expect(fault.code).toBe('rate_limited');
    expect(fault.retry).toBe('always');
    expect(codeByMeaning(404, undefined, 'Rate limit reached')).toBeUndefined();
    expect(codeByMeaning(401, undefined, 'Rate limit reached')).toBeUndefined();
  });

  it(`a 400 whose errors name their fields is validation_failed: ${src('paddle', 'bad-request-field-errors-400')}`, () => {
    expect(alone('paddle', 'bad-request-field-errors-400').code).toBe('validation_failed');
    // Under another status a field adds nothing: SendGrid's 403 with `field: "from"` stays a permission error.
    expect(alone('sendgrid', 'sender-identity-403-printout').code).toBe('permission_denied');
    expect(codeByMeaning(400, 'bad_request', 'Invalid request', true)).toBe('validation_failed');
    expect(codeByMeaning(400, 'bad_request', 'Invalid request', false)).toBeUndefined();
  });
});

describe('permission words under a 400', () => {
  it(`"not allowed" names a refused value: ${src('paddle', 'address-location-not-allowed-400')}`, () => {
    expect(alone('paddle', 'address-location-not-allowed-400').code).toBe('invalid_request');
    expect(codeByMeaning(undefined, 'address_location_not_allowed', undefined)).toBe('permission_denied');
  });

  it(`a scope or a permission still does: ${src('zoom', 'missing-scope-4711-guzzle')}`, () => {
    expect(alone('zoom', 'missing-scope-4711-guzzle').code).toBe('permission_denied');
    expect(codeByMeaning(400, undefined, '(#10) Application does not have permission for this action')).toBe('permission_denied');
    expect(codeByMeaning(400, 'invalid_scope', undefined)).toBe('permission_denied');
  });
});

describe('envelope: a status the body restates', () => {
  it(`a Kubernetes Status in a watch ERROR event: ${src('kubernetes', 'k8s-watch-error-event-expired-410')}`, () => {
    const fault = alone('kubernetes', 'k8s-watch-error-event-expired-410');
    expect(fault.code).toBe('gone');
    expect(fault.vendorCode).toBe('Expired');
  });

  it('a numeric `code` in the status range is the status; a string or a small number is not', () => {
    expect(readEnvelope({ kind: 'Status', reason: 'Expired', code: 410 }).status).toBe(410);
    expect(readEnvelope({ message: 'x', code: '410' }).status).toBeUndefined();
    // Kong's DAO error code 2 is no status.
    expect(readEnvelope({ message: 'schema violation (name: unknown field)', name: 'schema violation', code: 2 }).status).toBeUndefined();
  });

  it(`a google.rpc.Status code with its details list is the gRPC status's HTTP status: ${src('grpc-json', 'grpc-gateway-invalid-argument-with-detail')}`, () => {
    expect(alone('grpc-json', 'grpc-gateway-invalid-argument-with-detail').code).toBe('invalid_request');
    expect(readEnvelope({ code: 5, message: 'x', details: [] }).status).toBe(404);
    expect(readEnvelope({ code: 14, message: 'x', details: [] }).status).toBe(503);
    expect(readEnvelope({ code: 5, message: 'x' }).status).toBeUndefined();
  });

  it(`Okta's errorSummary is the message: ${src('okta', 'validation-failed-no-status')}`, () => {
    expect(alone('okta', 'validation-failed-no-status').code).toBe('validation_failed');
  });

  it(`Dropbox's error_summary and .tag: ${src('dropbox', 'invalid-token-no-status')}`, () => {
    const fault = alone('dropbox', 'invalid-token-no-status');
    expect(fault.code).toBe('unauthenticated');
    expect(fault.vendorCode).toBe('invalid_access_token');
  });
});

describe('pages with the status in their heading (CloudFront)', () => {
  it(`"503 ERROR" with no status is a 503, whatever else the page says: ${src('cloudfront', 'cloudfront-503-lambda-invalid-html')}`, () => {
    for (const id of ['cloudfront-503-lambda-invalid-html', 'cloudfront-503-lambda-invalid-rendered']) {
      const fault = alone('cloudfront', id);
      expect(fault.code, id).toBe('service_unavailable');
      expect(fault.retry, id).toBe('always');
    }
  });

  it(`"wasn't able to connect to the origin" is connect_failed, as the page or its text: ${src('cloudfront', 'cloudfront-502-cannot-connect-origin-rendered')}`, () => {
    const fault = alone('cloudfront', 'cloudfront-502-cannot-connect-origin-rendered');
    expect(fault.code).toBe('connect_failed');
    expect(fault.retry).toBe('always');
    const c = corpusCase('cloudfront', 'cloudfront-502-cannot-connect-origin-rendered');
    expect(classify({ status: 502, body: c.response.body }, { now: CORPUS_NOW }).code).toBe('connect_failed');
  });

  it('a status word is read only as a number before " error" standing alone', () => {
    expect(generic.classify({ body: 'Upstream said: 1503 error while reading' }, { now: 0 }).code).not.toBe('service_unavailable');
    expect(generic.classify({ body: '<h1>404 Error</h1>' }, { now: 0 }).code).toBe('not_found');
  });

  it('looks for the heading only in the first lines: 1 MB of " error" finds nothing and ends', () => {
    const body = `${'x error '.repeat(131_072)}\n503 ERROR`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(generic.classify({ body }, { now: 0 }).code).not.toBe('service_unavailable');
  });
});
