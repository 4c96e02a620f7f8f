/**
 * `faultline demo`: for each seed vendor, a chaos server that fails as that vendor documents, and
 * the same workload run twice — through the retry loop seed 000 recommends, and through
 * `createFetch` with the vendor's profile — with the traffic the server saw compared row by row.
 * Both clients get the same budget (3 attempts; 1 s then 2 s when the server gives no hint), so
 * every difference comes from what faultline knows about the failure.
 */
import { isFaultError } from '../core/fault.js';
import { createFetch } from '../fetch/create-fetch.js';
import { exponentialBackoff } from '../policy/backoff.js';
import type { Clock } from '../policy/clock.js';
import { pipeline } from '../policy/pipeline.js';
import { retry } from '../policy/retry.js';
import { timeout } from '../policy/timeout.js';
import { type ChaosRequest, type ChaosServer, type ChaosStep, startChaosServer } from '../testing/chaos-server.js';
import { baselineCall } from './demo-baseline.js';
import { steppedClock } from './demo-clock.js';
import { type DemoCall, VENDOR_DEMOS, type VendorDemo } from './demo-workloads.js';

/** Where the demo writes: the table (or JSON) to `out`, progress to `err` (the CLI's streams). @internal */
export interface DemoIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: DemoIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** What one client did against one vendor's server. @internal */
export interface DemoRun {
  readonly calls: number;
  readonly succeeded: number;
  readonly requests: number;
  /** Retries sent after a fault the vendor documents as never succeeding on retry (or past its retry limit). */
  readonly wastedRetries: number;
  /** Responses that carried a server-directed delay (Retry-After, or a rate-limit reset with nothing remaining). */
  readonly hintsGiven: number;
  /** Of those, the ones the client did not retry before the delay had passed. */
  readonly hintsHonoured: number;
  /** Non-idempotent calls whose side effect the server performed twice. */
  readonly duplicateSideEffects: number;
  /** Wall time in the vendor's seconds (the demo plays them fast). */
  readonly wallSeconds: number;
  /** Per call: `ok`, or what it failed with. */
  readonly outcomes: readonly string[];
}

/** Who did better on one row. @internal */
export type DemoWinner = 'faultline' | 'tie' | 'baseline';

/** One row of a vendor's table. @internal */
export interface DemoRow {
  readonly metric: string;
  readonly baseline: string;
  readonly faultline: string;
  readonly winner: DemoWinner;
}

/** One vendor's result. @internal */
export interface DemoVendorResult {
  readonly id: string;
  readonly name: string;
  readonly seed: string;
  readonly story: string;
  readonly baseline: DemoRun;
  readonly faultline: DemoRun;
  readonly rows: readonly DemoRow[];
}

/** The whole demo's result, as `--json` prints it. @internal */
export interface DemoReport {
  readonly realMsPerSecond: number;
  readonly vendors: readonly DemoVendorResult[];
  /** True when faultline did at least as well as the baseline on every row of every vendor. */
  readonly faultlineNeverWorse: boolean;
}

const DEFAULT_SCALE = 10;
const USAGE = `usage: faultline demo [--vendor ID] [--json] [--scale MS]
  --vendor ID   run one seed vendor: ${VENDOR_DEMOS.map((d) => d.id).join(', ')}
  --json        print the report as JSON instead of tables
  --scale MS    real milliseconds per vendor second (default ${DEFAULT_SCALE})
`;
const API_KEY = 'sk_live_demo_0000000000000000';

type Client = (clock: Clock, url: string, call: DemoCall) => Promise<void>;

