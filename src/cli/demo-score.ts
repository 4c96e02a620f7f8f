/**
 * Who did better, row by row: the two runs of one vendor's workload compared on success, cost,
 * wasted retries, hints honoured, duplicate side effects and time. Costs are compared per
 * successful call, because a client that makes more calls succeed may fairly spend more in total.
 */
import type { DemoRun } from './demo-run.js';

/**
 * Who did better on one row.
 * @example
 * ```ts
 * const winner: DemoWinner = 'tie';
 * ```
 * @internal
 */
export type DemoWinner = 'faultline' | 'tie' | 'baseline';

/**
 * One row of a vendor's table.
 * @example
 * ```ts
 * const row: DemoRow = { metric: 'duplicate side effects', baseline: '1', faultline: '0', winner: 'faultline' };
 * ```
 * @internal
 */
export interface DemoRow {
  readonly metric: string;
  readonly baseline: string;
  readonly faultline: string;
  readonly winner: DemoWinner;
}

/**
 * The winner where lower is better; within `tieWithin` (a fraction of the larger) is a tie.
 * @example
 * ```ts
 * compareLower(6, 0); // 'faultline'
 * ```
 * @internal
 */
export function compareLower(baseline: number, faultline: number, tieWithin = 0): DemoWinner {
  if (Math.abs(baseline - faultline) <= tieWithin * Math.max(baseline, faultline)) return 'tie';
  return faultline < baseline ? 'faultline' : 'baseline';
}

/**
 * The winner on a cost per successful call (lower is better). When neither succeeded, or both
 * spent the same per success, the totals decide.
 * @example
 * ```ts
 * compareCost(12, 3, 13, 6); // 'faultline': 2.2 requests per success against 4
 * ```
 * @internal
 */
export function compareCost(baseline: number, baselineOk: number, faultline: number, faultlineOk: number, tieWithin = 0): DemoWinner {
  const b = baselineOk === 0 ? Number.POSITIVE_INFINITY : baseline / baselineOk;
  const f = faultlineOk === 0 ? Number.POSITIVE_INFINITY : faultline / faultlineOk;
  if (b === f || (!Number.isFinite(b) && !Number.isFinite(f))) return baseline === faultline ? 'tie' : compareLower(baseline, faultline, tieWithin);
  if (Math.abs(b - f) <= tieWithin * Math.max(b, f)) return 'tie';
  return f < b ? 'faultline' : 'baseline';
}

/**
 * The six rows of a vendor's table, in the order printed.
 * @example
 * ```ts
 * scoreRows(baseline, faultline)[0]?.metric; // 'calls succeeded'
 * ```
 * @internal
 */
export function scoreRows(b: DemoRun, f: DemoRun): DemoRow[] {
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

/**
 * True when faultline did at least as well as the baseline on every row.
 * @example
 * ```ts
 * neverWorse(scoreRows(baseline, faultline)); // true
 * ```
 * @internal
 */
export function neverWorse(rows: readonly DemoRow[]): boolean {
  return rows.every((r) => r.winner !== 'baseline');
}

/**
 * One vendor's result.
 * @example
 * ```ts
 * const result: DemoVendorResult = { id, name, seed, story, baseline, faultline, rows: scoreRows(baseline, faultline) };
 * ```
 * @internal
 */
export interface DemoVendorResult {
  readonly id: string;
  readonly name: string;
  readonly seed: string;
  readonly story: string;
  readonly baseline: DemoRun;
  readonly faultline: DemoRun;
  readonly rows: readonly DemoRow[];
}

/** What one client made of the LLM streaming scene (demo-stream.ts). @internal */
export interface DemoStreamRun {
  readonly calls: number;
  /** Answers that arrived whole. */
  readonly complete: number;
  /** Answers cut short (or empty) that the client took as whole: the user sees a wrong answer. */
  readonly brokenTakenAsComplete: number;
  /** Tokens the user saw twice, because a stream was sent again from the start. */
  readonly tokensShownTwice: number;
  readonly requests: number;
  readonly wallSeconds: number;
  /** Per call: `ok`, `broken` (taken as whole), or the fault it failed with. */
  readonly outcomes: readonly string[];
}

/** The scene's result, as the report carries it. @internal */
export interface DemoStreamResult {
  readonly story: string;
  readonly baseline: DemoStreamRun;
  readonly faultline: DemoStreamRun;
  readonly rows: readonly DemoRow[];
}

/**
 * The whole demo's result, as `--json` prints it.
 * @example
 * ```ts
 * JSON.stringify(report satisfies DemoReport);
 * ```
 * @internal
 */
export interface DemoReport {
  readonly realMsPerSecond: number;
  readonly vendors: readonly DemoVendorResult[];
  /** The LLM streaming scene (run with every vendor, not with `--vendor`). */
  readonly streaming?: DemoStreamResult | undefined;
  /** True when faultline did at least as well as the baseline on every row of every vendor. */
  readonly faultlineNeverWorse: boolean;
}
