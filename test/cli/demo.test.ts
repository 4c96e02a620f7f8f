// `faultline demo` end to end: five chaos servers on 127.0.0.1, the seed-000 loop and createFetch on
// Node's real fetch, the report as JSON. The rows must say faultline did at least as well everywhere,
// and the vendor rules that make the difference must show in the numbers.
import { describe, expect, it } from 'vitest';
import { type DemoReport, runDemo } from '../../src/cli/demo.js';
import { runCli } from '../../src/cli/main.js';
import { expectNothingLeft, resources } from '../fetch/helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('faultline demo', () => {
  it('runs every seed vendor with --json, and faultline wins or ties every row', async () => {
    const before = resources();
    const { io, out, err } = capture();
    const code = await runDemo(['--json'], io);
    const report = JSON.parse(out.join('')) as DemoReport;
    expect(code).toBe(0);
    expect(report.faultlineNeverWorse).toBe(true);
    expect(report.vendors.map((v) => v.id)).toEqual(['impulse', 'runs-api', 'runinfra', 'pulse', 'fhir-inference']);
    for (const vendor of report.vendors) {
      expect(vendor.rows.map((r) => r.metric)).toEqual([
        'calls succeeded',
        'requests sent',
        'retries wasted on hopeless faults',
        'server hints honoured',
        'duplicate side effects',
        'wall time (vendor seconds)',
      ]);
      expect(vendor.rows.filter((r) => r.winner === 'baseline')).toEqual([]);
      expect(vendor.rows.some((r) => r.winner === 'faultline')).toBe(true);
    }
    const byId = Object.fromEntries(report.vendors.map((v) => [v.id, v]));
    // runs-api: the loop re-sent a POST whose run had been created (no key); faultline's key made the server replay it.
    expect([byId['runs-api']?.baseline.duplicateSideEffects, byId['runs-api']?.faultline.duplicateSideEffects]).toEqual([1, 0]);
    // FHIR: the loop retried the monthly cap (twice per capped call); faultline never did.
    expect([byId['fhir-inference']?.baseline.wastedRetries, byId['fhir-inference']?.faultline.wastedRetries]).toEqual([6, 0]);
    // RunInfra: a 500 retried once succeeds; the loop never retries a 500.
    expect(byId.runinfra?.faultline.succeeded).toBeGreaterThan(byId.runinfra?.baseline.succeeded ?? 0);
    // The LLM streaming scene runs with every vendor: no broken answer taken as whole, no token shown twice.
    expect(report.streaming?.faultline.brokenTakenAsComplete).toBe(0);
    expect(report.streaming?.faultline.tokensShownTwice).toBe(0);
    expect(report.streaming?.baseline.brokenTakenAsComplete).toBeGreaterThan(0);
    // Progress went to stderr; the demo's API key never appears anywhere.
    expect(err.join('')).toContain('fhir-inference');
    expect(`${out.join('')}${err.join('')}`).not.toContain('sk_live');
    await expectNothingLeft(before);
  });

  it('prints one table for --vendor, through the faultline command', async () => {
    const { io, out } = capture();
    const code = await runCli(['demo', '--vendor', 'runinfra'], { ...io, stdinIsTTY: true });
    const text = out.join('');
    expect(code).toBe(0);
    expect(text).toContain('RunInfra (seed 002, --vendor runinfra)');
    expect(text).not.toContain('Pulse');
    expect(text).toMatch(/calls succeeded\s+2\/7\s+4\/7\s+faultline/);
  });

  it('rejects an unknown vendor or argument with exit code 2', async () => {
    const { io, err } = capture();
    expect(await runDemo(['--vendor', 'acme'], io)).toBe(2);
    expect(err.join('')).toContain("--vendor must be one of impulse, runs-api, runinfra, pulse, fhir-inference, got 'acme'");
    expect(await runDemo(['--fast'], io)).toBe(2);
  });
});
