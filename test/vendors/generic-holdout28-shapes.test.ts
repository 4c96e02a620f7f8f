/**
 * What the twenty-eighth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): a FHIR OperationOutcome's `diagnostics` and its id, HTX's `err-code` and
 * `err-msg`, an exception an SDK printed under a 200, gRPC statuses as Python's and C#'s clients print them, Envoy's
 * words under a 502, a wait after "suspended for", and lexicon words. Every body is a corpus case (its `source` says
 * where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT8_DIR, HOLDOUT28_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT28_DIR, HOLDOUT8_DIR]);

describe('FHIR OperationOutcome', () => {
  it.each([
    ['azure-api-for-fhir/azure-api-for-fhir-postman-tutorial-docs-issue-27324', 'unauthenticated', 'login'],
    ['hapi-fhir/hapi-fhir-patient-post-kryon-issue-54', 'invalid_request', 'HAPI-0450'],
  ])('reads an issue’s `diagnostics` as its message (%s)', (ref, code, vendorCode) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('takes the outcome’s own id beside its issues as the request id', () => {
    expect(c('azure-api-for-fhir/azure-api-for-fhir-diagnosticreport-post-issue-536').requestId).toBe('bd982592-509b-42c2-be8f-90fc304869bb');
  });
});

describe('codes', () => {
  it.each([
    ['htx/htx-ccxt-limit-price-bound-pr-3530', 'order-limitorder-price-max-error'],
    ['htx/htx-go-fetch-balance-issue-25931', 'api-signature-not-valid'],
  ])('reads HTX’s `err-code` (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it.each([
    ['doordash/doordash-cli-order-preview-address-service-issue-33', 'UNAUTHENTICATED'],
    ['google-document-ai/google-document-ai-dotnet-process-online-invoice', 'PermissionDenied'],
  ])('reads a gRPC status as Python’s and C#’s clients print it (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('leaves Python’s StatusCode.UNKNOWN to the code the server’s words give', () => {
    expect(c('zilliz-milvus/zilliz-cloud-auth-check-failure-truncated').vendorCode).toBe('1');
  });
});

describe('an exception printed under a 200', () => {
  it.each([
    ['azure-document-intelligence/azure-document-intelligence-dotnet-copy-model-operation-poll', 'InternalServerError', 'e3b22cc2-1fe8-4b9f-a2fd-4e298eefe9fa'],
    ['azure-document-intelligence/azure-document-intelligence-dotnet-custom-forms-result-poll', '3014', 'd534bc7b-85af-4215-a6c1-c11c9ceb7988'],
  ])('is a fault, read as any printout (%s)', (ref, vendorCode, requestId) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode', 'requestId'])).toEqual(['internal', vendorCode, requestId]);
  });
});

describe('statuses and waits', () => {
  it('keeps a 502 under Envoy’s words for a reset upstream', () => {
    expect(c('gotenberg/gotenberg-report-api-prod-conversion-call').code).toBe('bad_gateway');
  });

  it('reads the wait after "suspended for"', () => {
    expect(c('trongrid/trongrid-docs-v1-shape-frequency').retryAfterMs).toBe(30_000);
  });
});

describe('lexicon words', () => {
  it.each([
    ['google-document-ai/google-document-ai-online-process-raw-document-bytes', 'payload_too_large'],
    ['google-earth-engine/google-earth-engine-xee-computepixels-chunk-50', 'payload_too_large'],
    ['usda-nass-quickstats/usda-nass-quickstats-rnassqs-census-hogs-ak-23', 'payload_too_large'],
    ['mexc/mexc-go-demo-account-issue-42', 'unauthenticated'],
    ['bitget/bitget-fetch-withdrawals-issue-27037', 'unauthenticated'],
    ['fatsecret/fatsecret-kit-objc-foods-search-timestamp-issue-7', 'unauthenticated'],
    ['fatsecret/fatsecret-node-oauth-server-api-xml-issue-336', 'unauthenticated'],
    ['copernicus-cds/copernicus-cds-mcera5-request-era5-16', 'permission_denied'],
    ['fatsecret/fatsecret-android-rest-foods-search-ip-issue-5', 'permission_denied'],
    ['amazon-ses/amazon-ses-wordpress-smtp-plugin-test-email', 'permission_denied'],
    ['amazon-ses/amazon-ses-platform-mail-alarm-request', 'permission_denied'],
    ['htx/htx-usdt-swap-isolated-order-issue-5', 'payment_required'],
    ['hapi-fhir/hapi-fhir-practitioner-update-issue-5288', 'conflict'],
    ['gotenberg/gotenberg-libreoffice-big-docx-long-conversion', 'connection_reset'],
    ['microsoft-planetary-computer/microsoft-planetary-computer-pystac-search-sentinel2-240', 'gateway_timeout'],
    ['htx/htx-vnpy-active-orders-query-issue-2830', 'rate_limited'],
    ['mathpix/mathpix-latex-endpoint-image-resize', 'internal'],
    ['hapi-fhir/hapi-fhir-implementationguide-expunge-issue-1808', 'internal'],
    ['bitget/bitget-swap-limit-order-issue-9388', 'invalid_request'],
    ['aws-textract/aws-textract-lambda-analyze-document-multipage-pdf', 'invalid_request'],
  ])('%s is %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
