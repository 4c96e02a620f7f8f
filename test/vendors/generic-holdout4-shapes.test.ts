/**
 * What the fourth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: the fifth holdout does): the flat `{error, message}` whose code the common
 * table lacks is left to the generic layer (FastAPI's `{detail}` is not: its renderer's sentences must
 * round-trip); statuses printed as a tuple's first member, after `Error:`, in `error (422)`, in a padded `bad response  429`;
 * `error_name`, `error_msg` and `logRef` members; and wording many vendors use. Every body is a corpus
 * case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { classify } from '../../src/entry/default-classifier.js';
import { fastapiProfile } from '../../src/vendors/fastapi.js';
import { statusInText } from '../../src/vendors/generic/printed-status.js';
import { meaningOf } from '../../src/vendors/generic/lexicon.js';
import { corpusResponse, HOLDOUT4_DIR, HOLDOUT5_DIR, loadCorpus } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { stringWork } from '../support/string-work.js';

const { files, c } = shapeReaders([HOLDOUT4_DIR]);
const corpus = (ref: string) => corpusResponse(files, ref);

describe('shape profiles and the words their table lacks', () => {
  it('FastAPI `detail` sentences are read by their meaning under a status, as problem+json details are; plain words round-trip', () => {
    // The round-trip property renders plain words only (test/vendors/roundtrip-support.ts): a 400 whose message holds
    // "jwt" (its counterexample, seed -2050010593) says a credential to every reader that weighs words under the status.
    expect(classify(fastapiProfile.render!(createFault({ code: 'invalid_request', message: 'Aaa bbb' })), { now: 0 }).code).toBe('invalid_request');
    expect(classify(fastapiProfile.render!(createFault({ code: 'invalid_request', message: 'Aaa jwtaa' })), { now: 0 }).code).toBe('unauthenticated');
    // FastAPI's tutorial answers a wrong password with a 400; a Django REST framework API its spent quota with a 403.
    expect(classify({ status: 400, body: '{"detail":"Incorrect username or password"}' }).code).toBe('unauthenticated');
    expect(classify({ status: 403, body: '{"detail":"Quota limit reached."}' }).code).toBe('quota_exhausted');
  });

  it('flat `{error, message}` whose code the common table lacks is the generic layer’s (Bluesky `ExpiredToken` under a 400)', () => {
    expect(fieldsOf(c('bluesky/expired-token-400'), ['vendor', 'code', 'vendorCode'])).toEqual(['generic', 'unauthenticated', 'ExpiredToken']);
  });
});

describe('statuses printed in more forms', () => {
  it.each([
    // linode-api4-python's ApiError: `linode.errors.ApiError: 401: Invalid OAuth token;`
    ['linode/python-apierror-401-invalid-oauth', 401],
    // Rust's Debug of a client error variant: `Client(\n    429,\n)`
    ['mastodon/post-toot-429-rust', 429],
    // RubyGems' FetchError: `bad response  429 (https://…)`
    ['rubygems/dependencies-api-429', 429],
    // Python's tuple: `(403, {'error': 'Forbidden', …})`
    ['here-maps/routing-403-credentials-do-not-authorize', 403],
  ])('%s reads %i', (ref, status) => {
    expect(statusInText(corpus(ref).body)).toBe(status);
  });

  it('and classifies by it', () => {
    expect(c('linode/python-apierror-401-invalid-oauth').code).toBe('unauthenticated');
    expect(c('mastodon/post-toot-429-rust').code).toBe('rate_limited');
  });

  it('takes no tuple member outside 400–599 and no number longer than three digits', () => {
    expect(statusInText('(200, {})')).toBeUndefined();
    expect(statusInText('(4290, x)')).toBeUndefined();
  });

  it('classify reads a bounded head of a hostile body', () => {
    const body = '( '.repeat(1 << 21);
    const { chars } = stringWork(() => classify({ body }));
    expect(chars).toBeLessThanOrEqual(32 * 65_536);
  });
});

describe('members and words', () => {
  it('reads `error_name` and `error_msg` (Dropbox Sign)', () => {
    expect(fieldsOf(c('dropbox-sign/openapi-402-payment-required'), ['code', 'vendorCode'])).toEqual(['payment_required', 'payment_required']);
  });

  it('reads `logRef` as the request id (Help Scout)', () => {
    expect(c('help-scout/doc-v2-validation-logref').requestId).toBe('64bb72b4-0a92-11e8-ba89-0ed5f89f718b');
  });

  it.each([
    ['Account balance not enough to run this query, please recharge', 'payment_required'],
    ["The target couldn't be found.", 'not_found'],
    ["this crate exists but you don't seem to be an owner.", 'permission_denied'],
    ['This API operation is not enabled for this site.', 'permission_denied'],
    ['Response not in JSON format. Might not be a ChargeBee Response.', 'malformed_response'],
  ])('%s → %s', (text, code) => {
    expect(meaningOf(text).strong ?? meaningOf(text).any).toBe(code);
  });
});

describe('a key that is known but not allowed (a pattern the fourth and fifth holdouts share)', () => {
  const CORPUS5 = loadCorpus(HOLDOUT5_DIR);
  const body = (family: string, id: string) => CORPUS5.find((f) => f.family === family)?.cases.find((k) => k.id === id)?.response.body ?? '';
  it.each([
    // Vultr v1: "Your IP (x.x.x.x) is not authorized to use this API key" under a 403.
    ['vultr', 'v1-ip-not-authorized-403-text'],
    // xendit-php: "The API key is forbidden to perform this request".
    ['xendit', 'php-key-forbidden-fatal'],
    // xendit-php: "API key is not authorized for this API service".
    ['xendit', 'php-key-not-authorized-service'],
  ])('%s/%s is permission_denied, though it names the key', (family, id) => {
    expect(meaningOf(body(family, id)).strong).toBe('permission_denied');
  });
});
