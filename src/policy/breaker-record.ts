/**
 * The breaker rule a store applies, on one breaker's record: count an outcome,
 * open, probe, close. `memoryStore` runs it on a plain object; the Redis
 * script (src/adapters/redis/breaker.lua) runs the same steps on a hash with
 * the same field names, and test/adapters/breaker-engines.property.test.ts
 * holds both to the local breaker (breaker-state.ts) call for call.
 */
import type { BreakerOutcome, BreakerRule, BreakerSnapshot, BreakerStateName, BreakerTransition } from './state-store.js';

/**
 * One bucket of a time window.
 *
 * @example
 * ```ts
 * const bucket: TimeBucket = { epoch: Math.floor(now / (rule.windowMs / rule.buckets)), calls: 1, failures: 1, slow: 0 };
 * ```
 * @internal
 */
export interface TimeBucket {
  /** Which slice of time (`floor(now / width)`) the counts belong to. */
  epoch: number;
  calls: number;
  failures: number;
  slow: number;
}

/**
 * A breaker's record as a store keeps it. Counters of the closed state (the
 * run of failures, the windows) are dropped at every change of state.
 *
 * @example
 * ```ts
 * const record = newRecord();
 * recordOutcome(record, 'failure', 0, rule, now);
 * ```
 * @internal
 */
export interface BreakerRecord {
  state: BreakerStateName;
  /** Grows by one at every change of state. */
  version: number;
  /** Open: when the break ends. Half-open: when the probe lease ends (a probe that never reports frees its slot then). */
  until: number;
  /** The current break; 0 until the first one, meaning the rule's `breakMs`. */
  breakMs: number;
  /** Half-open: probes in flight. */
  probes: number;
  /** Half-open: successful probes. */
  successes: number;
  /** Consecutive rule: failures in a row. */
  run: number;
  /** Time window: bucket `epoch % rule.buckets` at that index (missing: empty). */
  buckets: TimeBucket[];
  /** Call window: the last `windowCalls` outcomes (1 failed, 2 slow) in a ring, oldest overwritten first. */
  outcomes: number[];
  /** Call window: outcomes pushed since the last change of state. */
  pushed: number;
  /** Call window: failures among `outcomes`. */
  failures: number;
  /** Call window: slow calls among `outcomes`. */
  slow: number;
}

/** Drops the counters of the state left (every field but state, version, until and breakMs). */
function clearWindow(h: BreakerRecord): void {
  h.probes = h.successes = h.run = h.pushed = h.failures = h.slow = 0;
  h.buckets = [];
  h.outcomes = [];
}

/**
 * A breaker nobody has used: closed, version 0.
 *
 * @example
 * ```ts
 * breakers.set(key, { value: newRecord(), at: now });
 * ```
 * @internal
 */
export function newRecord(): BreakerRecord {
  const h = { state: 'closed', version: 0, until: 0, breakMs: 0 } as BreakerRecord;
  clearWindow(h);
  return h;
}

function move(h: BreakerRecord, to: BreakerStateName): void {
  clearWindow(h);
  h.state = to;
  h.version++;
}

function open(h: BreakerRecord, breakMs: number, now: number): void {
  move(h, 'open');
  h.breakMs = breakMs;
  h.until = now + breakMs;
}

function close(h: BreakerRecord, rule: BreakerRule): void {
  move(h, 'closed');
  h.breakMs = rule.breakMs;
  h.until = 0;
}

function snapshot(h: BreakerRecord, now: number, granted: boolean, rule: BreakerRule): BreakerSnapshot {
  return {
    state: h.state,
    version: h.version,
    remainingMs: h.state === 'open' ? Math.max(0, h.until - now) : 0,
    breakMs: h.breakMs || rule.breakMs,
    granted,
  };
}

/** Whether a window of `calls` holding `failures` and `slow` calls opens under the rule. */
function trips(calls: number, failures: number, slow: number, rule: BreakerRule): boolean {
  const slowRatio = rule.slowCallRatio ?? 0;
  return calls >= rule.minimumCalls && (failures >= rule.threshold * calls || (slowRatio > 0 && slow >= slowRatio * calls));
}

