/**
 * Demo time: vendor seconds played fast. Every party in a demo run — the chaos server's windows,
 * both clients' waits, the measurements — reads this one clock. Its waits are real (scaled: a 30 s
 * Retry-After costs 300 ms at 10 ms a second), but its `now()` moves only by the waits, so the
 * numbers read in the vendor's own seconds and do not depend on how busy the machine is.
 */
import { type Clock, systemClock } from '../policy/clock.js';

/**
 * A clock on which a wait of one second takes `realMsPerSecond` real milliseconds and moves
 * `now()` (starting at 0) by exactly one second; time spent on I/O does not count.
 *
 * @example
 * ```ts
 * const clock = steppedClock(10);
 * await clock.sleep(30_000); // 300 ms of real time
 * clock.now(); // 30000
 * ```
 * @internal
 */
export function steppedClock(realMsPerSecond: number): Clock {
  const factor = realMsPerSecond / 1000;
  let now = 0;
  return {
    now: () => now,
    async sleep(ms, signal) {
      const from = now;
      await systemClock.sleep(ms * factor, signal);
      now = Math.max(now, from + Math.max(0, ms));
    },
  };
}
