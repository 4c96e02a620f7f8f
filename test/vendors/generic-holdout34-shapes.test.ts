/**
 * What the thirty-fourth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): mod.io's `error_ref`, CKAN's `__type` in words, a number's name beside it,
 * Infisical's `reqId` and Kong's request-id header, a wait in a whole `response`, an ACME problem's URN in a printout,
 * codes after `Error Code:` and in brackets, names that open a printout and are no code (a client's, .NET's log level),
 * and words (a schema's validation, what must be deleted first, a module already loaded, a required credential under a
 * 422). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT15_DIR, HOLDOUT34_DIR, HOLDOUT3_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both } = shapeReaders([HOLDOUT34_DIR, HOLDOUT15_DIR, HOLDOUT3_DIR]);

describe('members', () => {
  it.each([
    ['mod-io/mod-io-rate-limited-11008', '11008'],
    ['mod-io/mod-io-mod-not-found-14000', '14000'],
  ])('reads mod.io’s `error_ref` before the status its `code` restates (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each([
    ['ckan/ckan-group-create-authz-403', 'Authorization Error'],
    ['ckan/ckan-datastore-search-not-found', 'Not Found Error'],
  ])('reads CKAN’s `__type` in words as the code (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('reads the name beside a numeric code for its meaning (ZeroSSL’s `certificate_not_found`)', () => {
    for (const f of both('zerossl/zerossl-rest-certificate-not-found')) expect([f.vendorCode, f.code]).toEqual(['2803', 'not_found']);
  });

  it('reads Infisical’s `reqId` and Kong’s `x-kong-request-id` as the request id', () => {
    for (const f of both('infisical/infisical-project-not-found')) expect(f.requestId).toBe('req-abc123');
    for (const f of both('pirate-weather/pirate-weather-500-kong')) expect(f.requestId).toBe('71584c725a4e78095f40ad4e6be2ba4a');
  });

  it.each([
    ['adsbdb/adsbdb-rate-limited-60s', 60_000],
    ['adsbdb/adsbdb-rate-limited-300s', 300_000],
  ])('reads a wait stated in a whole `response` (“rate limited for 60 seconds”) (%s)', (ref, ms) => {
    for (const f of both(ref)) expect(f.retryAfterMs).toBe(ms);
  });
});

describe('printouts', () => {
  it.each([
    ['zerossl/zerossl-acme-bad-jws-signature', 'urn:ietf:params:acme:error:malformed'],
    ['letsencrypt/lego-failed-authorizations-recently', 'urn:ietf:params:acme:error:rateLimited'],
    ['hyperledger-fabric-ca/hyperledger-fabric-ca-already-registered-cli', '74'],
    ['modrinth/modrinth-duplicate-file', 'invalid_input'],
  ])('reads an ACME problem’s URN, a number after `Error Code:` and a dash, a code in brackets (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each([
    ['watttime/watttime-invalid-scope'],
    ['watttime/watttime-403-cloudfront-2024'],
    ['pinecone/ts-legacy-upsert-dimension'],
  ])('takes no code from a client’s name or a .NET log level that opens the printout (%s)', (ref) => {
    for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it.each([
    ['speedrun-com/speedrun-com-run-schema-validation', 'validation_failed'],
    ['osf/osf-delete-project-with-children-400', 'conflict'],
    ['node-red/node-red-module-already-loaded', 'already_exists'],
    ['cyberark-conjur/cyberark-conjur-issuer-missing-param', 'validation_failed'],
  ])('reads what the words say (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
