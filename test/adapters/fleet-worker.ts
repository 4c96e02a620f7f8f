/**
 * One process of a fleet (bundled by redis-fleet.test.ts and forked 8 times).
 * It builds the policies from the source, shares them through Redis, runs its
 * scenario against the test's HTTP server when told to start, and reports
 * what it saw over IPC.
 */
import { Redis } from 'ioredis';
import { redisStore } from '../../src/adapters/redis.js';
import { classify } from '../../src/entry/default-classifier.js';
import { FaultError, isFaultError } from '../../src/core/fault.js';
import { readHeaders } from '../../src/core/headers.js';
import { parseRateLimit } from '../../src/core/rate-limit.js';
import { constantBackoff } from '../../src/policy/backoff.js';
import { retryBudget } from '../../src/policy/budget.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { rateLimiter } from '../../src/policy/rate-limiter.js';
import { retry } from '../../src/policy/retry.js';

/** What the parent sends. */
export interface WorkerTask {
  readonly scenario: 'down' | 'store-chaos' | 'rate';
  readonly redisPort: number;
  readonly url: string;
  readonly name: string;
  /** How long to run, from the parent's `go`; 0 = until the parent says `stop`. */
  readonly durationMs: number;
  readonly concurrency: number;
  /** The policies' storeTimeoutMs. */
  readonly storeTimeoutMs: number;
}

/** What a worker reports. */
export interface WorkerReport {
  calls: number;
  ok: number;
  /** Failures by fault code. */
  failed: Record<string, number>;
  retries: number;
  storeErrors: number;
  /** Epoch ms of the first circuit_open refusal, or 0. */
  firstRefusalAt: number;
  /** Slowest call, ms. */
  slowestMs: number;
  /** Epoch ms of each store error. */
  storeErrorTimes: number[];
  /** Adaptive rate changes: `time:limit` + t(hrottled) / r(ecovered) / l(earned). */
  rateChanges: string[];
}

async function get(url: string, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    const body = await response.text();
    throw new FaultError(classify({ status: response.status, headers: response.headers, body }, { url }));
  }
  await response.arrayBuffer();
  return response;
}

async function main(task: WorkerTask): Promise<WorkerReport> {
  const client = new Redis(task.redisPort, '127.0.0.1', { retryStrategy: () => 20, maxRetriesPerRequest: 1, enableAutoPipelining: false });
  client.on('error', () => undefined);
  const store = redisStore({ client, prefix: 'fleet:' });
  const report: WorkerReport = { calls: 0, ok: 0, failed: {}, retries: 0, storeErrors: 0, firstRefusalAt: 0, slowestMs: 0, storeErrorTimes: [], rateChanges: [] };
  const onStoreError = (): void => {
    report.storeErrors++;
    report.storeErrorTimes.push(Date.now());
  };

  let run: (signal: AbortSignal) => Promise<unknown>;
  if (task.scenario === 'rate') {
    const limiter = rateLimiter({ limit: 100, windowMs: 1000, burst: 3, maxDelayMs: 5000, adaptive: true, store, name: task.name, storeTimeoutMs: task.storeTimeoutMs });
    limiter.onStoreError(onStoreError);
    limiter.onRateChange(({ limit, reason }) => report.rateChanges.push(`${Date.now() % 100000}:${Math.round(limit)}${reason[0]}`));
    run = (signal) =>
      limiter.execute(async () => {
        const response = await get(task.url, signal);
        const info = parseRateLimit(readHeaders(response.headers), Date.now());
        if (info !== undefined) limiter.observe(info);
        return response;
      });
  } else {
    const budget = retryBudget({ maxTokens: 10, tokenRatio: 0.1, store, name: task.name, storeTimeoutMs: task.storeTimeoutMs });
    const breaker = circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 300, breakFactor: 2, halfOpenMaxCalls: 1, store, name: task.name, storeTimeoutMs: task.storeTimeoutMs });
    budget.onStoreError?.(onStoreError);
    breaker.onStoreError?.(onStoreError);
    const retrying = retry({ maxRetries: 3, idempotent: true, backoff: constantBackoff(5), budget });
    retrying.onRetry(() => report.retries++);
    const policy = pipeline(retrying, breaker);
    run = (signal) => policy.execute(({ signal: inner }) => get(task.url, inner), { signal });
  }

  // Warm up (JIT, HTTP pool, script cache) so the measured run starts hot.
  await client.ping();
  const rule = { threshold: 1, minimumCalls: 1, windowMs: 0, windowCalls: 0, buckets: 0, breakMs: 1, maxBreakMs: 1, breakFactor: 1, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 };
  for (let i = 0; i < 5; i++) {
    await (await fetch(`${task.url}?warmup`)).arrayBuffer();
    await store.transition('warmup', 'read', rule, 0);
    await store.record('warmup', 'success', 0, rule, 0);
    await store.take('warmup-take', { intervalMs: 1, burst: 1000, maxWaitMs: 0 }, 0);
    await store.adjust('warmup-adjust', { delta: 0, initial: 0, min: 0, max: 0 }, 0);
  }
  const startAt = await new Promise<number>((resolve) => {
    process.on('message', (m: { type?: string; startAt?: number }) => {
      if (m.type === 'go' && typeof m.startAt === 'number') resolve(m.startAt);
    });
    process.send?.({ type: 'ready' });
  });
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
  let stopped = false;
  process.on('message', (m: { type?: string }) => {
    if (m.type === 'stop') stopped = true;
  });
  const end = task.durationMs > 0 ? startAt + task.durationMs : Number.POSITIVE_INFINITY;
  const loop = async (): Promise<void> => {
    while (Date.now() < end && !stopped) {
      const started = Date.now();
      report.calls++;
      try {
        await run(AbortSignal.timeout(5000));
        report.ok++;
      } catch (error) {
        const code = isFaultError(error) ? error.fault.code : 'thrown';
        report.failed[code] = (report.failed[code] ?? 0) + 1;
        if (code === 'circuit_open' && report.firstRefusalAt === 0) {
          report.firstRefusalAt = Date.now();
          process.send?.({ type: 'refused' });
        }
        // A refused call is answered at once; pace the loop so refusals do not spin the CPU.
        if (code === 'circuit_open' || code === 'rate_limited') await new Promise((r) => setTimeout(r, 2));
      }
      report.slowestMs = Math.max(report.slowestMs, Date.now() - started);
    }
  };
  await Promise.all(Array.from({ length: task.concurrency }, loop));
  client.disconnect();
  return report;
}

process.once('message', (message: WorkerTask) => {
  main(message).then(
    (report) => process.send?.({ type: 'report', report }, () => process.exit(0)),
    (error: unknown) => process.send?.({ type: 'error', error: String((error as Error)?.stack ?? error) }, () => process.exit(1)),
  );
});
