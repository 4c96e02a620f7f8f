/** The examples shown in the README do what their comments say. */
import { describe, expect, it } from 'vitest';
import { main as classifyMain } from '../examples/classify.js';
import { main as customProfile } from '../examples/custom-profile.js';
import { main as exhaustive } from '../examples/exhaustive-match.js';
import { main as otel } from '../examples/otel.js';
import { main as rateLimitFallback } from '../examples/rate-limit-fallback.js';
import { main as llmFallback } from '../examples/llm-fallback.js';
import { main as llmStream } from '../examples/llm-stream.js';

describe('README examples', () => {
  it('classify tells quota from throttling, honours the server verdict, and names transport faults', async () => {
    expect(await classifyMain()).toEqual([
      '429 → quota_exhausted (never, wait_for_reset): do not retry',
      '529 → overloaded (always, wait): retry',
      '502 → bad_gateway (idempotent, retry): do not retry',
      'ECONNREFUSED → connect_failed (always)',
    ]);
  });

  it('an exhaustive match describes a throttle with its wait', async () => {
    expect(await exhaustive()).toBe('busy: wait 3000 ms');
  });

  it('a custom profile applies its code table and retry limit', async () => {
    expect(await customProfile()).toBe('acme/WARMING_UP → service_unavailable, retry always up to 4 times, wait 2000 ms');
  });

  it('the rate limiter lets the burst through and refuses the rest; the fallback answers from cache', async () => {
    expect(await rateLimitFallback()).toEqual({ sent: 10, rejected: 2, answer: { items: ['from cache'], stale: true } });
  });

  it('LLM routes: a long prompt to the larger-context model, a filter or overload to another provider, a spent quota to another key', async () => {
    expect(await llmFallback()).toEqual({
      short: 'gpt-4o-mini answered',
      long: 'gpt-4.1 answered',
      filtered: 'claude answered',
      overloaded: 'claude answered',
      quota: 'gpt-4o-mini answered (backup key)',
    });
  });

  it('a stream is retried before its first token, never after; retryStream does the same for an SDK stream', async () => {
    expect(await llmStream()).toEqual({ answer: 'token 0 token 1 token 2', broken: 'overloaded after "token 0 token 1"', requests: 3, sdkChunks: 2 });
  });

  it('instrument records the two 503 retries and the three attempts of a call that then succeeds', async () => {
    expect(await otel()).toEqual({ answer: 'results', retries: 2, attempts: 3, errorType: 'service_unavailable' });
  });
});
