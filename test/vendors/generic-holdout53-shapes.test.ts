/**
 * What the fifty-third holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): an XML-RPC fault (every XML-RPC answer is a 200), an `error_id` in words is a code and never a
 * request's id, ASCOM Alpaca's `ErrorNumber`, AI Horde's `rc`, a login that names the credential it left out, and words.
 * Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT36_DIR, HOLDOUT39_DIR, HOLDOUT53_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both } = shapeReaders([HOLDOUT53_DIR, HOLDOUT39_DIR, HOLDOUT36_DIR]);

describe('an XML-RPC fault in a 200', () => {
  it.each([
    ['rtorrent/rtorrent-xmlrpc-method-not-defined', '-506', 'not_found'],
    ['rtorrent/rtorrent-xmlrpc-content-size-limit', '-509', 'payload_too_large'],
    ['rtorrent/rtorrent-xmlrpc-not-supported', '-501', 'not_implemented'],
    ['nzbget/nzbget-xmlrpc-invalid-parameter-fault', '2', 'invalid_request'],
  ])('%s names %s and is %s', (ref, vendorCode, code) => {
    for (const f of both(ref)) expect([f.vendorCode, f.code]).toEqual([vendorCode, code]);
  });

  it('an XML-RPC answer that is no fault is no error', () => {
    const ok = '<?xml version="1.0"?><methodResponse><params><param><value><string>faultCode</string></value></param></params></methodResponse>';
    expect(classify({ status: 200, body: ok }).code).toBe('unknown');
  });
});

describe('codes', () => {
  it.each([
    ['swarmui/swarmui-invalid-session-id', 'invalid_session_id'],
    ['swarmui/swarmui-unknown-route', 'bad_route'],
  ])('%s: an `error_id` in words is the code, no request id', (ref, vendorCode) => {
    for (const f of both(ref)) expect([f.vendorCode, f.requestId]).toEqual([vendorCode, undefined]);
  });

  it('an `error_id` that is an id stays the request id', () => {
    const f = classify({ status: 500, body: '{"message": "Internal error", "error_id": "a1b2c3d4-e5f6-4711-8000-123456789abc"}' });
    expect(f.requestId).toBe('a1b2c3d4-e5f6-4711-8000-123456789abc');
  });

  it.each([
    ['swarmui/swarmui-login-ratelimit', 'rate_limited'],
    ['swarmui/swarmui-register-username-exists', 'already_exists'],
  ])('%s: a bare `error_id` in a 200 is a failure (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it("ASCOM Alpaca's ErrorNumber in a 200, and AI Horde's `rc` beside its message", () => {
    for (const f of both('ascom-alpaca/ascom-alpaca-invalid-value-1025')) expect(f.vendorCode).toBe('1025');
    for (const f of both('ai-horde/ai-horde-corrupt-prompt')) expect([f.vendorCode, f.code]).toEqual(['CorruptPrompt', 'content_filtered']);
    expect(classify({ status: 200, body: '{"ClientTransactionID": 1, "ServerTransactionID": 2, "ErrorNumber": 0, "ErrorMessage": "", "Value": 5}' }).code).toBe('unknown');
    expect(classify({ status: 500, body: 'cmd=/bin/sh -c skopeo inspect, rc=1, stdout=None' }).vendorCode).not.toBe('1');
  });
});

describe('words', () => {
  it.each([
    ['flood/flood-missing-credentials', 'invalid_request'],
    ['porla/porla-init-missing-username-password', 'invalid_request'],
    ['ai-horde/ai-horde-parallel-requests-printout', 'rate_limited'],
    ['cattr/cattr-banned-enhance-your-calm', 'rate_limited'],
    ['qui/qui-premium-access-required', 'payment_required'],
    ['ankiconnect/ankiconnect-unsupported-action', 'not_implemented'],
    ['ankiconnect/ankiconnect-note-empty', 'invalid_request'],
    ['cross-seed/cross-seed-indexer-test-connection-failed', 'bad_gateway'],
    ['apache-gravitino/gravitino-test-connection-failed-200', 'bad_gateway'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('a 401 that says the username or password is missing stays a refused credential', () => {
    expect(classify({ status: 401, body: '{"message": "Missing username or password."}' }).code).toBe('unauthenticated');
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['an XML-RPC fault string that never ends', (n: number) => `<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>4</int></value></member><member><name>faultString</name><value><string>${'x'.repeat(n)}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(200, make);
  });
});
