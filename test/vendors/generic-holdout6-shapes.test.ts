/**
 * What the sixth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: the seventh holdout does): error objects under `status` and `meta`; a
 * `status_code` beside its own `status_message` (TMDB); `ErrorKey` and a snake_case `Type` as codes;
 * Rapyd's `operation_id`; GraphQL's `extensions.error_code`, and an `errors[]` whose `path` is a
 * field name, which is no GraphQL; oci-go-sdk's printed service error; and wording several vendors
 * use. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { statusInText } from '../../src/vendors/generic/printed-status.js';
import { corpusResponse, HOLDOUT6_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { files, c } = shapeReaders([HOLDOUT6_DIR]);
const corpus = (ref: string) => corpusResponse(files, ref);
const fields = (ref: string) => {
  const f = c(ref);
  return [f.code, f.vendorCode, f.requestId];
};

describe('members', () => {
  it.each([
    // TMDB: `{"status_code": 7, "status_message": "Invalid API key: …", "success": false}`
    ['tmdb/invalid-api-key-7-body', ['unauthenticated', '7', undefined]],
    // Rapyd: the error object under `status`, its id `operation_id`
    ['rapyd/doc-401-unauthorized-api-call', ['unauthenticated', 'UNAUTHORIZED_API_CALL', '46aaac18-675b-4b60-9ebf-d77227c8a3ce']],
    // AfterShip: `{"meta": {"code": 4004, "type": "BadRequest", "message": …}, "data": {}}`
    ['aftership/last-checkpoint-tracking-not-exist-404', ['not_found', '4004', undefined]],
    // Bunny: `{"ErrorKey": "pullZone.not_found", "Field": …, "Message": …}`
    ['bunny-cdn/bunny-doc-pullzone-not-found', ['not_found', 'pullZone.not_found', undefined]],
  ] as const)('%s', (ref, want) => {
    expect(fields(ref)).toEqual(want);
  });

  it('reads a snake_case `Type` as the code (MangoPay’s `param_error`), and an exception’s only when it names one', () => {
    expect(c('mangopay/node-sdk-param-error-deserialize').vendorCode).toBe('param_error');
    expect(classify({ status: 400, body: '{"Type": "Payment", "Message": "bad"}' }).vendorCode).toBeUndefined();
  });

  it('takes a `status_code` beside no message of its own as no code', () => {
    expect(classify({ status: 404, body: '{"status_code": 34, "message": "gone away"}' }).vendorCode).toBeUndefined();
  });
});

describe('GraphQL', () => {
  it('reads `extensions.error_code` (New Relic NerdGraph), and an API key in it is unauthenticated', () => {
    expect(fieldsOf(c('new-relic/nerdgraph-bad-api-key-body'), ['vendor', 'code', 'vendorCode'])).toEqual(['graphql', 'unauthenticated', 'BAD_API_KEY']);
  });

  it('is not an `errors[]` whose `path` is a field name (Wise), which the generic layer reads', () => {
    expect(fieldsOf(c('wise/signup-email-not-unique-409'), ['vendor', 'vendorCode'])).toEqual(['generic', 'NOT_UNIQUE']);
  });
});

describe('printouts', () => {
  it('reads oci-go-sdk’s `Service error:<code>. <message>. http status code: 404`', () => {
    expect(c('oracle-cloud-oci/oci-go-servicefailure-404-steampipe').vendorCode).toBe('NotAuthorizedOrNotFound');
  });

  it('reads the status after `returns ` (bunny.net’s CLI)', () => {
    expect(statusInText(corpus('bunny-cdn/bunny-cli-storage-401').body)).toBe(401);
    expect(c('bunny-cdn/bunny-cli-storage-401').code).toBe('unauthenticated');
  });

  it('reads a label before a colon (`err: 1`, Rollbar’s API as a devtools console shows it) as no code', () => {
    expect(c('rollbar/403-insufficient-scope-devtools').vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it.each([
    // ISO 8583 response 05, as card processors word it
    ['rapyd/activemerchant-card-do-not-honor', 'payment_required'],
    ['tencent-cloud/tencent-ruby-sdk-signaturefailure', 'unauthenticated'],
    ['mangopay/ruby-sdk-bank-account-generic', 'invalid_request'],
  ] as const)('%s → %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
