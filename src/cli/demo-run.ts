/**
 * One client through one vendor's workload: a chaos server that answers each call as the
 * workload says, the calls made in order, and the traffic the server saw turned into numbers
 * (attempts, retries wasted on hopeless faults, server hints honoured, duplicate side effects).
 */
import { isFaultError } from '../core/fault.js';
import { type ChaosRequest, type ChaosStep, startChaosServer } from '../testing/chaos-server.js';
import type { DemoClient } from './demo-clients.js';
import { steppedClock } from './demo-clock.js';
import type { DemoCall, VendorDemo } from './demo-workloads.js';

/**
 * What one client did against one vendor's server.
 * @example
 * ```ts
 * const run: DemoRun = await runWorkload(demo, baselineClient, 'seed loop', 10, io);
 * ```
 * @internal
 */
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

/**
 * Where the demo writes progress (and, for the command, its result).
 * @example
 * ```ts
 * const io: DemoProgress = { err: (text) => void process.stderr.write(text) };
 * ```
 * @internal
 */
export interface DemoProgress {
  readonly err: (text: string) => void;
}

/**
 * The numbers of one run, from the requests the server recorded, grouped per call by `ranges`
 * (`[first, end)` indexes into `requests`). A request's fault is what the vendor's rules say its
 * response meant, so "wasted" and "honoured" are judged by the vendor's documentation, not by
 * either client.
 *
 * @example
 * ```ts
 * measureRun({ requests, ranges: [[0, 2]], outcomes: ['ok'], duplicateSideEffects: 0, wallMs: 1_000 }).requests; // 2
 * ```
 * @internal
 */
export function measureRun(traffic: {
  readonly requests: readonly ChaosRequest[];
  readonly ranges: readonly (readonly [number, number])[];
  readonly outcomes: readonly string[];
  readonly duplicateSideEffects: number;
  readonly wallMs: number;
}): DemoRun {
  const { requests, ranges, outcomes } = traffic;
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
    calls: ranges.length,
    succeeded: outcomes.filter((o) => o === 'ok').length,
    requests: requests.length,
    wastedRetries,
    hintsGiven,
    hintsHonoured,
    duplicateSideEffects: traffic.duplicateSideEffects,
    wallSeconds: Math.round(traffic.wallMs / 100) / 10,
    outcomes,
  };
}

/** What a failed call failed with, in a word: the fault code, the HTTP status the loop threw with, or `error`. */
function outcomeOf(error: unknown): string {
  if (isFaultError(error)) return error.code;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? `HTTP ${status}` : 'error';
}

/**
 * Runs `client` through `demo`'s workload against a fresh chaos server on 127.0.0.1, one vendor
 * second taking `realMsPerSecond` ms, writing a ✓ or ✗ per call to `io.err`.
 *
 * @example
 * ```ts
 * const run = await runWorkload(demo, faultlineClient(demo), 'faultline', 10, io);
 * ```
 * @internal
 */
export async function runWorkload(demo: VendorDemo, client: DemoClient, label: string, realMsPerSecond: number, io: DemoProgress): Promise<DemoRun> {
  const clock = steppedClock(realMsPerSecond);
  let current: { call: DemoCall; first: number | undefined; step: number } | undefined;
  // Each call's own plan, counted from the call's first request: an outage lasts its time, then
  // one step per attempt. Requests the workload did not plan for succeed.
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
        outcomes.push(outcomeOf(error));
        io.err('✗');
      }
      ranges.push([start, server.requests.length]);
    }
  } finally {
    await server.close();
  }
  const run = measureRun({ requests: server.requests, ranges, outcomes, duplicateSideEffects: server.duplicateSideEffects, wallMs: clock.now() - started });
  io.err(`  ${run.requests} requests, ${run.wallSeconds.toFixed(1)} s\n`);
  return run;
}
