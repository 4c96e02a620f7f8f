// examples/resilient-fetch.ts (the README's resilientFetch snippet) does what its comments say.
import { expect, it } from 'vitest';
import { main } from '../../examples/resilient-fetch.js';

it('waits out the 429 once, and does not retry the 402', async () => {
  expect(await main()).toEqual(['200 after 2 requests', 'payment_required (insufficient_credits): top_up, 1 request']);
});
