/**
 * What the demo prints: a table per vendor and a closing verdict, or the report as JSON. Pure
 * text; the command decides where it goes.
 */
import type { DemoReport, DemoVendorResult } from './demo-score.js';
import type { DemoStreamResult } from './demo-stream.js';

// Column widths: wide enough for the longest metric and the longest cell ('283 s (47.2 s/ok)');
// the verdict column is last, so it is not padded.
const WIDTH: readonly number[] = [34, 20, 20];

function line(cells: readonly string[]): string {
  return `${cells.map((c, i) => (i === 0 ? c.padEnd(WIDTH[0] ?? 0) : c.padStart(WIDTH[i] ?? 0))).join('  ')}\n`;
}

/**
 * One vendor's table: its name, seed and story, then a row per metric with who did better.
 * @example
 * ```ts
 * io.out(vendorTable(report.vendors[0]));
 * ```
 * @internal
 */
export function vendorTable(result: DemoVendorResult): string {
  let out = `\n${result.name} (seed ${result.seed}, --vendor ${result.id})\n  ${result.story}\n`;
  out += line(['', 'seed-000 loop', 'faultline', '  better']);
  for (const row of result.rows) out += line([row.metric, row.baseline, row.faultline, `  ${row.winner === 'tie' ? 'tie' : row.winner}`]);
  return out;
}

/**
 * The streaming scene's table: a naive stream reader against `createFetch().stream`.
 * @example
 * ```ts
 * io.out(streamTable(report.streaming));
 * ```
 * @internal
 */
export function streamTable(result: DemoStreamResult): string {
  let out = `\nLLM streaming (Anthropic shape)\n  ${result.story}\n`;
  out += line(['', 'naive reader', 'faultline stream', '  better']);
  for (const row of result.rows) out += line([row.metric, row.baseline, row.faultline, `  ${row.winner === 'tie' ? 'tie' : row.winner}`]);
  return out;
}

/**
 * The whole report for a reader: every vendor's table, then one line saying whether faultline
 * did worse anywhere. (Doing worse is a finding to read, not a failure: the command still exits 0.)
 * @example
 * ```ts
 * io.out(reportText(report));
 * ```
 * @internal
 */
export function reportText(report: DemoReport): string {
  const verdict = report.faultlineNeverWorse
    ? '\nfaultline did at least as well as the seed loop on every row of every vendor.\n'
    : '\nfaultline did worse than the seed loop on at least one row.\n';
  return `${report.vendors.map(vendorTable).join('')}${report.streaming === undefined ? '' : streamTable(report.streaming)}${verdict}`;
}

/**
 * The report as `--json` prints it.
 * @example
 * ```ts
 * JSON.parse(reportJson(report)).faultlineNeverWorse; // true
 * ```
 * @internal
 */
export function reportJson(report: DemoReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The line the demo starts with on stderr: what is being compared, and how fast time runs.
 * @example
 * ```ts
 * io.err(introText(10));
 * ```
 * @internal
 */
export function introText(realMsPerSecond: number): string {
  return (
    `faultline demo: each seed vendor's failures, served by a local chaos server, through the retry loop seed 000 recommends and through createFetch.\n` +
    `Both clients: 3 attempts, 1 s then 2 s when the server gives no hint. One vendor second = ${realMsPerSecond} ms here.\n`
  );
}