function requestInit(call: DemoCall): RequestInit {
  return {
    method: call.method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(call.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  };
}

const baselineClient: Client = async (clock, url, call) => {
  await baselineCall(clock, url, requestInit(call));
};

function faultlineClient(demo: VendorDemo): Client {
  return async (clock, url, call) => {
    const api = createFetch({
      vendor: demo.id,
      clock,
      idempotencyKey: demo.idempotencyKey === true,
      policy: pipeline(
        retry({ maxRetries: 2, backoff: exponentialBackoff({ initialMs: 1_000, factor: 2, maxMs: 30_000, jitter: 'none' }), maxRetryAfterMs: 60_000, clock }),
        timeout({ timeoutMs: 30_000, clock }),
      ),
    });
    const res = await api(url, requestInit(call));
    await res.json();
  };
}

function measure(demo: VendorDemo, requests: readonly ChaosRequest[], ranges: readonly [number, number][], outcomes: string[], server: ChaosServer, wallMs: number): DemoRun {
  let wastedRetries = 0;
  let hintsGiven = 0;
  let hintsHonoured = 0;
  for (const [start, end] of ranges) {
    const sent = requests.slice(start, end);
    sent.forEach((request, i) => {
      const fault = request.fault;
      const next = sent[i + 1];
      if (fault === undefined) return;
      if (next !== undefined && (fault.retry === 'never' || (fault.retryLimit !== undefined && i + 1 > fault.retryLimit))) wastedRetries++;
      if (fault.retryAfterMs !== undefined) {
        hintsGiven++;
        if (next === undefined || next.at - request.at >= fault.retryAfterMs) hintsHonoured++;
      }
    });
  }
  return {
    calls: demo.calls.length,
    succeeded: outcomes.filter((o) => o === 'ok').length,
    requests: requests.length,
    wastedRetries,
    hintsGiven,
    hintsHonoured,
    duplicateSideEffects: server.duplicateSideEffects,
    wallSeconds: Math.round(wallMs / 100) / 10,
    outcomes,
  };
}

async function runClient(demo: VendorDemo, client: Client, label: string, scale: number, io: DemoIo): Promise<DemoRun> {
  const clock = steppedClock(scale);
  let current: { call: DemoCall; first: number | undefined; step: number } | undefined;
  const script = (request: ChaosRequest): ChaosStep | undefined => {
    if (current === undefined) return 'ok';
    current.first ??= request.at;
    const outage = current.call.outage;
    if (outage !== undefined && request.at < current.first + outage.forMs) return outage.step;
    return current.call.plan?.[current.step++] ?? 'ok';
  };
  const server = await startChaosServer({ vendor: demo.id, clock, script, ...(demo.behaviours === undefined ? {} : { behaviours: demo.behaviours }) });
  const ranges: [number, number][] = [];
  const outcomes: string[] = [];
  io.err(`  ${demo.id.padEnd(15)} ${label.padEnd(10)} `);
  const started = clock.now();
  try {
    for (const call of demo.calls) {
      current = { call, first: undefined, step: 0 };
      const start = server.requests.length;
      try {
        await client(clock, `${server.url}${call.path}`, call);
        outcomes.push('ok');
        io.err('✓');
      } catch (error) {
        outcomes.push(isFaultError(error) ? error.code : typeof (error as { status?: unknown }).status === 'number' ? `HTTP ${(error as { status: number }).status}` : 'error');
        io.err('✗');
      }
      ranges.push([start, server.requests.length]);
    }
  } finally {
    await server.close();
  }
  const run = measure(demo, server.requests, ranges, outcomes, server, clock.now() - started);
  io.err(`  ${run.requests} requests, ${run.wallSeconds.toFixed(1)} s\n`);
  return run;
}

/** Lower is better: a cost per successful call (a client that makes more calls succeed may spend more in total). */
function compareCost(baseline: number, baselineOk: number, faultline: number, faultlineOk: number, tieWithin = 0): DemoWinner {
  const b = baselineOk === 0 ? Number.POSITIVE_INFINITY : baseline / baselineOk;
  const f = faultlineOk === 0 ? Number.POSITIVE_INFINITY : faultline / faultlineOk;
  if (b === f || (!Number.isFinite(b) && !Number.isFinite(f))) return baseline === faultline ? 'tie' : compareLower(baseline, faultline, tieWithin);
  if (Math.abs(b - f) <= tieWithin * Math.max(b, f)) return 'tie';
  return f < b ? 'faultline' : 'baseline';
}

function compareLower(baseline: number, faultline: number, tieWithin = 0): DemoWinner {
  if (Math.abs(baseline - faultline) <= tieWithin * Math.max(baseline, faultline)) return 'tie';
  return faultline < baseline ? 'faultline' : 'baseline';
}

function rowsOf(b: DemoRun, f: DemoRun): DemoRow[] {
  const perOk = (value: number, ok: number, unit = ''): string => `${value}${unit}${ok > 0 ? ` (${(value / ok).toFixed(1)}${unit}/ok)` : ''}`;
  return [
    { metric: 'calls succeeded', baseline: `${b.succeeded}/${b.calls}`, faultline: `${f.succeeded}/${f.calls}`, winner: compareLower(-b.succeeded, -f.succeeded) },
    { metric: 'requests sent', baseline: perOk(b.requests, b.succeeded), faultline: perOk(f.requests, f.succeeded), winner: compareCost(b.requests, b.succeeded, f.requests, f.succeeded) },
    { metric: 'retries wasted on hopeless faults', baseline: String(b.wastedRetries), faultline: String(f.wastedRetries), winner: compareLower(b.wastedRetries, f.wastedRetries) },
    {
      metric: 'server hints honoured',
      baseline: `${b.hintsHonoured}/${b.hintsGiven}`,
      faultline: `${f.hintsHonoured}/${f.hintsGiven}`,
      winner: compareLower(b.hintsGiven - b.hintsHonoured, f.hintsGiven - f.hintsHonoured),
    },
    { metric: 'duplicate side effects', baseline: String(b.duplicateSideEffects), faultline: String(f.duplicateSideEffects), winner: compareLower(b.duplicateSideEffects, f.duplicateSideEffects) },
    {
      metric: 'wall time (vendor seconds)',
      baseline: perOk(Number(b.wallSeconds.toFixed(1)), b.succeeded, ' s'),
      faultline: perOk(Number(f.wallSeconds.toFixed(1)), f.succeeded, ' s'),
      // Timer jitter on a fast clock is a few percent; closer than that is a tie.
      winner: compareCost(b.wallSeconds, b.succeeded, f.wallSeconds, f.succeeded, 0.03),
    },
  ];
}

function table(result: DemoVendorResult): string {
  const width = [34, 20, 20];
  const line = (cells: string[]): string => `${cells.map((c, i) => (i === 0 ? c.padEnd(width[0] as number) : c.padStart(width[i] ?? 0))).join('  ')}\n`;
  let out = `\n${result.name} (seed ${result.seed}, --vendor ${result.id})\n  ${result.story}\n`;
  out += line(['', 'seed-000 loop', 'faultline', '  better']);
  for (const row of result.rows) out += line([row.metric, row.baseline, row.faultline, `  ${row.winner === 'tie' ? 'tie' : row.winner}`]);
  return out;
}

function parseArgs(args: readonly string[]): { vendors: readonly VendorDemo[]; json: boolean; scale: number } | string {
  let json = false;
  let scale = DEFAULT_SCALE;
  let vendors: readonly VendorDemo[] = VENDOR_DEMOS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--vendor' || arg?.startsWith('--vendor=')) {
      const id = arg === '--vendor' ? args[++i] : arg.slice('--vendor='.length);
      const found = VENDOR_DEMOS.find((d) => d.id === id);
      if (found === undefined) return `faultline demo: --vendor must be one of ${VENDOR_DEMOS.map((d) => d.id).join(', ')}, got ${id === undefined ? 'nothing' : `'${id}'`}`;
      vendors = [found];
    } else if (arg === '--scale' || arg?.startsWith('--scale=')) {
      const raw = arg === '--scale' ? args[++i] : arg.slice('--scale='.length);
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 1 || n > 1000) return `faultline demo: --scale must be a number of ms from 1 to 1000, got '${String(raw)}'`;
      scale = n;
    } else if (arg === '--help' || arg === '-h') return '';
    else return `faultline demo: unknown argument '${String(arg)}'`;
  }
  return { vendors, json, scale };
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
    const baseline = await runClient(demo, baselineClient, 'seed loop', scale, io);
    const faultline = await runClient(demo, faultlineClient(demo), 'faultline', scale, io);
    vendors.push({ id: demo.id, name: demo.name, seed: demo.seed, story: demo.story, baseline, faultline, rows: rowsOf(baseline, faultline) });
  }
  return { realMsPerSecond: scale, vendors, faultlineNeverWorse: vendors.every((v) => v.rows.every((r) => r.winner !== 'baseline')) };
}

