// The measuring loop the classify benches share: each task runs in interleaved rounds (so a load
// change on the machine hits every task alike), and reports tinybench's median wall time and the
// process CPU time per call, divided by the `perRun` calls one task run makes.
import { Bench } from 'tinybench';

/** Best (lowest) wall and CPU ns per call of each task. */
export interface Measured {
  readonly wall: Readonly<Record<string, number>>;
  readonly cpu: Readonly<Record<string, number>>;
}

export async function interleaved(tasks: Readonly<Record<string, () => void>>, perRun: number, rounds: number, time: number): Promise<Measured> {
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(tasks)) {
      const bench = new Bench({ time, warmup: round === 0, warmupTime: 300 });
      bench.add(name, fn);
      const before = process.cpuUsage();
      await bench.run();
      const used = process.cpuUsage(before);
      const result = bench.getTask(name)?.result as { latency?: { p50?: number; samplesCount?: number } } | undefined;
      const samples = result?.latency?.samplesCount ?? 0;
      const p50 = result?.latency?.p50;
      if (p50 === undefined || samples === 0) throw new Error(`no result for ${name}`);
      (wall[name] ??= []).push((p50 * 1e6) / perRun);
      // Warm-up calls also burn CPU; only measured rounds without warm-up count.
      if (round > 0) (cpu[name] ??= []).push(((used.user + used.system) * 1000) / (samples * perRun));
    }
  }
  const best = (xs: number[] | undefined): number => Math.min(...(xs ?? [Number.NaN]));
  const pick = (m: Record<string, number[]>): Record<string, number> => Object.fromEntries(Object.keys(tasks).map((t) => [t, best(m[t])]));
  return { wall: pick(wall), cpu: pick(cpu) };
}

/** The table both benches print. */
export function printTable(measured: Measured): void {
  console.table(Object.keys(measured.wall).map((task) => ({
    task,
    'wall ns/call (best median)': Math.round(measured.wall[task] as number),
    'CPU ns/call (best round)': Math.round(measured.cpu[task] as number),
  })));
}