/** Adds an outcome (`slow` implies `failed`) to the closed breaker's window; true when the rule trips. */
function count(h: BreakerRecord, failed: boolean, slow: boolean, rule: BreakerRule, now: number): boolean {
  if (rule.windowMs > 0) {
    // Buckets exactly windowMs / buckets wide, as the local breaker's (breaker-window.ts): the window is windowMs long.
    const epoch = Math.floor(now / (rule.windowMs / rule.buckets));
    const i = epoch % rule.buckets;
    let bucket = h.buckets[i];
    if (bucket?.epoch !== epoch) h.buckets[i] = bucket = { epoch, calls: 0, failures: 0, slow: 0 };
    bucket.calls++;
    if (failed) bucket.failures++;
    if (slow) bucket.slow++;
    let calls = 0;
    let failures = 0;
    let slowCalls = 0;
    for (let j = 0; j < rule.buckets; j++) {
      const b = h.buckets[j];
      if (b !== undefined && b.epoch > epoch - rule.buckets) {
        calls += b.calls;
        failures += b.failures;
        slowCalls += b.slow;
      }
    }
    return trips(calls, failures, slowCalls, rule);
  }
  if (rule.windowCalls > 0) {
    const i = h.pushed % rule.windowCalls;
    if (h.pushed >= rule.windowCalls) {
      const old = h.outcomes[i] ?? 0;
      h.failures -= old % 2;
      h.slow -= Math.floor(old / 2);
    }
    h.outcomes[i] = (failed ? 1 : 0) + (slow ? 2 : 0);
    h.pushed++;
    if (failed) h.failures++;
    if (slow) h.slow++;
    return trips(Math.min(h.pushed, rule.windowCalls), h.failures, h.slow, rule);
  }
  h.run = failed ? h.run + 1 : 0;
  return h.run >= rule.threshold;
}

/**
 * Records a call's outcome: counted while closed; while half-open, only a
 * probe admitted under the current version moves the breaker. (Unlike the
 * local breaker, a closed record does not check the version: a process learns
 * the version only from the store's answers, so in a fleet a call admitted
 * under the current closed state can carry an older one.)
 *
 * @example
 * ```ts
 * const snap = recordOutcome(record, 'failure', 0, rule, now);
 * ```
 * @internal
 */
export function recordOutcome(h: BreakerRecord, outcome: BreakerOutcome, version: number, rule: BreakerRule, now: number): BreakerSnapshot {
  if (h.state === 'closed' && outcome !== 'release') {
    if (count(h, outcome === 'failure' || outcome === 'slow', outcome === 'slow', rule, now)) open(h, h.breakMs || rule.breakMs, now);
  } else if (h.state === 'half-open' && version === h.version) {
    h.probes = Math.max(0, h.probes - 1);
    if (outcome === 'failure' || outcome === 'slow') {
      open(h, Math.min(rule.maxBreakMs, Math.floor((h.breakMs || rule.breakMs) * rule.breakFactor)), now);
    } else if (outcome === 'success' && ++h.successes >= rule.halfOpenSuccesses) {
      close(h, rule);
    }
  }
  return snapshot(h, now, false, rule);
}

/**
 * Reads or changes the breaker: `probe` turns an open breaker whose break is
 * over half-open and hands out probe slots; `isolate` and `reset` are the manual controls.
 *
 * @example
 * ```ts
 * if (transitionBreaker(record, 'probe', rule, now).granted) sendProbe();
 * ```
 * @internal
 */
export function transitionBreaker(h: BreakerRecord, to: BreakerTransition, rule: BreakerRule, now: number): BreakerSnapshot {
  let granted = false;
  if (to === 'isolate') {
    move(h, 'isolated');
  } else if (to === 'reset') {
    close(h, rule);
  } else if (to === 'probe') {
    if (h.state === 'closed') {
      granted = true;
    } else if (h.state === 'open' && now >= h.until) {
      move(h, 'half-open');
    }
    if (h.state === 'half-open') {
      // A probe whose process died never reports; after a lease of maxBreakMs the next caller probes instead.
      if (h.probes >= rule.halfOpenMaxCalls && now >= h.until) h.probes = 0;
      if (h.probes < rule.halfOpenMaxCalls) {
        h.probes++;
        h.until = now + rule.maxBreakMs;
        granted = true;
      }
    }
  }
  return snapshot(h, now, granted, rule);
}
