/**
 * The real OpenTelemetry SDK, set up as an application would, with readers a test can look into:
 * a MeterProvider whose MetricReader collects on demand, a TracerProvider exporting to memory, and
 * an AsyncLocalStorage context manager (what @opentelemetry/context-async-hooks does) so a span
 * started by the test is the active span inside the policy.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Context, type ContextManager, ROOT_CONTEXT, context } from '@opentelemetry/api';
import { type DataPoint, type Histogram, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

/** A MetricReader read when the test asks. */
class OnDemandReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** The OpenTelemetry context kept across awaits by AsyncLocalStorage. */
class AlsContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.#storage.run(ctx, () => fn.call(thisArg, ...args));
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.#storage.disable();
    return this;
  }
}

let contextInstalled = false;

/** Installs the context manager once per test file (the API keeps the first one registered). */
export function installContext(): void {
  if (contextInstalled) return;
  contextInstalled = context.setGlobalContextManager(new AlsContextManager().enable());
}

/** One point of a metric, flattened: its attributes and its value (a histogram's record count). */
export interface Point {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly value: number;
  readonly sum?: number | undefined;
}

/** A meter provider and what it collected, by metric name. */
export async function collect(reader: MetricReader): Promise<Map<string, Point[]>> {
  const { resourceMetrics } = await reader.collect();
  const out = new Map<string, Point[]>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      const points = (metric.dataPoints as DataPoint<number | Histogram>[]).map((p) =>
        typeof p.value === 'number' ? { attributes: p.attributes, value: p.value } : { attributes: p.attributes, value: p.value.count, sum: p.value.sum },
      );
      out.set(metric.descriptor.name, [...(out.get(metric.descriptor.name) ?? []), ...points]);
    }
  }
  return out;
}

/** A fresh SDK: a meter provider with an on-demand reader, a tracer provider writing to memory. */
export function sdk(): { meterProvider: MeterProvider; reader: MetricReader; tracerProvider: BasicTracerProvider; spans: InMemorySpanExporter } {
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  return { meterProvider, reader, tracerProvider, spans };
}

/** The points of `name` whose attributes include every one of `match`. */
export function pointsOf(metrics: Map<string, Point[]>, name: string, match: Readonly<Record<string, unknown>> = {}): Point[] {
  return (metrics.get(name) ?? []).filter((p) => Object.entries(match).every(([k, v]) => p.attributes[k] === v));
}

/** The total of `name`'s points matching `match` (a counter's count, a histogram's records). */
export function total(metrics: Map<string, Point[]>, name: string, match: Readonly<Record<string, unknown>> = {}): number {
  return pointsOf(metrics, name, match).reduce((n, p) => n + p.value, 0);
}
