/**
 * `faultline/otel`: OpenTelemetry metrics and traces for every policy, through
 * `@opentelemetry/api` (an optional peer dependency) and nothing else. Importing another entry
 * costs nothing of this: the policies only emit the events they always did.
 */
import { type MeterProvider, SpanKind, SpanStatusCode, type TracerProvider, context, metrics, trace } from '@opentelemetry/api';
import type { FetchObserver } from '../fetch/create-fetch.js';
import type { Clock } from '../policy/clock.js';
import type { FallbackPolicy } from '../policy/fallback.js';
import type { Policy } from '../policy/policy.js';
import { checkOptions, invalid } from '../policy/validate.js';
import { instrumented } from './otel/instrumented.js';
import { Recorder, errorType } from './otel/recorder.js';
import { kindOf, subscribe } from './otel/subscribe.js';

export { METRIC_NAMES, type PolicyEventName, type PolicyKind } from './otel/recorder.js';

/**
 * Options of {@link instrument} and {@link instrumentFetch}.
 *
 * @example
 * ```ts
 * import { metrics } from '@opentelemetry/api';
 * const options: OtelOptions = { meterProvider: metrics.getMeterProvider(), name: 'payments' };
 * ```
 * @public
 */
export interface OtelOptions {
  /** Where the counter and histograms are created (meter `faultline`). @defaultValue the global one, `metrics.getMeterProvider()` */
  readonly meterProvider?: MeterProvider | undefined;
  /** Where {@link instrumentFetch} starts its client spans. Span events of `instrument` go to the active span, whoever made it. @defaultValue the global one, `trace.getTracerProvider()` */
  readonly tracerProvider?: TracerProvider | undefined;
  /** `faultline.name` on every record: tells two instrumented policies of one kind apart. Keep it a constant, never user data. @defaultValue none */
  readonly name?: string | undefined;
  /** Time source for the durations, in milliseconds. @defaultValue `performance.now()` */
  readonly clock?: Pick<Clock, 'now'> | undefined;
}

/**
 * Every option {@link instrument} accepts; any other key is refused.
 * @internal
 */
export const OTEL_OPTIONS = ['meterProvider', 'tracerProvider', 'name', 'clock'] as const satisfies ReadonlyArray<keyof OtelOptions>;

const seen = new WeakSet<object>();
const hostTime = (): number => performance.now();

interface Checked {
  readonly meterProvider: MeterProvider;
  readonly tracerProvider: TracerProvider;
  readonly name: string | undefined;
  readonly now: () => number;
}

function checkOtelOptions(factory: string, options: OtelOptions | undefined): Checked {
  const o = checkOptions(factory, options, OTEL_OPTIONS);
  const meterProvider = o.meterProvider === undefined ? metrics.getMeterProvider() : o.meterProvider;
  if (typeof (meterProvider as Partial<MeterProvider> | null)?.getMeter !== 'function') invalid(factory, 'meterProvider', 'a MeterProvider (an object with getMeter)', o.meterProvider);
  const tracerProvider = o.tracerProvider === undefined ? trace.getTracerProvider() : o.tracerProvider;
  if (typeof (tracerProvider as Partial<TracerProvider> | null)?.getTracer !== 'function') invalid(factory, 'tracerProvider', 'a TracerProvider (an object with getTracer)', o.tracerProvider);
  if (o.name !== undefined && (typeof o.name !== 'string' || o.name.length === 0 || o.name.length > 64)) invalid(factory, 'name', 'a non-empty string of at most 64 characters', o.name);
  const clock = o.clock;
  if (clock !== undefined && typeof (clock as Partial<Clock> | null)?.now !== 'function') invalid(factory, 'clock', 'a Clock (an object with now())', clock);
  return { meterProvider, tracerProvider, name: o.name, now: clock === undefined ? hostTime : () => clock.now() };
}

