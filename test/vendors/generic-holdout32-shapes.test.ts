/**
 * What the thirty-second holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): an exception's name beside a DRF `detail`, a W3C `traceparent` under a name no
 * list holds, Go's encoding/json errors, Perl LWP's made-up 500, Zod's bounds, a list of the fields refused, and a
 * nested error's `path`. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT30_DIR, HOLDOUT32_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c, g } = shapeReaders([HOLDOUT32_DIR, HOLDOUT30_DIR]);

describe('members', () => {
  it('reads the exception a DRF handler names beside its `detail` as the code (Openverse’s `"error": "InputError"`)', () => {
    expect(c('openverse/openverse-search-input-error-400').vendorCode).toBe('InputError');
  });

  it.each([
    ['ksef/ksef-400-21301-token-redeem-not-ready', '00-33cc922011693101704796ecf34d2aa1-7e031ba711fc8d68-00'],
    ['ksef/ksef-500-certificate-enrollment-unexpected', '00-20c9c072dfb06d82cd119800396658c3-aae6596e1c02e020-00'],
  ])('reads a W3C traceparent as the request id under any name (KSeF’s `serviceCode`) (%s)', (ref, id) => {
    expect([c(ref).requestId, g(ref).requestId]).toEqual([id, id]);
  });

  it.each([
    ['shlink/shlink-invalid-data-create-short-url', c],
    ['shlink/shlink-invalid-data-create-short-url', g],
  ])('reads a list of the fields refused as a field-level rejection (Shlink’s `invalidElements`) (%s)', (ref, run) => {
    expect(run(ref).code).toBe('validation_failed');
  });

  it.each([
    ['facturapi/facturapi-400-invalid-request-required-field'],
    ['tango-card/tango-card-order-invalid-sender-email'],
  ])('reads a nested error’s dotted `path` as the field it names (%s)', (ref) => {
    expect([c(ref).code, g(ref).code]).toEqual(['validation_failed', 'validation_failed']);
  });
});

describe('words', () => {
  it('reads Go’s `json: unknown field` as a refused request, and `json` as no code', () => {
    expect(fieldsOf(g('tailscale/tailscale-keys-unknown-json-field'), ['code', 'vendorCode'])).toEqual(['invalid_request', undefined]);
  });

  it('reads Perl LWP’s `500 Can’t connect to …` as a connection never made, not a server’s 500', () => {
    expect(fieldsOf(g('space-track/space-track-login-certificate-verify-failed'), ['code', 'retry'])).toEqual(['connect_failed', 'always']);
  });

  it('reads Zod’s “Too big: expected …” as a field’s value, not the request’s size', () => {
    expect([c('dub/dub-create-link-utm-source-too-long').code, g('dub/dub-create-link-utm-source-too-long').code]).toEqual(['validation_failed', 'validation_failed']);
  });

  it('reads “No data returned for …” as nothing found', () => {
    expect(g('noaa-coops/noaa-coops-sdk-no-data-returned-conductivity').code).toBe('not_found');
  });
});
