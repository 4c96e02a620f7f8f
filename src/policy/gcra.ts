/**
 * The rate-limit math every store shares: GCRA (the generic cell rate
 * algorithm), a token bucket kept as one number, the theoretical arrival time.
 * The Redis script (src/adapters/redis/gcra.lua) does the same sums.
 */
import type { TakeRequest, TakeResult } from './state-store.js';

/**
 * GCRA: one token every `intervalMs`, `burst` at once. `tat` is the
 * theoretical arrival time; returns the new tat (unchanged when refused).
 *
 * @example
 * ```ts
 * const { tat, result } = gcra(0, { intervalMs: 100, burst: 2, maxWaitMs: 0 }, clock.now());
 * ```
 * @internal
 */
export function gcra(tat: number, request: TakeRequest, now: number): { readonly tat: number; readonly result: TakeResult } {
  const next = Math.max(tat, now) + request.intervalMs;
  const wait = next - request.burst * request.intervalMs - now;
  // A microsecond of slack: an interval like 1000 / (2000 / 3770) is a hair off 1885.
  if (wait <= 1e-3) return { tat: next, result: { granted: true, waitMs: 0 } };
  const waitMs = Math.ceil(wait);
  if (wait <= request.maxWaitMs) return { tat: next, result: { granted: true, waitMs } };
  return { tat, result: { granted: false, waitMs } };
}
