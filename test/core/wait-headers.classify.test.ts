/**
 * Waits that are not in Retry-After, through the default classify, on the responses other clients'
 * own tests send (ky's test/retry.ts, smithy's x-amz-retry-after, openai-node's retry-after-ms).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';

const NOW = Date.UTC(2026, 0, 1);
const KY = 'https://github.com/sindresorhus/ky/blob/main/test/retry.ts';

describe('a 429 whose only hint is a reset header', () => {
  it(`RateLimit-Reset delay seconds are respected like Retry-After (${KY})`, () => {
    const fault = classify({ status: 429, headers: { 'ratelimit-reset': '1' }, body: '' }, { now: NOW });
    expect(fault).toMatchObject({ code: 'rate_limited', retry: 'always', retryAfterMs: 1000 });
  });

  it(`RateLimit-Reset with time since epoch (${KY})`, () => {
    const fault = classify({ status: 429, headers: { 'ratelimit-reset': String(NOW / 1000 + 3) }, body: '' }, { now: NOW });
    expect(fault.retryAfterMs).toBe(3000);
  });

  it.each(['X-RateLimit-Reset', 'X-Rate-Limit-Reset'])(`%s supports time since epoch (${KY})`, (name) => {
    const fault = classify({ status: 429, headers: { [name]: String(NOW / 1000 + 2) }, body: '' }, { now: NOW });
    expect(fault.retryAfterMs).toBe(2000);
  });

  it(`Retry-After takes precedence over RateLimit-Reset (${KY})`, () => {
    const fault = classify({ status: 429, headers: { 'retry-after': '1', 'ratelimit-reset': String(NOW / 1000 + 3) }, body: '' }, { now: NOW });
    expect(fault.retryAfterMs).toBe(1000);
  });
});

describe('millisecond headers', () => {
  // https://github.com/aws/aws-sdk-go-v2 retry behaviour 2.1 and smithy-dart's 'uses x-amz-retry-after header' test (a 500 with '500').
  it('x-amz-retry-after is read as ms', () => {
    expect(classify({ status: 500, headers: { 'x-amz-retry-after': '500' }, body: '{}' }, { now: NOW }).retryAfterMs).toBe(500);
  });

  // openai-node calculateRetryDelay: a retry-after-ms outside [0, 60 s) is ignored and Retry-After is read.
  it('a negative retry-after-ms is ignored, not "now"', () => {
    expect(classify({ status: 429, headers: { 'retry-after-ms': '-1', 'retry-after': '3' }, body: '' }, { now: NOW }).retryAfterMs).toBe(3000);
    expect(classify({ status: 429, headers: { 'retry-after-ms': '-1' }, body: '' }, { now: NOW }).retryAfterMs).toBeUndefined();
  });
});

describe("the status rules in faultline/mini's body-less classifier", () => {
  it(`a 413 with Retry-After is retried always after the wait (RFC 9110 §15.5.14; ky's 'respect 413 Retry-After', ${KY})`, async () => {
    const { basicClassifier } = await import('../../src/core/basic-classifier.js');
    expect(basicClassifier.classify({ status: 413, headers: { 'retry-after': '2' } })).toMatchObject({ code: 'payload_too_large', retry: 'always', retryAfterMs: 2000 });
    expect(basicClassifier.classify({ status: 413, headers: {} })).toMatchObject({ code: 'payload_too_large', retry: 'never' });
  });

  it('a 429 waits for its reset even when the remaining count is above zero', async () => {
    const { basicClassifier } = await import('../../src/core/basic-classifier.js');
    expect(basicClassifier.classify({ status: 429, headers: { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '30' } }).retryAfterMs).toBe(30_000);
    expect(basicClassifier.classify({ status: 404, headers: { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '30' } }).retryAfterMs).toBeUndefined();
  });

  it('a 511 is unauthenticated and never retried', async () => {
    const { basicClassifier } = await import('../../src/core/basic-classifier.js');
    expect(basicClassifier.classify({ status: 511 })).toMatchObject({ code: 'unauthenticated', retry: 'never' });
  });
});
