/**
 * What the twenty-ninth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do). Most are standards many vendors share: JSON-RPC 2.0's reserved codes, an
 * RFC 9457 problem's `code` extension, AWS X-Ray and W3C Trace Context ids, Cloud Foundry's router page, Django REST
 * framework's bare list of messages, .NET's timeout; and lexicon words (a state transition refused, a password or token
 * called invalid or wrong, a scraping API's target that failed). Every body is a corpus case (its `source` says where
 * it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT20_DIR, HOLDOUT29_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c, g } = shapeReaders([HOLDOUT29_DIR, HOLDOUT20_DIR]);

describe('standards', () => {
  it('reads JSON-RPC 2.0’s -32601 as a missing method wherever an error object carries it (Moonraker’s websocket log)', () => {
    for (const f of [c('moonraker/moonraker-telegram-bot-jsonrpc-method-not-found'), g('moonraker/moonraker-telegram-bot-jsonrpc-method-not-found')]) {
      expect([f.code, f.vendorCode]).toEqual(['not_implemented', '-32601']);
    }
  });

  it.each([
    ['zenrows/zenrows-cli-auth004-usage-exceeded', 'AUTH004'],
    ['zenrows/zenrows-cli-reqs001-forbidden-domain', 'REQS001'],
  ])('takes a problem’s `code` extension before the `type` page that documents it (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it.each([
    ['qobuz/qobuz-orpheus-login-auth-required', 'Root=1-69ec8f93-5ed141636423afde3e07ea4d'],
    // A `track_id=` in the URL before it is a label with no id: the X-Ray root is still read.
    ['qobuz/qobuz-lavasrc-getfileurl-bad-request-sig', 'Root=1-6a396a0a-6443e3411ba8e1b70bbe7d7c'],
  ])('takes an AWS X-Ray trace id printed in a message as the request id (%s)', (ref, id) => {
    expect(c(ref).requestId).toBe(id);
    expect(g(ref).requestId).toBe(id);
  });

  it.each([
    ['prodigi/prodigi-v4-order-get-unknown-id', '00-40a26332230ae9f1ae63512c0a94fdb9-5a27efc78bbf5d47-00', 'EntityNotFound'],
    ['onshape/onshape-kol-modelexport-500-support-code', '84953efa5f3e31be76df238e', undefined],
  ])('takes a `traceParent` or `supportCode` member as the request id (%s)', (ref, id, code) => {
    expect(fieldsOf(c(ref), ['requestId', 'vendorCode'])).toEqual([id, code]);
  });

  it('reads a Ray ID that a Cloudflare page wraps in a tag', () => {
    expect(c('bambu-lab-cloud/bambu-lab-cloud-cn-cloudflare-504-gateway-timeout').requestId).toBe('93c52078dfda50b6');
    expect(g('bambu-lab-cloud/bambu-lab-cloud-cn-cloudflare-504-gateway-timeout').requestId).toBe('93c52078dfda50b6');
  });

  it('reads Cloud Foundry’s “Requested route (…) does not exist” 404 as a service with no instance, retried', () => {
    expect(fieldsOf(c('schwab/schwab-trader-accounts-route-does-not-exist'), ['code', 'retry'])).toEqual(['service_unavailable', 'always']);
  });

  it('reads Django REST framework’s bare list of messages under an error status', () => {
    expect(c('lulu/lulu-print-api-cancel-invalid-transition').code).toBe('conflict');
    expect(c('lulu/lulu-print-api-webhook-test-invalid-topic').code).toBe('invalid_request');
  });

  it('reads .NET’s “The operation has timed out.” as the client’s own deadline', () => {
    expect(fieldsOf(g('acoustid/acoustid-lidarr-lookup-timeout'), ['code', 'retry'])).toEqual(['client_timeout', 'idempotent']);
  });
});

describe('members and printed codes', () => {
  it.each([
    ['kotak-neo/kotak-neo-place-order-client-orderid-exists-5204', '5204', 'already_exists'],
    ['prodigi/prodigi-v4-order-create-empty-recipient', 'ValidationFailed', 'validation_failed'],
  ])('reads `stCode` and `outcome` as codes (%s)', (ref, vendorCode, code) => {
    expect(fieldsOf(c(ref), ['vendorCode', 'code'])).toEqual([vendorCode, code]);
  });

  it('reads Pwinty’s `statusTxt` as the message', () => {
    expect(c('prodigi/prodigi-pwinty-v3-status-transition-invalid').message).toMatch(/^Transition to state AwaitingPayment/);
  });

  it.each([
    ['acoustid/acoustid-beets-submit-rate-limit-14', '14'],
    ['oanda/oanda-v1-malformed-account-id-code-52', '52'],
  ])('reads a number printed after “error” or “returned error code” (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('leaves a bare `{"code": 0, "message": …}` to the generic layer, not Discord (whose code 0 names its status)', () => {
    expect(fieldsOf(c('n8n/n8n-cloud-webhook-workflow-could-not-be-started'), ['vendor', 'vendorCode'])).toEqual(['generic', undefined]);
  });
});

describe('words', () => {
  it.each([
    ['lulu/lulu-print-api-cancel-invalid-transition'],
    ['prodigi/prodigi-pwinty-v3-status-transition-invalid'],
  ])('reads a refused state transition as a conflict (%s)', (ref) => {
    expect(c(ref).code).toBe('conflict');
  });

  it.each([
    ['angel-one/angel-one-docs-login-invalid-ab1007'],
    ['scrapingant/scrapingant-python-client-wrong-token'],
  ])('reads a password called invalid, a token called wrong, as credentials refused (%s)', (ref) => {
    expect(c(ref).code).toBe('unauthenticated');
  });

  it('reads “invalid input” and “missing required parameter” as a bad request, not a rejection by field', () => {
    expect(c('acoustid/acoustid-submit-missing-client-param').code).toBe('invalid_request');
    // Errors keyed by field under a nested member stay a rejection by field (PlayFab's `errorDetails`).
    expect(c('playfab/playfab-csdk-gamesave-finalize-manifest-100-files').code).toBe('validation_failed');
  });

  it('leaves a 403 that hedges between missing and forbidden to its status', () => {
    expect(c('onshape/onshape-to-robot-standard-content-403').code).toBe('permission_denied');
  });

  it.each([
    ['scrapingant/scrapingant-anti-bot-detected-423'],
    ['zenrows/zenrows-node-sdk-could-not-get-content'],
    ['apple-music/apple-music-library-albums-upstream-50001'],
  ])('reads a target site or upstream service that failed as a bad gateway (%s)', (ref) => {
    expect(fieldsOf(c(ref), ['code', 'retry'])).toEqual(['bad_gateway', 'idempotent']);
  });
});
