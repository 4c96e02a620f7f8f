/**
 * The three instruments of `faultline/otel` and their attribute sets. Every attribute value is
 * bounded (an event name, a policy kind, a fault code, an attempt number, the user's policy name)
 * and every set is built once and reused, so recording allocates nothing of its own.
 */
import type { Attributes, Counter, Histogram, Meter } from '@opentelemetry/api';
import { isFaultCode } from '../../core/codes.js';
import { basicClassifier } from '../../core/basic-classifier.js';
import { isFaultError } from '../../core/fault.js';

/**
 * What `faultline.policy` says: the kind of policy an event or a duration comes from.
 * @public
 */
export type PolicyKind = 'retry' | 'hedge' | 'circuit_breaker' | 'bulkhead' | 'timeout' | 'fallback' | 'rate_limiter' | 'pipeline' | 'custom';

/**
 * What `event.name` says on `faultline.policy.events`.
 * @public
 */
export type PolicyEventName =
  | 'retry'
  | 'give_up'
  | 'budget_exhausted'
  | 'hedge'
  | 'breaker_opened'
  | 'breaker_half_opened'
  | 'breaker_closed'
  | 'breaker_isolated'
  | 'breaker_refused'
  | 'bulkhead_rejected'
  | 'timeout'
  | 'fallback'
  | 'rate_limit_waited'
  | 'rate_limit_refused'
  | 'rate_changed'
  | 'store_error';

/** The metric names, as the issue and the README spell them. @internal */
export const METRIC_NAMES = {
  events: 'faultline.policy.events',
  attempt: 'faultline.attempt.duration',
  call: 'faultline.call.duration',
} as const;

// Seconds, from 1 ms to a long LLM completion: OpenTelemetry's HTTP duration buckets, stretched.
const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120, 300];

/** OpenTelemetry's value for an error type outside the known set. */
const OTHER = '_OTHER';

/**
 * The fault code of what a call or an attempt threw: a FaultError's own code, else what the
 * status/headers/network classifier makes of it (no body is read: the policy reads it, once).
 * @internal
 */
export function errorType(thrown: unknown): string {
  if (isFaultError(thrown)) return isFaultCode(thrown.code) ? thrown.code : OTHER;
  const code = basicClassifier.classify(thrown).code;
  return isFaultCode(code) ? code : OTHER;
}

/**
 * The instruments of one `instrument(...)`, with their attribute sets cached by what varies.
 * @internal
 */
export class Recorder {
  readonly #events: Counter;
  readonly #attempts: Histogram;
  readonly #calls: Histogram;
  readonly #base: Attributes;
  readonly #eventSets = new Map<string, Attributes>();
  // Indexed by attempt number; a failed outcome per fault code.
  readonly #ok: Attributes[] = [];
  readonly #failed = new Map<string, Attributes[]>();

  constructor(meter: Meter, kind: PolicyKind, name: string | undefined) {
    this.#events = meter.createCounter(METRIC_NAMES.events, { description: 'Events of faultline policies: retries, hedges, breaker transitions, refusals, timeouts, fallbacks.', unit: '{event}' });
    const advice = { explicitBucketBoundaries: BUCKETS };
    this.#attempts = meter.createHistogram(METRIC_NAMES.attempt, { description: 'Duration of each attempt a faultline policy made.', unit: 's', advice });
    this.#calls = meter.createHistogram(METRIC_NAMES.call, { description: 'Duration of each call through a faultline policy, every attempt and wait included.', unit: 's', advice });
    this.#base = name === undefined ? { 'faultline.policy': kind } : { 'faultline.policy': kind, 'faultline.name': name };
  }

  /** One event of a policy of `kind`; `code` when a fault caused it. */
  event(event: PolicyEventName, kind: PolicyKind, code: string | undefined): void {
    const key = code === undefined ? `${event}|${kind}` : `${event}|${kind}|${code}`;
    let attributes = this.#eventSets.get(key);
    if (attributes === undefined) {
      attributes = { ...this.#base, 'event.name': event, 'faultline.policy': kind };
      if (code !== undefined) attributes['error.type'] = isFaultCode(code) ? code : OTHER;
      this.#eventSets.set(key, Object.freeze(attributes));
    }
    this.#events.add(1, attributes);
  }

  /** One attempt's duration; `code` undefined for a success. */
  attempt(attempt: number, seconds: number, code: string | undefined): void {
    this.#attempts.record(seconds, this.#outcome(attempt, code));
  }

  /** One call's duration, with the attempts it made. */
  call(attempts: number, seconds: number, code: string | undefined): void {
    this.#calls.record(seconds, this.#outcome(attempts, code));
  }

  #outcome(attempt: number, code: string | undefined): Attributes {
    const n = attempt > 0 ? attempt : 1;
    let row = this.#ok;
    if (code !== undefined) {
      row = this.#failed.get(code) ?? [];
      if (row.length === 0) this.#failed.set(code, row);
    }
    let attributes = row[n];
    if (attributes === undefined) {
      attributes = code === undefined
        ? { ...this.#base, 'attempt.number': n, 'faultline.outcome': 'success' }
        : { ...this.#base, 'attempt.number': n, 'faultline.outcome': 'fault', 'error.type': code };
      row[n] = Object.freeze(attributes);
    }
    return attributes;
  }
}
