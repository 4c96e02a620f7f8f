/**
 * A Fault names a vendor only when that vendor's profile read the body: OpenAI-shaped bodies from
 * gateways and look-alikes carry none of OpenAI's marks (host, `req_` + 32 hex request id, `openai-*`
 * headers, its codes, its full four-member error object, its name) and are not named `openai`; a
 * Stripe body is Stripe's by a code only Stripe uses. Every body is real, from the issue named.
 * Such a body is read by the generic layer alone (`vendor: 'generic'`), which names no vendor.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';

const NOW = Date.UTC(2026, 0, 1);
/** No vendor's profile read it: the generic layer did, or nothing did. */
const NO_VENDOR = [undefined, 'generic'];

describe('vendor attribution', () => {
  it('a gateway body with an Anthropic-like type is not named openai (https://github.com/Gitlawb/openclaude/issues/1549)', () => {
    const body = '{"error":{"message":"Rate limit exceeded: free-models-per-day-high-balance.","type":"rate_limit_error","code":"429"}}';
    const fault = classify({ status: 429, body }, { now: NOW });
    expect(NO_VENDOR).toContain(fault.vendor);
    // OpenRouter's free-model allowance per day is spent (openrouter.ai/docs/api-reference/limits):
    // a daily allowance used up is quota_exhausted per the catalog, whatever the 429 says.
    expect(fault.code).toBe('quota_exhausted');
    expect(fault.retry).toBe('never');
  });

  it('an OpenRouter 402 with a numeric code is not named openai (https://github.com/astrio-labs/forall/issues/76)', () => {
    const body =
      '{"error":{"message":"This request requires more credits, or fewer max_tokens. You requested up to 64000 tokens, but\\ncan only afford 2666. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid \\naccount","code":402,"metadata":{"provider_name":null}},"user_id":"user_35tI40u3gKTMEMGS061Ov1xsUTj"}';
    const fault = classify({ status: 402, body }, { now: NOW });
    expect(NO_VENDOR).toContain(fault.vendor);
    expect(fault.code).toBe('payment_required');
  });

  it('the same gateway body from api.openai.com is OpenAI\'s: the host is a mark', () => {
    const body = '{"error":{"message":"Rate limit exceeded: free-models-per-day-high-balance.","type":"rate_limit_error","code":"429"}}';
    expect(classify({ status: 429, body }, { now: NOW, url: 'https://api.openai.com/v1/chat/completions' }).vendor).toBe('openai');
  });

  it('OpenAI\'s own headers are a mark (openai-organization, x-request-id req_ + 32 hex; https://platform.openai.com/docs/api-reference/debugging-requests)', () => {
    const body = '{"error":{"message":"Rate limit exceeded: free-models-per-day-high-balance.","type":"rate_limit_error","code":"429"}}';
    expect(classify({ status: 429, headers: { 'openai-organization': 'user-abc' }, body }, { now: NOW }).vendor).toBe('openai');
    expect(classify({ status: 429, headers: { 'x-request-id': 'req_0123456789abcdef0123456789abcdef' }, body }, { now: NOW }).vendor).toBe('openai');
    // Stripe's and Anthropic's req_ ids are base62, not 32 hex digits.
    expect(NO_VENDOR).toContain(classify({ status: 429, headers: { 'x-request-id': 'req_011CbrFTcXhtiMzr3s6EocF7' }, body }, { now: NOW }).vendor);
  });
});
