import { describe, expect, it } from 'vitest';
import { main } from '../../examples/retry-timeout.js';

describe('examples/retry-timeout.ts', () => {
  it('honours Retry-After, times out the hung attempt, retries it, and returns the data', async () => {
    const { data, log, elapsedMs } = await main();
    expect(data).toEqual({ items: [1, 2, 3] });
    expect(log[0]).toBe('attempt 1 failed with service_unavailable; retrying in 2000 ms');
    expect(log[1]).toMatch(/^attempt 2 failed with client_timeout; retrying in \d+ ms$/);
    expect(log).toHaveLength(2);
    expect(elapsedMs).toBeGreaterThanOrEqual(12_000);
    expect(elapsedMs).toBeLessThanOrEqual(12_400);
  });
});
