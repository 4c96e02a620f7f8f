/**
 * What the forty-seventh holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a `success: false` beside a `title` in a 200 (Wallos), Semrush's `ERROR 50 :: …` lines,
 * IPP status keywords as CUPS, printers and IPP clients print them, and the words of Donetick, openSenseMap, an RDAP
 * server and Semrush. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT36_DIR, HOLDOUT47_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both } = shapeReaders([HOLDOUT47_DIR, HOLDOUT36_DIR]);

describe('errors inside a 200', () => {
  it.each([
    ['wallos/wallos-invalid-api-key', 'unauthenticated'],
    ['wallos/wallos-not-admin', 'permission_denied'],
  ])('reads `success: false` beside a `title` and little else as the call’s failure (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('leaves a record with a `title`, `success: false` and an `id` a payload', () => {
    expect(classify({ status: 200, body: '{"id": 7, "success": false, "title": "Invalid API key"}' }).vendor).toBeUndefined();
  });
});

describe('printouts', () => {
  it.each([
    ['semrush/semrush-nothing-found', '50', 'not_found'],
    ['semrush/semrush-api-disabled', '130', 'permission_denied'],
  ])('reads Semrush’s `ERROR N :: …` line, its number the code (%s)', (ref, vendorCode, code) => {
    for (const f of both(ref)) expect([f.vendorCode, f.code]).toEqual([vendorCode, code]);
  });

  it.each([
    ['cups/cups-cupsaccept-forbidden', 'client-error-forbidden'],
    ['ipp/ipp-ippserver-not-possible', 'client-error-not-possible'],
    ['ipp/ipp-node-document-format-not-supported', 'client-error-document-format-not-supported'],
    ['ipp/ipp-sharpipp-server-error-busy', 'ServerErrorBusy'],
    ['ipp/ipp-sharpipp-client-error-not-found', 'ClientErrorNotFound'],
  ])('reads an IPP status keyword as the code (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it("takes no code from a JSON message's leading field name, as from a printed one (`image: Provide either…`)", () => {
    for (const f of both('niimblue-node/niimblue-node-print-image-refine')) expect(f.vendorCode).toBeUndefined();
    expect(classify({ status: 400, body: '{"errors": [{"message": "workspace: Missing input"}]}' }).vendorCode).toBeUndefined();
    expect(classify({ status: 429, body: '{"message": "toomanyrequests: You have reached your pull rate limit."}' }).vendorCode).toBe('toomanyrequests');
  });

  it('takes no code from a class named after a client or server error', () => {
    expect(classify({ body: 'org.apache.pulsar.client.admin.PulsarAdminException$ClientErrorException: Namespace already exists' }).vendorCode).not.toBe('ClientErrorException');
    expect(classify({ body: 'Stream error: ServerErrorPayload(code: 5)' }).vendorCode).not.toBe('ServerErrorPayload');
  });
});

describe('words', () => {
  it.each([
    ['donetick/donetick-mfa-verification-required', 'unauthenticated'],
    ['donetick/donetick-invalid-mfa-code', 'unauthenticated'],
    ['opensensemap/opensensemap-sign-in-invalid-credentials', 'unauthenticated'],
    ['rdap/rdap-zdns-access-too-fast', 'rate_limited'],
    ['tt-rss/tt-rss-api-disabled', 'permission_denied'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['IPP keywords that never end', (n: number) => `client-error-${'not-'.repeat(n / 4)}`],
    ['Semrush lines with a number that never ends', (n: number) => `ERROR ${'5'.repeat(n)}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(400, make);
  });
});
