/**
 * From a policy's own events to the counter and to span events. A policy's kind is read off the
 * events it offers (the same ones a user subscribes to), and a pipeline is walked layer by layer,
 * so each inner policy's events keep their own `faultline.policy`.
 */
import { type Attributes, trace } from '@opentelemetry/api';
import type { Fault } from '../../core/fault.js';
import { redact } from '../../core/redact.js';
import type { PolicyEvent } from '../../policy/events.js';
import { PIPELINE_LAYERS } from '../../policy/pipeline.js';
import type { PolicyEventName, PolicyKind, Recorder } from './recorder.js';

type Events = Partial<Record<string, PolicyEvent<never>>>;
type Listener = (event: Record<string, unknown>) => void;

function has(policy: object, ...names: readonly string[]): boolean {
  return names.every((name) => typeof (policy as Events)[name] === 'function');
}

/**
 * The kind of a policy, from the events it offers; `custom` for anything else with `execute`.
 * @internal
 */
export function kindOf(policy: object): PolicyKind {
  if (Array.isArray((policy as { [PIPELINE_LAYERS]?: unknown })[PIPELINE_LAYERS])) return 'pipeline';
  if (has(policy, 'onRetry', 'onGiveUp')) return 'retry';
  if (has(policy, 'onHedge', 'onWin')) return 'hedge';
  if (has(policy, 'onStateChange', 'onRefused')) return 'circuit_breaker';
  if (has(policy, 'onRejected')) return 'bulkhead';
  if (has(policy, 'onTimeout')) return 'timeout';
  if (has(policy, 'onFallback')) return 'fallback';
  if (has(policy, 'onLimited')) return 'rate_limiter';
  return 'custom';
}

const TRANSITIONS: Readonly<Record<string, PolicyEventName>> = {
  open: 'breaker_opened',
  'half-open': 'breaker_half_opened',
  closed: 'breaker_closed',
  isolated: 'breaker_isolated',
};

/** What a span event says of a fault: code, status, vendor and request id, redacted as every output is. */
function faultAttributes(fault: Fault | undefined, extra: Attributes): Attributes {
  if (fault === undefined) return extra;
  const attributes: Attributes = { ...extra, 'error.type': fault.code };
  if (fault.status !== undefined) attributes['http.response.status_code'] = fault.status;
  if (fault.vendor !== undefined) attributes['faultline.vendor'] = redact(fault.vendor);
  if (fault.requestId !== undefined) attributes['faultline.request_id'] = redact(fault.requestId);
  return attributes;
}

/** Adds an event to the span active where the policy emitted, if there is one that records. */
function spanEvent(name: string, fault: Fault | undefined, extra: Attributes): void {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return;
  span.addEvent(`faultline.${name}`, faultAttributes(fault, extra));
}

/**
 * Subscribes the recorder (and span events) to every event of `policy` and, for a pipeline, of
 * each layer. Returns the kind of `policy`.
 * @internal
 */
export function subscribe(policy: object, recorder: Recorder): PolicyKind {
  const kind = kindOf(policy);
  const on = (name: string, listener: Listener): void => {
    (policy as Record<string, (listener: Listener) => unknown>)[name]?.(listener);
  };
  const count = (event: PolicyEventName, fault?: Fault): void => recorder.event(event, kind, fault?.code);
  switch (kind) {
    case 'pipeline':
      for (const layer of (policy as { [PIPELINE_LAYERS]: readonly object[] })[PIPELINE_LAYERS]) subscribe(layer, recorder);
      break;
    case 'retry':
      on('onRetry', (e) => {
        const fault = e.fault as Fault;
        count('retry', fault);
        spanEvent('retry', fault, { 'attempt.number': e.attempt as number, 'faultline.delay_ms': e.delayMs as number });
      });
      on('onGiveUp', (e) => count('give_up', e.fault as Fault));
      on('onBudgetExhausted', (e) => count('budget_exhausted', e.fault as Fault));
      break;
    case 'hedge':
      on('onHedge', (e) => {
        const fault = e.fault as Fault | undefined;
        count('hedge', fault);
        spanEvent('hedge', fault, { 'attempt.number': e.attempt as number, 'faultline.after': e.after as string });
      });
      break;
    case 'circuit_breaker':
      on('onStateChange', (e) => {
        const event = TRANSITIONS[e.to as string];
        if (event === undefined) return;
        count(event);
        spanEvent(event, undefined, { 'faultline.from': e.from as string, 'faultline.to': e.to as string });
      });
      on('onRefused', (e) => count('breaker_refused', e.fault as Fault));
      on('onStoreError', () => count('store_error'));
      break;
    case 'bulkhead':
      on('onRejected', () => recorder.event('bulkhead_rejected', kind, 'bulkhead_full'));
      break;
    case 'timeout':
      on('onTimeout', () => recorder.event('timeout', kind, 'client_timeout'));
      break;
    case 'fallback':
      on('onFallback', (e) => count('fallback', e.fault as Fault));
      break;
    case 'rate_limiter':
      on('onLimited', (e) => (e.refused ? recorder.event('rate_limit_refused', kind, 'rate_limited') : count('rate_limit_waited')));
      on('onRateChange', () => count('rate_changed'));
      on('onStoreError', () => count('store_error'));
      break;
    case 'custom':
      break;
  }
  return kind;
}