/**
 * The same policy (same type, same behaviour) with its work recorded through OpenTelemetry:
 *
 * - `faultline.policy.events`, a counter: one per event of the policy and, for a pipeline, of each
 *   layer (retry, give_up, budget_exhausted, hedge, breaker_opened / half_opened / closed / isolated,
 *   breaker_refused, bulkhead_rejected, timeout, fallback, rate_limit_waited / refused, rate_changed,
 *   store_error), with `event.name`, `faultline.policy` (the layer's kind), `faultline.name` and
 *   `error.type` (the fault code) when a fault caused it;
 * - `faultline.attempt.duration` and `faultline.call.duration`, histograms in seconds, with
 *   `attempt.number`, `faultline.outcome` (`success` or `fault`) and `error.type`.
 *
 * Every attribute value is bounded: never a message, URL, request id or user data. Retries, hedges
 * and breaker transitions also add an event to the active span, with the fault's code, status,
 * vendor and request id, redacted. Instrument a policy once (a second time throws).
 *
 * @example
 * ```ts
 * import { pipeline, retry, timeout } from 'faultline';
 * const policy = instrument(pipeline(retry({ maxRetries: 2 }), timeout({ timeoutMs: 5_000 })), { name: 'search' });
 * await policy.execute(({ signal }) => fetch('https://api.example.com/v1/search', { signal }));
 * ```
 * @public
 */
export function instrument<P extends Policy | FallbackPolicy<unknown>>(policy: P, options?: OtelOptions): P {
  const o = checkOtelOptions('instrument', options);
  if (typeof (policy as Partial<Policy> | null)?.execute !== 'function') invalid('instrument', 'policy', 'a policy (an object with execute)', policy);
  if (seen.has(policy)) throw new TypeError('instrument: this policy is already instrumented; instrument it once and share the result');
  const recorder = new Recorder(o.meterProvider.getMeter('faultline'), kindOf(policy), o.name);
  subscribe(policy, recorder);
  const result = instrumented(policy, recorder, o.now);
  seen.add(policy);
  seen.add(result);
  return result;
}

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/** The host and port of a URL, nothing else of it (a path or query may hold secrets). */
function server(url: string): { readonly address?: string; readonly port?: number } {
  try {
    const parsed = new URL(url);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : parsed.protocol === 'http:' ? 80 : undefined) : Number(parsed.port);
    return port === undefined ? { address: parsed.hostname } : { address: parsed.hostname, port };
  } catch {
    return {};
  }
}

/**
 * Hooks for `createFetch({ observe })`: its policy (the given one or the defaults) is
 * {@link instrument}ed, and each attempt runs inside a client span named after the method, with
 * `http.request.method`, `server.address`, `server.port`, `http.response.status_code` and, when it
 * failed, `error.type` (the fault code) and an error status.
 *
 * @example
 * ```ts
 * import { createFetch } from 'faultline';
 * const api = createFetch({ baseUrl: 'https://api.example.com', observe: instrumentFetch({ name: 'example-api' }) });
 * ```
 * @public
 */
export function instrumentFetch(options?: OtelOptions): FetchObserver {
  const o = checkOtelOptions('instrumentFetch', options);
  const tracer = o.tracerProvider.getTracer('faultline');
  const policyOptions = { meterProvider: o.meterProvider, ...(o.name === undefined ? {} : { name: o.name }), clock: { now: o.now } };
  return {
    // A policy the user instrumented already is recorded once, by that instrument.
    policy: (policy) => (seen.has(policy) ? policy : instrument(policy, policyOptions)),
    attempt: (info, run) => {
      const method = HTTP_METHODS.has(info.method) ? info.method : '_OTHER';
      const { address, port } = server(info.url);
      const span = tracer.startSpan(method === '_OTHER' ? 'HTTP' : method, { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method } });
      if (address !== undefined) span.setAttribute('server.address', address);
      if (port !== undefined) span.setAttribute('server.port', port);
      if (info.attempt > 1) span.setAttribute('http.request.resend_count', info.attempt - 1);
      return context.with(trace.setSpan(context.active(), span), run).then(
        (value) => {
          if (info.status !== undefined) span.setAttribute('http.response.status_code', info.status);
          span.end();
          return value;
        },
        (error: unknown) => {
          if (info.status !== undefined) span.setAttribute('http.response.status_code', info.status);
          span.setAttribute('error.type', errorType(error));
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          throw error;
        },
      );
    },
  };
}