/**
 * `faultline demo [--vendor ID] [--json] [--scale MS]`: prints a table per vendor (or the JSON
 * report) and resolves with the exit code: 0 when faultline did at least as well as the seed's
 * loop on every row, 1 when it did worse on any, 2 for a usage error.
 *
 * @example
 * ```ts
 * process.exitCode = await runDemo(['--vendor', 'runinfra']);
 * ```
 * @internal
 */
export async function runDemo(args: readonly string[], io: DemoIo = processIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    if (parsed !== '') io.err(`${parsed}\n`);
    (parsed === '' ? io.out : io.err)(USAGE);
    return parsed === '' ? 0 : 2;
  }
  io.err(
    `faultline demo: each seed vendor's failures, served by a local chaos server, through the retry loop seed 000 recommends and through createFetch.\n` +
      `Both clients: 3 attempts, 1 s then 2 s when the server gives no hint. One vendor second = ${parsed.scale} ms here.\n`,
  );
  const report = await demoReport({ vendors: parsed.vendors.map((d) => d.id), realMsPerSecond: parsed.scale, io });
  if (parsed.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const vendor of report.vendors) io.out(table(vendor));
    io.out(
      report.faultlineNeverWorse
        ? '\nfaultline did at least as well as the seed loop on every row of every vendor.\n'
        : '\nfaultline did worse than the seed loop on at least one row.\n',
    );
  }
  return report.faultlineNeverWorse ? 0 : 1;
}
