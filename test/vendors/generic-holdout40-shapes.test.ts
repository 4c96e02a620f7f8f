/**
 * What the fortieth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): member names (Worldpay's `customCode`, Yapily's `tracingId` and `issues[]`, Fronius'
 * `Head.Status`, API Platform's `hydra:description`, EBANX's string `status_code` beside its `status_message`), a status in
 * words that is no code (Yapily's `"status": "BAD_REQUEST"`, Yii's `"name": "Forbidden"`, Umbraco's problem `type` "Error",
 * Angular's `HttpErrorResponse`, Drupal's error `id` that is a path), request-id headers (`requestid`,
 * `http-correlation-id` before Cloudflare's ray), XML codes in an `<error code>` attribute and a UPnP fault's
 * `<errorCode>`, errors in a 200 (`success: false` beside a message, GraphQL's errors as data), a JSON-RPC server error
 * that says it timed out, apollo-errors' class, a client's `Error Code:` printout, and words. Every body is a corpus
 * case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT36_DIR, HOLDOUT40_DIR, HOLDOUT9_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT40_DIR]);

describe('members', () => {
  it.each([
    ['yapily/yapily-401-credentials-missing', 'CREDENTIALS_MISSING'],
    ['yapily/yapily-401-credentials-not-authenticated', '10700'],
    ['yapily/yapily-404-resource-not-found', '10800'],
  ])('reads Yapily’s `issues[]` under its error, and its `tracingId` (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['vendorCode', 'requestId'])).toEqual([vendorCode, '0c2d0973bdd24224a65e5d0f7d1b6154']);
  });

  it('reads Yapily’s issue code under a SCREAMING reason phrase as its `status`, which is no code and no Google status (default classify too)', () => {
    for (const f of both('yapily/yapily-406-max-resources-reached')) expect(f.vendorCode).toBe('14007');
    for (const f of both('yapily/yapily-400-extend-consent-future-date')) expect(f.vendorCode).toBeUndefined();
  });

  it.each([
    ['worldpay/worldpay-online-error-parsing-json', 'ERROR_PARSING_JSON'],
    ['worldpay/worldpay-online-unauthorized-principal', 'UNAUTHORIZED'],
  ])('reads Worldpay’s `customCode` (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each([
    ['fronius/fronius-invalid-datacollection-parameter', 'invalid_request', '6'],
    ['fronius/fronius-storage-request-not-supported', 'not_implemented', '255'],
  ])('reads the Solar API’s `Head.Status` code and reason (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('reads API Platform’s `hydra:description` (Sylius)', () => {
    for (const f of both('sylius/sylius-delete-product-in-use')) expect(f.code).toBe('conflict');
  });

  it.each([
    ['ebanx/ebanx-integration-key-not-found', 'BP-SA-1'],
    ['ebanx/ebanx-invalid-integration-key', 'BP-SA-2'],
  ])('reads a code-shaped string `status_code` beside its `status_message` (%s), and an integration key as a credential', (ref, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['unauthenticated', vendorCode]);
  });

  it.each([
    ['craft-cms/craft-gql-schema-no-site-access', 'Yii’s reason phrase as `name` beside the status'],
    ['umbraco/umbraco-mgmt-member-group-duplicate-name', 'a problem’s `type` of bare "Error"'],
    ['homebridge/homebridge-ui-angular-401-printout', 'Angular’s `HttpErrorResponse`'],
  ])('takes no vendor code from %s (%s)', (ref) => {
    for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
  });

  it('takes no request id from a JSON:API error `id` that is a path (Drupal)', () => {
    expect(c('drupal/drupal-jsonapi-forbidden-create-files-permission').requestId).toBeUndefined();
  });

  it('reads Afterpay’s `http-correlation-id` before Cloudflare’s ray, and Worldpay’s `requestid`', () => {
    for (const f of both('afterpay/afterpay-get-unknown-payment')) expect(f.requestId).toBe('kaml4u6rplasbgh7a7b5rjlb54');
    for (const f of both('worldpay/worldpay-online-error-parsing-json')) expect(f.requestId).toBe('ef0e0b6b-8a50-4810-b8d1-bbc77d1a7753');
  });

  it('reads apollo-errors’ class beside its `time_thrown` in GraphQL errors (Keystone 5)', () => {
    expect(c('keystone/keystone-ks5-access-denied-update-mutation').vendorCode).toBe('AccessDeniedError');
  });
});

describe('XML', () => {
  it.each([
    ['worldpay/worldpay-wpg-could-not-find-order', '7'],
    ['worldpay/worldpay-wpg-could-not-find-payment', '5'],
    ['rundeck/rundeck-xml-unauthorized-no-token', 'unauthorized'],
  ])('reads an `<error code="…">` with no message attribute (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('reads a UPnP fault’s `<errorCode>` over its `s:Client` (Sonos)', () => {
    for (const f of both('sonos/sonos-upnp-soap-fault-701-transition-not-available')) expect(f.vendorCode).toBe('701');
  });
});

describe('errors in a 200', () => {
  it.each([
    ['docspell/docspell-tag-already-exists', 'already_exists'],
    ['uvdesk/uvdesk-agent-email-exists', 'already_exists'],
  ])('reads `{"success": false, "message": …}` as an error (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it.each([
    ['vendure/vendure-email-address-in-use', 'already_exists', 'EMAIL_ADDRESS_IN_USE'],
    ['vendure/vendure-insufficient-stock-error-result', 'conflict', 'INSUFFICIENT_STOCK_ERROR'],
    ['keystone/keystone-authenticate-with-password-failure', 'unauthenticated', undefined],
  ])('reads GraphQL’s errors as data: the one field’s result that names an error (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('reads a JSON-RPC server error that says its call timed out as a gateway timeout (OpenWrt’s uhttpd -32003)', () => {
    expect(fieldsOf(c('openwrt/openwrt-ubus-request-timed-out'), ['code', 'vendorCode'])).toEqual(['gateway_timeout', '-32003']);
  });
});

describe('printouts', () => {
  it('reads a client’s `Error Code: …` printout as the generic layer does, not as Cloudflare’s `error code: 1020` (Worldpay .NET)', () => {
    const f = c('worldpay/worldpay-online-token-not-found');
    expect(f.vendor).toBe('generic');
    expect(f.code).toBe('not_found');
  });
});

describe('words', () => {
  it.each([
    [HOLDOUT40_DIR, 'eventstoredb/eventstoredb-wrong-expected-version', 'conflict'],
    [HOLDOUT40_DIR, 'spree-commerce/spree-v3-insufficient-stock', 'conflict'],
    [HOLDOUT40_DIR, 'soketi/soketi-low-on-memory-500', 'overloaded'],
    [HOLDOUT40_DIR, 'freescout/freescout-ajax-message-too-large', 'payload_too_large'],
    [HOLDOUT40_DIR, 'manticore-search/manticore-search-query-string-syntax-error', 'invalid_request'],
    [HOLDOUT40_DIR, 'manticore-search/manticore-search-bulk-unsupported-value-type', 'invalid_request'],
    [HOLDOUT36_DIR, 'trino/trino-syntax-error-in-200', 'invalid_request'],
    [HOLDOUT9_DIR, 'dynatrace/dynatrace-sso-html-instead-of-json', 'malformed_response'],
  ])('%s is %s', (dir, ref, code) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['`<error code>` elements never closed', (n: number) => '<error code="7"><![CDATA['.repeat(n / 25)],
    ['UPnP faults with no error code', (n: number) => `<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring>${'<errorCode>'.repeat(n / 11)}`],
    ['status codes that never end', (n: number) => `{"status_message": "x", "status_code": "A${'1'.repeat(n)}`],
    ['JSON-RPC errors whose message says nearly timed out', (n: number) => `{"jsonrpc":"2.0","id":1,"error":{"code":-32003,"message":"${'request timed ou'.repeat(n / 16)}"}}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(200, make);
  });
});
