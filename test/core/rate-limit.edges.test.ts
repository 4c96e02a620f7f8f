import { describe, expect, it } from 'vitest';
import { readHeaders } from '../../src/core/headers.js';
import { parseRateLimit } from '../../src/core/rate-limit.js';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);
const rl = (h: Record<string, string>) => parseRateLimit(readHeaders(h), NOW);

describe('parseRateLimit: edges', () => {
  it('reads a reset given as an HTTP-date, measured from now', () => {
    expect(rl({ 'x-ratelimit-reset': 'Mon, 23 Nov 2026 08:00:30 GMT' })).toEqual({ resetMs: 30_000 });
    expect(rl({ 'ratelimit-reset': '2026-11-23T08:01:00Z', 'ratelimit-remaining': '0' })).toEqual({ remaining: 0, resetMs: 60_000 });
  });

  it('clamps an HTTP-date reset in the past to 0', () => {
    expect(rl({ 'x-ratelimit-reset': 'Mon, 23 Nov 2026 07:59:00 GMT' })).toEqual({ resetMs: 0 });
  });
});
