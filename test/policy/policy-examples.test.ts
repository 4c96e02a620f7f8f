// The README's breaker, bulkhead, budget, hedge and arbitraries examples do what their text says.
import { describe, expect, it } from 'vitest';
import { main as breakerExample } from '../../examples/circuit-breaker.js';
import { main as bulkheadExample } from '../../examples/bulkhead.js';
import { main as budgetExample } from '../../examples/retry-budget.js';
import { main as arbitrariesExample } from '../../examples/testing-arbitraries.js';
import { main as hedgeExample } from '../../examples/hedge.js';

describe('policy examples', () => {
  it('circuit-breaker: opens after 3 failures, refuses with the time left, closes after a good probe', async () => {
    expect(await breakerExample()).toEqual({
      log: ['failed: service_unavailable', 'failed: service_unavailable', 'closed → open', 'failed: service_unavailable', 'refused, next probe in 5000 ms', 'open → half-open', 'half-open → closed', 'probe: ok'],
      state: 'closed',
    });
  });

  it('bulkhead: two run, one waits, the fourth is refused, an aborted waiter frees its place', async () => {
    expect(await bulkheadExample()).toEqual({ results: ['a', 'b', 'cancelled', 'bulkhead_full', 'e'], running: 0, queued: 0 });
  });

  it('retry-budget: a shared budget stops retries once drained', async () => {
    const { attempts } = await budgetExample();
    expect(attempts).toEqual([4, 1, 1, 1]); // 10 tokens: the first call spends 4, then 6 → 5 is not above half
  });

  it('hedge: the slow first copy loses to the hedge started at 250 ms, which answers at 350 ms', async () => {
    expect(await hedgeExample()).toEqual({ answer: 'replica 2', started: 2, tookMs: 350 });
  });

  it('testing-arbitraries: the property runs', async () => {
    expect((await arbitrariesExample()).runs).toBe(50);
  });
});
