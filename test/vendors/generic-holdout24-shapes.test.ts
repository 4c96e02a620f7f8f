/**
 * What the twenty-fourth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): members named `statusDescription`, `exceptionType`, `messageCode`,
 * `errorCodeName`, `grpc_message`, `ErrorType`, an error `kind`, a `*_trace_id`; a message that is a dotted message
 * key; a status written as a string code; SOAP faults (under a 200 too); Django REST framework's field errors; a
 * google.rpc.Status's name over its number; printed forms (AdWords' `[QuotaCheckError.… @`, urllib's custom reason
 * `PUGREST.ServerBusy`, PHP's var_dump, a `TrackingId:`); a FastAPI 403 "Not authenticated"; OAuth's `access_denied`
 * under a 401; lexicon words (moderated, content policies, billing period, too many tasks, database failure,
 * deserialize, expected format). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { corpusResponse, HOLDOUT17_DIR, HOLDOUT24_DIR, HOLDOUT4_DIR, CORPUS_DIR, loadCorpus } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT24_DIR]);

describe('members', () => {
  it.each([
    ['cloudns/cloudns-acmesh6520-login', 'permission_denied'],
    ['cloudns/cloudns-dnsupdate73-add-record', 'unauthenticated'],
    ['google-ads/google-ads-python-68-disapproved-ads', 'internal'],
  ])('reads `statusDescription` and `grpc_message` as the message (%s)', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it.each([
    ['tfl/tfl-roaddisruption-readme-road-a233', 'EntityNotFoundException'],
    ['apple-search-ads/apple-search-ads-cmapi-readme-campaigns', 'FORBIDDEN'],
    ['easee/easee-hass-29-charger-state-poll', 'Uknown'],
    ['suitecrm/suitecrm-7307-access-token-fcgid', 'access_denied'],
    ['d-id/d-id-live-streaming-demo-issue-17', 'BadRequestError'],
    ['personio/personio-6659-profile-picture', 'personio.core.api.exceptions.api.not.found.http.exception'],
    ['hunter/hunter-emailhunter-13-domain-search-param', 'pagination_error'],
  ])('reads `exceptionType`, `messageCode`, `errorCodeName`, `ErrorType`, an error `kind`, a message key and an `id` beside `details` as the code (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('reads a `*_trace_id` as the request id (Personio)', () => {
    expect(c('personio/personio-6747-v2-absence-periods').requestId).toBe('6311d371-d04c-4609-8200-c7a1c42997fb');
  });

  it('takes a status written as a string for the status again, not a code; a number may be the vendor’s own', () => {
    expect(c('amazon-ads/amazon-ads-phpsdk-10-list-profiles').vendorCode).toBeUndefined();
    expect(classify(corpusResponse(loadCorpus(CORPUS_DIR), 'postmark/inactive-recipient-ruby-hash'), { now: 0 }).vendorCode).toBe('406');
  });

  it('takes a google.rpc.Status’s name over its number', () => {
    expect(c('google-ads/google-ads-php-827-search-query').vendorCode).toBe('INVALID_ARGUMENT');
  });

  it('takes no code that closes on a full stop', () => {
    expect(c('espocrm/espocrm-1777-create-record-enum').vendorCode).toBeUndefined();
  });
});

describe('fields', () => {
  it.each([
    ['coolify/coolify-8782-services-create'],
    ['coolify/coolify-8954-service-payload'],
    ['personio/personio-p72-recruiting-applicant'],
    ['desec/desec-lego1361-rrset-ttl'],
    ['desec/desec-stack603-mx-parse'],
  ])('reads errors keyed by field as a field-level rejection, "not allowed" and "invalid" in them too (%s)', (ref) => {
    expect(c(ref).code).toBe('validation_failed');
  });
});

describe('SOAP and printouts', () => {
  it('reads a SOAP fault’s `faultcode`, and the fault under a 200', () => {
    expect(c('google-adwords/google-adwords-nodelib-2-traffic-estimator').vendorCode).toBe('soap:Client');
    expect(fieldsOf(c('microsoft-advertising/microsoft-advertising-docs-93-reporting-soap'), ['code', 'vendorCode'])).toEqual(['internal', 'a:InternalServiceFault']);
  });

  it.each([
    ['google-adwords/google-adwords-edujugon-15-report', 'QuotaCheckError.INVALID_TOKEN_HEADER'],
    ['google-adwords/google-adwords-phplib-364-report-download', 'RateExceededError.RATE_EXCEEDED'],
    ['google-adwords/google-adwords-phplib-393-service-call', 'RateExceededError'],
    ['pubchem/pubchem-pubchempy99-urlopen', 'PUGREST.ServerBusy'],
    ['pubchem/pubchem-pertpy750-get-compounds', 'PUGREST.Timeout'],
    ['microsoft-advertising/microsoft-advertising-docs-555-php-walkthrough', 'InvalidCredentials'],
  ])('reads the code a client prints (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('reads a `trackingId` as the request id (Tinkoff Invest)', () => {
    const f = classify(corpusResponse(loadCorpus(HOLDOUT17_DIR), 'tinkoff-invest/openapi-orders-500-internal-error-bytes'), { now: 0 });
    expect(f.requestId).toBe('58d80e56ac76e2d3');
  });

  it('reads an XML attribute’s value without the `>` after it (QuickBooks)', () => {
    expect(classify(corpusResponse(loadCorpus(HOLDOUT4_DIR), 'quickbooks/throttle-exceeded-xml-3001'), { now: 0 }).vendorCode).toBe('3001');
  });
});

describe('profiles that leave the words to the generic layer', () => {
  it('reads a FastAPI 403 "Not authenticated" as a credential refused', () => {
    expect(c('bfl/bfl-comfyui-flux-issue-16').code).toBe('unauthenticated');
  });

  it('reads OAuth’s `access_denied` under a 401 as a credential refused', () => {
    expect(c('suitecrm/suitecrm-8358-v8-module-accounts-get').code).toBe('unauthenticated');
  });
});

describe('words', () => {
  it.each([
    ['bfl/bfl-ai-dock-comfyui-issue-148', 'content_filtered'],
    ['venice/venice-docs-error-codes-video', 'content_filtered'],
    ['hunter/hunter-reconspider-59-domain-search', 'quota_exhausted'],
    ['aleph-alpha/aleph-alpha-rs-integration-tasks', 'rate_limited'],
    ['gbif/gbif-bims4624-occurrence-download-request', 'rate_limited'],
    ['keap/keap-infusionsoft-net-18-findbyemail', 'internal'],
    ['microsoft-advertising/microsoft-advertising-pysdk-218-report-request', 'invalid_request'],
    ['powerdns/powerdns-pdns12671-mx-whitespace', 'invalid_request'],
  ])('reads %s as %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
