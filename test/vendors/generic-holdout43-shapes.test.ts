/**
 * What the forty-third holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): RESTCONF's errors (RFC 8040 §7.1: `error-tag` and `error-message`, in JSON under
 * `errors.error` and in XML), Cisco APIC's `imdata[].error.attributes`, brainCloud's `reason_code`, a snake_case problem
 * `title` over a `type` linking a page of many (Lotus), a controller's `APIC Error 122:` and GROBID's `[BAD_INPUT_DATA]`
 * printed codes, Airship's reason phrase beside its own `error_code`, a `retry: false` in the error body, and Python
 * jsonschema's words for a field left out or not expected. Every body is a corpus case (its `source` says where it was
 * copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT43_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT43_DIR]);

describe('RESTCONF (RFC 8040 §7.1)', () => {
  it.each([
    ['opendaylight/opendaylight-patch-multiple-values', 'invalid_request', 'malformed-message'],
    ['opendaylight/opendaylight-patch-unknown-element', 'invalid_request', 'unknown-element'],
  ])('reads `errors.error[]` as the error list, its `error-tag` as the code (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('reads an XML `<error-tag>` beside its `<error-message>`', () => {
    for (const f of both('opendaylight/opendaylight-patch-missing-edit-id-xml')) expect(fieldsOf(f, ['vendorCode', 'message'])).toEqual(['missing-element', "Missing required element 'edit-id'"]);
  });
});

describe('members', () => {
  it('reads Cisco APIC’s `imdata[].error.attributes` (a failed login with no status)', () => {
    for (const f of both('cisco-aci/cisco-aci-login-failed-json')) expect(f.code).toBe('unauthenticated');
  });

  it.each(['braincloud/braincloud-app-system-disabled', 'braincloud/braincloud-app-version-obsolete'])('reads brainCloud’s `reason_code` as the code (%s)', (ref) => {
    for (const f of both(ref)) expect(f.vendorCode).toMatch(/^403\d\d$/);
  });

  it.each([
    ['lotus/lotus-duplicate-customer-id', 'duplicate_resource'],
    ['lotus/lotus-subscription-not-found', 'resource_not_found'],
  ])('reads a snake_case problem `title` over a `type` that links a page of many (%s)', (ref, vendorCode) => {
    expect(c(ref).vendorCode).toBe(vendorCode);
  });

  it('reads a reason phrase under `error` beside the vendor’s own `error_code` as the status in words (Airship’s 40101)', () => {
    expect(c('airship/airship-unauthorized-40101').vendorCode).toBe('40101');
  });

  it('reads a `retry: false` in the error body as the server’s verdict (Flynn’s 500)', () => {
    for (const f of both('flynn/flynn-unknown-error')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['internal', 'never']);
  });

  it('leaves a `retry: true` to the class of the failure', () => {
    expect(classify({ status: 429, body: '{"code": "ratelimit", "message": "Too many requests", "retryable": true}' }).retry).toBe('always');
    expect(classify({ status: 400, body: '{"code": "bad_input", "message": "Bad input", "retryable": true}' }).retry).toBe('never');
  });
});

describe('printouts', () => {
  it.each([
    ['cisco-aci/cisco-aci-rest-unknown-class', '122'],
    ['cisco-aci/cisco-aci-property-validation', '801'],
  ])('reads a controller’s `APIC Error N:` as the code when N is no status (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('takes no code from `APIC Error 400:`, the status', () => {
    for (const f of both('cisco-aci/cisco-aci-rest-unknown-attribute')) expect(f.vendorCode).toBeUndefined();
  });

  it.each([
    ['grobid/grobid-bad-input-data-converting-pdf', 'BAD_INPUT_DATA'],
    ['grobid/grobid-no-blocks-empty-content', 'NO_BLOCKS'],
  ])('reads a SCREAMING_SNAKE code in brackets opening a line (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('takes no code from a bracketed log level or component name', () => {
    expect(classify({ body: '[ERROR] Request failed with status code 403' }).vendorCode).toBeUndefined();
    expect(classify({ body: '[API] Invalid API key or access token' }).vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it.each([
    ['stackstorm/stackstorm-required-parameter-missing', 'validation_failed'],
    ['stackstorm/stackstorm-issue-action-required', 'validation_failed'],
    ['stackstorm/stackstorm-additional-property', 'validation_failed'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['bracketed codes that never close', (n: number) => `[BAD${'_INPUT'.repeat(n / 6)}`],
    ['controller errors whose number never ends', (n: number) => `APIC Error ${'1'.repeat(n)}`],
    ['RESTCONF error lists nested without end', (n: number) => `{"errors": {"error": [${'{"errors": {"error": ['.repeat(n / 24)}`],
    ['XML error tags that never close', (n: number) => `<errors><error><error-tag>${'a'.repeat(n)}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(400, make);
  });
});
