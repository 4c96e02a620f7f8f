/**
 * What the forty-eighth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a GraphQL error whose code names nothing but whose words do (OpenTripPlanner's 422s), a
 * server's own HTML page read by its words (aprsc), a 5xx whose code names its own failure though its words name a
 * credential, a short acronym before a colon that is no code (`IIIF:`), a `status: "failed"` beside a `reason` in a 200,
 * DAPNET's `violations`, and words. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT13_DIR, HOLDOUT21_DIR, HOLDOUT30_DIR, HOLDOUT31_DIR, HOLDOUT36_DIR, HOLDOUT47_DIR, HOLDOUT48_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { c, both } = shapeReaders([HOLDOUT48_DIR, HOLDOUT13_DIR, HOLDOUT21_DIR, HOLDOUT30_DIR, HOLDOUT31_DIR, HOLDOUT36_DIR, HOLDOUT47_DIR]);

describe('a GraphQL error whose code names nothing is read by its words under its status', () => {
  it.each([
    ['opentripplanner/opentripplanner-transmodel-processing-timeout-pr5047', 'gateway_timeout', 'ExecutionAborted'],
    ['opentripplanner/opentripplanner-transmodel-response-too-large', 'payload_too_large', 'ResponseTooLarge'],
    ['opentripplanner/opentripplanner-transmodel-response-too-large-pr5908', 'payload_too_large', 'ResponseTooLarge'],
  ])('%s is %s', (ref, code, vendorCode) => {
    expect(c(ref)).toMatchObject({ code, vendor: 'graphql', vendorCode });
  });

  it('a code whose words say nothing leaves a plain message to the status', () => {
    const body = '{"errors":[{"message":"Something odd","locations":[],"extensions":{"classification":"DataFetchingException"}}]}';
    expect(classify({ status: 422, body }).code).toBe('validation_failed');
  });
});

describe("a server's own HTML page is read by its words under its status", () => {
  it.each([
    ['aprsc/aprsc-upload-invalid-passcode', 'unauthenticated'],
    ['aprsc/aprsc-upload-too-large-body', 'payload_too_large'],
    ['sec-edgar/sec-403-request-rate-threshold-exceeded-html', 'rate_limited'],
  ])('%s is %s', (ref, code) => {
    expect(c(ref)).toMatchObject({ code, vendor: 'html' });
  });

  it("a proxy's page keeps its phrase, and a page with no words of meaning its status", () => {
    expect(classify({ status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' }).code).toBe('bad_gateway');
    expect(classify({ status: 403, body: '<HTML><HEAD><TITLE>403 Forbidden</TITLE></HEAD><BODY><H1>Forbidden</H1></BODY></HTML>' }).code).toBe('permission_denied');
  });
});

describe('a 5xx whose code names its own failure is the server failing, whatever credential its words name', () => {
  it.each([
    'ga4gh-htsget/ga4gh-htsget-jwt-validation-not-set',
    'elsevier/elsevier-500-general-system-error-elsapy',
    'emqx/emqx-api-key-create-badmatch',
    'dexcom/dexcom-share-login-keycloak-sync-failure',
  ])('%s is internal', (ref) => {
    for (const f of both(ref)) expect([f.code, f.retry]).toEqual(['internal', 'idempotent']);
  });

  it('a 5xx that refuses a credential under no code of failure stays a refused credential', () => {
    expect(classify({ status: 500, body: '{"error": {"code": "invalid_token", "message": "The access token expired"}}' }).code).toBe('unauthenticated');
  });
});

describe('codes', () => {
  it.each(['iipimage/iipimage-iiif-not-enough-parameters', 'iipimage/iipimage-iiif-negative-size'])('%s: an acronym before a colon is no code', (ref) => {
    for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
  });

  it('a short capitalised chain word that means something is still a code', () => {
    expect(classify({ status: 403, body: 'DENIED: requested access to the resource is denied' }).vendorCode).toBe('DENIED');
  });

  it("a constraint violation's own code is the code (DAPNET's `violations`)", () => {
    for (const f of both('dapnet/dapnet-invalid-ip-address')) expect(f.vendorCode).toBe('6103');
  });
});

describe('errors inside a 200', () => {
  it.each([
    ['cloudlog/cloudlog-check-callsign-wrong-json-200', 'invalid_request'],
    ['astrometry-net/astrometry-net-no-request-json', 'invalid_request'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a `status: "failed"` beside a reason and much else is a resource, no failure', () => {
    expect(classify({ status: 200, body: '{"status": "failed", "reason": "card declined", "id": "pay_1", "amount": 5}' }).code).toBe('unknown');
  });
});

describe('words', () => {
  it.each([
    ['opentripplanner/opentripplanner-rest-processing-timeout-text', 'gateway_timeout'],
    ['ekylibre/ekylibre-bad-authorization-scheme', 'unauthenticated'],
    ['openfarm/openfarm-stage-create-not-owner', 'permission_denied'],
    ['openfarm/openfarm-update-garden-not-owner', 'permission_denied'],
    ['litefarm/litefarm-password-reset-token-limit', 'quota_exhausted'],
    ['linkwarden/linkwarden-max-links-reached', 'quota_exhausted'],
    ['wallos/wallos-subscription-not-found', 'not_found'],
  ])('%s is %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('"OTP" alone is no one-time password (OpenTripPlanner), but a missing OTP token is a credential', () => {
    expect(classify({ status: 401, body: '{"status":1114,"description":"Enter OTP token as well","data":{}}' }).code).toBe('unauthenticated');
    expect(classify({ status: 400, body: '{"message": "OTP API Processing Timeout"}' }).code).not.toBe('unauthenticated');
  });
});
