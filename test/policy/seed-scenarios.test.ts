// The 17 retry scenarios of the shared seed fixture, played one response per attempt under virtual time.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { FaultError, isFaultError } from '../../src/core/fault.js';
import { retry } from '../../src/policy/retry.js';
import { VirtualClock } from '../../src/testing/index.js';
import { seedFixture as fixture, seedRetryOptions } from '../seed-fixture.js';

describe('seed retry scenarios', () => {
  it('has all 17 scenarios', () => {
    expect(fixture.scenarios).toHaveLength(17);
  });

  it.each(fixture.scenarios.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const policy = retry(seedRetryOptions(scenario.policy, clock));
    const times: number[] = [];
    const pending = policy
      .execute(({ attempt }) => {
        times.push(clock.now());
        const response = scenario.responses[Math.min(attempt, scenario.responses.length) - 1];
        if (response === undefined) throw new Error('no response scripted');
        if (response.status >= 200 && response.status < 300) return response;
        throw new FaultError(classify(response, { vendor: scenario.vendor, now: clock.now() }));
      })
      .then(
        () => 'ok',
        (error: unknown) => (isFaultError(error) ? error.code : `not a FaultError: ${String(error)}`),
      );
    await clock.runAll();
    const outcome = await pending;
    expect({
      attempts: times.length,
      delaysMs: times.slice(1).map((t, i) => t - (times[i] as number)),
      outcome,
    }).toEqual(scenario.expect);
    expect(clock.pendingTimers).toBe(0);
  });
});
