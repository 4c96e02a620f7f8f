/**
 * What the thirty-third holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): codes under names and forms no list held (OpenProject's `errorIdentifier`,
 * Taiga's `_error_type`, ODK Central's `403.1`, Overseerr's `errors: ["USER_EXISTS"]`, a code set off by a dash,
 * a glossary page per code), a Python printout that opens with `<class '…'>`, runtime errors leaked as the message,
 * fields keyed to lists of error objects, RouterOS' reason phrase beside its `detail`, and words (rights, terms of
 * service, status transitions, a window of "1 day" written with no-break spaces, Django's Http404). Every body is a
 * corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT21_DIR, HOLDOUT28_DIR, HOLDOUT33_DIR, HOLDOUT5_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c, both } = shapeReaders([HOLDOUT33_DIR, HOLDOUT28_DIR, HOLDOUT21_DIR, HOLDOUT5_DIR]);

describe('codes', () => {
  it.each([
    ['openproject/openproject-work-package-not-found', 'urn:openproject-org:api:v3:errors:NotFound', 'not_found'],
    ['openproject/openproject-unsupported-media-type', 'urn:openproject-org:api:v3:errors:TypeNotSupported', 'invalid_request'],
    ['taiga/taiga-transfer-token-invalid', 'taiga.base.exceptions.WrongArguments', 'invalid_request'],
    ['taiga/taiga-permission-denied-es', 'taiga.base.exceptions.PermissionDenied', 'permission_denied'],
  ])('reads `errorIdentifier` and `_error_type` as the code, and “not supported” under a 415 as the status says (%s)', (ref, vendorCode, code) => {
    for (const f of both(ref)) expect([f.vendorCode, f.code]).toEqual([vendorCode, code]);
  });

  it.each([
    ['odk-central/odk-central-403-insufficient-rights', '403.1', 'permission_denied'],
    ['odk-central/odk-central-404-url-decode', '404.1', 'not_found'],
    ['odk-central/odk-central-409-dataset-exists', '409.3', undefined],
  ])('reads a status with a sub-number as the vendor’s code, and rights the caller lacks as a refusal (%s)', (ref, vendorCode, code) => {
    for (const f of both(ref)) {
      expect(f.vendorCode).toBe(vendorCode);
      if (code !== undefined) expect(f.code).toBe(code);
    }
  });

  it('reads a SCREAMING_SNAKE code listed under `errors` beside the message (Overseerr)', () => {
    for (const f of both('overseerr/overseerr-user-exists')) expect(f.vendorCode).toBe('USER_EXISTS');
  });

  it('reads a SCREAMING_SNAKE code set off from its message by a dash (TheCatAPI)', () => {
    for (const f of both('thecatapi/thecatapi-missing-api-key')) expect(f.vendorCode).toBe('AUTHENTICATION_ERROR');
  });

  it.each([
    ['petfinder/petfinder-invalid-params-type', 'ERR-00002'],
    ['petfinder/petfinder-token-invalid-client', 'invalid_client'],
    ['petfinder/petfinder-missing-authorization', undefined],
  ])('reads the code a problem’s glossary page names, but neither a status page nor the status again (%s)', (ref, vendorCode) => {
    expect(c(ref).vendorCode).toBe(vendorCode);
  });

  it('reads a Python printout that opens with `<class …>` as a printout, not a page', () => {
    expect(fieldsOf(c('pi-hole/pi-hole-api-seats-exceeded'), ['vendor', 'vendorCode'])).toEqual(['generic', 'api_seats_exceeded']);
  });

  it('takes no code from the HTTP client an app names before its error (`client: timeout exceeded`)', () => {
    for (const f of both('adguard-home/adguard-home-filter-fetch-timeout')) expect(f.vendorCode).toBeUndefined();
  });
});

describe('members', () => {
  it('reads Conduit’s `error_info` as the message, and Mathpix’s `error_info` object as the error', () => {
    for (const f of both('phabricator/phabricator-conduit-invalid-constraint')) expect(f.code).toBe('invalid_request');
    for (const f of both('mathpix/mathpix-docs-error-handling-example')) expect(f.vendorCode).toBe('http_max_requests');
  });

  it.each([
    ['truenas/truenas-nfs-share-null-networks-422'],
    ['truenas/truenas-nfs-share-extra-fields-422'],
    ['truenas/truenas-dataset-create-unexpected-field'],
  ])('reads a body keyed by field, each a list of error objects, as a field-level rejection (%s)', (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('validation_failed');
  });

  it('reads the `detail` beside a reason phrase as the message, and leaves such a body to the generic layer (RouterOS)', () => {
    for (const f of both('mikrotik-routeros/mikrotik-routeros-user-already-exists')) expect([f.vendor, f.code]).toEqual(['generic', 'already_exists']);
  });
});

describe('words', () => {
  it.each([
    ['etherpad/etherpad-internal-error'],
    ['opnsense/opnsense-api-exception-array-to-string'],
    ['trendyol/trendyol-system-exception-printr'],
  ])('reads a runtime’s error leaked as the message as the server failing, with no status (%s)', (ref) => {
    for (const f of both(ref)) expect([f.code, f.retry]).toEqual(['internal', 'idempotent']);
  });

  it('still reads a log line’s “[ERROR]” beside a vendor’s sharper words by the words (Zhipu’s balance)', () => {
    for (const f of both('zhipu/balance-1113-upstream-429-log')) expect(f.code).toBe('payment_required');
  });

  it.each([
    ['adguard-home/adguard-home-json-body-too-large', 'payload_too_large'],
    ['audiobookshelf/audiobookshelf-share-already-exists', 'already_exists'],
    ['farmbot/farmbot-tos-consent', 'permission_denied'],
    ['farmbot/farmbot-not-json', 'invalid_request'],
    ['paperless-ngx/paperless-ngx-ai-suggestions-timeout', 'gateway_timeout'],
    ['yandex-market/yandex-market-order-status-transition', 'conflict'],
    ['yandex-market/yandex-market-420-daily-resource-limit', 'quota_exhausted'],
    ['taiga/taiga-epic-not-found', 'not_found'],
    ['the-things-stack/the-things-stack-docs-issue-454-cli-list-api-keys', 'permission_denied'],
  ])('reads what the words say (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
