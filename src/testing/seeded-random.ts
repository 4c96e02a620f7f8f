/**
 * A small seeded random source (mulberry32), so a chaos run or a demo plays out the same way
 * every time for the same seed.
 */
import type { RandomSource } from '../policy/clock.js';

/**
 * A deterministic random source for `seed`: numbers in [0, 1), the same sequence for the same seed.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * retry({ random });
 * ```
 * @public
 */
export function seededRandom(seed: number): RandomSource {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    let shown: string;
    try {
      shown = typeof seed === 'string' ? `'${seed}'` : (JSON.stringify(seed) ?? String(seed));
    } catch {
      shown = String(seed);
    }
    throw new TypeError(`seededRandom: seed must be a finite number, got ${shown}`);
  }
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
