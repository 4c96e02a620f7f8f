/**
 * What the sixty-sixth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a 408 that says the work is still in progress is a long poll to repeat, not a conflict;
 * Korail's and SRT's `h_msg_cd` and `msgCd` (SRT's under `resultMap`); and words (parallel sessions in use are a
 * throttle, a load too high an overload, Rails' "HTTP Basic: Access denied." a credential refused). Every body is a
 * corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT4_DIR, HOLDOUT66_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT66_DIR, HOLDOUT4_DIR]);

describe('a 408 that says the work is in progress', () => {
  it.each([
    'checkly/checkly-check-session-longpoll-408',
    'checkly/checkly-test-session-longpoll-408-retry',
  ])('%s is the wait that ran out, polled again', (ref) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['request_timeout', 'always']);
  });

  it('under a 409 the same words are a conflict', () => {
    expect(classify({ status: 409, body: '{"message": "Check session is still in progress."}' }).code).toBe('conflict');
  });
});

describe('envelopes', () => {
  it.each([
    ['korail/korail-supdate-python-repr', 'SUPDATE'],
    ['korail/korail-s003-service-problem-python-repr', 'S003'],
    ['srt-srail/srt-net000001-netfunnel-busy', 'NET000001'],
  ])("Korail's `h_msg_cd` and SRT's `resultMap[].msgCd`: %s names %s", (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });
});

describe('words', () => {
  it.each([
    ['browserstack/browserstack-cypress-cli-parallels-in-use', 'rate_limited'],
    ['browserstack/browserstack-selenium-python-sessions-in-use', 'rate_limited'],
    ['digitraffic-rail/digitraffic-rail-too-much-load', 'overloaded'],
    ['browserstack/browserstack-rest-http-basic-access-denied', 'unauthenticated'],
    ['rubygems/push-http-basic-access-denied', 'unauthenticated'],
  ])('%s is %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
