// `npx tsx bench/pipeline.bench.ts`: success-path overhead of the full documented stack,
// pipeline(retry, circuitBreaker, bulkhead, timeout), over a bare `await fn()`, side by side in the same
// run with cockatiel 3.2's wrap(retry, circuitBreaker, bulkhead, timeout), and with opossum where it has
// an equivalent (its breaker carries a timeout and a capacity limit, but no retry).
// Prints median ns per call.
import * as cockatiel from 'cockatiel';
import CircuitBreaker from 'opossum';
import { Bench } from 'tinybench';
import { consecutiveFailures } from '../src/policy/breaker-strategy.js';
import { bulkhead } from '../src/policy/bulkhead.js';
import { circuitBreaker } from '../src/policy/circuit-breaker.js';
import { pipeline } from '../src/policy/pipeline.js';
import { retry } from '../src/policy/retry.js';
import { timeout } from '../src/policy/timeout.js';

// Each task makes BATCH calls per sample so sub-microsecond costs rise above timer resolution.
const BATCH = 1_000;
const time = Number(process.env.BENCH_MS ?? 2_000);
const ok = async (): Promise<number> => 1;

const flFull = pipeline(
  retry({ maxRetries: 3 }),
  circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 }),
  bulkhead({ maxConcurrent: 100, maxQueue: 100 }),
  timeout({ ms: 10_000 }),
);
const flBreakerBulkheadTimeout = pipeline(
  circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 }),
  bulkhead({ maxConcurrent: 100, maxQueue: 100 }),
  timeout({ ms: 10_000 }),
);
// The same stack without its timeout: what the retry, breaker and bulkhead layers cost (a timeout is one host timer a call).
const flNoTimeout = pipeline(
  retry({ maxRetries: 3 }),
  circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 }),
  bulkhead({ maxConcurrent: 100, maxQueue: 100 }),
);
const flBreaker = circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 });
const ckFull = cockatiel.wrap(
  cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3 }),
  cockatiel.circuitBreaker(cockatiel.handleAll, { halfOpenAfter: 10_000, breaker: new cockatiel.ConsecutiveBreaker(5) }),
  cockatiel.bulkhead(100, 100),
  cockatiel.timeout(10_000, cockatiel.TimeoutStrategy.Cooperative),
);
const ckBreaker = cockatiel.circuitBreaker(cockatiel.handleAll, { halfOpenAfter: 10_000, breaker: new cockatiel.ConsecutiveBreaker(5) });
const opossum = new CircuitBreaker(ok, { timeout: 10_000, capacity: 100, resetTimeout: 10_000, errorThresholdPercentage: 50 });

const tasks: Record<string, () => Promise<void>> = {
  'bare await fn()': async () => { for (let i = 0; i < BATCH; i++) await ok(); },
  'faultline pipeline(retry, breaker, bulkhead, timeout)': async () => { for (let i = 0; i < BATCH; i++) await flFull.execute(ok); },
  'cockatiel wrap(retry, breaker, bulkhead, timeout)': async () => { for (let i = 0; i < BATCH; i++) await ckFull.execute(ok); },
  'faultline pipeline(retry, breaker, bulkhead)': async () => { for (let i = 0; i < BATCH; i++) await flNoTimeout.execute(ok); },
  'faultline pipeline(breaker, bulkhead, timeout)': async () => { for (let i = 0; i < BATCH; i++) await flBreakerBulkheadTimeout.execute(ok); },
  'opossum breaker (timeout + capacity)': async () => { for (let i = 0; i < BATCH; i++) await opossum.fire(); },
  'host setTimeout + clearTimeout': async () => {
    for (let i = 0; i < BATCH; i++) {
      clearTimeout(setTimeout(ok, 10_000));
      await ok();
    }
  },
  'faultline circuitBreaker': async () => { for (let i = 0; i < BATCH; i++) await flBreaker.execute(ok); },
  'cockatiel circuitBreaker': async () => { for (let i = 0; i < BATCH; i++) await ckBreaker.execute(ok); },
};

const bench = new Bench({ time, warmup: true, warmupTime: 500 });
for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
await bench.run();

const median = (name: string): number => {
  const task = bench.getTask(name);
  const result = task?.result as { latency?: { p50?: number } } | undefined;
  const ms = result?.latency?.p50;
  if (ms === undefined) throw new Error(`no result for ${name}`);
  return (ms * 1e6) / BATCH;
};

const ns = Object.fromEntries(Object.keys(tasks).map((name) => [name, median(name)]));
const bare = ns['bare await fn()'] as number;
const over = (name: string): number => (ns[name] as number) - bare;
console.table(
  Object.keys(tasks).map((name) => ({ task: name, 'median ns/call': Math.round(ns[name] as number), 'overhead ns/call': Math.round(over(name)) })),
);
const full = over('faultline pipeline(retry, breaker, bulkhead, timeout)');
const ratio = over('cockatiel wrap(retry, breaker, bulkhead, timeout)') / full;
console.log(`full pipeline overhead: ${(full / 1000).toFixed(3)} µs/call (target <= 1 µs); cockatiel / faultline = ${ratio.toFixed(1)}× (target >= 10×)`);
console.log(`opossum / faultline (breaker + bulkhead + timeout) = ${(over('opossum breaker (timeout + capacity)') / over('faultline pipeline(breaker, bulkhead, timeout)')).toFixed(1)}×`);
console.log(`node ${process.version}`);
opossum.shutdown();
