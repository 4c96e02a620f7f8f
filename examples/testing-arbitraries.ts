// Testing your own policy with faultline/testing: fast-check generates sequences of vendor error
// responses, successes and network errors; `scripted` plays them to the policy one call at a time.
// Here the property is that a retry never makes more than maxRetries + 1 attempts.
import fc from 'fast-check';
import { retry } from 'faultline';
import { arbResponseSequence } from 'faultline/arbitraries';
import { VirtualClock, scripted } from 'faultline/testing';

export async function main(): Promise<{ runs: number }> {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(arbResponseSequence({ minLength: 1, maxLength: 8 }), async (steps) => {
      const clock = new VirtualClock();
      const call = scripted(steps);
      const pending = retry({ maxRetries: 2, idempotent: true, clock }).execute(call).catch(() => undefined);
      await clock.runAll();
      await pending;
      runs++;
      return call.calls <= 3 && clock.pendingTimers === 0;
    }),
    { numRuns: 50 },
  );
  return { runs };
}
