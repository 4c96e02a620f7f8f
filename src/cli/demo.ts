/**
 * `faultline demo`: for each seed vendor, a chaos server that fails as that vendor documents, and
 * the same workload run twice — through the retry loop seed 000 recommends, and through
 * `createFetch` with the vendor's profile — with the traffic the server saw compared row by row.
 * Both clients get the same budget (3 attempts; 1 s then 2 s when the server gives no hint), so
 * every difference comes from what faultline knows about the failure.
 *
 * This file is the command: its arguments, the order of the runs, and where the text goes. The
 * workloads are data (demo-workloads.ts), the clients and the runs are demo-clients.ts and
 * demo-run.ts, the comparison is demo-score.ts and the text is demo-render.ts.
 * tsup builds it as dist/demo.js, which dist/cli.js loads only when asked for the demo.
 */
import { redact } from '../core/redact.js';
import { UsageError, parseArgs } from './args.js';
import { baselineClient, faultlineClient } from './demo-clients.js';
import { introText, reportJson, reportText } from './demo-render.js';
import { runWorkload } from './demo-run.js';
import { type DemoStreamResult, streamScene } from './demo-stream.js';
import { type DemoReport, type DemoVendorResult, neverWorse, scoreRows } from './demo-score.js';
import { VENDOR_DEMOS, type VendorDemo } from './demo-workloads.js';

export type { DemoRun } from './demo-run.js';
export type { DemoReport, DemoRow, DemoVendorResult, DemoWinner } from './demo-score.js';
export type { DemoStreamResult, DemoStreamRun } from './demo-stream.js';

/**
 * Where the demo writes: the table (or JSON) to `out`, progress to `err` (the CLI's streams).
 * @example
 * ```ts
 * const io: DemoIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };
 * ```
 * @internal
 */
export interface DemoIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: DemoIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

const DEFAULT_SCALE = 10;
const VENDOR_IDS = VENDOR_DEMOS.map((d) => d.id).join(', ');
const USAGE = `usage: faultline demo [--vendor ID] [--json] [--scale MS]
  --vendor ID   run one seed vendor: ${VENDOR_IDS}
  --json        print the report as JSON instead of tables
  --scale MS    real milliseconds per vendor second (default ${DEFAULT_SCALE})
`;
const SPEC = { values: ['vendor', 'scale'], flags: ['json', 'help'], aliases: { h: 'help' } } as const;

interface DemoArgs {
  readonly help: boolean;
  readonly vendors: readonly VendorDemo[];
  readonly json: boolean;
  readonly scale: number;
}

/** The demo's arguments, through the command's one parser; anything wrong is a UsageError. */
function demoArgs(argv: readonly string[]): DemoArgs {
  const { values, flags, positionals } = parseArgs(argv, SPEC);
  if (positionals.length > 0) throw new UsageError(`unknown argument '${positionals[0]}'`);
  const id = values.get('vendor')?.[0];
  const found = id === undefined ? undefined : VENDOR_DEMOS.find((d) => d.id === id);
  if (id !== undefined && found === undefined) throw new UsageError(`--vendor must be one of ${VENDOR_IDS}, got '${id}'`);
  const raw = values.get('scale')?.[0];
  const scale = raw === undefined ? DEFAULT_SCALE : Number(raw);
  if (!Number.isFinite(scale) || scale < 1 || scale > 1000) throw new UsageError(`--scale must be a number of ms from 1 to 1000, got '${String(raw)}'`);
  return { help: flags.has('help'), vendors: found === undefined ? VENDOR_DEMOS : [found], json: flags.has('json'), scale };
}

/**
 * Runs the demo and returns the report. Progress goes to `io.err`.
 *
 * @example
 * ```ts
 * const report = await demoReport({ vendors: ['runinfra'] });
 * report.faultlineNeverWorse; // true
 * ```
 * @internal
 */
export async function demoReport(options: { readonly vendors?: readonly string[]; readonly realMsPerSecond?: number; readonly io?: DemoIo } = {}): Promise<DemoReport> {
  const io = options.io ?? processIo;
  const scale = options.realMsPerSecond ?? DEFAULT_SCALE;
  const chosen = options.vendors === undefined ? VENDOR_DEMOS : VENDOR_DEMOS.filter((d) => options.vendors?.includes(d.id));
  const vendors: DemoVendorResult[] = [];
  for (const demo of chosen) {
    const baseline = await runWorkload(demo, baselineClient, 'seed loop', scale, io);
    const faultline = await runWorkload(demo, faultlineClient(demo), 'faultline', scale, io);
    vendors.push({ id: demo.id, name: demo.name, seed: demo.seed, story: demo.story, baseline, faultline, rows: scoreRows(baseline, faultline) });
  }
  // The streaming scene belongs to the whole demo; `--vendor` asks for one seed vendor's table only.
  let streaming: DemoStreamResult | undefined;
  if (options.vendors === undefined) {
    io.err(`  ${'llm streams'.padEnd(15)} both clients `);
    streaming = await streamScene(scale);
    io.err(`  ${streaming.baseline.requests} + ${streaming.faultline.requests} requests\n`);
  }
  const neverWorseEverywhere = vendors.every((v) => neverWorse(v.rows)) && (streaming === undefined || neverWorse(streaming.rows));
  return { realMsPerSecond: scale, vendors, ...(streaming === undefined ? {} : { streaming }), faultlineNeverWorse: neverWorseEverywhere };
}

/**
 * `faultline demo [--vendor ID] [--json] [--scale MS]`: prints a table per vendor (or the JSON
 * report) and resolves with the exit code: 0 whenever the demo ran, whoever did better (the
 * tables say who did; doing worse is a result, not a failure), 2 for a usage error. A demo that
 * cannot run at all rejects, and the command exits 1.
 *
 * @example
 * ```ts
 * process.exitCode = await runDemo(['--vendor', 'runinfra']);
 * ```
 * @internal
 */
export async function runDemo(args: readonly string[], io: DemoIo = processIo): Promise<number> {
  let parsed: DemoArgs;
  try {
    parsed = demoArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`faultline demo: ${redact(error.message)}\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(USAGE);
    return 0;
  }
  io.err(introText(parsed.scale));
  const every = parsed.vendors.length === VENDOR_DEMOS.length;
  const report = await demoReport({ ...(every ? {} : { vendors: parsed.vendors.map((d) => d.id) }), realMsPerSecond: parsed.scale, io });
  io.out(parsed.json ? reportJson(report) : reportText(report));
  return 0;
}
