// `node --expose-gc --import tsx bench/breaker-heap.ts`: a breaker's memory does not grow with the number
// of calls. Runs 1M calls (mixed successes and failures, time moving) through a breaker of each strategy
// (bursts of 20 failures every 1,000 calls open each breaker ~1,000 times) and prints the heap after 0, 10k, 100k and 1M calls, each after a full GC.
import { consecutiveFailures, failureRatio } from '../src/policy/breaker-strategy.js';
import { circuitBreaker } from '../src/policy/circuit-breaker.js';
import type { Clock } from '../src/policy/clock.js';
import { createFault, FaultError } from '../src/core/fault.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

let now = 0;
const clock: Clock = { now: () => now, sleep: () => Promise.resolve() };
const failure = new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
const ok = (): number => 1;
const fail = (): never => {
  throw failure;
};

const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const strategies = {
  'consecutiveFailures(5)': consecutiveFailures(5),
  'failureRatio({ windowCalls: 100 })': failureRatio({ threshold: 0.15, minimumCalls: 10, windowCalls: 100 }),
  'failureRatio({ windowMs: 10_000 })': failureRatio({ threshold: 0.15, minimumCalls: 10, windowMs: 10_000, slowCallMs: 1_000 }),
};
const checkpoints = [0, 10_000, 100_000, 1_000_000];
const rows: Record<string, Record<string, string>> = {};
for (const [name, strategy] of Object.entries(strategies)) {
  const breaker = circuitBreaker({ strategy, breakMs: 1, breakFactor: 1, clock });
  let opened = 0;
  breaker.onStateChange(({ to }) => {
    if (to === 'open') opened++;
  });
  const row: Record<string, string> = {};
  let done = 0;
  for (const target of checkpoints) {
    for (; done < target; done++) {
      now += 1; // time moves: windows slide, breaks end, probes go
      await breaker.execute(done % 1_000 < 20 || done % 7 === 0 ? fail : ok).catch(() => undefined);
    }
    row[`${target.toLocaleString('en')} calls`] = `${(heap() / 1024 / 1024).toFixed(2)} MB`;
  }
  row.opened = String(opened);
  rows[name] = row;
}
console.table(rows);
console.log(`node ${process.version}`);
