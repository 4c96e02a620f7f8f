/**
 * What the eleventh holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: later holdouts do): a client's own timeout and a connection its
 * resolver or socket never made, as Node prints them; an IP not on the allow list; a declined card;
 * a document or batch over its size; statuses printed as `Response [503]`, `Bad response: 500`,
 * `status: '429'` and after an earlier `code:`; a capitalised `Error` member; IBM Cloud's `trace`;
 * an upper-snake code inside a line; `Error ID:` with its id on the next line; an `errorInformation`
 * member; a PascalCase `type` in `errors[]` that makes no GraphQL response. Every body is a corpus
 * case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { codeByMeaning } from '../../src/vendors/generic/decide.js';
import { statusInText } from '../../src/vendors/generic/printed-status.js';
import { requestIdInText } from '../../src/vendors/generic/request-id.js';
import { corpusResponse, CORPUS_DIR, HOLDOUT4_DIR, HOLDOUT8_DIR, HOLDOUT11_DIR, loadCorpus } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT11_DIR]);

describe('words', () => {
  it.each([
    // node-fetch: "FetchError: request to https://api.expo.dev/graphql failed, reason: connect ETIMEDOUT 104.18.4.104:443"
    ['expo/eas-fetch-connect-etimedout-api-expo-dev', 'connect_failed'],
    // NuGet: "The HTTP request to 'GET …' has timed out after 100000ms."
    ['nuget/nuget-restore-http-request-timed-out-100000ms', 'client_timeout'],
    // WeChat 40164: "invalid ip 114.221.21.30 …, not in whitelist"
    ['wechat/wxjava-40164-ip-not-in-whitelist', 'permission_denied'],
    // CyberSource: "Decline - General decline of the card.", reason PROCESSOR_DECLINED
    ['cybersource/cybersource-node-processor-declined', 'payment_required'],
    // LlamaParse: "Job failed: PDF_TOO_LARGE"
    ['llama-cloud/llamaparse-job-failed-pdf-too-large', 'payload_too_large'],
    // Expo: "You can send a maximum of 100 notifications per request (received 115)"
    ['expo/expo-php-too-many-notifications-per-request', 'payload_too_large'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it.each([
    // axios, a fetch aborted by AbortSignal.timeout: the caller's own deadline, not a server's 408.
    ['timeout of 5000ms exceeded', 'client_timeout'],
    ['TimeoutError: The operation was aborted due to timeout', 'client_timeout'],
    // Node's resolver and socket errors: no connection was made.
    ['connect ECONNREFUSED 127.0.0.1:443', 'connect_failed'],
    ['getaddrinfo ENOTFOUND api.example.com', 'connect_failed'],
    ['getaddrinfo EAI_AGAIN api.example.com', 'connect_failed'],
  ] as const)('%s', (text, code) => {
    expect(codeByMeaning(undefined, undefined, text)).toBe(code);
  });

  it('keeps "too large" said of a time a clock skew, not a size (S3’s RequestTimeTooSkewed)', () => {
    expect(classify(corpusResponse(loadCorpus(CORPUS_DIR), 's3/s3-php-request-time-too-skewed')).code).toBe('unauthenticated');
  });
});

describe('statuses in text', () => {
  it.each([
    // coveralls-node: "Bad response: 500 {"message":"Build processing error.",…}"
    ['coveralls/coveralls-node-500-build-processing-error', 'internal'],
    // coveralls-python: "Failure to submit data. Response [503]: <!DOCTYPE html>…"
    ['coveralls/coveralls-python-503-html-page', 'service_unavailable'],
    // sbt-sonatype: "Unexpected server response: 401 Content access is protected by token"
    ['sonatype-central/ossrh-sbt-401-content-access-protected-by-token', 'unauthenticated'],
    // node-apn: "status: '429', response: { reason: 'TooManyProviderTokenUpdates'}"
    ['apple-apns/node-apn-too-many-provider-token-updates-429', 'rate_limited'],
    // graphql-request: "{ code: 'HTTP_ERROR', message: 'GraphQL Error (Code: 429): …' }"
    ['fauna/fauna-graphql-429-error-code-1015', 'rate_limited'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads Python requests’ `<Response [429]>`, and a cue past its first place', () => {
    expect(statusInText('<Response [429]>')).toBe(429);
    expect(statusInText("{ code: 'HTTP_ERROR', message: 'GraphQL Error (Code: 429)' }")).toBe(429);
  });
});

describe('members', () => {
  it('reads a capitalised `Error` member as the message (OMDb)', () => {
    expect(c('omdb/omdb-invalid-api-key-body-only').code).toBe('unauthenticated');
    expect(c('omdb/omdb-movie-not-found').code).toBe('not_found');
  });

  it('never takes a printout’s `Error: This …` for a code', () => {
    expect(classify(corpusResponse(loadCorpus(HOLDOUT8_DIR), 'braze/web-sdk-invalid-api-key')).vendorCode).toBeUndefined();
  });

  it('reads IBM Cloud’s hex `trace` as the request id, and no tracer’s UUID `trace=`', () => {
    expect(c('ibm-watsonx/spring-ai-watsonx-mistral-invalid-input-argument').requestId).toBe('d0137e9fd349b8f42bdee3ad5fb3be54');
    expect(classify({ status: 401, body: '{"detail":"Unauthorized","trace":"2ea67b21-18ee-4c72-9e2e-7630faf2c7a0"}' }).requestId).toBeUndefined();
  });

  it('reads an upper-snake code inside a line (the Databricks SDK, a JDBC driver’s Thrift header)', () => {
    expect(c('databricks/databricks-sdk-request-limit-exceeded-token-bucket').vendorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(c('databricks/databricks-jdbc-503-temporarily-unavailable-cluster').vendorCode).toBe('TEMPORARILY_UNAVAILABLE');
  });

  it('reads `Error ID:` with its id on the next line (Ghost’s log)', () => {
    expect(c('ghost/ghost-log-403-nopermission-no-authenticated-user').requestId).toBe('bf659eb0-522f-11ea-b642-99045c538f54');
    expect(requestIdInText('Error ID:\n    bf659eb0-522f-11ea-b642-99045c538f54')).toBe('bf659eb0-522f-11ea-b642-99045c538f54');
  });

  it('reads a member named for the error as a nested error (Recurly’s `transaction_error` inside its `error`)', () => {
    expect(classify(corpusResponse(loadCorpus(HOLDOUT4_DIR), 'recurly/v3-transaction-declined-hard')).vendorCode).toBe('invalid_payment_method_hard');
  });

  it('reads Ghost’s `errors[]` with a PascalCase `type` as a flat API’s, not GraphQL’s', () => {
    expect(fieldsOf(c('ghost/ghost-admin-validation-error-posts'), ['code', 'vendor', 'requestId'])).toEqual(['validation_failed', 'generic', 'b50a7fd0-500a-11e9-a8e0-472301ed00b2']);
  });
});
