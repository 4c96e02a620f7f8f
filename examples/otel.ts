// Count every retry, breaker transition, timeout and fallback, and time every attempt, through the
// OpenTelemetry SDK your app already runs: instrument(policy) returns the same policy, recorded.
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { FaultError, createFault, pipeline, retry, timeout } from 'faultline';
import { instrument } from 'faultline/otel';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ answer: string; retries: number; attempts: number; errorType: unknown }> {
  // Your SDK set-up; in production an OTLP or Prometheus exporter rather than memory. Without a
  // meterProvider option, instrument uses the global one (metrics.setGlobalMeterProvider).
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });

  const clock = new VirtualClock();
  const search = instrument(
    pipeline(retry({ maxRetries: 3, idempotent: true, clock }), timeout({ timeoutMs: 2_000, clock })),
    { meterProvider, name: 'search' }, // name: a constant that tells your policies apart, never user data
  );
  let calls = 0;
  const pending = search.execute(async () => {
    calls += 1;
    if (calls <= 2) throw new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
    return 'results';
  });
  await clock.runAll();
  const answer = await pending;

  await reader.forceFlush();
  const metrics = exporter.getMetrics().flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics));
  const retried = metrics.find((m) => m.descriptor.name === 'faultline.policy.events')?.dataPoints.find((p) => p.attributes['event.name'] === 'retry');
  const attempts = metrics.find((m) => m.descriptor.name === 'faultline.attempt.duration')?.dataPoints ?? [];
  await meterProvider.shutdown();
  return {
    answer, // 'results'
    retries: Number(retried?.value ?? 0), // 2, with faultline.policy 'retry' and error.type 'service_unavailable'
    attempts: attempts.reduce((n, p) => n + (p.value as { count: number }).count, 0), // 3
    errorType: retried?.attributes['error.type'],
  };
}
