import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { stripeProfile } from '../../src/vendors/stripe.js';
import { loadFixtures, snapshotOf } from './generic-support.js';
import { resolve, resolveCase } from './vendor-support.js';

describe('stripe profile', () => {
  for (const c of loadFixtures('stripe')) {
    it(`reads ${c.id}`, () => {
      const got = resolveCase(stripeProfile, c);
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim OpenAI bodies, which share invalid_request_error', () => {
    for (const body of [
      '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}',
      '{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}',
      '{"error":{"message":"x","type":"invalid_request_error"}}',
    ]) expect(stripeProfile.detect(snapshotOf({ status: 400, headers: { 'x-request-id': 'req_0123456789abcdef0123456789abcdef' }, body })), body).toBe(false);
  });

  it('claims a Stripe body by its headers when the body has no Stripe-only key', () => {
    const body = '{"error":{"message":"Invalid API Key provided: sk_test_****","type":"invalid_request_error"}}';
    expect(stripeProfile.detect(snapshotOf({ status: 401, headers: { 'request-id': 'req_Gk9ZVIotBdo3xw' }, body }))).toBe(true);
    expect(stripeProfile.detect(snapshotOf({ status: 401, headers: { 'stripe-should-retry': 'false' }, body }))).toBe(true);
  });

  it('honours Stripe-Should-Retry over the table', () => {
    const s = snapshotOf({ status: 500, headers: { 'stripe-should-retry': 'true', 'request-id': 'req_abcdefgh1234' }, body: '{"error":{"type":"api_error","message":"oops","doc_url":"https://stripe.com/docs"}}' });
    expect(resolve(stripeProfile, s)).toMatchObject({ code: 'internal', retry: 'always' });
  });

  it('reads an unlisted card_error code as payment_required whatever the status', () => {
    const s = snapshotOf({ status: 400, body: '{"error":{"type":"card_error","code":"incorrect_zip","message":"zip"}}' });
    expect(resolve(stripeProfile, s)?.code).toBe('payment_required');
  });

  it('renders what it reads', () => {
    for (const [vendorCode, code, retry] of [['card_declined', 'payment_required', 'never'], ['lock_timeout', 'conflict', 'always'], ['api_error', 'internal', 'idempotent'], ['rate_limit', 'rate_limited', 'always']] as const) {
      const fault = createFault({ code, vendorCode, retry, retryAfterMs: 3000, requestId: 'req_red55E8FlXf3Nz' });
      const r = stripeProfile.render!(fault);
      expect(stripeProfile.detect(snapshotOf(r))).toBe(true);
      expect(resolve(stripeProfile, snapshotOf(r))).toMatchObject({ code, vendorCode, retry, retryAfterMs: 3000, requestId: 'req_red55E8FlXf3Nz' });
    }
  });
});
