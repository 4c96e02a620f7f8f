import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { anthropicProfile } from '../../src/vendors/anthropic.js';
import { loadFixtures, snapshotOf } from './generic-support.js';
import { resolve as resolveWith, resolveCase } from './vendor-support.js';

const NOW = Date.UTC(2026, 0, 1);

describe('anthropic profile', () => {
  for (const c of loadFixtures('anthropic')) {
    it(`reads ${c.id}`, () => {
      const got = resolveCase(anthropicProfile, c);
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('does not claim OpenAI or Stripe envelopes (no top-level type:"error")', () => {
    const openai = '{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}';
    const stripe = '{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}';
    expect(anthropicProfile.detect(snapshotOf({ status: 429, body: openai }))).toBe(false);
    expect(anthropicProfile.detect(snapshotOf({ status: 402, body: stripe }))).toBe(false);
  });

  it('waits for the latest exhausted anthropic-ratelimit window (RFC 3339 reset)', () => {
    const s = snapshotOf({
      status: 429,
      headers: {
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:20Z',
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-input-tokens-remaining': '0',
        'anthropic-ratelimit-input-tokens-reset': '2026-01-01T00:00:45Z',
        'anthropic-ratelimit-output-tokens-remaining': '1200',
        'anthropic-ratelimit-output-tokens-reset': '2026-01-01T00:05:00Z',
      },
      body: '{"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"}}',
    });
    const draft = anthropicProfile.parse(s);
    expect(draft?.retryAfterMs).toBe(45_000);
    expect(draft?.resetAt).toBe(NOW + 45_000);
  });

  it('reads a spend-limit 429 as quota_exhausted, never retried', () => {
    const s = snapshotOf({
      status: 429,
      body: '{"type":"error","error":{"type":"rate_limit_error","message":"You have reached your specified API usage limits.","details":{"error_code":"enforced_spend_limit_reached"}}}',
    });
    expect(resolveWith(anthropicProfile, s)).toMatchObject({ code: 'quota_exhausted', retry: 'never', vendorCode: 'rate_limit_error' });
  });

  it('renders what it reads, with x-should-retry stating the retry class', () => {
    for (const [vendorCode, code] of [['overloaded_error', 'overloaded'], ['rate_limit_error', 'rate_limited'], ['api_error', 'internal']] as const) {
      const fault = createFault({ code, vendorCode, retry: 'always', retryAfterMs: 1500, requestId: 'req_011CcQsDhT3bVPHSn3vhf3rp' });
      const r = anthropicProfile.render!(fault);
      expect(r.headers['x-should-retry']).toBe('true');
      expect(resolveWith(anthropicProfile, snapshotOf(r))).toMatchObject({ code, vendorCode, retryAfterMs: 1500, requestId: fault.requestId });
    }
    const capped = anthropicProfile.render!(createFault({ code: 'quota_exhausted', message: 'cap' }));
    expect(resolveWith(anthropicProfile, snapshotOf(capped))).toMatchObject({ code: 'quota_exhausted', retry: 'never' });
  });
});
