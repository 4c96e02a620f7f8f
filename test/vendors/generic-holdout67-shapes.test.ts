/**
 * What the sixty-seventh holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): the nested error object's `trace_id` beside it names the request (Setu); a reason phrase as
 * the whole body's `error`, with no status, is the status in words (Civitai); Mambu's v1 `returnCode`; and words (流控,
 * "flow control", is a throttle; a token disabled is a credential refused). Every body is a corpus case (its `source`
 * says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { readErrorObject } from '../../src/vendors/error-object.js';
import { HOLDOUT67_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT67_DIR]);

describe('envelopes', () => {
  it("the nested error object's `trace_id` beside it names the request (Setu)", () => {
    const f = c('setu-prepaid-recharge/setu-prepaid-fetch-plans-mobile-not-numeric');
    expect(fieldsOf(f, ['vendorCode', 'requestId'])).toEqual(['ERR007', '3b4feff1-76bb-4443-a398-9000f9f424b7']);
    // The profile reads it too, for a code its table knows (an unknown one, as Setu's, is the generic layer's since the
    // seventy-first holdout).
    expect(readErrorObject({ error: { code: 'RATE_LIMITED', message: 'Slow down' }, trace_id: 'd1m1shsd7qs2b5gblnag' }, true)?.requestId).toBe('d1m1shsd7qs2b5gblnag');
  });

  it("a reason phrase as `error`, with no status, is the status in words (Civitai's pasted 401)", () => {
    for (const f of both('civitai/civitai-download-login-required')) expect(f.code).toBe('unauthenticated');
    expect(classify({ body: '{"error": "Not Found", "message": "No such thing"}' }).code).toBe('not_found');
  });

  it('a status in the response outranks it', () => {
    expect(classify({ status: 403, body: '{"error": "Unauthorized", "message": "The creator has disabled downloads"}' }).code).toBe('permission_denied');
  });

  it.each([
    ['mambu/mambu-v1-invalid-centre-id', '851'],
    ['mambu/mambu-v1-invalid-indicators', '203'],
  ])("Mambu's v1 `returnCode`: %s names %s", (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });
});

describe('words', () => {
  it.each([
    ['aliyun-sms/aliyun-sms-minute-flow-control-nodejs', 'rate_limited'],
    ['aliyun-sms/aliyun-voice-callee-flow-control', 'rate_limited'],
    ['bitpay/bitpay-token-is-disabled', 'unauthenticated'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
