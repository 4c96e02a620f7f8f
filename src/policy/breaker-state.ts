/**
 * The breaker as a plain state machine (Polly's controller idea): no
 * promises, no I/O, a handful of numbers and one outcome window. The policy
 * asks it to admit a call and tells it how the call ended; a shared store can
 * take its place behind the same three questions.
 */
import type { BreakerStrategy } from './breaker-strategy.js';
import { OutcomeWindow } from './breaker-window.js';
import type { Clock } from './clock.js';
import { type BreakerStateName, STATE_NAMES } from './state-store.js';

/** State codes, index into `STATE_NAMES`. @internal */
export const CLOSED = 0;
/** @internal */
export const OPEN = 1;
/** @internal */
export const HALF_OPEN = 2;
/** @internal */
export const ISOLATED = 3;
/** An outcome that says nothing about the upstream (cancelled, refused downstream): frees a probe, counts nowhere. @internal */
export const RELEASE = 4;

/**
 * The breaker settings the state machine applies, validated by `circuitBreaker`.
 * @internal
 */
export interface BreakerConfig {
  readonly strategy: BreakerStrategy;
  readonly breakMs: number;
  readonly maxBreakMs: number;
  readonly breakFactor: number;
  readonly halfOpenMaxCalls: number;
  readonly halfOpenSuccesses: number;
}

/**
 * One breaker's state. Outcomes carry the version they were admitted under,
 * so a call that started before a change of state cannot move the new one.
 *
 * @example
 * ```ts
 * const b = new BreakerState(config, clock, (from, to) => log(from, to));
 * const version = b.admit();
 * if (version >= 0) b.record(0, version);
 * ```
 * @internal
 */
export class BreakerState {
  readonly #config: BreakerConfig;
  readonly #clock: Clock;
  readonly #changed: (from: BreakerStateName, to: BreakerStateName, breakMs: number) => void;
  readonly window: OutcomeWindow;
  /** Only a time window reads the clock per outcome; reading it costs as much as the rest of a success. */
  readonly #timed: boolean;
  state = CLOSED;
  version = 0;
  /** While open: when the break ends. */
  openUntil = 0;
  /** The current break: `breakMs`, multiplied by `breakFactor` on each failed probe. */
  breakMs: number;
  probes = 0;
  successes = 0;

  constructor(config: BreakerConfig, clock: Clock, changed: (from: BreakerStateName, to: BreakerStateName, breakMs: number) => void) {
    this.#config = config;
    this.#clock = clock;
    this.#changed = changed;
    this.window = new OutcomeWindow(config.strategy);
    this.#timed = config.strategy.kind === 'time';
    this.breakMs = config.breakMs;
  }

  /** The version a call runs under, or -1 when the breaker refuses it. */
  admit(): number {
    const state = this.state;
    if (state === CLOSED) return this.version;
    if (state === OPEN) {
      if (this.#clock.now() < this.openUntil) return -1;
      this.#move(HALF_OPEN);
    } else if (state === ISOLATED) {
      return -1;
    }
    if (this.probes >= this.#config.halfOpenMaxCalls) return -1;
    this.probes++;
    return this.version;
  }

  /** How a call admitted under `version` ended: `FAILED`/`SLOW` bits, 0 for a success, or `RELEASE`. */
  record(bits: number, version: number): void {
    if (version !== this.version) return;
    if (this.state === CLOSED) {
      if (bits !== RELEASE && this.window.add(bits, this.#timed ? this.#clock.now() : 0)) this.#open(this.breakMs);
    } else if (this.state === HALF_OPEN) {
      this.probes--;
      if (bits === RELEASE) return;
      if (bits !== 0) {
        const c = this.#config;
        // Whole milliseconds, as the shared stores keep it, so a breaker escalates alike with or without a store.
        this.#open(Math.min(c.maxBreakMs, Math.floor(this.breakMs * c.breakFactor)));
      } else if (++this.successes >= this.#config.halfOpenSuccesses) {
        this.breakMs = this.#config.breakMs;
        this.#move(CLOSED);
      }
    }
  }

  /** Milliseconds until a probe may go, while open; else undefined. */
  remainingMs(): number | undefined {
    return this.state === OPEN ? Math.max(0, this.openUntil - this.#clock.now()) : undefined;
  }

  /** Holds the breaker open until `reset`. */
  isolate(): void {
    if (this.state !== ISOLATED) this.#move(ISOLATED);
  }

  /** Closes the breaker from any state, forgetting its history and escalated break. */
  reset(): void {
    this.breakMs = this.#config.breakMs;
    if (this.state !== CLOSED) this.#move(CLOSED);
    else this.window.clear();
  }

  #open(breakMs: number): void {
    this.breakMs = breakMs;
    this.openUntil = this.#clock.now() + breakMs;
    this.#move(OPEN);
  }

  #move(to: number): void {
    const from = this.state;
    this.state = to;
    this.version++;
    this.probes = 0;
    this.successes = 0;
    this.window.clear();
    this.#changed(STATE_NAMES[from] as BreakerStateName, STATE_NAMES[to] as BreakerStateName, this.breakMs);
  }
}
