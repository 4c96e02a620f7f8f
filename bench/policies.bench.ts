// `npx tsx bench/policies.bench.ts`: success-path overhead of faultline's retry and pipeline(retry, timeout)
// over a bare `await fn()`, side by side with cockatiel 3.2 in the same run. Prints median ns per call.
import * as cockatiel from 'cockatiel';
import { Bench } from 'tinybench';
import { pipeline } from '../src/policy/pipeline.js';
import { retry } from '../src/policy/retry.js';
import { timeout } from '../src/policy/timeout.js';

// Each task makes BATCH calls per sample so sub-microsecond costs rise above timer resolution.
const BATCH = 1_000;
const time = Number(process.env.BENCH_MS ?? 2_000);
const ok = async (): Promise<number> => 1;

const flRetry = retry({ maxRetries: 3 });
const flRetryTimeout = pipeline(retry({ maxRetries: 3 }), timeout({ ms: 10_000 }));
const ckRetry = cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3 });
const ckRetryTimeout = cockatiel.wrap(
  cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3 }),
  cockatiel.timeout(10_000, cockatiel.TimeoutStrategy.Cooperative),
);

const tasks: Record<string, () => Promise<void>> = {
  'bare await fn()': async () => { for (let i = 0; i < BATCH; i++) await ok(); },
  'faultline retry': async () => { for (let i = 0; i < BATCH; i++) await flRetry.execute(ok); },
  'cockatiel retry': async () => { for (let i = 0; i < BATCH; i++) await ckRetry.execute(ok); },
  'faultline pipeline(retry, timeout)': async () => { for (let i = 0; i < BATCH; i++) await flRetryTimeout.execute(ok); },
  'cockatiel wrap(retry, timeout)': async () => { for (let i = 0; i < BATCH; i++) await ckRetryTimeout.execute(ok); },
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
const rows = Object.keys(tasks).map((name) => ({
  task: name,
  'median ns/call': Math.round(ns[name] as number),
  'overhead ns/call': Math.round(over(name)),
}));
console.table(rows);
const retryRatio = over('faultline retry') / over('cockatiel retry');
const pipelineRatio = over('faultline pipeline(retry, timeout)') / over('cockatiel wrap(retry, timeout)');
console.log(`retry overhead: faultline / cockatiel = ${retryRatio.toFixed(2)} (target <= 1)`);
console.log(`pipeline(retry, timeout) overhead: faultline / cockatiel wrap = ${pipelineRatio.toFixed(3)} (target <= 0.2)`);
console.log(`node ${process.version}`);
