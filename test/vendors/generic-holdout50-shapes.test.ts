/**
 * What the fiftieth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a 429 whose caller is "locked" is a throttle, an edge's page a client could not parse under a
 * status past 504 is that status, MarineTraffic's `<ERROR CODE=… DESCRIPTION=…/>`, MELCloud's `ErrorId` and FusionSolar's
 * `failCode`, the Ecovacs plugin's `Failure code N:`, JSON-RPC's -32603 read by its words, and the words device clouds use. Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT50_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both } = shapeReaders([HOLDOUT50_DIR]);

describe('statuses', () => {
  it.each(['openevse/openevse-login-locked', 'openevse/openevse-api-locked-basic-auth'])('%s: a 429 that says "locked" is a throttle', (ref) => {
    for (const f of both(ref)) expect([f.code, f.retry]).toEqual(['rate_limited', 'always']);
  });

  it('a 429 that names another state keeps it', () => {
    expect(classify({ status: 429, body: '{"code":429,"message":"all error codes already cleared"}' }).code).toBe('conflict');
  });

  it("a client's failure to parse an edge's page under a status past 504 is the status's meaning (Cloudflare's 524)", () => {
    for (const f of both('global-fishing-watch/global-fishing-watch-gfwr-524-timeout-html')) expect(f.code).toBe('gateway_timeout');
  });
});

describe("JSON-RPC's catch-all internal error", () => {
  it("is read by its message's words (Snapcast's -32603 \"Stream not found\")", () => {
    expect(classify({ status: 200, body: '{"id": 1, "jsonrpc": "2.0", "error": {"code": -32603, "message": "Stream not found"}}' })).toMatchObject({ code: 'not_found', vendor: 'jsonrpc', vendorCode: '-32603' });
  });

  it('stays internal when its words name nothing sharper', () => {
    expect(classify({ status: 200, body: '{"id": 1, "jsonrpc": "2.0", "error": {"code": -32603, "message": "Internal error"}}' }).code).toBe('internal');
  });
});

describe('codes', () => {
  it.each([
    ['marinetraffic/marinetraffic-keyword-too-short-xml', '11'],
    ['marinetraffic/marinetraffic-fleet-not-found-xml', '6b'],
    ['melcloud/melcloud-login-errorid-1', '1'],
    ['huawei-fusionsolar/huawei-fusionsolar-openapi-401-invalid-interface-access', '401'],
    ['ecovacs/ecovacs-login-incorrect-password-1010-homebridge', '1010'],
  ])('%s names %s', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });
});

describe('words', () => {
  it.each([
    ['ecovacs/ecovacs-login-incorrect-password-1010', 'unauthenticated'],
    ['ecovacs/ecovacs-users-api-auth-error-1004', 'unauthenticated'],
    ['huawei-fusionsolar/huawei-fusionsolar-kiosk-306-user-must-relogin', 'unauthenticated'],
    ['huawei-fusionsolar/huawei-fusionsolar-openapi-407-access-frequency', 'rate_limited'],
    ['roborock/roborock-login-request-too-frequency-9002', 'rate_limited'],
    ['midea-cloud/midea-cloud-value-illegal-in-200', 'invalid_request'],
    ['mylar3/mylar3-api-not-enabled', 'permission_denied'],
    ['open-e-mobility/open-e-mobility-car-catalog-sync-lock', 'conflict'],
    ['open-e-mobility/open-e-mobility-verify-email-wrong-token', 'unauthenticated'],
    ['opendtu/opendtu-config-write-failed', 'internal'],
    ['viessmann-vicare/viessmann-vicare-package-not-paid-for', 'payment_required'],
    ['volumio/volumio-push-url-already-present', 'already_exists'],
    ['volumio/volumio-command-not-recognized', 'invalid_request'],
    ['volumio/volumio-search-no-query', 'invalid_request'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['`Failure code` lines that never end', (n: number) => `Failure code ${'1'.repeat(n)}`],
    ['capital `<ERROR CODE=` elements that never close', (n: number) => `<ERROR CODE="1" DESCRIPTION="${'x'.repeat(n)}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(400, make);
  });
});
