/**
 * Unit tests for the reading rules the cloud SDK matrix needed (stripe, octokit, AWS, grpc-js),
 * each on a plain object of the SDK's shape, so a rule is pinned without the SDK.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { faultFromThrown } from '../../src/core/network.js';

describe('a network error kept as `detail` (stripe-node StripeConnectionError)', () => {
  it('is the network fault underneath', () => {
    const socket = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const error = Object.assign(new Error('An error occurred with our connection to Stripe.'), { type: 'StripeConnectionError', detail: socket });
    expect(faultFromThrown(error)).toMatchObject({ code: 'connection_reset', source: 'network' });
    expect(classify(error)).toMatchObject({ code: 'connection_reset', retry: 'idempotent' });
  });

  it('a string `detail` is only text', () => {
    const error = Object.assign(new Error('Invalid JSON received from the Stripe API'), { detail: 'ECONNRESET' });
    expect(faultFromThrown(error).code).toBe('unknown');
  });
});

describe("Stripe's `raw` is the body's error member, with or without a message", () => {
  it('a raw with no message (`{type: "api_error"}`) keeps its vendorCode', () => {
    const raw = { type: 'api_error', statusCode: 500, headers: { 'request-id': 'req_red55E8FlXf3Nz' } };
    const error = Object.assign(new Error(''), { raw, statusCode: 500, headers: raw.headers, type: 'StripeAPIError' });
    expect(classify(error)).toMatchObject({ code: 'internal', vendor: 'stripe', vendorCode: 'api_error', requestId: 'req_red55E8FlXf3Nz' });
  });
});

describe("a socket error the AWS SDK renamed to TimeoutError (smithy's node-http-handler)", () => {
  it('ECONNRESET named TimeoutError is connection_reset, not client_timeout', () => {
    const error = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: { attempts: 1, totalRetryDelay: 0 } });
    expect(classify(error)).toMatchObject({ code: 'connection_reset', source: 'network' });
  });

  it('a DOMException TimeoutError (numeric code) stays client_timeout', () => {
    expect(classify(new DOMException('The operation timed out.', 'TimeoutError')).code).toBe('client_timeout');
  });
});

describe('grpc-retry-pushback-ms (gRFC A6) in a ServiceError\'s metadata', () => {
  const serviceError = (metadata: Record<string, unknown>) =>
    Object.assign(new Error('8 RESOURCE_EXHAUSTED: Quota exceeded'), { code: 8, details: 'Quota exceeded', metadata: { getMap: () => metadata } });

  it('is the delay', () => {
    expect(classify(serviceError({ 'grpc-retry-pushback-ms': '250' }))).toMatchObject({ code: 'rate_limited', retryAfterMs: 250 });
  });

  it('garbage gives no delay', () => {
    expect(classify(serviceError({ 'grpc-retry-pushback-ms': 'soon' })).retryAfterMs).toBeUndefined();
  });
});
