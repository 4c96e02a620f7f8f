/**
 * The counting behind a breaker strategy, in memory fixed at construction: a
 * run counter, a ring of the last N outcomes (one byte each), or a ring of
 * time buckets (resilience4j's layout) with running totals, so adding an
 * outcome is O(1) amortised and the breaker's memory never grows with calls.
 */
import type { BreakerStrategy } from './breaker-strategy.js';

/** Outcome bit: counts as a failure (a failure, or a slow success). @internal */
export const FAILED = 1;
/** Outcome bit: took at least `slowCallMs`. @internal */
export const SLOW = 2;

/**
 * A strategy's live counters.
 *
 * @example
 * ```ts
 * const window = new OutcomeWindow(consecutiveFailures(3));
 * window.add(FAILED, clock.now()); // true once three failures ran in a row
 * ```
 * @internal
 */
export class OutcomeWindow {
  readonly #s: BreakerStrategy;
  readonly #ring: Uint8Array | undefined;
  /** Per bucket: calls, failures, slow calls. */
  readonly #counts: Uint32Array | undefined;
  readonly #width: number;
  #head = 0;
  #last = Number.NEGATIVE_INFINITY;
  #calls = 0;
  #failures = 0;
  #slow = 0;

  constructor(strategy: BreakerStrategy) {
    this.#s = strategy;
    this.#ring = strategy.kind === 'calls' ? new Uint8Array(strategy.windowCalls) : undefined;
    this.#counts = strategy.kind === 'time' ? new Uint32Array(strategy.buckets * 3) : undefined;
    this.#width = strategy.kind === 'time' ? strategy.windowMs / strategy.buckets : 0;
  }

  /** Adds one outcome (`FAILED` and `SLOW` bits); true when the strategy says open. */
  add(bits: number, now: number): boolean {
    const s = this.#s;
    if (s.kind === 'consecutive') {
      this.#failures = bits & FAILED ? this.#failures + 1 : 0;
      return this.#failures >= s.threshold;
    }
    const failed = bits & FAILED;
    const slow = (bits & SLOW) >> 1;
    const ring = this.#ring;
    if (ring !== undefined) {
      const i = this.#head;
      if (this.#calls === ring.length) {
        const old = ring[i] as number;
        this.#failures -= old & FAILED;
        this.#slow -= (old & SLOW) >> 1;
      } else {
        this.#calls++;
      }
      ring[i] = bits;
      this.#head = i + 1 === ring.length ? 0 : i + 1;
    } else {
      const counts = this.#counts as Uint32Array;
      const i = this.#advance(now) * 3;
      counts[i] = (counts[i] as number) + 1;
      counts[i + 1] = (counts[i + 1] as number) + failed;
      counts[i + 2] = (counts[i + 2] as number) + slow;
      this.#calls++;
    }
    this.#failures += failed;
    this.#slow += slow;
    const calls = this.#calls;
    return (
      calls >= s.minimumCalls &&
      (this.#failures >= s.threshold * calls || (s.slowCallRatio > 0 && this.#slow >= s.slowCallRatio * calls))
    );
  }

  /** Forgets every outcome (on every change of breaker state). */
  clear(): void {
    this.#ring?.fill(0);
    this.#counts?.fill(0);
    this.#head = 0;
    this.#last = Number.NEGATIVE_INFINITY;
    this.#calls = this.#failures = this.#slow = 0;
  }

  /** Moves the bucket ring to `now`, dropping buckets that slid out; returns the current bucket. */
  #advance(now: number): number {
    const n = this.#s.buckets;
    const epoch = Math.floor(now / this.#width);
    const last = this.#last;
    // A clock that steps back keeps counting into the newest bucket rather than rewriting history.
    if (epoch <= last) return ((last % n) + n) % n;
    if (epoch - last >= n) {
      this.#counts?.fill(0);
      this.#calls = this.#failures = this.#slow = 0;
    } else {
      const counts = this.#counts as Uint32Array;
      for (let e = last + 1; e <= epoch; e++) {
        const i = (((e % n) + n) % n) * 3;
        this.#calls -= counts[i] as number;
        this.#failures -= counts[i + 1] as number;
        this.#slow -= counts[i + 2] as number;
        counts[i] = counts[i + 1] = counts[i + 2] = 0;
      }
    }
    this.#last = epoch;
    return ((epoch % n) + n) % n;
  }
}
