// Run by test/policy/deadlines.leak.test.ts in a child process started with --expose-gc and a young
// generation large enough that no scavenge runs while a sample is taken. For each policy's success
// path it prints the bytes allocated per call beyond a bare `await fn()` (heap growth over SAMPLE calls
// with no GC in between, minus the same for the bare await), and the heap still retained after 1M
// calls and a full GC.
import { bulkhead } from '../../src/policy/bulkhead.js';
import { circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { consecutiveFailures } from '../../src/policy/breaker-strategy.js';
import { systemWheel } from '../../src/policy/deadlines.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry } from '../../src/policy/retry.js';
import { timeout } from '../../src/policy/timeout.js';

const gc = (globalThis as { gc?: () => void }).gc as () => void;
const CALLS = Number(process.env.HEAP_CALLS ?? 1_000_000);
const SAMPLE = 10_000;
const ok = async (): Promise<number> => 1;
const bare = { execute: (fn: () => Promise<number>) => fn() };
// The floor of any policy that must see the outcome: one async function around the call.
const floor = {
  async execute(fn: () => Promise<number>): Promise<number> {
    const value = await fn();
    return value;
  },
};
const policies = {
  bare,
  floor,
  retry: retry({ maxRetries: 3 }),
  circuitBreaker: circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 }),
  bulkhead: bulkhead({ maxConcurrent: 100, maxQueue: 0 }),
  timeout: timeout({ timeoutMs: 10_000 }),
  pipeline: pipeline(
    retry({ maxRetries: 3 }),
    circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 }),
    bulkhead({ maxConcurrent: 100, maxQueue: 0 }),
    timeout({ timeoutMs: 10_000 }),
  ),
};

async function loop(policy: { execute(fn: () => Promise<number>): Promise<number> }, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await policy.execute(ok);
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const result: Record<string, { allocated: number; retained: number }> = {};
for (const [name, policy] of Object.entries(policies)) {
  await loop(policy, SAMPLE); // warm up: compiled code, shared contexts, the wheel
  await turn();
  // Allocation: the least growth of three samples (a scavenge in one only lowers it, so take the median).
  const samples: number[] = [];
  for (let s = 0; s < 3; s++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    await loop(policy, SAMPLE);
    samples.push((process.memoryUsage().heapUsed - before) / SAMPLE);
    await turn();
  }
  samples.sort((a, b) => a - b);
  gc();
  await turn();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let done = 0; done < CALLS; done += SAMPLE) {
    await loop(policy, SAMPLE);
    await turn(); // tasks end, as in a server
  }
  gc();
  await turn();
  gc();
  result[name] = { allocated: samples[1] as number, retained: process.memoryUsage().heapUsed - before };
}
process.stdout.write(`${JSON.stringify({ result, pending: systemWheel().pending, armed: systemWheel().armed, resources: process.getActiveResourcesInfo() })}\n`);
