// `npx tsx bench/policies.bench.ts`: issue 20's three ratios, measured side by side in one run. Each
// task makes BATCH sequential awaited calls of an async function returning 1 (the success path); the
// overhead of a task is its cost minus the bare await's. Targets: pipeline(retry, circuitBreaker,
// bulkhead, timeout) at most 4× retry alone, at least 20× less than cockatiel's wrap of the same four;
// hedge with the first attempt winning at most 3× retry alone. Tasks run in interleaved rounds (a load
// change hits every task alike); each reports the best round's median wall time and CPU time per call.
// BENCH_MS sets the time per round, BENCH_ROUNDS the rounds; `--write` replaces the "Issue 20"
// section of bench/REPORT.md with this run's table (bench/report.mjs keeps that section as it is).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as cockatiel from 'cockatiel';
import { interleaved, printTable } from './interleaved.js';
import { bulkhead } from '../src/policy/bulkhead.js';
import { circuitBreaker } from '../src/policy/circuit-breaker.js';
import { consecutiveFailures } from '../src/policy/breaker-strategy.js';
import { hedge } from '../src/policy/hedge.js';
import { pipeline } from '../src/policy/pipeline.js';
import { retry } from '../src/policy/retry.js';
import { timeout } from '../src/policy/timeout.js';

const BATCH = 1000;
const ok = async (): Promise<number> => 1;

const flRetry = retry({ maxRetries: 3 });
const flPipeline = pipeline(
  retry({ maxRetries: 3 }),
  circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 10_000 }),
  bulkhead({ maxConcurrent: 100, maxQueue: 0 }),
  timeout({ timeoutMs: 10_000 }),
);
// A delay no call reaches, so the first attempt always wins.
const flHedge = hedge({ delayMs: 10_000 });
const { handleAll, ConsecutiveBreaker, TimeoutStrategy, wrap } = cockatiel;
const ckPipeline = wrap(
  cockatiel.retry(handleAll, { maxAttempts: 3 }),
  cockatiel.circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }),
  cockatiel.bulkhead(100, 0),
  cockatiel.timeout(10_000, TimeoutStrategy.Cooperative),
);

const tasks = {
  'bare await': async () => { for (let i = 0; i < BATCH; i++) await ok(); },
  'retry alone': async () => { for (let i = 0; i < BATCH; i++) await flRetry.execute(ok); },
  'pipeline of four': async () => { for (let i = 0; i < BATCH; i++) await flPipeline.execute(ok); },
  'hedge, first attempt wins': async () => { for (let i = 0; i < BATCH; i++) await flHedge.execute(ok); },
  'cockatiel wrap of the four': async () => { for (let i = 0; i < BATCH; i++) await ckPipeline.execute(ok); },
};

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const time = Number(process.env.BENCH_MS ?? 400);
const m = await interleaved(tasks, BATCH, ROUNDS, time);
console.log(`${ROUNDS} interleaved rounds of ${time} ms, ${BATCH} calls per sample`);
printTable(m);
const over = (task: string, of: 'wall' | 'cpu'): number => (m[of][task] as number) - (m[of]['bare await'] as number);
for (const of of ['wall', 'cpu'] as const) {
  const r = over('retry alone', of);
  console.log(
    `${of}: overhead over bare await (ns): retry ${r.toFixed(0)}, pipeline ${over('pipeline of four', of).toFixed(0)}, hedge ${over('hedge, first attempt wins', of).toFixed(0)}, cockatiel ${over('cockatiel wrap of the four', of).toFixed(0)}; ` +
      `pipeline/retry ${(over('pipeline of four', of) / r).toFixed(2)}× (≤ 4), hedge/retry ${(over('hedge, first attempt wins', of) / r).toFixed(2)}× (≤ 3), cockatiel/pipeline ${(over('cockatiel wrap of the four', of) / over('pipeline of four', of)).toFixed(1)}× (≥ 20)`,
  );
}

const ns = (v: number): string => Math.round(v).toString();
const section = [
  '## Issue 20: pipeline, hedge and cockatiel against retry alone',
  '',
  `Measured in one run, side by side, by \`BENCH_ROUNDS=${ROUNDS} BENCH_MS=${time} npx tsx bench/policies.bench.ts --write\` ` +
    `(${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'} shared with other work, node ${process.version}): ` +
    `${ROUNDS} interleaved rounds, each task's best round median of ${BATCH} sequential awaited calls of an async function returning 1; ` +
    'overhead = cost − bare await. Policies from src (faultline/mini\'s defaults), `timeoutMs` and `delayMs` 10 s so no deadline fires.',
  '',
  '| task | wall ns/call | wall overhead | CPU ns/call | CPU overhead | overhead ÷ retry alone (wall / CPU) |',
  '|---|---:|---:|---:|---:|---:|',
  ...Object.keys(tasks).map((task) => {
    const ratio = (of: 'wall' | 'cpu'): string => (task === 'bare await' ? '' : (over(task, of) / over('retry alone', of)).toFixed(1) + '×');
    return `| ${task} | ${ns(m.wall[task] as number)} | ${task === 'bare await' ? '' : ns(over(task, 'wall'))} | ${ns(m.cpu[task] as number)} | ${task === 'bare await' ? '' : ns(over(task, 'cpu'))} | ${task === 'bare await' ? '' : `${ratio('wall')} / ${ratio('cpu')}`} |`;
  }),
  '',
  `Targets (overheads): pipeline of four ≤ 4× retry alone; hedge, first attempt winning, ≤ 3× retry alone; cockatiel's wrap ≥ 20× the pipeline: ` +
    `here ${(over('cockatiel wrap of the four', 'wall') / over('pipeline of four', 'wall')).toFixed(0)}× (wall) / ${(over('cockatiel wrap of the four', 'cpu') / over('pipeline of four', 'cpu')).toFixed(0)}× (CPU).`,
  '',
];
console.log(section.join('\n'));
if (process.argv.includes('--write')) {
  const file = new URL('./REPORT.md', import.meta.url);
  const report = readFileSync(file, 'utf8');
  const at = report.indexOf('\n## Issue 20:');
  // Sections after this one (issue 17's, written by hand from its own benches) stay as they are.
  const next = at >= 0 ? report.indexOf('\n## ', at + 1) : -1;
  const after = next >= 0 ? `\n\n${report.slice(next + 1).trimEnd()}\n` : '';
  writeFileSync(file, `${(at >= 0 ? report.slice(0, at) : report).trimEnd()}\n\n${section.join('\n')}${after}`);
}
