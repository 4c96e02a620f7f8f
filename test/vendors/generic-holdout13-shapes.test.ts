/**
 * What the thirteenth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: later holdouts do): `errors` keyed by field (Rails, express-validator) is a
 * field-level rejection; a `"Response": "Error"` member makes a 200 a fault; an upper-case `ERROR`
 * member; "not a valid …"; a client's JSON parser quoting a page ("lexical error"); "flood control"; a
 * catch-all code wrapping the real error as a JSON string; problem+json's `trace_id`; a `request_uid`
 * label; an `error-code` member. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { readEnvelope } from '../../src/vendors/generic/envelope.js';
import { HOLDOUT13_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT13_DIR]);

describe('words and members', () => {
  it.each([
    // CryptoCompare, under a 200: `{"Response": "Error", "Message": "You are over your rate limit please upgrade your account!", …}`
    ['cryptocompare/cryptocompare-200-over-rate-limit-daily-exceeded', 'quota_exhausted'],
    // NCBI E-utilities: `{"esearchresult": {"ERROR": "Invalid db name specified: nonsense_db"}}`
    ['ncbi-eutils/esearch-invalid-db-name-json', 'invalid_request'],
    // pyalex: "QueryError: 'I-1' is not a valid OpenAlex ID."
    ['openalex/pyalex-queryerror-invalid-openalex-id', 'invalid_request'],
    // openalexR: "lexical error: invalid char in json text." (R's JSON parser on a text page)
    ['openalex/openalexr-lexical-error-non-json-body', 'malformed_response'],
    // vk-io: "APIError: Code №9 - Flood control"
    ['vk/vk-io-flood-control-9', 'rate_limited'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads `error-code` as a code member (orcid-js printout)', () => {
    expect(c('orcid/orcid-js-500-error-9008').vendorCode).toBe('9008');
  });

  it('reads a `request_uid` label (Nylas’ Ruby SDK)', () => {
    expect(c('nylas/nylas-ruby-internal-error-request-uid').requestId).toBe('B9EBAC8F:C29C_0A4D0050:01BB_5B2BD4A5_15030C81:2AF0');
  });

  it('reads problem+json’s `trace_id` as the request id (TrueLayer)', () => {
    expect(c('truelayer/truelayer-payments-401-missing-bearer').requestId).toBe('96ce50247f87f540bb2d86771b3728b8');
  });

  it('reads the real error a catch-all code wraps as a JSON string (Synapse’s M_UNKNOWN around M_LIMIT_EXCEEDED)', () => {
    expect(fieldsOf(c('matrix/synapse-nested-m-unknown-wrapping-limit-exceeded'), ['vendorCode', 'retryAfterMs'])).toEqual(['M_LIMIT_EXCEEDED', 4079]);
  });
});

describe('errors keyed by field', () => {
  it('reads express-validator’s map as a field-level rejection, with or without a status (PeerTube)', () => {
    expect(c('peertube/video-upload-invalid-tags-400').code).toBe('validation_failed');
    expect(fieldsOf(c('peertube/video-update-invalid-name-python'), ['code', 'message'])).toEqual(['validation_failed', 'Should have a valid name']);
  });

  it('reads Rails’ map as its first field’s sentence', () => {
    const env = readEnvelope({ errors: { email: ['has already been taken'] } });
    expect([env.message, env.fieldNamed]).toEqual(['email has already been taken', true]);
    expect(classify({ status: 422, body: '{"errors":{"email":["has already been taken"]}}' }).code).toBe('already_exists');
  });

  it('still reads an `errors` object that is one error (a member holds a string) as an error object', () => {
    const env = readEnvelope({ errors: { code: 'invalid_token', message: 'Token expired' } });
    expect([env.vendorCode, env.message, env.fieldNamed]).toEqual(['invalid_token', 'Token expired', undefined]);
  });
});
